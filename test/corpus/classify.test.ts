import { describe, expect, it } from 'vitest';
import { classifyBlocks } from '../../src/corpus/classify.js';
import { cleanPage } from '../../src/corpus/clean.js';
import { signalsOf } from '../../src/corpus/signals.js';
import { prose } from './helpers.js';

const kinds = (lines: string[]): [string, string][] =>
  classifyBlocks(lines.map((text) => ({ text }))).map((b) => [b.kind, b.text]);
const kindOf = (lines: string[], text: string): string | undefined => kinds(lines).find(([, t]) => t === text)?.[0];

describe('block signals', () => {
  it('measures prose as rich in function words and ending like a sentence', () => {
    const s = signalsOf(prose('The mayor'));
    expect(s.stopShare).toBeGreaterThan(0.3);
    expect(s.endsSentence).toBe(true);
    expect(s.dateOnly).toBe(false);
  });

  it('measures a title as capitalised, and a share bar as navigation words', () => {
    expect(signalsOf('Harbour Board Approves New Ferry Terminal').capitalShare).toBe(1);
    expect(signalsOf('Share on Facebook Tweet Email Print').navigationShare).toBeGreaterThan(0.5);
  });

  it('tells a date standing alone from a sentence that holds a date', () => {
    expect(signalsOf('Published: 19 Oct 2018').dateOnly).toBe(true);
    expect(signalsOf('March 3, 2021 at 6:01 am Updated March 3, 2021 at 9:40 am').dateOnly).toBe(true);
    expect(signalsOf('The bridge reopened on March 3, 2021 after two years of repairs.').dateOnly).toBe(false);
  });
});

describe('classifyBlocks: each block from its signals and its neighbours', () => {
  it('keeps a short sentence between paragraphs of prose, and drops the same sentence among menus', () => {
    const short = '“We will not give up,” she said.';
    expect(kindOf([prose('The mayor'), short, prose('The deputy')], short)).toBe('body');
    expect(kindOf(['World', 'Politics', 'Sport', short, 'Weather', 'Culture', prose('The mayor')], short)).toBe('navigation');
  });

  it('labels a capitalised line between prose as a heading, and a run of them as navigation', () => {
    const lines = [prose('The mayor'), 'Questions over funding', prose('The treasurer'), 'Harbour Board Approves Ferry Plan', 'Storm Closes Coastal Road', 'Library Hours Cut Again'];
    expect(kindOf(lines, 'Questions over funding')).toBe('heading');
    expect(kindOf(lines, 'Storm Closes Coastal Road')).toBe('navigation');
  });

  it('names bylines, date lines, credits and sign-offs as kinds', () => {
    const lines = [
      'Council delays ferry vote',
      'By Maria Lopez and Tom Reed, Local Democracy Reporters',
      'April 2, 2019 at 7:15 am Updated April 2, 2019 at 11:02 am',
      prose('The mayor'),
      'Image copyright Harbour News',
      prose('The treasurer'),
      '(Reporting by Tom Reed; Editing by Ann Smith)',
      'HARBOURWIRE',
    ];
    expect(kinds(lines).map(([k]) => k)).toEqual(['headline', 'byline', 'dateline', 'body', 'credit', 'body', 'credit', 'signoff']);
  });

  it('takes the block just before a standalone photo credit for its caption', () => {
    const caption = 'Volunteers stack sandbags along the river wall in the town centre on Sunday.';
    const lines = [prose('The mayor'), caption, '(Ann Smith/Harbour News)', prose('The treasurer')];
    expect(kinds(lines).map(([k]) => k)).toEqual(['body', 'caption', 'credit', 'body']);
    const quote = '“We will rebuild the wall,” the mayor said on Sunday.';
    expect(kindOf([prose('The mayor'), quote, '(Ann Smith/Harbour News)', prose('The treasurer')], quote)).toBe('body');
  });

  it('takes the page’s title for the headline wherever the page prints it, and its copies for furniture', () => {
    const blocks = classifyBlocks(
      [{ text: 'Home' }, { text: 'Council delays ferry vote after storm damage to the quay' }, { text: prose('The mayor') }, { text: 'Council delays ferry vote after storm damage to the quay' }],
      'Council delays ferry vote after storm damage to the quay',
    );
    expect(blocks.map((b) => b.kind)).toEqual(['navigation', 'headline', 'body', 'duplicate']);
  });

  it('takes a block printed three times on a page for furniture, first copy included', () => {
    const teaser = 'Storm damage closes the coastal road for a second week as repairs begin on the sea wall.';
    const lines = [prose('The mayor'), teaser, prose('The treasurer'), teaser, 'More', teaser];
    expect(kindOf(lines, teaser)).toBe('navigation');
  });

  it('takes a summary above the byline for a standfirst, not the start of the body', () => {
    const summary = 'The council said the vote would wait until the repairs to the quay were costed, a decision that angered residents.';
    const lines = ['Council delays ferry vote', summary, 'By Maria Lopez', prose('The mayor'), prose('The treasurer'), prose('The deputy')];
    expect(kindOf(lines, summary)).toBe('standfirst');
  });

  it('takes the points under a key-points heading for a standfirst', () => {
    const point = 'The council will vote on the ferry terminal only once the repairs to the quay have been costed.';
    const lines = ['Council delays ferry vote', 'Key Points', point, 'Volunteers stack sandbags on the quay.', 'Ann Roe | Harbour News |', prose('The mayor'), prose('The treasurer')];
    expect(kinds(lines).map(([k]) => k)).toEqual(['headline', 'navigation', 'standfirst', 'caption', 'credit', 'body', 'body']);
  });

  it('takes a picture’s alt text printed again as its caption for a caption', () => {
    const alt = 'Volunteers stack sandbags along the river wall in the town centre on Sunday morning before the tide.';
    expect(kinds([prose('The mayor'), alt, alt, prose('The treasurer')]).map(([k]) => k)).toEqual(['body', 'caption', 'duplicate', 'body']);
  });

  it('takes a long alt text printed twice, cut off mid-sentence, for a caption', () => {
    const alt =
      'A fisherman mends his nets on the harbour wall opposite the new ferry terminal (background) on March 3, 2021. ' +
      'The harbour board approved a plan on Monday that would move the fishing fleet to the old quay, but the fishermen vowed to take the matter to the courts and to';
    expect(kinds([prose('The mayor'), alt, alt, prose('The treasurer')]).map(([k]) => k)).toEqual(['body', 'caption', 'duplicate', 'body']);
  });

  it('reads a block that says it describes a picture as a caption, and agencies in capitals under it as its credit', () => {
    const caption = 'In this photo issued by Harbour TV, the mayor and the treasurer shake hands before the debate in the town hall, Tuesday, March 2, 2021.';
    const lines = [prose('The mayor'), caption, 'HARBOUR TV, COAST PRESS', prose('The treasurer')];
    expect(kinds(lines).map(([k]) => k)).toEqual(['body', 'caption', 'credit', 'body']);
    expect(kindOf([prose('The mayor'), 'This March 2, 2021, file photo shows the old quay.', prose('The treasurer')], 'This March 2, 2021, file photo shows the old quay.')).toBe('credit');
    // A story about a picture is news.
    const news = 'This video of the quay collapsing has been shared thousands of times, the harbour board said.';
    expect(kindOf([prose('The mayor'), news, prose('The treasurer')], news)).toBe('body');
  });

  it('takes a line of another story’s headline set between paragraphs for navigation, not body', () => {
    const teaser = "Ferry staff 'at breaking point': Harbour crossings were quietly cut before the winter storms closed the northern quay";
    expect(kindOf([prose('The mayor'), teaser, prose('The treasurer')], teaser)).toBe('navigation');
    // The same words as a sentence are the story, and so is a paragraph leading into a quotation.
    expect(kindOf([prose('The mayor'), `${teaser}.`, prose('The treasurer')], `${teaser}.`)).toBe('body');
    const lead = 'In a statement released on Tuesday evening, the harbour board said this about its decision to close the northern quay:';
    expect(kindOf([prose('The mayor'), lead, prose('The treasurer')], lead)).toBe('body');
  });

  it('takes a headline glued to its own copy for a duplicate', () => {
    const glued = 'Ferry terminal gets the go-aheadFerry terminal gets the go-ahead';
    expect(kindOf([prose('The mayor'), glued, prose('The treasurer')], glued)).toBe('duplicate');
    expect(kindOf([prose('The mayor'), 'Ferry terminal gets the go-ahead Ferry terminal gets the go-ahead', prose('The treasurer')], 'Ferry terminal gets the go-ahead Ferry terminal gets the go-ahead')).toBe('duplicate');
  });

  it('takes a highlighted point printed again in the story for a summary, and keeps the later copy as the story', () => {
    const point = 'Harbour courts, however, have ruled most moorings legal.';
    const lines = ['Council delays ferry vote', 'Highlights', point, prose('The mayor'), prose('The treasurer'), point, prose('The deputy')];
    expect(kinds(lines).map(([k]) => k)).toEqual(['headline', 'navigation', 'standfirst', 'body', 'body', 'body', 'body']);
  });

  it('drops share prompts and links to the site’s other stories set inside the body', () => {
    const lines = [prose('The mayor'), 'Like this story? Share it with a friend!', 'Also on harbour.example Storm closes the coastal road for a week', prose('The treasurer')];
    expect(kinds(lines).map(([k]) => k)).toEqual(['body', 'share', 'share', 'body']);
  });

  it('drops the outlet addressing its reader about itself, but keeps a story that tells readers to do something', () => {
    const promo = 'Catch up on the harbour vote with our reporters on our weekly podcast, “Quay Talk.”';
    expect(kindOf([prose('The mayor'), promo, prose('The treasurer')], promo)).toBe('share');
    const advice = 'Follow the signs to the new ferry terminal, the council told drivers on Monday.';
    expect(kindOf([prose('The mayor'), advice, prose('The treasurer')], advice)).toBe('body');
    const plea = 'Join us in the fight for our harbour, the fishermen urged the crowd.';
    expect(kindOf([prose('The mayor'), plea, prose('The treasurer')], plea)).toBe('body');
  });

  it('reads a name with a handle as a byline', () => {
    expect(kindOf(['Council delays ferry vote', 'Maria Lopez@marialopez', prose('The mayor')], 'Maria Lopez@marialopez')).toBe('byline');
  });

  it('takes a reporter bio after the body as a bio, but keeps the same words inside the body', () => {
    const bio = 'Maria Lopez is a senior reporter covering local government. She joined the paper in 2007.';
    expect(kindOf([prose('The mayor'), prose('The treasurer'), bio], bio)).toBe('bio');
    expect(kindOf([prose('The mayor'), bio, prose('The treasurer')], bio)).toBe('body');
  });

  it('cuts everything after a heading that announces other stories', () => {
    const lines = [prose('The mayor'), prose('The treasurer'), 'News latest', prose('A football coach'), 'Published: 19 Oct 2018'];
    expect(kinds(lines).map(([k]) => k)).toEqual(['body', 'body', 'sidebar', 'sidebar', 'dateline']);
  });

  it('drops an embedded social post with its date stamp', () => {
    const lines = [prose('The mayor'), 'View this post on Instagram', 'A post shared by Harbour Council (@harbourcouncil) on Apr 21, 2015 at 3:02pm PDT', prose('The treasurer')];
    expect(kinds(lines).map(([k]) => k)).toEqual(['body', 'share', 'share', 'body']);
  });

  it('drops a caption that only credits the picture but keeps one that reports an event, marked as a caption', () => {
    const lines = [prose('The mayor'), 'Residents queue for sandbags as the river rises in the town centre. Source: Supplied', 'The mayor poses at the quay. Picture: Ann Smith', prose('The treasurer')];
    expect(kinds(lines).map(([k]) => k)).toEqual(['body', 'caption', 'credit', 'body']);
    expect(kinds(lines)[1]?.[1]).toBe('Residents queue for sandbags as the river rises in the town centre.');
  });

  it('takes a line naming where the whole story came from for its sign-off, not for a picture credit', () => {
    const last = 'More than 300 families have left the valley so far this year, according to the council.';
    for (const source of ['SOURCE: News agencies', 'Source: Harbour News and agencies', 'With agencies']) {
      expect(kinds([prose('The mayor'), prose('The treasurer'), last, source, 'Asia', 'World']).map(([k]) => k)).toEqual(['body', 'body', 'body', 'signoff', 'navigation', 'navigation']);
    }
    // A picture's source is still a credit that makes the line above it a caption.
    expect(kindOf([prose('The mayor'), 'Residents queue for sandbags in the town centre.', 'Source: Supplied', prose('The treasurer')], 'Residents queue for sandbags in the town centre.')).toBe('caption');
  });

  it('takes a question or exclamation in headline case for another story’s title, and a question of prose for prose', () => {
    const teasers = ['Did the Council Cut Ferry Fares Again This Winter?', 'These Harbour Photos From the Storm Are Just Unmissable!', 'Will the New Pier Open Before Summer?'];
    const out = kinds([prose('The mayor'), prose('The treasurer'), prose('The harbour master'), ...teasers]);
    for (const teaser of teasers) expect(out.find(([, t]) => t === teaser)?.[0]).not.toBe('body');
    const asked = 'Why did the council wait so long to repair the pier, residents asked at the meeting on Monday?';
    expect(kindOf([prose('The mayor'), asked, prose('The treasurer')], asked)).toBe('body');
  });

  it('takes the page’s navigation strip for navigation, not for the headline', () => {
    const lines = ['Home', 'News', 'Sport', "Today's Paper", 'Council delays ferry vote', prose('The mayor')];
    expect(kinds(lines).map(([k]) => k)).toEqual(['navigation', 'navigation', 'navigation', 'navigation', 'headline', 'body']);
  });
});

describe('cleanPage', () => {
  it('strips a wire sign-off glued to the last sentence', () => {
    const page = cleanPage(`Grain prices fall\n\n${prose('The trader')}\n\nThe ministry will publish new figures next week. REUTER`);
    expect(page.paragraphs.at(-1)?.text).toBe('The ministry will publish new figures next week.');
  });

  it('reports every block with its kind', () => {
    const page = cleanPage(`Council delays ferry vote\n\nBy Maria Lopez\n\n${prose('The mayor')}\n\nAdvertisement`);
    expect(page.blocks.map((b) => b.kind)).toEqual(['headline', 'byline', 'body', 'advert']);
    expect(page.removed).toEqual({ byline: 1, advert: 1 });
  });
});
