/**
 * A small load run (the full one is `npm run load`): 100 interactions —
 * /ask, /quote, /timeline and autocomplete in turn — sent by the emulator at
 * 20 in flight against the real bot. Every one is acknowledged inside
 * Discord's 3 s (the emulator refuses a later callback), every reply is inside
 * the limits, every interaction is logged exactly once, and the heap is
 * steady.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { heapMb, linesPerUser, mixed, percentile, requestProblems, runLoad, startReliabilityBot, until } from './harness.js';
import type { ReliabilityBot } from './harness.js';

let h: ReliabilityBot;

beforeAll(async () => {
  h = await startReliabilityBot();
});

afterAll(async () => {
  await h?.stop();
});

test('100 mixed interactions at 20 in flight: all answered inside 3 s, each logged once, heap steady', async () => {
  // Warm up (JIT, first-use caches), then measure the heap from there.
  const warm = await runLoad(h.emulator, { count: 20, concurrency: 20 });
  expect(warm.failures).toEqual([]);
  await until(() => h.queryLog().length === 20, 'the warm-up lines');
  const heapStart = heapMb();

  const run = await runLoad(h.emulator, { count: 100, concurrency: 20, next: (i) => mixed(i + 20) });
  expect(run.failures).toEqual([]);
  expect(run.sent).toHaveLength(100);
  expect(run.peakInFlight).toBe(20);
  const first = run.sent.map((s) => s.firstMs);
  expect(Math.max(...first)).toBeLessThan(3000);
  expect(percentile(first, 99)).toBeLessThan(3000);
  expect(new Set(run.sent.map((s) => s.kind))).toEqual(new Set(['ask', 'quote', 'timeline', 'autocomplete']));

  // No request refused (a limit broken, a late or double acknowledgement), no mention allowed.
  expect(requestProblems(h.emulator.requests)).toEqual([]);

  // Exactly one query log line per interaction: every user sent one.
  await until(() => h.queryLog().length >= 120, 'a line per interaction');
  const lines = h.queryLog();
  expect(lines).toHaveLength(120);
  const counts = linesPerUser(lines);
  for (const s of [...warm.sent, ...run.sent]) expect(counts.get(s.user), `lines for ${s.kind} ${s.user}`).toBe(1);
  expect(lines.filter((l) => l.outcome === 'error')).toEqual([]);
  expect(h.logs().filter((l) => l.msg === 'interaction failed')).toEqual([]);

  const heapEnd = heapMb();
  // Steady: the growth is the page store filling (bounded) and the emulator's own records, not a leak per interaction.
  expect(heapEnd - heapStart).toBeLessThan(40);
}, 60_000);
