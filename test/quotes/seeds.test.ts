import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findLabelled, readLabels } from '../../eval/quotes.eval.js';
import type { QuoteLabel } from '../../eval/quotes.eval.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { buildQuoteBook, readSpeakerOverrides } from '../../src/quotes/index.js';
import type { QuoteBook } from '../../src/quotes/index.js';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
let book: QuoteBook;
let labels: QuoteLabel[];

beforeAll(async () => {
  const { articles } = await loadCorpus(SEEDS);
  book = buildQuoteBook(articles, await readSpeakerOverrides(SEEDS));
  labels = await readLabels();
});

describe('the seed articles', () => {
  it('/quote Khan shows no quotation that the labels give to anyone else', () => {
    const khan = book.resolve('Khan').speaker;
    expect(khan).not.toBeNull();
    const quotes = book.quotesOf(khan!);
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) {
      const label = labels.find((l) => findLabelled([q], l));
      expect(label, `${q.paragraphId} "${q.text}" has no label`).toBeDefined();
      expect(book.resolve(label!.speaker ?? '').speaker, `${q.paragraphId} "${q.text}"`).toBe(khan);
    }
  });

  it('finds every labelled quotation', () => {
    for (const label of labels) expect(findLabelled(book.quotations, label), `${label.paragraphId} "${label.text}"`).toBeDefined();
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
