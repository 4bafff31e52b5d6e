/** What /ask says beside "nothing in the articles": made-up questions against a made-up engine. */
import { describe, expect, test } from 'vitest';
import type { Build } from '../../src/engine/build.js';
import { ASK_MESSAGES, askAdvice, nothingFoundMessage, respelt } from '../../src/queries/advice.js';
import type { AdviceEngine } from '../../src/queries/advice.js';
import { Vocabulary } from '../../src/search/spelling.js';
import type { AskResult } from '../../src/search/types.js';
import type { QuoteResult } from '../../src/quotes/types.js';
import type { TimelineResult } from '../../src/timeline/types.js';

const vocabulary = new Vocabulary([
  ['harbour', 4],
  ['ferry', 3],
  ['closed', 2],
  ['Marlowe', 2],
]);

describe('respelt', () => {
  test('replaces words the articles never use by the nearest they do, up to two edits, keeping capitals', () => {
    expect(respelt('why was the harbur closd by Marlow', vocabulary)).toBe('why was the harbour closed by Marlowe');
    expect(respelt('Hrabour news', vocabulary)).toBe('Harbour news');
  });

  test('leaves short words, known words and words too far alone', () => {
    expect(respelt('was the fery closed', vocabulary)).toBeNull(); // "fery" is under five letters
    expect(respelt('the harbour closed', vocabulary)).toBeNull();
    expect(respelt('the xylophone', vocabulary)).toBeNull();
  });

  test('a word of a full name the articles lack is a name, not a typo: never respelt', () => {
    expect(respelt('what did Ellen Ferrys say', vocabulary)).toBeNull();
    expect(respelt('what did the ferrys say', vocabulary)).toBe('what did the ferry say');
  });
});

/** An engine whose articles are the made-up vocabulary above: it answers `answerable`, quotes `quoted`, has events in `years`. */
function engine(options: { answerable?: string; quoted?: Record<string, string[]>; years?: number[] } = {}): AdviceEngine {
  const build = { search: { words: vocabulary } } as unknown as Build;
  return {
    build,
    ask: (question: string) => ({ query: question, answers: question === options.answerable ? [{}] : [] }) as unknown as AskResult,
    quote: (speaker: string, about?: string) => {
      const name = Object.keys(options.quoted ?? {}).find((n) => n.toLowerCase().includes(speaker.toLowerCase()));
      const topics = name ? (options.quoted?.[name] ?? []) : [];
      const quotes = about === undefined ? topics : topics.filter((t) => t === about);
      return { query: speaker, speaker: name ?? null, quotes, suggestions: [] } as unknown as QuoteResult;
    },
    timeline: ({ from, to }: { from?: number; to?: number }) =>
      ({ events: (options.years ?? []).filter((y) => y >= (from ?? 0) && y <= (to ?? 9999)) }) as unknown as TimelineResult,
  } as unknown as AdviceEngine;
}

describe('askAdvice', () => {
  test('did you mean: only a respelt question that finds passages', () => {
    expect(askAdvice(engine({ answerable: 'why was the harbour closed' }), 'why was the harbur closed')).toBe(ASK_MESSAGES.didYouMean('why was the harbour closed'));
    expect(askAdvice(engine(), 'why was the harbur closed')).toBeUndefined();
  });

  test('"what did X say" points to /quote X, with the subject, only when X is quoted on it', () => {
    const e = engine({ quoted: { 'Edith Marlowe': ['tolls'] } });
    expect(askAdvice(e, 'What did Marlowe say?')).toBe('For what Edith Marlowe said, try /quote Edith Marlowe.');
    expect(askAdvice(e, 'what has Marlowe said about tolls?')).toBe('For what Edith Marlowe said about tolls, try /quote Edith Marlowe about:tolls.');
    expect(askAdvice(e, 'what did Marlowe say about tides')).toBeUndefined();
    expect(askAdvice(e, 'what did Quentin say')).toBeUndefined();
  });

  test('a question longer than /ask allows gets no advice', () => {
    expect(askAdvice(engine({ years: [2031] }), `what happened in 2031 ${'and then '.repeat(40)}`)).toBeUndefined();
  });

  test('a question naming years points to /timeline over them, when it has events there', () => {
    const e = engine({ years: [2031, 2033] });
    expect(askAdvice(e, 'what happened in 2031')).toBe('For what happened in 2031, try /timeline from:2031 to:2031.');
    expect(askAdvice(e, 'what changed between 2033 and 2030?')).toBe('For what happened in 2030–2033, try /timeline from:2030 to:2033.');
    expect(askAdvice(e, 'what happened in 2040')).toBeUndefined();
    expect(askAdvice(e, 'what happened to the tolls')).toBeUndefined();
  });
});

describe('nothingFoundMessage', () => {
  test('the refusal, then the advice when there is some', () => {
    expect(nothingFoundMessage({ query: 'tides' })).toBe('Nothing in the articles about “tides”.');
    expect(nothingFoundMessage({ query: 'tides in 2031', hint: 'For what happened in 2031, try /timeline from:2031 to:2031.' })).toBe(
      'Nothing in the articles about “tides in 2031”. For what happened in 2031, try /timeline from:2031 to:2031.',
    );
  });
});
