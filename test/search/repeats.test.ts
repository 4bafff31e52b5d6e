import { describe, expect, it } from 'vitest';
import { Rng } from '../../bench/rng.js';
import { overlap, TwinFinder } from '../../src/search/repeats.js';

/** What withoutRepeats did before: the first kept set, in order, sharing enough of the smaller one's terms. */
const scan = (kept: Set<string>[], terms: Set<string>, threshold: number): number => kept.findIndex((k) => overlap(k, terms) >= threshold);

describe('TwinFinder', () => {
  const words = 'harbour ferry council budget strike vote bridge river mayor union port levy tariff quay pier dock tide gull'.split(' ');

  it('finds the same twin as a scan over every kept set, for any threshold, with kept sets replaced', () => {
    const rng = new Rng(11);
    for (const threshold of [0, 0.3, 0.5, 0.75, 0.9, 0.95, 1]) {
      const df = new Map(words.map((w) => [w, rng.int(1, 50)]));
      const finder = new TwinFinder(threshold, (t) => df.get(t) ?? 0);
      const kept: Set<string>[] = [];
      for (let i = 0; i < 400; i++) {
        // Near copies of earlier sets, so twins are common.
        const base = kept.length > 0 && rng.chance(0.5) ? [...rng.pick(kept)] : [];
        const terms = new Set([...base.filter(() => rng.chance(0.9)), ...Array.from({ length: rng.int(0, 6) }, () => rng.pick(words))]);
        const expected = scan(kept, terms, threshold);
        expect(finder.find(terms)).toBe(expected);
        if (expected < 0) {
          kept.push(terms);
          finder.add(terms);
        } else if (rng.chance(0.3)) {
          kept[expected] = terms;
          finder.replace(expected, terms);
        }
      }
    }
  });

  it('never takes an empty passage for a twin', () => {
    const finder = new TwinFinder(0.9, () => 1);
    finder.add(new Set());
    expect(finder.find(new Set())).toBe(-1);
    finder.add(new Set(['ferry', 'harbour']));
    expect(finder.find(new Set(['ferry', 'harbour', 'quay']))).toBe(1);
  });
});
