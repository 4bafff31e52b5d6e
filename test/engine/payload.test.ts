import { isAscii } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { analyseSeeds } from '../../src/engine/build.js';
import { checkPayload, encodePayload, payloadText, sampleOf } from '../../src/engine/payload.js';
import type { BuildPayload } from '../../src/engine/payload.js';
import { seedsFolder } from '../helpers/seeds.js';

const paragraphs = Array.from({ length: 9 }, (_, i) => `The council met for the ${i + 1}th time on 3 March 2019, and "we will rebuild the wall," mayor Ann Roe said.`);

describe('checkPayload', () => {
  it('keeps short lists (tuples) whole and samples long ones at both ends and the middle', () => {
    const nine = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(sampleOf({ pair: ['a', 1], eight: nine.slice(0, 8), long: nine, nested: [[['x', nine]]] })).toEqual({
      pair: ['a', 1],
      eight: nine.slice(0, 8),
      long: [1, 5, 9],
      nested: [[['x', [1, 5, 9]]]],
    });
  });

  it('returns a payload of the right shape as it is, not a copy', async () => {
    const payload = await analyseSeeds({ seedsDir: await seedsFolder({ 'a.txt': ['Council story', ...paragraphs].join('\n\n') }) });
    const data = JSON.parse(JSON.stringify(payload)) as unknown;
    expect(checkPayload(data)).toBe(data);
  });

  it('refuses a payload whose lists hold the wrong shape, wherever the sample looks', async () => {
    const payload = await analyseSeeds({ seedsDir: await seedsFolder({ 'a.txt': ['Council story', ...paragraphs].join('\n\n') }) });
    const broken = JSON.parse(JSON.stringify(payload)) as { corpus: { articles: { paragraphs: { text?: unknown }[] }[] } };
    for (const p of broken.corpus.articles[0]?.paragraphs ?? []) p.text = 42;
    expect(() => checkPayload(broken)).toThrow(/wrong shape.*paragraphs.*text/);
  });
});

describe('payload bytes', () => {
  const text = 'The mayor said “we’ll rebuild” — Zoë’s café, 10 °C, 😀 and a lone \ud800 half.';
  const payload = { corpus: { articles: [], skipped: [], warnings: [] }, synonyms: [['café', 'coffee shop']], search: {}, quotes: {}, timeline: [{ text }] } as unknown as BuildPayload;

  it('are ASCII, and read back as the very payload', () => {
    const bytes = encodePayload(payload);
    expect(isAscii(bytes)).toBe(true);
    expect(JSON.parse(payloadText(bytes))).toEqual(JSON.parse(JSON.stringify(payload)));
  });

  it('written as UTF-8 by an older writer, still read back', () => {
    const bytes = Buffer.from(JSON.stringify(payload));
    expect(isAscii(bytes)).toBe(false);
    expect(JSON.parse(payloadText(bytes))).toEqual(JSON.parse(JSON.stringify(payload)));
  });
});
