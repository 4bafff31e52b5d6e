/**
 * Whole made-up pages of shapes the labelled corpora do not hold: the
 * classifier must keep their bodies and name their furniture from general
 * signals, not from pages it has seen.
 */
import { describe, expect, it } from 'vitest';
import { classifyBlocks } from '../../src/corpus/classify.js';
import { cleanPage } from '../../src/corpus/clean.js';
import { isSidebarHeading } from '../../src/corpus/furniture.js';
import { signalsOf } from '../../src/corpus/signals.js';
import { prose } from './helpers.js';

const bodyOf = (page: string): string[] => cleanPage(page).paragraphs.filter((p) => p.kind === 'body').map((p) => p.text);
const kindOf = (page: string, text: string): string | undefined => cleanPage(page).blocks.find((b) => b.text === text)?.kind;

describe('pages of other shapes', () => {
  it('keeps a blog post told in short first-person paragraphs, and drops its share bar, related list and comment form', () => {
    const story = [
      'I went down to the library on Saturday morning expecting the usual quiet shelves.',
      'Instead there was a queue out of the door.',
      'The seed library opened three years ago with a single box of donated packets, and for most of that time it has struggled to give away more than a handful each month.',
      'I think that is wonderful.',
      'Next month the group plans to run a swap evening so that growers can bring back seed saved from this year’s plants.',
    ];
    const page = ['Skip to content', 'The Allotment Diary', 'Home  About  Archive  Contact', 'Why our seed library ran out in a week', 'Posted on March 14, 2023 by Helen Park', ...story, 'Share this:', 'Twitter', 'Facebook', 'Like this:', 'Related', 'Five easy crops for a shady plot', 'Leave a Reply', 'Your email address will not be published.'].join('\n');
    expect(bodyOf(page)).toEqual(story);
  });

  it('keeps a wire story whole and drops its credit line and sign-off', () => {
    const story = [
      'LONDON, March 3 (Wire) - Copper prices fell on Tuesday as stocks in warehouses rose for a fourth straight session, adding to signs that demand from factories remains weak.',
      'Benchmark copper was down 1.2 percent at $8,450 a tonne by late afternoon, after touching its lowest level in three weeks.',
      '"The market is looking for a reason to rally and it is not finding one," said a metals analyst.',
      'Aluminium, zinc and nickel also traded lower.',
    ];
    const page = ['Copper slips as stocks rise', ...story, '(Reporting by Jane Holt; Editing by Mark Stevens)', 'REUTER'].join('\n\n');
    expect(bodyOf(page)).toEqual(story);
    expect(kindOf(page, 'REUTER')).toBe('signoff');
  });

  it('drops a "Most read" list of other stories’ headlines after the body', () => {
    const page = ['Farmers protest over water charges', prose('The union'), prose('The minister'), 'Most read', 'Actor wins privacy case against tabloid', 'Storm warning issued for west coast', 'Why the city’s trams keep breaking down'].join('\n\n');
    expect(bodyOf(page)).toEqual([prose('The union'), prose('The minister')]);
  });

  it('keeps every entry of a live page and reads its bare clock times as time stamps', () => {
    const entries = [
      'Polls have now closed across the country and counting has begun in most constituencies.',
      'The first result is expected from the northern district within the hour, officials say.',
      'Turnout appears to be higher than at the last election, according to early figures from several counting centres.',
    ];
    const page = ['Live: Election night as it happened', 'Last updated 2 hours ago', '22:15', entries[0], '22:31', entries[1], '22:58', entries[2], 'Share this post'].join('\n\n');
    expect(bodyOf(page)).toEqual(entries);
    expect(kindOf(page, '22:31')).toBe('dateline');
  });

  it('keeps a story told in one-sentence paragraphs', () => {
    const story = [
      'The old river bridge has been closed to traffic.',
      'Engineers found a crack in one of its supports on Monday.',
      'Buses will be diverted for at least a month.',
      'The council apologised to residents.',
      '"Safety comes first," a spokesman said.',
    ];
    expect(bodyOf(['Bridge closed after crack found', ...story].join('\n'))).toEqual(story);
  });
});

describe('captions and credits on their own lines', () => {
  it('takes a short block above a line naming only picture agencies for a caption, inside the body', () => {
    const caption = 'Workers walk along the top of the dam near the town on Tuesday.';
    const page = [prose('The engineer'), caption, 'Harbour Pictures via Getty Images', prose('The farmer')].join('\n\n');
    expect(kindOf(page, caption)).toBe('caption');
    expect(kindOf(page, 'Harbour Pictures via Getty Images')).toBe('credit');
    const bare = [prose('The engineer'), caption, 'Reuters', prose('The farmer')].join('\n\n');
    expect(kindOf(bare, caption)).toBe('caption');
  });

  it('leaves the last paragraph of a story signed off by an agency name as body', () => {
    const last = 'The ministry will publish new figures next week.';
    const page = ['Grain prices fall', prose('The trader'), last, 'Reuters'].join('\n\n');
    expect(kindOf(page, last)).toBe('body');
  });

  it('reads the wire’s FILE mark as a caption, but not the word file in prose', () => {
    const marked = 'FILE - Protesters gather outside the regional assembly during a rally against the dam.';
    const captions = cleanPage([prose('The engineer'), marked, prose('The farmer')].join('\n\n')).paragraphs.filter((p) => p.kind === 'caption');
    expect(captions.map((p) => p.text)).toEqual(['Protesters gather outside the regional assembly during a rally against the dam.']);
    const sentence = 'File sharing between the two agencies stopped in May, officials said.';
    expect(kindOf([prose('The engineer'), sentence, prose('The farmer')].join('\n\n'), sentence)).toBe('body');
  });

  it('does not take a paragraph for the caption of a long picture caption dropped as a credit after it', () => {
    const page = [prose('The engineer'), 'FILE - In this Nov. 3, 2019, file photo, workers walk along the dam.', prose('The farmer')].join('\n\n');
    expect(kindOf(page, prose('The engineer'))).toBe('body');
  });
});

describe('the page speaking of itself', () => {
  it('drops the outlet asking its reader for support, but keeps a quotation asking the same', () => {
    const pitch = 'We rely on readers like you to fund our journalism. Please support our independent reporting by becoming a subscriber today.';
    expect(kindOf([prose('The mayor'), prose('The chief'), pitch].join('\n\n'), pitch)).toBe('share');
    const quoted = '“We rely on people like you to support our food bank,” the organiser told volunteers on Friday.';
    expect(kindOf([prose('The mayor'), quoted, prose('The chief')].join('\n\n'), quoted)).toBe('body');
  });

  it('drops notices about the article and picks the headline nearest the body', () => {
    const page = ['Send any friend a story', 'Dam plan divides valley towns', 'Listen to this article · 6:12 min', 'This article is more than 2 years old', prose('The engineer')].join('\n\n');
    expect(kindOf(page, 'This article is more than 2 years old')).toBe('share');
    expect(kindOf(page, 'Listen to this article · 6:12 min')).toBe('share');
    expect(cleanPage(page).headline).toBe('Dam plan divides valley towns');
  });

  it('does not take a line of function words between paragraphs for a section heading', () => {
    expect(kindOf([prose('The engineer'), 'By', 'Harbour Wire', prose('The farmer')].join('\n\n'), 'By')).toBe('navigation');
  });
});

describe('boxes of links set inside the story', () => {
  const related = ['Related articles', 'Ferry strikes: what you need to know', 'Port expansion approved after long delay'];

  it('goes on with the story after a box of a few links to other stories', () => {
    const page = [prose('The mayor'), ...related, prose('The treasurer'), prose('The harbour master')].join('\n\n');
    expect(bodyOf(page)).toEqual([prose('The mayor'), prose('The treasurer'), prose('The harbour master')]);
    expect(kindOf(page, 'Port expansion approved after long delay')).toBe('sidebar');
  });

  it('goes on with the story after a box whose first teaser the page cut short, but not after a run of cut-short teasers', () => {
    const box = ['Related articles', 'Storm warning: Gales to batter the coast as Hurri...', 'Harbour Board Approves New Ferry Terminal'];
    const page = [prose('The mayor'), ...box, prose('The treasurer'), prose('The harbour master')].join('\n\n');
    expect(bodyOf(page)).toEqual([prose('The mayor'), prose('The treasurer'), prose('The harbour master')]);
    const cut = (who: string): string => `${prose(who).slice(0, -1)} and then the council met again on Tues...`;
    const teasers = [prose('The mayor'), ...box, cut('A football coach'), cut('A rail union'), cut('A ferry captain')].join('\n\n');
    expect(bodyOf(teasers)).toEqual([prose('The mayor')]);
  });

  it('takes teasers right under the heading, and prose after a long list, for other stories', () => {
    const teasers = [prose('The mayor'), 'Related articles', prose('A football coach'), prose('A rail union')].join('\n\n');
    expect(bodyOf(teasers)).toEqual([prose('The mayor')]);
    const links = ['Storm closes coastal road', 'Library hours cut again', 'School wins chess title', 'Bus fares to rise', 'Market moves to new square', 'Council tax frozen', 'New ferry named'];
    const footer = [prose('The mayor'), 'Related articles', ...links, prose('A rail union'), prose('A football coach')].join('\n\n');
    expect(bodyOf(footer)).toEqual([prose('The mayor')]);
  });

  it('takes the summary under the headline for a standfirst though a menu above the headline reads like a byline', () => {
    const summary = 'The council has delayed its ferry vote by a month after storm damage to the quay.';
    const menu = ['Home', 'News', 'Sport', 'Our Correspondent', 'Reporter’s Notebook', 'Weather'];
    const page = [...menu, 'Council delays ferry vote', summary, '19 Nov 2019 10:48 GMT', prose('The mayor'), prose('The treasurer'), prose('The harbour master')].join('\n\n');
    expect(kindOf(page, summary)).toBe('standfirst');
  });

  it('still takes a summary above the byline for a standfirst when the footer prints the day’s date', () => {
    const summary = 'The council has delayed its ferry vote by a month after storm damage to the quay.';
    const page = ['Council delays ferry vote', summary, 'By Maria Lopez', 'Published: 10:48, Tue, Nov 19, 2019', prose('The mayor'), prose('The treasurer'), prose('The harbour master'), 'Wednesday, 20th November 2019', 'See today’s front and back pages, download the newspaper and order back issues from the archive.'].join('\n\n');
    expect(kindOf(page, summary)).toBe('standfirst');
  });

  it('keeps the lead paragraphs above an update stamp when the byline came before them, or the stamp gives only a time', () => {
    const lead = [prose('The mayor'), prose('The clerk')];
    const rest = [prose('The treasurer'), prose('The union'), prose('The pilot')];
    expect(bodyOf(['Council delays ferry vote', 'By Maria Lopez', ...lead, 'Updated 3:45 PM', ...rest].join('\n\n'))).toEqual([...lead, ...rest]);
    expect(bodyOf(['Council delays ferry vote', ...lead, 'Updated 3:45 PM ET', ...rest].join('\n\n'))).toEqual([...lead, ...rest]);
  });

  it('goes on with the story when a run of paragraphs follows a section heading worded like a box', () => {
    const rest = [prose('The minister'), prose('The treasurer'), prose('The union')];
    const page = ['Council delays ferry vote', prose('The mayor'), prose('The clerk'), 'More from the minister', ...rest].join('\n\n');
    expect(bodyOf(page)).toEqual([prose('The mayor'), prose('The clerk'), ...rest]);
    for (const box of ['More from UK', 'More in Politics', 'More from the BBC', 'More from our partners', 'More from around the web', 'More from the web']) {
      expect(isSidebarHeading(box, signalsOf(box))).toBe(true);
    }
  });

  it('keeps a "Key dates" list set in the story, its items each opening with a date, as the story', () => {
    const items = ['1998: The pier opens to the public', '2004 - A storm wrecks the quay', 'March 2019: The council votes to rebuild'];
    const page = ['Council delays ferry vote', prose('The mayor'), prose('The clerk'), 'Key dates', ...items, prose('The treasurer'), prose('The union')].join('\n\n');
    expect(bodyOf(page)).toEqual([prose('The mayor'), prose('The clerk'), ...items, prose('The treasurer'), prose('The union')]);
    expect(kindOf(page, 'Key dates')).toBe('heading');
    // Headlines under the same heading, not opening with dates, are not the story's chronology.
    const links = ['Pier fire: what we know', 'Storm closes the coastal road'];
    const box = ['Council delays ferry vote', prose('The mayor'), prose('The clerk'), 'Key dates', ...links, prose('The treasurer'), prose('The union')].join('\n\n');
    expect(bodyOf(box)).not.toContain(links[0]);
  });

  it('does not take a bare number between paragraphs (a comment count) for a section heading', () => {
    expect(kindOf([prose('The mayor'), '0', prose('The treasurer')].join('\n\n'), '0')).toBe('navigation');
  });
});

describe('lines that point to other pages', () => {
  it('drops a list of other stories’ headlines run into their teasers, but keeps the story’s own dateline paragraph', () => {
    const teasers = [
      'Harbour board approves ferry plan PORT TALBOT: The harbour board on Tuesday approved a plan for a new ferry terminal.',
      'Storm closes coastal road again LONDON, March 3 (Wire) - The coastal road was closed for a second week on Monday.',
    ];
    const own = 'PORT TALBOT: The council on Wednesday delayed its vote on the ferry plan after storm damage to the quay.';
    const page = [...teasers, 'Council delays ferry vote', own, prose('The mayor'), prose('The treasurer')].join('\n\n');
    expect(bodyOf(page)).toEqual([own, prose('The mayor'), prose('The treasurer')]);
  });

  it('keeps a sentence in which someone tells a broadcaster something', () => {
    const told = 'The minister told ITV: It is over, and he would not stand again at the next election.';
    expect(kindOf([prose('The mayor'), told, prose('The treasurer')].join('\n\n'), told)).toBe('body');
  });

  it('drops the story’s tags and a pointer to its comments after the body', () => {
    const page = [prose('The mayor'), prose('The treasurer'), 'Tags Harbour Council Ferry Plan', 'View the discussion thread.', 'Most Popular', 'Storm closes coastal road'].join('\n\n');
    expect(bodyOf(page)).toEqual([prose('The mayor'), prose('The treasurer')]);
    expect(kindOf(page, 'View the discussion thread.')).toBe('comments');
  });
});

describe('pictures and galleries', () => {
  const caption = 'Harbour master Ann Smith, left, and Mayor Tom Reed shake hands on the quay in Porthaven, Tuesday, March 3, 2020. The two agreed a new ferry timetable.';

  it('takes a caption printed whole, then with a toggle, then cut short, for one furniture block printed three times', () => {
    const cutShort = 'Harbour master Ann Smith, left, and Mayor Tom Reed shake hands on the quay in Porthaven, Tuesday, March 3, 2020. The two agreed ... more';
    const page = [prose('The mayor'), caption, `${caption} less`, cutShort, prose('The treasurer')].join('\n\n');
    expect(bodyOf(page)).toEqual([prose('The mayor'), prose('The treasurer')]);
  });

  it('does not take a paragraph for a copy of a caption that opens with the same words but is not cut short', () => {
    const pictured = 'Roughly 300 ferry passengers were stranded in Porthaven for two nights after the storm [File: Harbour News]';
    const paragraph = 'Roughly 300 ferry passengers were stranded in Porthaven for two nights after the storm damaged the quay last week.';
    const page = [prose('The mayor'), pictured, prose('The treasurer'), paragraph, prose('The harbour master')].join('\n\n');
    expect(bodyOf(page)).toContain(paragraph);
  });

  it('reads a block that places people in the picture (", left,") as a caption', () => {
    const page = [prose('The mayor'), caption, prose('The treasurer')].join('\n\n');
    expect(kindOf(page, caption)).toBe('caption');
    const party = 'Senator Ann Smith (R) said the ferry plan would be funded by the state, and that work would begin in the spring.';
    expect(kindOf([prose('The mayor'), party, prose('The treasurer')].join('\n\n'), party)).toBe('body');
  });

  it('reads a block in which the person placed ", left," said something as the story, not a caption', () => {
    const told = 'Reed, left, said the quay would reopen in the spring once the repairs were finished and paid for.';
    expect(kindOf([prose('The mayor'), told, prose('The treasurer')].join('\n\n'), told)).toBe('body');
    const speaks = 'Mayor Tom Reed, left, speaks with harbour staff on the quay in Porthaven on Tuesday.';
    expect(kindOf([prose('The mayor'), speaks, prose('The treasurer')].join('\n\n'), speaks)).toBe('caption');
  });

  it('takes a photographer and agency after a comma for a credit, and the block above it for a caption', () => {
    const pictured = 'Teachers wearing red carry signs as they rally outside the town hall in Porthaven.';
    const page = [prose('The mayor'), pictured, 'Jane Roe, AP', prose('The treasurer')].join('\n\n');
    expect(kindOf(page, 'Jane Roe, AP')).toBe('credit');
    expect(kindOf(page, pictured)).toBe('caption');
  });
});

describe('lists of other stories', () => {
  it('drops teasers cut short with a spaced ellipsis under a "Most read stories" heading', () => {
    const page = [prose('The mayor'), prose('The treasurer'), 'Most read stories', 'Student died hours before call; vigil planned …', 'School district will build tenth primary school …', 'Follow us elsewhere:'].join('\n\n');
    expect(bodyOf(page)).toEqual([prose('The mayor'), prose('The treasurer')]);
  });
});

describe('credits and links, whatever markup they come in', () => {
  it('takes a figure caption element holding only the credit for a credit, and the block above it for the caption', () => {
    const pictured = 'Mayor Tom Reed passes a Harbour Co. ferry during the boat show in Porthaven on Monday, Nov. 13, 2017.';
    const blocks = classifyBlocks([{ text: pictured }, { text: 'Jane Roe | Harbour News | Getty Images', hint: 'caption' }, { text: prose('The mayor') }, { text: prose('The treasurer') }]);
    expect(blocks.map((b) => b.kind)).toEqual(['caption', 'credit', 'body', 'body']);
  });

  it('drops a link to another story in brackets, and an announced link, but keeps a bracketed sentence', () => {
    const link = '(Ferry strike: What we know so far about the talks)';
    const announced = 'SEE MORE: Ferry strike talks collapse for a second time';
    const note = '(The council later said the vote would be held in June.)';
    const page = [prose('The mayor'), link, prose('The treasurer'), announced, prose('The harbour master'), note, prose('The union')].join('\n\n');
    expect(kindOf(page, link)).toBe('navigation');
    expect(kindOf(page, announced)).toBe('share');
    expect(kindOf(page, note)).toBe('body');
  });
});

describe('the end of a story', () => {
  it('does not let the last paragraph rescue a short line after the wire credit', () => {
    const standards = 'Our Standards: The Trust Principles.';
    const page = [prose('The mayor'), prose('The treasurer'), 'Wire’s Tom Reed contributed to this report.', standards].join('\n\n');
    expect(kindOf(page, standards)).toBe('navigation');
    const last = 'Aluminium, zinc and nickel also traded lower.';
    expect(kindOf([prose('The mayor'), prose('The treasurer'), last, '(Reporting by Jane Holt; Editing by Mark Stevens)'].join('\n\n'), last)).toBe('body');
  });

  it('drops a reporter bio that names the paper, and the page counting its readers', () => {
    const bio = 'Jane Doe is the paper’s Asia correspondent, based in Hong Kong.';
    const count = 'This story has been shared 12,345 times.';
    const page = [prose('The mayor'), prose('The treasurer'), bio, 'Contact the author: jane.doe@example.com', count].join('\n\n');
    expect(kindOf(page, bio)).toBe('bio');
    expect(kindOf(page, count)).toBe('share');
  });
});

describe('lists', () => {
  const items = ['40,000 people in shelters', '12 ferry routes suspended', 'Two deaths confirmed'];

  it('keeps a list the story announces with a colon, when the story goes on after it', () => {
    const page = ['Typhoon: the key numbers', prose('The mayor'), 'Here is what we know so far:', ...items, prose('The treasurer')].join('\n\n');
    expect(bodyOf(page)).toEqual([prose('The mayor'), 'Here is what we know so far:', ...items, prose('The treasurer')]);
  });

  it('drops the same fragments when they run to the end of the page', () => {
    const page = ['Typhoon: the key numbers', prose('The mayor'), prose('The treasurer'), 'Elsewhere on the site:', ...items].join('\n\n');
    expect(bodyOf(page)).toEqual([prose('The mayor'), prose('The treasurer')]);
  });
});
