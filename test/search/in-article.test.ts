/** Words weighed within their article: the story's own names tell its paragraphs apart less than the word asked about. */
import { describe, expect, it } from 'vitest';
import { buildArticle } from '../../src/corpus/load.js';
import { DEFAULT_TUNING, SearchIndex, Synonyms, WordNet } from '../../src/search/index.js';
import type { Article } from '../../src/corpus/types.js';

const wordnet = new WordNet();

function article(id: string, paragraphs: string[]): Article {
  const built = buildArticle(`${id}.txt`, paragraphs.join('\n\n'), { title: `Title ${id}` }, 'hash');
  if (!built) throw new Error('test article is empty');
  return built;
}

// `Quill` and `harbour` are in every paragraph of the story; `ferries` in one of it, and in several of another story.
const corpus = [
  article('quill', [
    'Quill story',
    'Mayor Dana Quill opened the new harbour wall at Elsworth on Monday.',
    'Quill said the harbour wall cost less than planned.',
    'Quill said the ferries would return next spring.',
    'The harbour wall was built by local firms, Quill said.',
    'Quill thanked the harbour staff.',
  ]),
  article('isles', ['Isles story', 'The ferries to the isles were late again.', 'Ferries were cancelled in the storm.', 'Two ferries need new engines.', 'The ferries carry cattle in winter.', 'Ferries run twice a day.']),
];
const ranked = (inArticle: number): string[] =>
  SearchIndex.build(corpus, new Synonyms([]), wordnet, { mix: { ...DEFAULT_TUNING.mix, inArticle } })
    .ask('Quill harbour ferries', 5)
    .map((p) => p.paragraphId);

describe('/ask ranking within an article', () => {
  it('lifts the paragraph holding the word its article rarely uses above those holding only the story’s names', () => {
    const plain = ranked(0);
    const weighed = ranked(DEFAULT_TUNING.mix.inArticle);
    expect(weighed.indexOf('quill#3')).toBeLessThan(plain.indexOf('quill#3'));
    expect(weighed.slice(0, 3)).toContain('quill#3');
    // Given more say, it puts that paragraph first.
    expect(ranked(0.3)[0]).toBe('quill#3');
    expect(plain[0]).toBe('quill#1');
  });

  it('answers and refuses as before: it orders passages, never admits one', () => {
    expect(new Set(ranked(0))).toEqual(new Set(ranked(0.3)));
  });
});
