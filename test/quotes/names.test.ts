import { describe, expect, it } from 'vitest';
import { buildQuoteBook } from '../../src/quotes/index.js';
import { countryOf, leadingDemonyms } from '../../src/quotes/names.js';
import { tokenize } from '../../src/quotes/phrases.js';
import { article } from './helpers.js';

const speakerOf = (paragraphs: string[], words: string): string | null => {
  const book = buildQuoteBook([article('a', paragraphs)]);
  return book.quotations.find((q) => q.text.includes(words))?.speaker ?? null;
};

describe('name particles', () => {
  it('joins lower-case particles to the capitalised surname after them', () => {
    const values = tokenize('Judge Maria van der Berg met Omar bin Rashid and de Silva.', []).map((t) => t.value);
    expect(values).toContain('van der Berg');
    expect(values).toContain('bin Rashid');
    expect(values).toContain('de Silva');
  });

  it('leaves a particle alone before a lower-case word or a weekday', () => {
    const values = tokenize('The deal was de facto dead by le Monday, when the van arrived.', []).map((t) => t.value);
    expect(values).toContain('de');
    expect(values).toContain('le');
    expect(values).toContain('van');
  });

  it('keeps a particle inside the name and lets the surname alone speak', () => {
    const book = buildQuoteBook([
      article('a', [
        'The treaty was signed by Dutch Foreign Minister Anna van der Molen in the capital.',
        '"We have waited long enough," van der Molen told reporters.',
      ]),
    ]);
    expect(book.quotations[0]!.speaker).toBe('Anna van der Molen');
    expect(book.resolve('van der Molen').speaker).toBe('Anna van der Molen');
    expect(book.resolve('Molen').speaker).toBe('Anna van der Molen');
  });
});

describe('a nationality before a name', () => {
  it('is not part of the name', () => {
    expect(leadingDemonyms(['Swiss', 'Hanna', 'Keller'])).toBe(1);
    expect(speakerOf(['"It was a long night," Norwegian Lars Eide said on arrival.'], 'long night')).toBe('Lars Eide');
  });

  it('stays in an organisation’s name and in a two-word name', () => {
    expect(leadingDemonyms(['British', 'Steel', 'Council'])).toBe(0);
    expect(leadingDemonyms(['Swiss', 'Re'])).toBe(0);
  });

  it('names its country for a role', () => {
    expect(countryOf('Chinese')).toBe('china');
    expect(countryOf('U.S.')).toBe('america');
    expect(countryOf('China’s')).toBe('china');
  });
});
