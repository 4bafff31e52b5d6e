import { describe, expect, it } from 'vitest';
import { Rng } from '../../bench/rng.js';
import { overlap, TwinFinder } from '../../src/search/repeats.js';

const set = (text: string): Set<string> => new Set(text.split(' ').filter(Boolean));

describe('overlap', () => {
  it('is the share of the smaller set found in the larger', () => {
    expect(overlap(set('ferry harbour'), set('ferry harbour quay pier'))).toBe(1);
    expect(overlap(set('ferry harbour quay pier'), set('ferry harbour tide gull'))).toBe(0.5);
    expect(overlap(set(''), set('ferry'))).toBe(0);
  });
});

describe('TwinFinder', () => {
  it('finds the first kept set sharing enough of the smaller one’s terms, in slot order', () => {
    const finder = new TwinFinder(0.75);
    finder.add(set('council budget vote mayor'));
    finder.add(set('ferry harbour quay pier'));
    finder.add(set('ferry harbour quay pier tide'));
    expect(finder.find(set('ferry harbour quay gull'))).toBe(1);
    expect(finder.find(set('ferry harbour gull dock'))).toBe(-1);
    finder.replace(1, set('strike union port'));
    expect(finder.find(set('ferry harbour quay gull'))).toBe(2);
  });

  it('finds what a scan comparing overlap() with the threshold finds, for any threshold', () => {
    const words = 'harbour ferry council budget strike vote bridge river mayor union port levy tariff quay pier dock tide gull'.split(' ');
    const rng = new Rng(11);
    for (const threshold of [0, 0.3, 0.5, 0.75, 0.9, 0.95, 1]) {
      const finder = new TwinFinder(threshold);
      const kept: Set<string>[] = [];
      for (let i = 0; i < 300; i++) {
        // Near copies of earlier sets, so twins are common.
        const base = kept.length > 0 && rng.chance(0.5) ? [...rng.pick(kept)] : [];
        const terms = new Set([...base.filter(() => rng.chance(0.9)), ...Array.from({ length: rng.int(0, 6) }, () => rng.pick(words))]);
        const expected = kept.findIndex((k) => overlap(k, terms) >= threshold);
        expect(finder.find(terms)).toBe(expected);
        if (expected < 0) {
          kept.push(terms);
          finder.add(terms);
        }
      }
    }
  });

  it('never takes an empty passage for a twin', () => {
    const finder = new TwinFinder(0.9);
    finder.add(new Set());
    expect(finder.find(new Set())).toBe(-1);
    finder.add(set('ferry harbour'));
    expect(finder.find(set('ferry harbour quay'))).toBe(1);
  });
});
