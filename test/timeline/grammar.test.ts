/**
 * A systematic grammar of relative dates, one made-up sentence per form, all written on
 * Wednesday 2021-03-10 (so "Friday" is either 2021-03-05, behind, or 2021-03-12, ahead).
 * Where the sentence does not tell which way it looks, the event must not claim a wrong day:
 * it is given as the span between the two candidates, marked approximate.
 */
import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../src/timeline/index.js';
import { article, day } from './helpers.js';

const WRITTEN = '2021-03-10';
const BEHIND = '2021-03-05';
const AHEAD = '2021-03-12';
const EITHER = `${BEHIND}..${AHEAD}~`;

/** `date[..end][~]` of each event of a one-sentence article written on `WRITTEN`. */
function dates(sentence: string, published = WRITTEN): string[] {
  return buildTimeline([article('g', day(published), [sentence])]).map((e) => `${e.date}${e.end ? `..${e.end}` : ''}${e.approximate ? '~' : ''}`);
}

describe('a weekday after a modal', () => {
  it.each([
    'The harbour board may vote on Friday.',
    'The harbour board might vote on Friday.',
    'The harbour board should decide on Friday.',
    'The harbour board can sign the lease on Friday.',
    'The harbour board must decide by Friday.',
    'The harbour board cannot meet until Friday.',
  ])('looks ahead with a bare verb: %s', (sentence) => {
    expect(dates(sentence)).toEqual([AHEAD]);
  });

  it.each([
    'The harbour board could have voted on Friday.',
    'The harbour board would have voted on Friday.',
    'The ferry must have left on Friday.',
    'The skipper is believed to have sailed on Friday.',
  ])('looks back with "have": %s', (sentence) => {
    expect(dates(sentence)).toEqual([BEHIND]);
  });

  it.each([
    // Reported future in a past-tense story: the Friday may be before or after the day of writing.
    'The harbour board said it would vote on Friday.',
    'Officials said the lease would be signed on Friday.',
    // "could" is also a past ability.
    'Residents could hear the sirens on Friday.',
  ])('says neither with "would" or "could": %s', (sentence) => {
    expect(dates(sentence)).toEqual([EITHER]);
  });
});

describe('a weekday with an arrangement', () => {
  it.each([
    'The harbour board will vote on Friday.',
    'The harbour board is expected to vote on Friday.',
    'The harbour board is due to vote on Friday.',
    'The harbour board is scheduled to vote on Friday.',
    'The vote is scheduled for Friday.',
    'The harbour board plans to vote on Friday.',
    'The harbour board is voting on Friday.',
    'The harbour board is to vote on Friday.',
    'A ruling is expected Friday.',
  ])('told in the present looks ahead: %s', (sentence) => {
    expect(dates(sentence)).toEqual([AHEAD]);
  });

  it.each([
    'The harbour board was due to vote on Friday.',
    'The harbour board was expected to vote on Friday.',
    'The harbour board had been expected to vote on Friday.',
    'The harbour board was to vote on Friday.',
  ])('told in the past may be either side of the day of writing: %s', (sentence) => {
    expect(dates(sentence)).toEqual([EITHER]);
  });
});

describe('a weekday with a scheduled verb in the simple present', () => {
  it.each([
    'The ferry leaves for Malta on Friday.',
    'The harbour board votes on Friday.',
    'The minister travels to Valletta on Friday for talks.',
    'The regatta takes place on Friday.',
    'The new levy comes into force on Friday.',
  ])('looks ahead: %s', (sentence) => {
    expect(dates(sentence)).toEqual([AHEAD]);
  });

  it('is a noun when a verb follows it', () => {
    expect(dates('The harbour board votes on Friday were counted by hand.')).toEqual([BEHIND]);
  });
});

describe('a weekday in the past', () => {
  it.each([
    'The harbour board voted on Friday.',
    'Two trawlers were seized on Friday.',
    'The harbour board on Friday voted to raise fees.',
    'On Friday, the harbour board raised its fees.',
    'The deadline was Friday.',
    "Friday's vote was postponed.",
  ])('looks back: %s', (sentence) => {
    expect(dates(sentence)).toEqual([BEHIND]);
  });

  it('keeps each clause to its own verb', () => {
    expect(dates('The harbour board said on Monday that it will vote on Friday.')).toEqual(['2021-03-08', AHEAD]);
  });
});

describe('last, next and this', () => {
  it.each([
    ['The lighthouse reopened last Friday.', [BEHIND]],
    ['The lighthouse will reopen next Friday.', [AHEAD]],
    ['The lighthouse reopens this Friday.', [AHEAD]],
    ['The lighthouse reopened last week.', ['2021-03-01..2021-03-07~']],
    ['The lighthouse will reopen next week.', ['2021-03-15..2021-03-21~']],
    ['The lighthouse reopened last month.', ['2021-02']],
    ['The lighthouse will reopen next month.', ['2021-04']],
    ['The lighthouse reopened last year.', ['2020']],
    ['The lighthouse will reopen next year.', ['2022']],
    ['The lighthouse reopened last September.', ['2020-09']],
    ['The lighthouse will reopen next September.', ['2021-09']],
    ['The lighthouse reopened earlier this month.', ['2021-03']],
    ['The lighthouse will reopen later this year.', ['2021']],
    ['The lighthouse reopened two years ago.', ['2019~']],
    ['The lighthouse reopened a week ago.', ['2021-03-03~']],
  ])('%s', (sentence, expected) => {
    expect(dates(sentence)).toEqual(expected);
  });
});

describe('what cannot be anchored on the day of writing makes no event', () => {
  it.each([
    'The lighthouse reopened the following day.',
    'The lighthouse had closed the day before.',
    'The lighthouse will reopen in the coming weeks.',
    'The keeper said: "We reopen on Friday."',
    'The lighthouse reopened on the 3rd.',
    'The keeper spoke to reporters at 1230 GMT.',
  ])('%s', (sentence) => {
    expect(dates(sentence)).toEqual([]);
  });
});

describe('months and days of the month without a year', () => {
  it.each([
    ['The lighthouse closed in January.', ['2021-01']],
    ['The lighthouse will close in January.', ['2022-01']],
    ['The lighthouse closed in September.', ['2020-09']],
    ['The lighthouse will close in September.', ['2021-09']],
    ['The lighthouse closed on 5 February.', ['2021-02-05']],
    ['The lighthouse will close on April 5.', ['2021-04-05']],
    ['The lighthouse closed on 20 December.', ['2020-12-20']],
  ])('takes the occurrence on the side the tense points to: %s', (sentence, expected) => {
    expect(dates(sentence)).toEqual(expected);
  });

  it.each([
    'The lighthouse closed on 5 September.',
    'The lighthouse will close on January 5.',
    'The attacks of September 11 changed the port.',
  ])('makes no event of a day that would fall in another year months away (news gives that year): %s', (sentence) => {
    expect(dates(sentence)).toEqual([]);
  });

  it('does not take a month before a capitalised word for a date', () => {
    expect(dates('The singer April Jones opened the lighthouse festival.')).toEqual([]);
    expect(dates('The lighthouse will reopen in April after repairs.')).toEqual(['2021-04']);
  });
});

describe('years, spans and limits', () => {
  it.each([
    ['The lighthouse has been automated since 2015.', ['2015']],
    ['The lighthouse will be automated by 2025.', ['2025']],
    ['The lighthouse was rebuilt from 2010 to 2012.', ['2010..2012']],
    ['The lighthouse will be rebuilt in the first half of next year.', ['2022']],
  ])('%s', (sentence, expected) => {
    expect(dates(sentence)).toEqual(expected);
  });
});

describe('a trailing attribution does not date what it attributes', () => {
  it.each([
    ['If the council does not act, the union should strike on April 3, said its leader.', ['2021-04-03']],
    ['Dockers may strike on Friday, he told reporters.', [AHEAD]],
    ['Talks resume Friday, officials said.', [AHEAD]],
    ['The ferry sank on Friday, officials said.', [BEHIND]],
    ['The ferry sank, officials said on Friday.', [BEHIND]],
    ['Fees should rise on April 3, said Ann Lund, of the harbour board, a group of owners who organized the rally.', ['2021-04-03']],
    // Not an attribution when what is said follows it: the date is the saying's.
    ['Speaking on Monday, Mr Lund said fees would rise.', ['2021-03-08']],
  ])('%s', (sentence, expected) => {
    expect(dates(sentence)).toEqual(expected);
  });
});

describe('a yearless month with no direction', () => {
  it.each([
    'Sales could rise in September.',
    'The firm said sales would rise in September.',
  ])('half a year away could be last year\'s or next year\'s: no event for %s', (sentence) => {
    expect(dates(sentence)).toEqual([]);
  });

  it('is behind the day of writing when the one verb is a present perfect of what is done', () => {
    expect(dates('The company has cut 500 jobs in September.')).toEqual(['2020-09']);
  });

  it('is its nearest occurrence when that is within a season', () => {
    expect(dates('Sales could rise in May.')).toEqual(['2021-05']);
    expect(dates('The company has cut 500 jobs in January.')).toEqual(['2021-01']);
  });

  it('looks ahead when "expected" or "due" introduces it', () => {
    expect(dates('No date has been set for the hearing, expected in September.')).toEqual(['2021-09']);
    expect(dates('The ruling, due in September, could change the law.')).toEqual(['2021-09']);
  });

  it('looks back after a singular subject and a verb whose past is its base form', () => {
    expect(dates('In June, the firm cut 500 jobs.')).toEqual(['2020-06']);
  });
});

describe('a date counted from one the story names', () => {
  /** `date[~] [when]` of each event of a made-up article. */
  const told = (...paragraphs: string[]): string[] =>
    buildTimeline([article('s', day(WRITTEN), paragraphs)]).map((e) => `${e.date}${e.approximate ? '~' : ''} [${e.when}]`);

  it('counts days, the following day and years from the last date named with its year', () => {
    expect(told('The keeper was kidnapped on 16 March 1978. His boat was found 40 days later in a cove.')).toEqual([
      '1978-03-16 [on 16 March 1978]',
      '1978-04-25~ [40 days later]',
    ]);
    expect(told('The keeper was kidnapped on 16 March 1978 and freed the following day.')).toEqual(['1978-03-16 [on 16 March 1978]', '1978-03-17 [the following day]']);
    expect(told('The keeper was elected in 2010 and resigned the next year.')).toEqual(['2010 [2010]', '2011 [the next year]']);
  });

  it('reads "earlier that year" from the paragraph before', () => {
    expect(told('The letter arrived on 1 September 1987, during a storm.', 'The keeper had met the mayor earlier that year.')).toEqual([
      '1987 [earlier that year]',
      '1987-09-01 [on 1 September 1987]',
    ]);
  });

  it('makes no event without such a date, across another time expression, or for a span', () => {
    expect(told('The ferry ran at a loss, and the next year the council sold it.')).toEqual([]);
    expect(told('The pier opened in 2015 and was repaired last week. Two years later it burned down.')).toEqual([
      '2015 [2015]',
      '2021-03-01~ [last week]',
    ]);
    expect(told('The pier opened in 2015, and traffic will grow over the next year.')).toEqual(['2015 [2015]']);
    expect(told('The pier opened on 4 May 2015 and the keeper resigned the day after the opening.')).toEqual(['2015-05-04 [on 4 May 2015]']);
  });

  it('counts days only from a day, months only from a month', () => {
    expect(told('The pier opened in 2015. Ten days later it burned down.')).toEqual(['2015 [2015]']);
  });
});

describe('years in other shapes', () => {
  it.each([
    ['The keeper stays until the end of the 2023/24 season.', ['2023..2024']],
    ['Profits rose in the 2019-20 financial year.', ['2019..2020']],
    ["The fund paid for the governor's 2016 campaign.", ['2016']],
    ["The firm's 2000 workers went on strike.", []],
    ['Call 2019/21 for details.', []],
  ])('%s', (sentence, expected) => {
    expect(dates(sentence)).toEqual(expected);
  });
});

describe('a weekday that dates an infinitive of what is agreed, planned or wanted', () => {
  it.each([
    'The ministers want to meet on Friday.',
    'The harbour board hopes to sign the lease on Friday.',
    'The ministers agree to meet again on Friday.',
  ])('looks ahead when the saying is present: %s', (sentence) => {
    expect(dates(sentence)).toEqual([AHEAD]);
  });

  it.each([
    'The ministers agreed to meet again on Friday.',
    'The ministers hoped to meet on Friday.',
    'The dockers voted to strike on Friday.',
    'The union has threatened to strike on Friday.',
  ])('may be either side of the day of writing when the saying is past: %s', (sentence) => {
    expect(dates(sentence)).toEqual([EITHER]);
  });

  it('is the saying\'s own date when it stands beside the saying', () => {
    expect(dates('The ministers agreed on Friday to meet again.')).toEqual([BEHIND]);
  });
});

describe('weekends and times of day', () => {
  it.each([
    ['Protesters gathered over the weekend.', ['2021-03-06..2021-03-07~']],
    ['Protesters will gather over the weekend.', ['2021-03-13..2021-03-14~']],
    // No tense: from the weekend before to the one after.
    ['Protesters could gather over the weekend.', ['2021-03-06..2021-03-14~']],
    ['The council met on Tuesday night.', ['2021-03-09']],
    ['The council met last night.', ['2021-03-09']],
    ['The council will meet tonight.', [WRITTEN]],
    ['The council met earlier this week.', ['2021-03-04..2021-03-09~']],
  ])('%s', (sentence, expected) => {
    expect(dates(sentence)).toEqual(expected);
  });
});

describe('a date named as what comes before or after the verb', () => {
  it.each([
    ["The keeper spoke ahead of Thursday's vote on the harbour.", ['2021-03-04..2021-03-11~']],
    ["Before Thursday's vote, the keeper met the rebels.", ['2021-03-04..2021-03-11~']],
    ["The vote comes after Monday's debate.", ['2021-03-08..2021-03-15~']],
  ])('is not put on the verb\'s side of the day of writing: %s', (sentence, expected) => {
    expect(dates(sentence)).toEqual(expected);
  });

  it.each([
    ["The vote came after Monday's debate.", ['2021-03-08']],
    ["The keeper will speak ahead of Friday's vote.", [AHEAD]],
  ])('keeps the direction both sides agree on: %s', (sentence, expected) => {
    expect(dates(sentence)).toEqual(expected);
  });
});

describe('an arrangement told without a verb of its own ("planned for Thursday")', () => {
  it.each([
    ['The regatta, planned for Friday, will go ahead.', [AHEAD]],
    ['A hearing set for Friday will decide the lease.', [AHEAD]],
    ['The regatta, planned for Friday, was called off.', [EITHER]],
    ['Talks scheduled for Friday were postponed.', [EITHER]],
    ['The loan, due in January, was repaid.', ['2021-01']],
    ['Harbour fees fell as expected on Friday.', [BEHIND]],
    ['Harbour fees rose more than expected on Friday.', [BEHIND]],
  ])('%s', (sentence, expected) => {
    expect(dates(sentence)).toEqual(expected);
  });
});

describe('a weekday in a clause of its own, beside a verb of another time', () => {
  it.each([
    ['The beacon, which failed on Friday, will be repaired next week.', [BEHIND, '2021-03-15..2021-03-21~']],
    ['After the beacon failed on Friday, engineers will repair it.', [BEHIND]],
    ['The sailors who left on Friday will return in May.', [BEHIND, '2021-05']],
    ['A sailor who was rescued on Friday will testify at the inquiry.', [BEHIND]],
  ])('takes the tense of its own clause: %s', (sentence, expected) => {
    expect(dates(sentence)).toEqual(expected);
  });

  it.each([
    ['The keeper said the regatta on Friday will be the last.', [AHEAD]],
    ['The keeper said on Monday it will reopen on Friday.', ['2021-03-08', AHEAD]],
  ])('belongs to the nearer verb: %s', (sentence, expected) => {
    expect(dates(sentence)).toEqual(expected);
  });
});

describe('a weekday that is not one day of the week of writing', () => {
  it.each([
    'The lighthouse was struck on 2 June 2012, a Saturday.',
    'The keeper remembers that she married on a Friday.',
    'The lighthouse was struck in June 2012. On the Saturday, the keeper left.',
    'The museum opens Tuesday through Sunday.',
    'The museum opens Tuesday-Sunday.',
    'The exhibition ran from Monday until Thursday.',
  ])('makes no event: %s', (sentence) => {
    expect(dates(sentence).filter((d) => d.startsWith('2021'))).toEqual([]);
  });
});

describe('a day something is put off to, or held until', () => {
  it.each([
    'The hearing was put back to Friday.',
    'The dockers called a stoppage for Friday.',
    'The harbour stayed closed until Friday.',
  ])('told in the past may be either side of the day of writing: %s', (sentence) => {
    expect(dates(sentence)).toEqual([EITHER]);
  });

  it.each([
    'The harbour remains closed until Friday.',
    'The hearing has been adjourned until Friday.',
    'The hearing will be adjourned until Friday.',
    // A verb that puts off what is to come.
    'The hearing was adjourned until Friday.',
  ])('told in the present or future is ahead: %s', (sentence) => {
    expect(dates(sentence)).toEqual([AHEAD]);
  });

  it("keeps a past verb's direction for a day named as whose event, or a month a report covers", () => {
    expect(dates("The skipper was charged for Friday's collision.")).toEqual([BEHIND]);
    expect(dates('The harbour board reported its figures for June.')).toEqual(['2020-06']);
  });

  it('reads a month something was put off to as its nearest occurrence', () => {
    expect(dates('The regatta was postponed to May.')).toEqual(['2021-05']);
  });
});

describe('a weekday placed in a week the same phrase names', () => {
  it.each([
    ["Dealers sold ahead of next week's sale of harbour bonds on Tuesday.", ['2021-03-15..2021-03-21~', '2021-03-16']],
    ['The ministers gathered last week in Valletta on Thursday.', ['2021-03-01..2021-03-07~', '2021-03-04']],
    ['The ministers will gather later this week, on Thursday, in Valletta.', ['2021-03-11..2021-03-16~', '2021-03-11']],
  ])('is that week\'s day: %s', (sentence, expected) => {
    expect(dates(sentence)).toEqual(expected);
  });

  it('is not placed by a week named in another clause', () => {
    expect(dates('Next week the board will vote, and it voted on Monday.')).toEqual(['2021-03-08', '2021-03-15..2021-03-21~']);
  });
});

describe('a day something was moved from', () => {
  it('may be either side of the day of writing', () => {
    expect(dates('The regatta, brought forward from Friday, was held on Tuesday.')).toEqual([EITHER, '2021-03-09']);
  });
});

describe('a sentence set in an earlier year by its opening', () => {
  it.each([
    ['In 2012, the keeper said the pier had lost money last year.', ['2012']],
    ['Back in 2012, the keeper said on Friday that the pier would close.', ['2012']],
    ['When the pier closed in 2009, its keeper said he would retire next year.', ['2009']],
    ['In June 2012 the keeper resigned, a week after a storm hit on Friday.', ['2012-06']],
  ])('does not anchor its relative dates on the day of writing: %s', (sentence, expected) => {
    expect(dates(sentence)).toEqual(expected);
  });

  it.each([
    ['The pier, built in 1999, closed last year.', ['1999', '2020']],
    ['The keeper who retired in 2009 said on Friday he would return.', ['2009', BEHIND]],
    ['Since 2015, the pier has lost money, including $5m this year.', ['2015', '2021']],
    ['In 2021, the pier will lose money this month.', ['2021', '2021-03']],
  ])('anchors them when the year is elsewhere, counted up to now, or the year of writing: %s', (sentence, expected) => {
    expect(dates(sentence)).toEqual(expected);
  });

  it.each([
    ['In 2012, the pier burned down on 5 March.', ['2012', '2012-03-05']],
    ['In 2012, the pier burned down on Christmas Day.', ['2012', '2012-12-25']],
    // A decade is no one year to put the day in.
    ['In the 1990s, the pier burned down on 5 March.', ['1990']],
  ])('puts a day without its year in the year it is set in: %s', (sentence, expected) => {
    expect(dates(sentence)).toEqual(expected);
  });
});

describe('a weekday of an infinitive with an object before it, or of a noun of intent', () => {
  it('looks ahead when the expecting or asking is present', () => {
    expect(dates('Dealers expect the harbour board to raise fees on Friday.')).toEqual([AHEAD]);
    expect(dates('The union asks its members to walk out on Friday.')).toEqual([AHEAD]);
  });

  it.each([
    'Dealers expected the harbour board to raise fees on Friday.',
    'The union had asked its members to walk out on Friday.',
    'The plan to raise fees on Friday was dropped.',
    'Police told the skipper to leave on Friday.',
  ])('may be either side of the day of writing when the expecting was past, or a noun: %s', (sentence) => {
    expect(dates(sentence)).toEqual([EITHER]);
  });
});
