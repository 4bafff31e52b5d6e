import { beforeAll, describe, expect, it } from 'vitest';
import { bookPredictions, misattributed, scoreQuotes } from '../../eval/quotes.eval.js';
import type { QuoteScore } from '../../eval/quotes.eval.js';
import { evalCorpora } from '../../eval/corpora.js';
import type { EvalCorpus } from '../../eval/corpora.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { buildQuoteBook, readSpeakerOverrides } from '../../src/quotes/index.js';
import type { QuoteBook } from '../../src/quotes/index.js';

let book: QuoteBook;
let seeds: EvalCorpus;
let score: QuoteScore;

beforeAll(async () => {
  seeds = (await evalCorpora()).find((c) => c.name === 'seeds')!;
  const { articles } = await loadCorpus(seeds.seedsDir);
  book = buildQuoteBook(articles, await readSpeakerOverrides(seeds.seedsDir));
  score = scoreQuotes(bookPredictions(book, articles), seeds.labels, 'all', (q) => book.resolve(q).speaker);
});

describe('the seed articles', () => {
  it('attributes every labelled quotation to its speaker, and no words to anyone else', () => {
    expect(score.errors).toEqual([]);
    expect(misattributed(score)).toBe(0);
    expect(score.right).toBe(score.named);
    expect(score.named).toBeGreaterThan(30);
  });

  it('/quote Khan shows only the defence minister’s words', () => {
    const khan = book.resolve('Khan').speaker;
    expect(khan).toBe('Khurram Dastgir Khan');
    expect(book.quotesOf(khan!).length).toBeGreaterThan(0);
    for (const q of book.quotesOf(khan!)) expect(q.speaker).toBe(khan);
  });

  it('says which rule made every attribution', () => {
    for (const q of book.quotations) expect(q.rule === null, `${q.paragraphId} "${q.text}"`).toBe(q.speaker === null);
  });

  it('knows the defence minister and the foreign minister by their aliases', () => {
    for (const name of ['Khan', 'Mr Khan', 'Khurram Dastgir Khan', 'Dastgir', 'the defence minister']) {
      expect(book.resolve(name).speaker, name).toBe(book.resolve('Khurram Dastgir Khan').speaker);
    }
    for (const name of ['Asif', 'Khwaja Asif', 'Khawaja Asif', 'the foreign minister']) {
      expect(book.resolve(name).speaker, name).toBe(book.resolve('Khwaja Asif').speaker);
    }
    expect(book.resolve('Khan').speaker).not.toBe(book.resolve('Asif').speaker);
  });
});
