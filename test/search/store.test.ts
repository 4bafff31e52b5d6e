/**
 * What the paragraph store holds of whole articles: each article's terms, made one article at a
 * time when asked for, and made again after the articles change.
 */
import { describe, expect, it } from 'vitest';
import { buildArticle } from '../../src/corpus/load.js';
import { ParagraphStore } from '../../src/search/store.js';
import type { Article } from '../../src/corpus/types.js';
import type { IndexedArticle } from '../../src/search/types.js';

function article(file: string, paragraphs: string[]): Article {
  const built = buildArticle(file, ['Title', ...paragraphs].join('\n\n'), { title: 'Title' }, `hash-${file}-${paragraphs.join('').length}`);
  if (!built) throw new Error('test article is empty');
  return built;
}

/** Made-up index data: each paragraph one sentence whose terms are its lower-cased words. */
function indexed(a: Article): IndexedArticle {
  return {
    title: 'title',
    paragraphs: a.paragraphs.map((p) => ({ sentences: [[0, p.text.length, p.text.toLowerCase().match(/\p{L}+/gu) ?? [], 0]], section: '' })),
  };
}

describe('ParagraphStore.termCountsOfArticle', () => {
  it('holds every term of an article’s paragraphs, and the changed terms after an update', () => {
    const store = new ParagraphStore({ body: 1, title: 0.35, section: 0.5 });
    const mill = article('mill.txt', ['Millers ground barley.', 'The wheel turned slowly.']);
    const kiln = article('kiln.txt', ['Potters fired the kiln.']);
    for (const a of [mill, kiln]) store.addIndexed(a, indexed(a));
    expect([...store.termCountsOfArticle(mill.articleId).keys()].sort()).toEqual(['barley', 'ground', 'millers', 'slowly', 'the', 'turned', 'wheel']);
    expect([...store.termCountsOfArticle(kiln.articleId).keys()].sort()).toEqual(['fired', 'kiln', 'potters', 'the']);
    expect(store.termCountsOfArticle('no-such-article').size).toBe(0);
    const rebuilt = article('mill.txt', ['Millers ground oats.']);
    store.update(store.documentsOf(mill) ?? [], [[rebuilt, indexed(rebuilt)]], [rebuilt, kiln]);
    expect([...store.termCountsOfArticle(rebuilt.articleId).keys()].sort()).toEqual(['ground', 'millers', 'oats']);
  });
});
