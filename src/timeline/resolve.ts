/**
 * Turns what an expression means into a calendar date, anchored on the
 * article's publication date. A relative expression is never given more
 * precision than the publication date supports: against a month-only date
 * "on Tuesday" is that month, approximate; against no date it is not dated.
 */
import type { TimeMeaning, Unit } from './classify.js';
import type { CalendarDate } from './dates.js';
import { dayDate, dayNumber, fromDayNumber, interval, weekdayOf } from './dates.js';

export interface Resolved {
  date: CalendarDate;
  /** Where a range ends. */
  end?: CalendarDate;
  approximate: boolean;
}

const exact = (date: CalendarDate, end?: CalendarDate): Resolved => (end ? { date, end, approximate: false } : { date, approximate: false });

/** Resolves `meaning` against the publication date `published` (null when unknown). Null when it cannot be dated. */
export function resolve(meaning: TimeMeaning, published: CalendarDate | null): Resolved | null {
  switch (meaning.kind) {
    case 'year':
      return exact({ year: meaning.year, precision: 'year' });
    case 'decade':
      return exact({ year: meaning.decade, precision: 'decade' });
    case 'range':
      return exact({ year: meaning.from, precision: 'year' }, { year: meaning.to, precision: 'year' });
    case 'absolute':
    case 'holiday': {
      const { month, day } = meaning;
      if (meaning.year !== undefined) return exact(calendar(meaning.year, month, day));
      return anniversary(month, day, published);
    }
    case 'weekday':
      return weekday(meaning.weekday, meaning.strict, published);
    case 'dayOffset':
      return dayOffset(meaning.offset, published);
    case 'window':
      return window(meaning.unit, meaning.shift, meaning.part, published);
    case 'ago':
      return ago(meaning.amount, meaning.unit, published);
  }
}

function calendar(year: number, month: number, day?: number): CalendarDate {
  return day === undefined ? { year, month, precision: 'month' } : { year, month, day, precision: 'day' };
}

/**
 * A day or month named without a year ("5 January", "New Year's Day") is the occurrence nearest
 * to publication, as a reader takes it (so "on 5 January" in a story of 3 January is two days
 * ahead). Null when the publication date is too vague to tell which year that is.
 */
function anniversary(month: number, day: number | undefined, published: CalendarDate | null): Resolved | null {
  if (!published || published.precision === 'decade') return null;
  const [first, last] = interval(published);
  const nearestYear = (today: number): number => {
    const { year } = fromDayNumber(today);
    const candidates = [year - 1, year, year + 1];
    const distance = (y: number): number => Math.abs(dayNumber(y, month, day ?? 15) - today);
    return candidates.reduce((best, y) => (distance(y) < distance(best) ? y : best));
  };
  const year = nearestYear(first);
  return nearestYear(last) === year ? exact(calendar(year, month, day)) : null;
}

/** The publication date itself at its own precision, marked approximate: all an imprecise date supports. */
function coarse(published: CalendarDate, approximate = true): Resolved {
  const { year, month } = published;
  const date: CalendarDate = published.precision === 'month' ? { year, month, precision: 'month' } : { year, precision: 'year' };
  return { date, approximate };
}

function weekday(target: number, strict: boolean, published: CalendarDate | null): Resolved | null {
  if (!published || published.precision === 'decade') return null;
  if (published.precision !== 'day') return coarse(published);
  const [today] = interval(published);
  let back = (weekdayOf(today) - target + 7) % 7;
  if (strict && back === 0) back = 7;
  return exact(dayDate(today - back));
}

function dayOffset(offset: number, published: CalendarDate | null): Resolved | null {
  if (!published || published.precision === 'decade') return null;
  if (published.precision !== 'day') return coarse(published, offset !== 0);
  const [today] = interval(published);
  return exact(dayDate(today + offset));
}

/** "this week", "earlier this month", "last year", "next month". */
function window(unit: Unit, shift: number, part: 'whole' | 'earlier' | 'later', published: CalendarDate | null): Resolved | null {
  if (!published || published.precision === 'decade') return null;
  if (unit === 'year') return exact({ year: published.year + shift, precision: 'year' });
  if (unit === 'month') {
    if (published.precision === 'year') return shift === 0 ? coarse(published, false) : coarse(published);
    const month = (published.month ?? 1) - 1 + shift;
    const year = published.year + Math.floor(month / 12);
    return exact({ year, month: (((month % 12) + 12) % 12) + 1, precision: 'month' });
  }
  if (unit === 'day') return dayOffset(shift, published);
  // Weeks: news writing uses "this week" loosely for the last seven days, so the window is that wide.
  if (published.precision !== 'day') return coarse(published);
  const [today] = interval(published);
  let from: number;
  let to: number;
  if (shift === 0) {
    [from, to] = part === 'later' ? [today + 1, today + 6] : [today - 6, part === 'earlier' ? today - 1 : today];
  } else {
    const monday = today - ((weekdayOf(today) + 6) % 7);
    [from, to] = shift < 0 ? [monday - 7, monday - 1] : [monday + 7, monday + 13];
  }
  return { date: dayDate(from), end: dayDate(to), approximate: true };
}

/** "two years ago": as precise as the unit, never finer than the publication date; always approximate. */
function ago(amount: number, unit: Unit, published: CalendarDate | null): Resolved | null {
  if (!published || published.precision === 'decade') return null;
  if (unit === 'year') return { date: { year: published.year - amount, precision: 'year' }, approximate: true };
  const [first, last] = interval(published);
  if (unit === 'month') {
    if (published.precision === 'year') {
      return amount % 12 === 0 ? { date: { year: published.year - amount / 12, precision: 'year' }, approximate: true } : null;
    }
    const month = (published.month ?? 1) - 1 - amount;
    const year = published.year + Math.floor(month / 12);
    return { date: { year, month: (((month % 12) + 12) % 12) + 1, precision: 'month' }, approximate: true };
  }
  const days = unit === 'week' ? amount * 7 : amount;
  if (published.precision === 'day') return { date: dayDate(first - days), approximate: unit === 'week' };
  // Month or year known: the middle of the possible days, at the publication date's precision.
  const middle = fromDayNumber(Math.round((first + last) / 2) - days);
  if (published.precision === 'month') {
    return { date: { year: middle.year, month: middle.month, precision: 'month' }, approximate: true };
  }
  return { date: { year: middle.year, precision: 'year' }, approximate: true };
}

