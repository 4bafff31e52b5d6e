import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildQuoteBook } from '../../src/quotes/index.js';
import { article } from './helpers.js';

const words = ['He', 'said', 'the', 'Minister', 'Khan', 'told', '“', '”', '"', ',', '.', ':', 'it', 'Office', 'Mr', 'added', 'we', 'are', 'ready', '’s', 'and', 'according', 'to', '(', ')'];
const paragraph = fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 })), { maxLength: 30 }).map((ws) => ws.join(' ').trim() || 'x');

describe('any text', () => {
  it('gives quotations that are verbatim parts of their paragraph, inside their context, with a known or null speaker', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 5 }), (paragraphs) => {
        const a = article('p', paragraphs);
        const book = buildQuoteBook([a]);
        const names = new Set(book.speakers.map((s) => s.name));
        for (const q of book.quotations) {
          const text = a.paragraphs[q.paragraph - 1]!.text;
          expect(text).toContain(q.text);
          expect(text).toContain(q.context);
          expect(q.context).toContain(q.text);
          if (q.speaker !== null) expect(names.has(q.speaker)).toBe(true);
        }
        expect(book.complete('k').length).toBeLessThanOrEqual(25);
        expect(book.resolve('zzz').suggestions.length).toBeLessThanOrEqual(5);
      }),
      { numRuns: 150 },
    );
  });
});
