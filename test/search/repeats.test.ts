import { describe, expect, it } from 'vitest';
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

  it('never takes an empty passage for a twin', () => {
    const finder = new TwinFinder(0.9);
    finder.add(new Set());
    expect(finder.find(new Set())).toBe(-1);
    finder.add(set('ferry harbour'));
    expect(finder.find(set('ferry harbour quay'))).toBe(1);
  });
});
