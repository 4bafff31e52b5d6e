import { describe, expect, it } from 'vitest';
import { analyse, getNlp, sentencesOf } from '../src/nlp/index.js';

describe('nlp', () => {
  it('gives every instance working custom entities, not only the first one made', () => {
    getNlp();
    const first = getNlp('test-a', [{ name: 'greeting', patterns: ['hello world'] }]);
    const second = getNlp('test-b', [{ name: 'fruit', patterns: ['green apple'] }]);
    expect(first.readDoc('I said hello world').customEntities().out()).toEqual(['hello world']);
    expect(second.readDoc('a green apple fell').customEntities().out()).toEqual(['green apple']);
  });

  it('returns sentences verbatim with their offsets', () => {
    const text = '“We are not alone,” Asif said. He left.  Then he came back.';
    for (const s of sentencesOf(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentencesOf(text)).toHaveLength(3);
  });

  it('lemmatises tokens within their sentences', () => {
    const [first] = analyse('They bought helicopters. Then they left.');
    expect(first?.tokens.map((t) => t.lemma)).toEqual(['they', 'buy', 'helicopter', '.']);
  });
});
