import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../src/timeline/index.js';
import type { TimelineEvent } from '../../src/timeline/types.js';
import { article, day, month } from './helpers.js';

/** `date [when]` of each event of one made-up article. */
function dated(published: string, paragraphs: string[]): string[] {
  const date = published.length === 7 ? month(published) : day(published);
  return buildTimeline([article('a', date, paragraphs)]).map((e: TimelineEvent) => `${e.date}${e.end ? `..${e.end}` : ''} [${e.when}]`);
}

// 2021-03-01 was a Monday.
describe('a weekday is dated forward or backward by the sentence around it', () => {
  it('dates forward what will happen, is expected, is due or is planned', () => {
    expect(dated('2021-03-01', ['The envoy will sign the accord on Friday.'])).toEqual(['2021-03-05 [on Friday]']);
    expect(dated('2021-03-01', ['The two ministers are expected to meet Thursday in Oslo.'])).toEqual(['2021-03-04 [Thursday]']);
    expect(dated('2021-03-01', ['The harbour tunnel is due to reopen on Wednesday.'])).toEqual(['2021-03-03 [on Wednesday]']);
    expect(dated('2021-03-01', ['The council plans to publish its review on Saturday.'])).toEqual(['2021-03-06 [on Saturday]']);
  });

  it('dates forward a scheduled event told in the present tense', () => {
    expect(dated('2021-03-01', ['The delegation leaves for Lisbon on Wednesday and the mayor returns on Sunday.'])).toEqual([
      '2021-03-03 [on Wednesday]',
      '2021-03-07 [on Sunday]',
    ]);
  });

  it('dates backward what happened, whatever the weekday', () => {
    expect(dated('2021-03-01', ['The envoy signed the accord on Friday.'])).toEqual(['2021-02-26 [on Friday]']);
    expect(dated('2021-03-01', ['The mayor on Thursday said the harbour would stay shut.'])).toEqual(['2021-02-25 [on Thursday]']);
    expect(dated('2021-03-01', ['Inspectors were sent to the mill Saturday after the spill.'])).toEqual(['2021-02-27 [Saturday]']);
  });

  it('keeps the day of writing for its own weekday, either way', () => {
    expect(dated('2021-03-01', ['The board will vote on Monday evening.'])).toEqual(['2021-03-01 [on Monday]']);
    expect(dated('2021-03-01', ['The board voted on Monday.'])).toEqual(['2021-03-01 [on Monday]']);
  });

  it('reads the clause that holds the weekday, not another one', () => {
    expect(dated('2021-03-01', ['The mayor said on Friday that the ferry will resume on Tuesday.'])).toEqual([
      '2021-02-26 [on Friday]',
      '2021-03-02 [on Tuesday]',
    ]);
  });

  it('takes "next" and "last" weekdays strictly after and before the day of writing', () => {
    expect(dated('2021-03-01', ['The ceremony is to be held at the town hall next Monday.'])).toEqual(['2021-03-08 [next Monday]']);
    expect(dated('2021-03-01', ['The ferry sank last Monday.'])).toEqual(['2021-02-22 [last Monday]']);
  });

  it('does not take a noun wink-nlp tags as a verb for the present tense', () => {
    expect(dated('2021-03-03', ['The council held a rally at its own harbour launch on Monday, where the mayor spoke.'])).toEqual(['2021-03-01 [on Monday]']);
  });

  it('does not anchor a weekday told relative to another day', () => {
    expect(dated('2021-03-01', ['The ferry will sail at noon on that Friday.', 'The market opens early every Friday.'])).toEqual([]);
  });

  it('does not take the present of a verb that narrates for a schedule: either Friday, as a span', () => {
    expect(dated('2021-03-01', ['The inquiry follows the hearing Friday of three harbour officials.'])).toEqual(['2021-02-26..2021-03-05 [Friday]']);
  });
});

describe('a month named without a year is placed by the sentence around it', () => {
  it('puts a past-tense month before the day of writing, even when the next one is nearer', () => {
    expect(dated('2021-11-20', ['The old bridge closed unexpectedly in April.'])).toEqual(['2021-04 [April]']);
  });

  it('puts a future month after it, even when the last one is nearer', () => {
    expect(dated('2021-03-10', ['The new bridge will open in August.'])).toEqual(['2021-08 [August]']);
  });

  it('dates "since" back and "until" forward', () => {
    expect(dated('2021-11-20', ['The ferries have been idle since March.'])).toEqual(['2021-03 [since March]']);
    expect(dated('2021-03-10', ['The council froze parking fees until September.'])).toEqual(['2021-09 [until September]']);
    expect(dated('2021-03-10', ['The council has kept parking fees low until September.'])).toEqual(['2021-09 [until September]']);
    // A state told in the past may have ended before the day of writing or not: as with no direction.
    expect(dated('2021-03-10', ['The car park stayed shut until September.'])).toEqual([]);
    expect(dated('2021-03-10', ['The car park stayed shut until April.'])).toEqual(['2021-04 [until April]']);
  });

  it('reads "last February" and "next February" against the month of writing', () => {
    expect(dated('2021-11-20', ['The mill reopened last February after a long strike.'])).toEqual(['2021-02 [last February]']);
    expect(dated('2021-02-10', ['The mill reopened last February after a long strike.'])).toEqual(['2020-02 [last February]']);
    expect(dated('2021-11-20', ['The mill will reopen next February.'])).toEqual(['2022-02 [next February]']);
  });
});

describe('other expressions the issue names', () => {
  it('dates "last month", "next week" and "later this year"', () => {
    expect(dated('2021-03-10', ['A letter from the union reached the mayor last month.'])).toEqual(['2021-02 [last month]']);
    expect(dated('2021-03-10', ['The survey results will be published next week.'])).toEqual(['2021-03-15..2021-03-21 [next week]']);
    expect(dated('2021-03-10', ['The tunnel is expected to open later this year.'])).toEqual(['2021 [later this year]']);
  });

  it('dates "this week" ahead when the sentence looks forward', () => {
    expect(dated('2021-03-01', ['The mayor is due to open the market this week.'])).toEqual(['2021-03-01..2021-03-07 [this week]']);
    expect(dated('2021-03-01', ['The mayor opened the market this week.'])).toEqual(['2021-02-23..2021-03-01 [this week]']);
  });

  it('dates the end or first half of a period as the period', () => {
    expect(dated('2021-03-10', ['The fleet will grow by a third by the end of 2027.'])).toEqual(['2027 [the end of 2027]']);
    expect(dated('2021-03-10', ['The jury will pick a design in the first half of next year.'])).toEqual(['2022 [the first half of next year]']);
  });

  it('never reads a clock time as a year', () => {
    expect(dated('2021-03-10', ['The minister speaks at 1230 GMT, after the markets close.'])).toEqual([]);
    expect(dated('2021-03-10', ['Polls closed at 2100 local time.'])).toEqual([]);
  });

  it('gives two candidate days only their month', () => {
    expect(dated('2021-03-10', ['The mayor will ask the council on 6 or 7 April to approve the budget.'])).toEqual(['2021-04 [7 April]']);
  });

  it('keeps an imprecise publication date imprecise, whatever the direction', () => {
    expect(dated('2021-03', ['The envoy will sign the accord on Friday.'])).toEqual(['2021-03 [on Friday]']);
  });
});

// 2021-03-10 was a Wednesday.
describe('phrases counted from the story, months of a named year, clock times, plural subjects', () => {
  it('does not anchor "the next year" or "over the next year" on the day of writing', () => {
    expect(dated('2021-03-10', ['The ferry ran at a loss, and the next year the council sold it.', 'Traffic is forecast to grow over the next year, the report said.'])).toEqual([]);
    expect(dated('2021-03-10', ['The council will sell the ferry next year.'])).toEqual(['2022 [next year]']);
  });

  it('reads "March of last year" as one month of the year before', () => {
    expect(dated('2021-03-10', ['The quay was damaged in March of last year.'])).toEqual(['2020-03 [March of last year]']);
    expect(dated('2021-03-10', ['The quay will be rebuilt in May next year.'])).toEqual(['2022-05 [May next year]']);
  });

  it('dates a clock time alone to the day of writing when it is still ahead, and never otherwise', () => {
    expect(dated('2021-03-10', ['The mayor opens the harbour fair at 1230 GMT.'])).toEqual(['2021-03-10 [1230 GMT]']);
    expect(dated('2021-03-10', ['The ferry left at 6:01 am.', 'The fare will rise to £12.50 in the spring.'])).toEqual([]);
    expect(dated('2021-03-10', ['Ferries will sail every hour from 6:30 am.'])).toEqual([]);
    // A clock time beside any day, even one counted from the story, is on that day.
    expect(dated('2021-03-10', ['The vote will be at about 1230 GMT on that Wednesday.'])).toEqual([]);
  });

  it('reads a plan or a schedule after a plural subject that opens the sentence as looking forward', () => {
    expect(dated('2021-03-10', ['Officials hope to sign the accord by Friday.'])).toEqual(['2021-03-12 [Friday]']);
    expect(dated('2021-03-10', ['Ministers gather in Oslo on Thursday for talks.'])).toEqual(['2021-03-11 [on Thursday]']);
    expect(dated('2021-03-10', ['Ministers gathered in Oslo on Thursday for talks.'])).toEqual(['2021-03-04 [on Thursday]']);
  });
});

describe('parts of months, seasons and decades', () => {
  it('dates "early January" and "mid-December 2019" to their month', () => {
    expect(dated('2021-03-10', ['The plan was floated in early January.'])).toEqual(['2021-01 [early January]']);
    expect(dated('2021-03-10', ['The boom ended in mid-December 2019.'])).toEqual(['2019-12 [mid-December 2019]']);
  });

  it('dates "last summer" to the last summer over before the month of writing', () => {
    expect(dated('2021-03-10', ['The mayor resigned last summer.'])).toEqual(['2020 [last summer]']);
    expect(dated('2021-10-10', ['The mayor resigned last summer.'])).toEqual(['2021 [last summer]']);
    expect(dated('2021-10-10', ['The pier will reopen next spring.'])).toEqual(['2022 [next spring]']);
  });

  it('reads "a decade ago" as ten years, approximate, and "the third quarter of 2020" as its year', () => {
    const [event] = buildTimeline([article('a', day('2021-03-10'), ['The pier was built a decade ago.'])]);
    expect(event).toMatchObject({ date: '2011', approximate: true });
    expect(dated('2021-03-10', ['Sales fell in the third quarter of 2020.'])).toEqual(['2020 [the third quarter of 2020]']);
  });
});

describe('a holiday that names a period or a thing', () => {
  it('does not date "their Christmas break" or "the Christmas recess" to Christmas Day', () => {
    expect(dated('2021-01-04', ['Councillors return from their Christmas break on Monday.'])).toEqual(['2021-01-04 [on Monday]']);
    expect(dated('2021-01-04', ['The ferry stopped before the Christmas recess began.'])).toEqual([]);
    expect(dated('2021-01-04', ['The ferry stopped over Christmas, the operator said.'])).toEqual(['2020-12-25 [Christmas]']);
  });
});

describe('habits, the month of writing, and a scheduled verb wink-nlp takes for a noun', () => {
  it('makes no event of "every September"', () => {
    expect(dated('2021-03-10', ['The harbour festival is held every September.'])).toEqual([]);
  });

  it('puts a day of the month of writing in that year when only the month of writing is known', () => {
    expect(dated('2021-03', ['The accord was signed on 16 March.'])).toEqual(['2021-03-16 [on 16 March]']);
  });

  it('reads "Mr Lund returns from …" as a schedule, forward', () => {
    // 2021-03-07 was a Sunday.
    expect(dated('2021-03-07', ['Mr Lund returns from his holiday in Crete on Monday.'])).toEqual(['2021-03-08 [on Monday]']);
    expect(dated('2021-03-07', ['Mr Lund returned from his holiday in Crete on Monday.'])).toEqual(['2021-03-01 [on Monday]']);
  });
});

describe('a present perfect that is the sentence’s one verb', () => {
  it('puts a yearless month behind the day of writing', () => {
    // Written in January: the nearest March is ahead, but what "has" been done is behind.
    expect(dated('2021-01-12', ['The harbour board has approved six leases since 2015, the latest in March.'])).toEqual([
      '2015 [since 2015]',
      '2020-03 [March]',
    ]);
  });

  it('leaves an arrangement or a promise in the present perfect to the nearest month', () => {
    expect(dated('2021-01-12', ['The harbour board has promised a new ferry in March.'])).toEqual(['2021-03 [March]']);
    expect(dated('2021-01-12', ['The harbour board has said the ferry will sail in March.'])).toEqual(['2021-03 [March]']);
  });
});

describe('a date that names what came after the event', () => {
  it('does not date a past event to the day of what it led up to', () => {
    // 2021-03-03 was a Wednesday: the tension rose before Sunday, whichever Sunday.
    expect(dated('2021-03-03', ['Tension rose in the run-up to Sunday’s regatta.'])).toEqual(['2021-02-28..2021-03-07 [Sunday]']);
  });
});

describe('shapes that look forward without being told forward', () => {
  it('reads a capitalised "Will" before a name as the name, not a future', () => {
    // 2021-03-03 was a Wednesday.
    expect(dated('2021-03-03', ['Will Harding arrived in Porthaven on Monday.'])).toEqual(['2021-03-01 [on Monday]']);
    expect(dated('2021-03-03', ['Will Harding arrive in Porthaven on Monday?'])).toEqual(['2021-03-08 [on Monday]']);
    expect(dated('2021-03-03', ['Harbour staff will meet on Friday.'])).toEqual(['2021-03-05 [on Friday]']);
  });

  it('reads "will" after an article, a possessive or an adjective as the noun, not a future', () => {
    // 2021-03-03 was a Wednesday: the keeper's will was signed before the day of writing.
    expect(dated('2021-03-03', ['Before his retirement in October, the keeper had signed a will.'])).toEqual(['2020-10 [October]']);
    expect(dated('2021-03-03', ['The ferry sailed on Monday against the will of the harbour board.'])).toEqual(['2021-03-01 [on Monday]']);
    expect(dated('2021-03-03', ['The council met on Monday, showing little political will.'])).toEqual(['2021-03-01 [on Monday]']);
    // A subject before the modal keeps it a future.
    expect(dated('2021-03-03', ['Many will sail on Friday.'])).toEqual(['2021-03-05 [on Friday]']);
  });

  it('does not date forward a state told in the present ("shares are up on Tuesday")', () => {
    // 2021-03-02 was a Tuesday: the state is the day of writing's, or the span around it.
    expect(dated('2021-03-02', ['Ferry shares are up 3% on Tuesday after the contract news.'])).toEqual(['2021-03-02 [on Tuesday]']);
    expect(dated('2021-03-03', ['Ferry shares are down 3% on Tuesday after the contract news.'])).not.toContain('2021-03-09 [on Tuesday]');
    expect(dated('2021-03-03', ['The harbour vote is on Friday.'])).toEqual(['2021-03-05 [on Friday]']);
  });
});

describe('a chronology set in the story', () => {
  it('dates each item of a dated list, though it ends with no full stop', () => {
    expect(dated('2021-03-03', ['Key dates', '1998: The pier opens to the public', 'March 2019 - The council votes to rebuild'])).toEqual([
      '1998 [1998]',
      '2019-03 [March 2019]',
    ]);
    // A date stamp is still no event.
    expect(dated('2021-03-03', ['Published: 19 Oct 2018'])).toEqual([]);
    // Told in the present, a yearless day of the list is its nearest occurrence, not the next one.
    expect(dated('2021-03-10', ['Key dates', 'March 5: Talks resume at the quay'])).toEqual(['2021-03-05 [March 5]']);
  });
});
