import { describe, expect, it } from 'vitest';
import { classify } from '../../src/timeline/classify.js';
import type { CalendarDate } from '../../src/timeline/dates.js';
import { formatDate, parseDate } from '../../src/timeline/dates.js';
import type { Direction } from '../../src/timeline/resolve.js';
import { resolve } from '../../src/timeline/resolve.js';

/** Resolves `label` against a publication date written `YYYY[-MM[-DD]]` (or null), as `date[..end] precision [~]`. */
function at(label: string, published: string | null, direction: Direction = 'unknown'): string | null {
  const meaning = classify(label);
  if (!meaning) throw new Error(`not a time expression: ${label}`);
  const resolved = resolve(meaning, published ? (parseDate(published) as CalendarDate) : null, direction);
  if (!resolved) return null;
  const end = resolved.end ? `..${formatDate(resolved.end)}` : '';
  return `${formatDate(resolved.date)}${end} ${resolved.date.precision}${resolved.approximate ? ' ~' : ''}`;
}

describe('resolve against a day-precise publication date', () => {
  it('takes a weekday told in the past as the most recent such day on or before publication', () => {
    expect(at('on Tuesday', '2018-01-09', 'backward')).toBe('2018-01-09 day'); // 2018-01-09 was a Tuesday
    expect(at('on Monday', '2018-01-09', 'backward')).toBe('2018-01-08 day');
    expect(at('Friday', '2018-01-09', 'backward')).toBe('2018-01-05 day');
    expect(at('last Tuesday', '2018-01-09')).toBe('2018-01-02 day');
  });

  it('gives a weekday with no direction the span between its occurrences either side of publication, approximate', () => {
    expect(at('on Monday', '2018-01-09')).toBe('2018-01-08..2018-01-15 day ~');
    expect(at('Friday', '2018-01-09')).toBe('2018-01-05..2018-01-12 day ~');
    expect(at('on Tuesday', '2018-01-09')).toBe('2018-01-09 day'); // the day of writing either way
  });

  it('dates today and yesterday to the day', () => {
    expect(at('today', '2018-01-05')).toBe('2018-01-05 day');
    expect(at('yesterday', '2018-01-01')).toBe('2017-12-31 day');
  });

  it('gives "earlier this week" the six days before publication, as an approximate range', () => {
    expect(at('earlier this week', '2020-01-05')).toBe('2019-12-30..2020-01-04 day ~');
    expect(at('this week', '2018-01-05')).toBe('2017-12-30..2018-01-05 day ~');
  });

  it('dates month and year windows to the month and the year', () => {
    expect(at('this month', '2018-01-28')).toBe('2018-01 month');
    expect(at('earlier this month', '2018-01-28')).toBe('2018-01 month');
    expect(at('last month', '2018-01-28')).toBe('2017-12 month');
    expect(at('last year', '2018-01-05')).toBe('2017 year');
  });

  it('dates "two years ago" to the year, approximately', () => {
    expect(at('two years ago', '2020-01-05')).toBe('2018 year ~');
  });

  it('puts a named day or a yearless date on its occurrence nearest to publication', () => {
    expect(at("New Year's Day", '2018-01-09')).toBe('2018-01-01 day');
    expect(at('Christmas Day', '2018-01-09')).toBe('2017-12-25 day');
    expect(at('5 January', '2018-01-09')).toBe('2018-01-05 day');
    expect(at('5 January', '2017-12-30')).toBe('2018-01-05 day');
    expect(at('December', '2018-01-09')).toBe('2017-12 month');
  });
});

describe('resolve against a month-only publication date', () => {
  it('keeps day-level relative expressions at month precision, approximate', () => {
    expect(at('on Tuesday', '2018-01')).toBe('2018-01 month ~');
    expect(at('yesterday', '2018-01')).toBe('2018-01 month ~');
    expect(at('earlier this week', '2018-01')).toBe('2018-01 month ~');
  });

  it('still dates what the month supports exactly', () => {
    expect(at('today', '2018-01')).toBe('2018-01 month');
    expect(at('this month', '2018-01')).toBe('2018-01 month');
    expect(at("New Year's Day", '2018-01')).toBe('2018-01-01 day');
  });

  it('dates a yearless day when every day of the month puts it in the same year', () => {
    expect(at('15 January', '2018-01')).toBe('2018-01-15 day');
  });
});

describe('resolve against a year-only publication date', () => {
  it('leaves a yearless day it cannot place in one year undated', () => {
    expect(at('5 January', '2018')).toBeNull();
    expect(at('on Tuesday', '2018')).toBe('2018 year ~');
  });
});

describe('resolve without a publication date', () => {
  it('never dates a relative expression', () => {
    for (const label of ['on Tuesday', 'today', 'earlier this week', 'this month', 'last year', 'two years ago', "New Year's Day"]) {
      expect(at(label, null), label).toBeNull();
    }
  });

  it('still dates absolute expressions', () => {
    expect(at('January 5, 2018', null)).toBe('2018-01-05 day');
    expect(at('the early 1950s', null)).toBe('1950 decade');
    expect(at('Between 1959 and 1970', null)).toBe('1959..1970 year');
  });
});
