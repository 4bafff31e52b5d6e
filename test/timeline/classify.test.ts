import { describe, expect, it } from 'vitest';
import { classify } from '../../src/timeline/classify.js';

describe('classify', () => {
  it('reads a full date, with or without a year', () => {
    expect(classify('January 5, 2018')).toEqual({ kind: 'absolute', year: 2018, month: 1, day: 5 });
    expect(classify('11 September 2001')).toEqual({ kind: 'absolute', year: 2001, month: 9, day: 11 });
    expect(classify('September 2001')).toEqual({ kind: 'absolute', year: 2001, month: 9 });
    expect(classify('5 January')).toEqual({ kind: 'absolute', month: 1, day: 5 });
  });

  it('reads years, decades and early or late decades', () => {
    expect(classify('2014')).toEqual({ kind: 'year', year: 2014 });
    expect(classify('in 2014')).toEqual({ kind: 'year', year: 2014 });
    expect(classify('the 1980s')).toEqual({ kind: 'decade', decade: 1980 });
    expect(classify('the early 1950s')).toEqual({ kind: 'decade', decade: 1950 });
    expect(classify('late 1990s')).toEqual({ kind: 'decade', decade: 1990 });
  });

  it('reads a range of years and keeps its end', () => {
    expect(classify('Between 1959 and 1970')).toEqual({ kind: 'range', from: 1959, to: 1970 });
    expect(classify('from 1959 to 1970')).toEqual({ kind: 'range', from: 1959, to: 1970 });
    expect(classify('1959–1970')).toEqual({ kind: 'range', from: 1959, to: 1970 });
  });

  it('reads named days, with curly or straight apostrophes', () => {
    expect(classify("New Year's Day")).toEqual({ kind: 'holiday', month: 1, day: 1 });
    expect(classify('New Year’s Day')).toEqual({ kind: 'holiday', month: 1, day: 1 });
    expect(classify('Christmas Day 2017')).toEqual({ kind: 'holiday', month: 12, day: 25, year: 2017 });
  });

  it('reads each kind of relative expression', () => {
    expect(classify('on Tuesday')).toEqual({ kind: 'weekday', weekday: 2, relation: null });
    expect(classify('last Monday')).toEqual({ kind: 'weekday', weekday: 1, relation: 'last' });
    expect(classify('next Friday')).toEqual({ kind: 'weekday', weekday: 5, relation: 'next' });
    expect(classify('last March')).toEqual({ kind: 'namedMonth', month: 3, relation: 'last' });
    expect(classify('next October')).toEqual({ kind: 'namedMonth', month: 10, relation: 'next' });
    expect(classify('last weekend')).toEqual({ kind: 'weekend', relation: 'last' });
    expect(classify('over the weekend')).toEqual({ kind: 'weekend', relation: null });
    expect(classify('today')).toEqual({ kind: 'dayOffset', offset: 0 });
    expect(classify('yesterday')).toEqual({ kind: 'dayOffset', offset: -1 });
    expect(classify('tomorrow')).toEqual({ kind: 'dayOffset', offset: 1 });
    expect(classify('earlier this week')).toEqual({ kind: 'window', unit: 'week', shift: 0, part: 'earlier' });
    expect(classify('this month')).toEqual({ kind: 'window', unit: 'month', shift: 0, part: 'whole' });
    expect(classify('earlier this month')).toEqual({ kind: 'window', unit: 'month', shift: 0, part: 'earlier' });
    expect(classify('last year')).toEqual({ kind: 'window', unit: 'year', shift: -1, part: 'whole' });
    expect(classify('two years ago')).toEqual({ kind: 'ago', amount: 2, unit: 'year' });
    expect(classify('3 months ago')).toEqual({ kind: 'ago', amount: 3, unit: 'month' });
  });

  it('reads a part of a period as the period', () => {
    expect(classify('the end of 2031')).toEqual({ kind: 'year', year: 2031 });
    expect(classify('the first half of next year')).toEqual({ kind: 'window', unit: 'year', shift: 1, part: 'whole' });
    expect(classify('the middle of March 2012')).toEqual({ kind: 'absolute', year: 2012, month: 3 });
    expect(classify('the end of the day')).toBeNull();
  });

  it('never reads a relative expression as an absolute date', () => {
    for (const text of ['tomorrow morning', 'next Friday', 'in two days', 'the day after tomorrow']) {
      expect(classify(text)?.kind, text).not.toBe('absolute');
    }
  });

  it('does not take durations, ages or ambiguous numbers for dates', () => {
    for (const text of ['15 years', 'the past three years', 'several years', 'over the last two decades', 'year', 'hours', '9/11', '120']) {
      expect(classify(text), text).toBeNull();
    }
  });
});
