import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimeMeaning } from '../../src/timeline/classify.js';
import type { CalendarDate } from '../../src/timeline/dates.js';
import { dayNumber, daysInMonth, interval, weekdayOf } from '../../src/timeline/dates.js';
import { resolve } from '../../src/timeline/resolve.js';

const relative: fc.Arbitrary<TimeMeaning> = fc.oneof(
  fc.record({
    kind: fc.constant('weekday' as const),
    weekday: fc.integer({ min: 0, max: 6 }),
    relation: fc.constantFrom(null, 'last' as const, 'this' as const, 'next' as const),
  }),
  fc.record({ kind: fc.constant('weekend' as const), relation: fc.constantFrom(null, 'last' as const, 'this' as const, 'next' as const) }),
  fc.record({ kind: fc.constant('dayOffset' as const), offset: fc.constantFrom(0, -1) }),
  fc.record({
    kind: fc.constant('window' as const),
    unit: fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'year' as const),
    shift: fc.constantFrom(-1, 0, 1),
    part: fc.constantFrom('whole' as const, 'earlier' as const, 'later' as const),
  }),
  fc.record({
    kind: fc.constant('ago' as const),
    amount: fc.integer({ min: 1, max: 30 }),
    unit: fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'year' as const),
  }),
);

const directions = fc.constantFrom('forward' as const, 'backward' as const, 'unknown' as const);
const monthDate = fc.record({ year: fc.integer({ min: 1950, max: 2100 }), month: fc.integer({ min: 1, max: 12 }) });

describe('resolving relative expressions', () => {
  it('never gives a day when the publication date is known only to the month', () => {
    fc.assert(
      fc.property(relative, monthDate, directions, (meaning, { year, month }, direction) => {
        const resolved = resolve(meaning, { year, month, precision: 'month' }, direction);
        if (resolved) expect(resolved.date.precision).not.toBe('day');
      }),
    );
  });

  it('never dates anything when the publication date is unknown', () => {
    fc.assert(
      fc.property(relative, directions, (meaning, direction) => {
        expect(resolve(meaning, null, direction)).toBeNull();
      }),
    );
  });

  it('puts a bare weekday on that weekday, within the six days up to publication, or after it when the sentence looks forward', () => {
    fc.assert(
      fc.property(monthDate, fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 6 }), directions, ({ year, month }, day, weekday, direction) => {
        const published: CalendarDate = { year, month, day: Math.min(day, daysInMonth(year, month)), precision: 'day' };
        const resolved = resolve({ kind: 'weekday', weekday, relation: null }, published, direction);
        expect(resolved?.date.precision).toBe('day');
        const [on] = interval(resolved?.date as CalendarDate);
        const today = dayNumber(year, month, published.day as number);
        expect(weekdayOf(on)).toBe(weekday);
        const ahead = direction === 'forward' ? on - today : today - on;
        expect(ahead).toBeGreaterThanOrEqual(0);
        expect(ahead).toBeLessThanOrEqual(6);
      }),
    );
  });

  it('puts "last" and "next" weekdays strictly before and after the day of writing, within a week', () => {
    fc.assert(
      fc.property(monthDate, fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 6 }), directions, ({ year, month }, day, weekday, direction) => {
        const published: CalendarDate = { year, month, day, precision: 'day' };
        const today = dayNumber(year, month, day);
        const [last] = interval(resolve({ kind: 'weekday', weekday, relation: 'last' }, published, direction)?.date as CalendarDate);
        const [next] = interval(resolve({ kind: 'weekday', weekday, relation: 'next' }, published, direction)?.date as CalendarDate);
        expect(today - last).toBeGreaterThanOrEqual(1);
        expect(today - last).toBeLessThanOrEqual(7);
        expect(next - today).toBeGreaterThanOrEqual(1);
        expect(next - today).toBeLessThanOrEqual(7);
      }),
    );
  });
});
