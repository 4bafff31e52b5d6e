import { describe, expect, it, vi } from 'vitest';
import { analyse, analysis, getNlp, recogniseCustomEntities, sentencesOf, sharingAnalyses, sharingTokenAnalyses } from '../src/nlp/index.js';
import { findExpressions } from '../src/timeline/expressions.js';

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

  it('runs no negation or sentiment pass (nothing reads them)', () => {
    const nlp = getNlp();
    const doc = nlp.readDoc('We love this wonderful, happy bridge. It is not open.');
    expect(doc.out(nlp.its.sentiment)).toBe(0);
    expect(doc.tokens().out(nlp.its.negationFlag)).not.toContain(true);
  });

  it('lemmatises tokens within their sentences', () => {
    const [first] = analyse('They bought helicopters. Then they left.');
    expect(first?.tokens.map((t) => t.lemma)).toEqual(['they', 'buy', 'helicopter', '.']);
  });
});

describe('the shared analysis', () => {
  it('finds the custom entities a feature asked every analysis to recognise', () => {
    recogniseCustomEntities([{ name: 'test-vessel', patterns: ['[the] [red|blue] [ship|boat]'] }]);
    const { tokens, customEntities } = analysis('Crews painted the blue boat on Monday. Nobody saw the green car.');
    const found = customEntities.filter((e) => e.type === 'test-vessel');
    expect(found.map((e) => tokens.slice(e.first, e.last + 1).map((t) => t.value).join(' '))).toEqual(['the blue boat']);
  });

  it('refuses a second, different definition under a name already used', () => {
    recogniseCustomEntities([{ name: 'test-fruit', patterns: ['green apple'] }]);
    expect(() => recogniseCustomEntities([{ name: 'test-fruit', patterns: ['red apple'] }])).toThrow(/already defined/);
  });

  it('reads a text once for the timeline and search inside sharingAnalyses', () => {
    const nlp = getNlp();
    const spy = vi.spyOn(nlp, 'readDoc');
    try {
      const text = 'The mayor opened the bridge on 4 March 2019, officials said.';
      const found = sharingAnalyses(() => {
        analyse(text);
        return findExpressions(text);
      });
      expect(found.map((e) => e.label)).toEqual(['on 4 March 2019']);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('gives a tokens-only pass the same sentences, tokens, tags and lemmas, and none of the entities', () => {
    recogniseCustomEntities([{ name: 'test-barge', patterns: ['[the] [old] barge'] }]);
    const text = 'How many barrels did the old barge carry on 3 May 2021? Dr. Okafor said 40% sank.';
    const whole = analysis(text);
    const light = sharingTokenAnalyses(() => analysis(text));
    expect(light.tokens).toEqual(whole.tokens);
    expect(light.sentences.map(({ start, end, text: t }) => [start, end, t])).toEqual(whole.sentences.map(({ start, end, text: t }) => [start, end, t]));
    expect(whole.entities.length).toBeGreaterThan(0);
    expect(whole.customEntities.length).toBeGreaterThan(0);
    expect([light.entities, light.customEntities, light.sentences.flatMap((s) => s.entityTypes)]).toEqual([[], [], []]);
    // Shared within the call, and never with work that reads entities, inside or around it.
    sharingTokenAnalyses(() => expect(analysis(text)).toBe(analysis(text)));
    expect(sharingTokenAnalyses(() => sharingAnalyses(() => analysis(text).customEntities.length))).toBeGreaterThan(0);
    expect(sharingAnalyses(() => (analysis(text), sharingTokenAnalyses(() => analysis(text).entities.length)))).toBe(0);
  });
});
