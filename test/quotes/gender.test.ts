/**
 * `he` and `she` (gender.ts): a pronoun is never resolved to a person the
 * article itself gives the other pronoun. Made-up sentences.
 */
import { describe, expect, it } from 'vitest';
import { analyseParagraph } from '../../src/quotes/analyse.js';
import { pronounsOf } from '../../src/quotes/gender.js';
import { buildQuoteBook } from '../../src/quotes/index.js';
import { article } from './helpers.js';

const lastWordPerson = (name: string): string => name.split(' ').pop()!;
const pronouns = (...paragraphs: string[]) => Object.fromEntries(pronounsOf(paragraphs.map(analyseParagraph), lastWordPerson));

function book(...paragraphs: string[]) {
  return buildQuoteBook([article('g', paragraphs)]);
}
const quote = (b: ReturnType<typeof book>, start: string) => b.quotations.find((q) => q.text.startsWith(start));

describe('the pronoun an article gives a person', () => {
  it('reads courtesy titles, gendered roles and the first pronoun after a lone name', () => {
    expect(pronouns('Ms Orla Fenn arrived late. Mr Dov Keller did not.')).toEqual({ Fenn: 'she', Keller: 'he' });
    expect(pronouns('Council spokeswoman Ada Pruitt declined to comment.')).toEqual({ Pruitt: 'she' });
    expect(pronouns('Ivo Tamm said his team would win.')).toEqual({ Tamm: 'he' });
  });

  it('settles nothing from mixed evidence, another person’s pronoun, or a sentence naming two people', () => {
    expect(pronouns('Ivo Tamm said his team would win.', 'Ivo Tamm said her plan failed.')).toEqual({});
    expect(pronouns('Ivo Tamm said a nurse had told him she was leaving.')).toEqual({});
    expect(pronouns('Ivo Tamm said a nurse had told her family.')).toEqual({});
    expect(pronouns('Ivo Tamm met Orla Fenn and her son.')).toEqual({});
  });
});

describe('resolving he and she', () => {
  it('gives `he said` to nobody when the only candidate is a woman', () => {
    const b = book('“It is over,” Ms Orla Fenn told the radio station.', '“We carry on,” he said.');
    expect(quote(b, 'It is over')?.speaker).toBe('Orla Fenn');
    expect(quote(b, 'We carry on')?.speaker).toBeNull();
  });

  it('passes over the last speaker to the person of the right pronoun named in the paragraph', () => {
    const b = book('“We lost,” Ms Orla Fenn said after the vote, as Mr Dov Keller looked on. “It was close,” he said.');
    expect(quote(b, 'We lost')?.speaker).toBe('Orla Fenn');
    expect(quote(b, 'It was close')?.speaker).toBe('Dov Keller');
    expect(quote(b, 'It was close')?.rule).toMatch(/\(he\)$/);
  });
});
