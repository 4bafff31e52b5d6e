import { describe, expect, it } from 'vitest';
import { dateLabel } from '../../src/timeline/index.js';

describe('dateLabel', () => {
  it('says a decade as a decade, a range with its end, and an approximate date as such', () => {
    expect(dateLabel({ date: '1950', precision: 'decade', approximate: false })).toBe('1950s');
    expect(dateLabel({ date: '1959', precision: 'year', end: '1970', approximate: false })).toBe('1959 – 1970');
    expect(dateLabel({ date: '2018', precision: 'year', approximate: true })).toBe('2018 (approx.)');
    expect(dateLabel({ date: '2018-01-09', precision: 'day', approximate: false })).toBe('2018-01-09');
  });
});
