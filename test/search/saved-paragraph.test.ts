import { describe, expect, it } from 'vitest';
import { SavedParagraph } from '../../src/search/saved-paragraph.js';
import type { Attribution, Paragraph } from '../../src/corpus/types.js';

const paragraph = { id: 'ferry#1', articleId: 'ferry', number: 1, kind: 'body', text: 'The ferry ran late. The council apologised.' } as Paragraph;
const attribution = { articleId: 'ferry', title: 'Ferry story', outlet: null, published: null, url: null } as Attribution;

describe('a paragraph restored from the cache', () => {
  it('reads its sentences and terms from the saved term list when first asked, once', () => {
    const terms = ['ferry', 'run', 'late', 'council', 'apologise'];
    const saved = new SavedParagraph(paragraph, attribution, [[0, 19, [0, 1, 2]], [20, 43, [3, 4]]], [0, 2], terms);
    expect(saved.sentences).toEqual([
      { start: 0, end: 19, terms: new Set(['ferry', 'run', 'late']), answers: 0 },
      { start: 20, end: 43, terms: new Set(['council', 'apologise']), answers: 2 },
    ]);
    expect([...saved.terms]).toEqual(['ferry', 'run', 'late', 'council', 'apologise']);
    expect(saved.sentences).toBe(saved.sentences);
    expect(saved.terms).toBe(saved.terms);
  });

  it('counts a sentence with no saved answer types as holding none', () => {
    const saved = new SavedParagraph(paragraph, attribution, [[0, 19, [0]]], undefined, ['ferry']);
    expect(saved.sentences[0]?.answers).toBe(0);
  });

  it('adds its terms to an article\'s set, read from the saved positions or, once made, from its own set', () => {
    const terms = ['ferry', 'run', 'late', 'council'];
    const saved = new SavedParagraph(paragraph, attribution, [[0, 19, [0, 1, 2]], [20, 43, [3, 0]]], [0, 0], terms);
    const before = new Set(['harbour']);
    saved.addTermsTo(before);
    expect([...before].sort()).toEqual(['council', 'ferry', 'harbour', 'late', 'run']);
    // Read from the saved positions, in the order the sentences give them: the order made through the sentences.
    expect([...saved.terms]).toEqual(['ferry', 'run', 'late', 'council']);
    expect([...saved.terms]).toEqual([...new Set(saved.sentences.flatMap((s) => [...s.terms]))]);
    const after = new Set<string>();
    saved.addTermsTo(after);
    expect([...after].sort()).toEqual(['council', 'ferry', 'late', 'run']);
  });
});
