/** The question's focus: what a passage's article must speak of before it may answer. Made-up articles. */
import { describe, expect, it } from 'vitest';
import { buildArticle } from '../../src/corpus/load.js';
import { focusOf } from '../../src/search/focus.js';
import { SearchIndex, Synonyms, WordNet } from '../../src/search/index.js';
import type { Article } from '../../src/corpus/types.js';

function article(id: string, paragraphs: string[]): Article {
  const built = buildArticle(`${id}.txt`, [`${id} story`, ...paragraphs].join('\n\n'), { title: `Title ${id}` }, 'hash');
  if (!built) throw new Error('test article is empty');
  return built;
}

const corpus = [
  article('campaign', [
    'The county road safety campaign ran for six weeks in 2022 and reached 40,000 drivers, officials said.',
    'The road safety campaign was designed by a Leeds agency and shown on buses.',
  ]),
  article('ferry', [
    'Two crew members were killed in the ferry fire on Tuesday, the harbour master said.',
    'The replacement ferry will cost £9m and is due in spring.',
  ]),
  article('quay', [
    'The ferry contract was signed by councillor Rita Vance last year, and the quay was rebuilt.',
    'Harbour master Tom Ashdown spoke to reporters at the quay on Monday.',
    '“Every ferry in the fleet has been checked twice for cracks.”',
    'The HB said the quay lights would be replaced.',
  ]),
  article('pier', ['Pier manager Ola Brant said the pier would reopen after the storm repairs.', 'The pier cafe sold record numbers of ice creams in August.']),
  article('lighthouse', ['The last lighthouse keeper died in 1950, and the light has run unattended since.', 'The lighthouse lamp is worth £20,000, the trust board said.']),
];
const index = SearchIndex.build(corpus, new Synonyms([]), new WordNet());
const answered = (q: string): string[] => index.ask(q).map((p) => p.articleId);

describe('focusOf', () => {
  it('reads the predicate words, the noun asked about and the years', () => {
    const focus = focusOf('How many ferry crews will lose their jobs in 2024?');
    expect(focus.askedNoun).toBe('crew');
    expect(focus.predicate).toEqual(expect.arrayContaining(['lose', 'job']));
    expect(focus.predicate).not.toContain('2024');
    expect(focus.years).toEqual(['2024']);
  });

  it('finds no asked noun when a verb follows the asking words', () => {
    expect(focusOf('How much did the harbour wall cost?').askedNoun).toBeNull();
    expect(focusOf('Who opened the bridge?').askedNoun).toBeNull();
    expect(focusOf('By how much did the toll rise?').askedNoun).toBeNull();
    expect(focusOf('What day will the bridge open?').askedNoun).toBe('day');
  });

  it('takes the adjective ending a question for its predicate, not one before a noun', () => {
    expect(focusOf('When will the new bridge open?').predicate).toEqual(['bridge', 'open']);
    expect(focusOf('How much is the old ferry worth?').predicate).toEqual(['ferry', 'worth']);
  });

  it('leaves names, numbers and light verbs out of the predicate', () => {
    const focus = focusOf('How much did Marta Olsen get for the 12 boats?');
    expect(focus.predicate).toEqual(['boat']);
  });
});

describe('/ask: "what did X say" is answered where X speaks', () => {
  it('refuses a passage that only mentions X', () => {
    expect(answered('What did Rita Vance say about the ferry contract?')).toEqual([]);
  });

  it('answers from a quotation whose speaker the paragraph before names', () => {
    expect(index.ask('What did Tom Ashdown say about the ferry checks?')[0]?.text).toContain('checked twice');
  });

  it('refuses where X speaks, but about something else', () => {
    expect(answered('What did Ola Brant say about the storm repairs?')[0]).toBe('pier');
    expect(answered('What did Ola Brant say about the ice creams?')).toEqual([]);
    expect(focusOf('What did Ola Brant say about the ice creams?').topic).toEqual(['ice', 'cream']);
  });

  it('meets a speaker named by initials', () => {
    expect(index.ask('What did the Harbour Board say about the quay lights?')[0]?.text).toContain('The HB said');
    expect(focusOf('What did the Harbour Board say about the lights?').speaker).toContain('hb');
  });

  it('leaves a speaker that is no name to coverage', () => {
    expect(focusOf('What did the harbour master say about the ferry?').speaker).toEqual([]);
  });
});

describe('/ask: the speaker of "what did X say" stands where a speech verb\'s speaker does', () => {
  const trams = SearchIndex.build(
    [
      article('depot', [
        'The mayor announced the new tram fares on Monday at a meeting with Pia Lund and the depot staff.',
        'Transport officer Ned Holm said the tram fares would pay for two new depots.',
      ]),
      article('riders', [
        'Pia Lund, who has led the riders group through three years of protests at the depot, said the tram timetable was a disgrace.',
        'The night trams will be cut in half, according to Pia Lund.',
      ]),
      article('bus', ['Bus drivers met in the garage.', 'Kai Berg runs the bus drivers union.', 'He said the bus timetable had been agreed.']),
    ],
    new Synonyms([]),
    new WordNet(),
  );
  const first = (q: string): string | undefined => trams.ask(q)[0]?.paragraphId;

  it('refuses a paragraph naming X long after the speech verb, or where someone else speaks', () => {
    expect(first('What did Pia Lund say about the tram fares?')).toBeUndefined();
  });

  it('answers where X is named before the verb, however long the apposition, or just after it', () => {
    expect(first('What did Pia Lund say about the tram timetable?')).toBe('riders#1');
    expect(first('What did Pia Lund say about the night trams?')).toBe('riders#2');
  });

  it('answers "he said" after a paragraph naming X', () => {
    expect(first('What did Kai Berg say about the bus timetable?')).toBe('bus#3');
  });
});

describe('/ask refuses when the thing asked is absent from the article', () => {
  it('answers the amount the article gives, refuses one it never speaks of', () => {
    expect(answered('How many drivers did the road safety campaign reach?')[0]).toBe('campaign');
    // `cost` is a word of the corpus (the ferry story), never of the campaign's story.
    expect(answered('How much did the road safety campaign cost?')).toEqual([]);
  });

  it('refuses "how much is X worth" from an article that never speaks of worth', () => {
    // `worth` is a word of the corpus (the lighthouse story), never of the campaign's.
    expect(answered('How much is the road safety campaign worth?')).toEqual([]);
    expect(answered('How much is the lighthouse lamp worth?')[0]).toBe('lighthouse');
  });

  it('refuses a question about a year the article never names', () => {
    expect(answered('How many drivers did the road safety campaign reach in 2022?')[0]).toBe('campaign');
    expect(answered('How many drivers did the road safety campaign reach in 2019?')).toEqual([]);
  });

  it('answers when a sentence holding the number meets the noun asked about, however the verb is worded', () => {
    // The ferry story says `killed`, the corpus uses `died` elsewhere.
    expect(answered('How many crew members died in the ferry fire?')[0]).toBe('ferry');
  });

  it('leaves questions that ask for no amount, date or person to coverage', () => {
    expect(answered('What did the road safety campaign cost the county in goodwill?')[0]).toBe('campaign');
  });
});
