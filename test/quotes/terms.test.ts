/**
 * Quoted terms (terms.ts): short quoted words that label a thing are nobody's
 * words, even in a sentence where someone speaks. Made-up sentences.
 */
import { describe, expect, it } from 'vitest';
import { buildQuoteBook } from '../../src/quotes/index.js';
import { article } from './helpers.js';

function book(...paragraphs: string[]) {
  return buildQuoteBook([article('t', paragraphs)]);
}
const speakerOf = (b: ReturnType<typeof book>, start: string) => b.quotations.find((q) => q.text.startsWith(start))?.speaker;

describe('a quoted modifier inside a noun phrase', () => {
  it('gives no speaker to quoted words between an article and the noun they qualify', () => {
    const b = book(
      'Marta Quell said the ruling was unfair and called on the self-appointed “caretaker” council to step down.',
      'Veldonia said it stood by the “two flags, one market” principle agreed in 1990.',
      'Jon Brack told reporters a “thin” tariff pact would not be enough.',
    );
    expect(speakerOf(b, 'caretaker')).toBeNull();
    expect(speakerOf(b, 'two flags')).toBeNull();
    expect(speakerOf(b, 'thin')).toBeNull();
  });

  it('keeps the speaker of a label a naming verb gives, of quoted words that end a phrase, and after a possessive', () => {
    const b = book(
      'Jon Brack called it a “wonderful” agreement.',
      'Marta Quell said the plan was a “sticking plaster” for the region.',
      'Jon Brack said Labour’s “hopeless” campaign would fail.',
    );
    expect(speakerOf(b, 'wonderful')).toBe('Jon Brack');
    expect(speakerOf(b, 'sticking plaster')).toBe('Marta Quell');
    expect(speakerOf(b, 'hopeless')).toBe('Jon Brack');
  });

  it('never treats a sentence in quotation marks as a term', () => {
    const b = book('Marta Quell said: “We won.” The “final” vote is on Monday.');
    expect(speakerOf(b, 'We won')).toBe('Marta Quell');
  });

  it('gives no speaker to short quoted words heading a noun phrase a possessive and a qualifier open (the name of the owner’s thing)', () => {
    const b = book(
      'Marta Quell said she had kept her fiscal “silver rule” this year.',
      'Jon Brack said the bank’s annual “health check” was passed.',
      'Jon Brack said it was their “betrayal”.',
    );
    expect(speakerOf(b, 'silver rule')).toBeNull();
    expect(speakerOf(b, 'health check')).toBeNull();
    // No qualifier: the speaker's own word.
    expect(speakerOf(b, 'betrayal')).toBe('Jon Brack');
  });
});
