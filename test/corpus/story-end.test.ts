/**
 * What follows the story: a list of other stories printed as teasers (a
 * headline, a sentence of summary, the day it was published) is sidebar, and
 * its dates are no events; a live page's entries, each under its stamp, are
 * the story.
 */
import { describe, expect, it } from 'vitest';
import { cleanPage } from '../../src/corpus/clean.js';
import { prose } from './helpers.js';

const bodyOf = (page: string): string[] => cleanPage(page).paragraphs.filter((p) => p.kind === 'body').map((p) => p.text);

describe('teasers of other stories after the story', () => {
  const story = [prose('The mayor'), prose('The treasurer'), prose('The harbour master')];
  const teasers = [
    'Bakery wins national bread award',
    'The family-run bakery on the high street beat 200 entries on Monday with a sourdough made to a 1920s recipe.',
    'Tuesday, 10 March 2020',
    'Night buses return to the valley',
    'Two night routes cut in 2018 will run again from April after a campaign by shift workers, the operator said.',
    'Monday, 9 March 2020',
    'School choir to sing at the cathedral',
    'Forty pupils will take part in the Easter concert next month.',
  ];

  it('drops a list of dated teasers that follows the story, its last undated item too', () => {
    expect(bodyOf(['Ferry fares to rise', ...story, ...teasers].join('\n\n'))).toEqual(story);
  });

  it('drops teasers dated by their age (`3 hours ago`) as well', () => {
    const aged = teasers.map((t) => (t === 'Tuesday, 10 March 2020' ? '3 hours ago' : t === 'Monday, 9 March 2020' ? '1 day ago' : t));
    expect(bodyOf(['Ferry fares to rise', ...story, ...aged].join('\n\n'))).toEqual(story);
  });

  it('keeps a section of one paragraph that ends the story when no dated teasers follow', () => {
    const last = 'The vote will be held on 3 April, the council said.';
    expect(bodyOf(['Ferry fares to rise', ...story, 'The vote in April', last].join('\n\n'))).toEqual([...story, last]);
  });

  it('keeps the entries of a live page, each titled under its dated stamp, and its opening paragraphs', () => {
    const entries = [
      'The first result has come in from the northern district, where the governing party held the seat with a smaller majority.',
      'The opposition leader told supporters in her home town that the early results were encouraging but the night was young.',
      'A recount has been ordered in the western district after the two leading candidates finished within ten votes of each other.',
    ];
    const opening = ['Polls have now closed across the country and counting has begun in most constituencies, officials said.', 'Turnout appears higher than at the last election, according to early figures from several counting centres.'];
    const page = ['Election night: live updates', ...opening, 'Tue 3 Mar 2020 22.15 GMT', 'First result declared', entries[0], 'Tue 3 Mar 2020 22.31 GMT', 'Opposition leader speaks', entries[1], 'Tue 3 Mar 2020 22.58 GMT', 'Recount ordered', entries[2]].join('\n\n');
    expect(bodyOf(page)).toEqual([...opening, ...entries]);
  });
});

describe('teasers cut off by the page', () => {
  it('drops a teaser cut off after a comma or a function word, but keeps a sentence that trails off', () => {
    const story = [prose('The mayor'), prose('The treasurer'), prose('The harbour master')];
    const cut = ['Two ferries collided off the headland on Tuesday,...', 'Councillors call the harbour report unfinished after...'];
    expect(bodyOf(['Ferry fares to rise', ...story, 'Storm closes coastal road', ...cut].join('\n\n'))).toEqual(story);
    const trailing = 'The harbour master looked at the wreck and said nothing...';
    expect(bodyOf(['Ferry fares to rise', prose('The mayor'), trailing, prose('The treasurer')].join('\n\n'))).toContain(trailing);
  });
});
