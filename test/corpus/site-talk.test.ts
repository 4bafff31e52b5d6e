/**
 * The site's own small print, written as sentences: the jusText measures read
 * it as prose, so it is told by whom it addresses and what it talks about.
 */
import { describe, expect, it } from 'vitest';
import { cleanPage } from '../../src/corpus/clean.js';
import { signalsOf } from '../../src/corpus/signals.js';
import { isSiteTalk } from '../../src/corpus/site-talk.js';
import { prose } from './helpers.js';

const kindOf = (page: string, text: string): string | undefined => cleanPage(page).blocks.find((b) => b.text === text)?.kind;
const bodyOf = (page: string): string[] => cleanPage(page).paragraphs.filter((p) => p.kind === 'body').map((p) => p.text);
const siteTalk = (text: string): boolean => isSiteTalk(text, signalsOf(text));

describe('the site speaking of itself in sentences', () => {
  const notices = [
    'Privacy note: our bulletins may carry ads and content paid for by partners. To find out more, read our privacy policy before you register.',
    'The Harbour Gazette is funded by its readers. If you buy something through links on our site, we may earn a small fee.',
    'Talk to us on WhatsApp and Facebook. Find out what is going on in your town as it happens.',
    'The opinions given in the comments below belong to our users, not to the paper.',
    'This material may not be reproduced or redistributed without permission.',
  ];

  it('recognises notices that address the reader in the vocabulary of a website', () => {
    for (const notice of notices) expect(siteTalk(notice), notice).toBe(true);
  });

  it('drops such a notice set between two paragraphs of the story', () => {
    for (const notice of notices) {
      const page = ['Ferry fares to rise', prose('The mayor'), notice, prose('The treasurer'), prose('The harbour master')].join('\n\n');
      expect(kindOf(page, notice), notice).toBe('share');
      expect(bodyOf(page)).toEqual([prose('The mayor'), prose('The treasurer'), prose('The harbour master')]);
    }
  });

  it('keeps a story about a website’s policy, told in the third person or quoted', () => {
    const stories = [
      'The network changed its privacy policy on Tuesday, and users of the app will be asked to accept the new terms of service.',
      'The company said readers who clicked the links in the email had their details taken from the site.',
      '“We will not sell your data to advertisers,” the founder wrote in a post on the company’s website.',
      'US policy on app stores has not changed since the ruling, and the commission will report back in June.',
      'If you live near the river, you should move your car to higher ground before the tide turns tonight.',
    ];
    for (const story of stories) expect(siteTalk(story), story).toBe(false);
  });
});

describe('the end of a story', () => {
  it('drops a lone sentence of small print after the wire credit, but keeps a story taken up again', () => {
    const small = 'All prices are shown at least twenty minutes late; see the list of exchanges for the delay on each.';
    const page = [prose('The trader'), prose('The broker'), '(Reporting by Jane Holt; Editing by Mark Stevens)', 'Markets', 'Terms of Use', small, '© 2019 Harbour Wire'].join('\n\n');
    expect(bodyOf(page)).toEqual([prose('The trader'), prose('The broker')]);
    const more = [prose('The miner'), prose('The smelter'), prose('The shipper')];
    const two = [prose('The trader'), '(Reporting by Jane Holt; Editing by Mark Stevens)', ...more].join('\n\n');
    expect(bodyOf(two)).toEqual([prose('The trader'), ...more]);
  });

  it('drops a bio that gives the reporter’s beat and paper after the story', () => {
    const bio = 'Anna Lee covers transport and housing for The Harbour Gazette. She has been at the paper since 2015.';
    const page = [prose('The mayor'), prose('The treasurer'), bio, 'Most Read', 'Storm closes coastal road'].join('\n\n');
    expect(kindOf(page, bio)).toBe('bio');
    const insurance = 'The scheme covers flood damage for homeowners in the valley, the council said, and will run until 2025.';
    expect(kindOf([prose('The mayor'), prose('The treasurer'), insurance].join('\n\n'), insurance)).toBe('body');
    const policy = 'The new policy covers the storm damage for families on the coast, and claims open on the first of March.';
    expect(kindOf([prose('The mayor'), prose('The treasurer'), policy].join('\n\n'), policy)).toBe('body');
  });

  it('does not take the last paragraph for a caption when a `Source:` line names where the story came from', () => {
    const last = 'The ministry has not commented on the report.';
    const page = [prose('The mayor'), prose('The treasurer'), last, 'Source: Harbour News and news agencies', 'Keep reading', 'Storm closes coastal road'].join('\n\n');
    expect(kindOf(page, last)).toBe('body');
    // A source that is no agency, after the last paragraph, names where the story's figures came from.
    const figures = 'Fares have risen by a third since 2019.';
    const sourced = [prose('The mayor'), prose('The treasurer'), figures, 'Source: Harbour Statistics Office', 'Keep reading', 'Storm closes coastal road'].join('\n\n');
    expect(kindOf(sourced, figures)).toBe('body');
    // Inside the story, a `Source:` line under a short block is a picture's credit.
    const pictured = 'The ferry leaves the quay at dawn.';
    const inside = [prose('The mayor'), pictured, 'Source: Supplied', prose('The treasurer')].join('\n\n');
    expect(kindOf(inside, pictured)).toBe('caption');
  });
});

describe('short lines of the page to its reader, and its notes on itself', () => {
  const between = (line: string): string | undefined => kindOf(['Ferry fares to rise', prose('The mayor'), line, prose('The treasurer'), prose('The union')].join('\n\n'), line);

  it('drops a short line asking or thanking the reader, with one word of the website', () => {
    for (const line of ['Please turn on JavaScript to see the comments.', 'We would love to read your comments.', 'Thanks for signing up!', 'Like the Harbour Gazette on Facebook']) {
      expect(between(line), line).toBe('share');
    }
    // A short sentence of the story that addresses the reader, with no word of the website, is the story.
    expect(between('If you live near the river, move your car tonight.')).toBe('body');
  });

  it('drops the page’s note on when it was published, whose date is no event', () => {
    for (const note of ['This story was first published on May 5, 2020, and has since been updated.', 'Editor’s note: this article was originally published on 5 May 2020.', 'A version of this article appears in print on May 6, 2020, on Page B2.']) {
      expect(between(note), note).toBe('credit');
    }
    const news = 'This week the council published its plans for the quay, which were first drawn up in 2015.';
    expect(between(news)).toBe('body');
  });

  it('drops a credit that names the agency before the photographer, and a line that only says `Image: X`', () => {
    for (const credit of ['REUTERS/Jane Roe', 'AP Photo/Jane Roe', 'Image: Harbour News']) {
      expect(between(credit), credit).toMatch(/credit|navigation/);
    }
    expect(between('REUTERS/Jane Roe')).toBe('credit');
  });

  it('drops a `VIDEO:` link and a loading placeholder', () => {
    expect(between('VIDEO: Ferry hits the quay in a storm')).toBe('share');
    expect(between('Loading...')).toBe('navigation');
  });
});

describe('forms and policies the page puts under the story', () => {
  const between = (line: string): string | undefined => kindOf(['Ferry fares to rise', prose('The mayor'), line, prose('The treasurer'), prose('The union')].join('\n\n'), line);

  it('drops a comment form, a data notice and a mailing-list promise', () => {
    for (const line of [
      'Remember my name, email and website in this browser for my next comment.',
      'By sending this form you let us keep your personal data until your comment is published.',
      'No spam, ever: you can unsubscribe whenever you like and we will not pass on your details.',
      'Some stories carry affiliate links to shops, and we may earn a fee if you buy through them.',
    ]) {
      expect(between(line), line).toBe('share');
    }
  });

  it('keeps a paragraph that tells the reader alone what to do about a website, unless it names three of its things', () => {
    const advice = 'If you only need the ferry timetable, you can download the app and turn on its alerts the night before you travel.';
    expect(between(advice)).toBe('body');
    const form = 'By sending this form you let the Gazette keep your personal data until your comment is published, and you may unsubscribe.';
    expect(between(form)).toBe('share');
  });

  it('keeps a blogger’s first-person sentence that names one thing of the web', () => {
    const line = 'I posted the photos on my blog the same evening, and the harbour master called me the next morning.';
    expect(between(line)).toBe('body');
  });

  it('drops a bio that says when the writer joined the magazine, or covers a beat for a site named with a digit', () => {
    const page = (bio: string): string => [prose('The mayor'), prose('The treasurer'), bio, 'Most Read', 'Storm closes coastal road'].join('\n\n');
    for (const bio of ['Ana Ruiz joined Harbour magazine in May 2016 and writes on energy.', 'Tom Lee covers ferries for 24Harbour and hosts its weekly podcast.']) {
      expect(kindOf(page(bio), bio), bio).toBe('bio');
    }
  });
});
