import { describe, expect, test } from 'vitest';
import { excerpt, readableDate } from '../../src/queries/excerpt.js';

describe('excerpt', () => {
  const text = 'The ferry left at noon. Passengers waited for hours. The captain blamed the fog. Nobody was hurt.';

  test('keeps the quote with whole sentences of context on each side', () => {
    expect(excerpt(text, 'The captain blamed the fog.', 40)).toEqual({
      before: '… Passengers waited for hours. ',
      quote: 'The captain blamed the fog.',
      after: ' Nobody was hurt.',
      partOfParagraph: true,
    });
  });

  test('drops context that would only be half a sentence', () => {
    const e = excerpt(text, 'The captain blamed the fog.', 10);
    expect(e.before).toBe('');
    expect(e.after).toBe('');
  });

  test('a sentence starting exactly at the edge of the window is kept whole', () => {
    const e = excerpt('Alpha beta. Gamma delta. Quote here.', 'Quote here.', 13);
    expect(e.before).toBe('… Gamma delta. ');
  });

  test('a quote that is the whole paragraph is not part of it', () => {
    expect(excerpt('Only one sentence here.', 'Only one sentence here.').partOfParagraph).toBe(false);
    expect(excerpt('  Padded sentence.  ', 'Padded sentence.').partOfParagraph).toBe(false);
  });

  test('a quote the paragraph does not contain comes back alone, unmarked', () => {
    expect(excerpt(text, 'Something else entirely.')).toEqual({ before: '', quote: 'Something else entirely.', after: '', partOfParagraph: false });
  });

  test('cuts the context after the quote at a sentence end, with an ellipsis', () => {
    const e = excerpt('Lead. Quote. One two three. Four five six seven eight nine ten.', 'Quote.', 20);
    expect(e.after).toBe(' One two three. …');
  });
});

describe('readableDate', () => {
  test('says dates in words to the precision known', () => {
    expect(readableDate('2019-03-07')).toBe('7 Mar 2019');
    expect(readableDate('2019-11')).toBe('Nov 2019');
    expect(readableDate('2019')).toBe('2019');
    expect(readableDate(null)).toBe('date unknown');
    expect(readableDate('2019-13')).toBe('2019-13');
    expect(readableDate('sometime')).toBe('sometime');
  });
});
