/**
 * Turns what an expression means into a calendar date, anchored on the
 * article's publication date. A relative expression is never given more
 * precision than the publication date supports: against a month-only date
 * "on Tuesday" is that month, approximate; against no date it is not dated.
 */
import type { Relation, TimeMeaning, Unit } from './classify.js';
import type { CalendarDate } from './dates.js';
import { dayDate, dayNumber, daysInMonth, fromDayNumber, interval, weekdayOf } from './dates.js';

export interface Resolved {
  date: CalendarDate;
  /** Where a range ends. */
  end?: CalendarDate;
  approximate: boolean;
}

/**
 * Which way an ambiguous expression points from the day of writing, read from the sentence
 * (tense.ts): "will meet on Friday" forward, "met on Friday" backward. Unknown makes a bare
 * weekday the span between its occurrences before and after the day of writing (a wrong day is
 * worse than a vague one), and a yearless date its nearest occurrence.
 */
export type Direction = 'forward' | 'backward' | 'unknown';

const exact = (date: CalendarDate, end?: CalendarDate): Resolved => (end ? { date, end, approximate: false } : { date, approximate: false });

/** Resolves `meaning` against the publication date `published` (null when unknown). Null when it cannot be dated. */
export function resolve(meaning: TimeMeaning, published: CalendarDate | null, direction: Direction = 'unknown'): Resolved | null {
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
      return anniversary(month, day, published, direction === 'unknown' ? 'nearest' : direction);
    }
    case 'namedMonth':
      return namedMonth(meaning.month, meaning.relation, published);
    case 'weekday':
      return weekday(meaning.weekday, meaning.relation, published, direction);
    case 'weekend':
      return weekend(meaning.relation, published, direction);
    case 'dayOffset':
      return dayOffset(meaning.offset, published);
    case 'window':
      return window(meaning.unit, meaning.shift, meaning.part, published, direction);
    case 'ago':
      return ago(meaning.amount, meaning.unit, published);
    case 'monthOfYear':
      return published && published.precision !== 'decade' ? exact(calendar(published.year + meaning.shift, meaning.month)) : null;
    case 'season':
      return season(meaning.firstMonth, meaning.relation, published);
    case 'fromStory':
      return null; // counted from a date of the story: see `resolveFromStory`
    case 'clock':
      // A time of day with no date is the day of writing only when it is still ahead ("delivers the Budget at 1230 GMT").
      return direction === 'forward' ? dayOffset(0, published) : null;
  }
}

function calendar(year: number, month: number, day?: number): CalendarDate {
  return day === undefined ? { year, month, precision: 'month' } : { year, month, day, precision: 'day' };
}

/**
 * How far from the day of writing a yearless date told with no direction ("could rise in September",
 * "has cut jobs in May") may be and still be read as its nearest occurrence: about a season. Beyond it
 * the occurrence before and the one after are nearly as far, and either could be meant: no event.
 */
const NEAREST_WITHIN_DAYS = 92;

type Occurrence = 'nearest' | 'forward' | 'backward' | 'strictlyForward' | 'strictlyBackward';

/**
 * A day or month named without a year ("5 January", "New Year's Day", "in April"): its occurrence
 * on or after the day of writing when the sentence looks forward, on or before it when it looks
 * back, else the nearest, as a reader takes it ("on 5 January" in a story of 3 January is two days
 * ahead) when it is within `NEAREST_WITHIN_DAYS`. A month without a day counts as its whole: "in
 * April" written in April is that April. Null when the publication date is too vague to tell which
 * year that is.
 */
function anniversary(month: number, day: number | undefined, published: CalendarDate | null, occurrence: Occurrence): Resolved | null {
  if (!published || published.precision === 'decade') return null;
  // A day of the month of writing ("on 16 March" in a March story) is in that year, whichever way the sentence looks.
  if (published.precision === 'month' && published.month === month && occurrence !== 'strictlyForward' && occurrence !== 'strictlyBackward') {
    return exact(calendar(published.year, month, day));
  }
  const [first, last] = interval(published);
  const yearFor = (today: number): number => {
    const { year } = fromDayNumber(today);
    const candidates = [year - 1, year, year + 1];
    const span = (y: number): [number, number] =>
      day === undefined ? [dayNumber(y, month, 1), dayNumber(y, month, daysInMonth(y, month))] : [dayNumber(y, month, day), dayNumber(y, month, day)];
    const fits = (y: number): boolean => {
      const [start, end] = span(y);
      if (occurrence === 'forward') return end >= today;
      if (occurrence === 'backward') return start <= today;
      if (occurrence === 'strictlyForward') return start > today;
      if (occurrence === 'strictlyBackward') return end < today;
      return true;
    };
    const distance = (y: number): number => {
      const [start, end] = span(y);
      return today < start ? start - today : today > end ? today - end : 0;
    };
    const best = candidates.filter(fits).reduce((best, y) => (distance(y) < distance(best) ? y : best));
    // With no direction, a date months away is as likely last year's as next year's. And news gives the
    // year of a day not in the year of writing ("Sept. 11" in a March story is not last September, where
    // "in July" may be last July): a yearless day in another year is believed only near the turn of the year.
    if (distance(best) <= NEAREST_WITHIN_DAYS) return best;
    return occurrence === 'nearest' || (day !== undefined && best !== year) ? Number.NaN : best;
  };
  const year = yearFor(first);
  return yearFor(last) === year ? exact(calendar(year, month, day)) : null;
}

/** "last February" is the latest February before the month of writing, "next February" the first after. */
function namedMonth(month: number, relation: Relation, published: CalendarDate | null): Resolved | null {
  if (relation === 'this') return published && published.precision !== 'decade' ? exact(calendar(published.year, month)) : null;
  if (!published || published.precision === 'decade') return null;
  // Against a month of writing, strictly before or after it; the day of writing sits inside its month.
  const monthOf: CalendarDate = published.precision === 'day' ? { ...published, day: undefined, precision: 'month' } : published;
  return anniversary(month, undefined, monthOf, relation === 'last' ? 'strictlyBackward' : 'strictlyForward');
}

/**
 * "last summer" is the latest summer over before the month of writing, "next summer" the first not
 * begun, "this summer" the one of the year of writing; given as its year (a season is three months).
 */
function season(firstMonth: number, relation: Relation, published: CalendarDate | null): Resolved | null {
  if (!published || published.precision === 'decade') return null;
  if (relation === 'this') return exact({ year: published.year, precision: 'year' });
  if (published.precision === 'year') return null;
  const month = published.month ?? 1;
  const lastMonth = firstMonth + 2;
  const year = relation === 'last' ? (month > lastMonth ? published.year : published.year - 1) : month < firstMonth ? published.year : published.year + 1;
  return exact({ year, precision: 'year' });
}

/** The publication date itself at its own precision, marked approximate: all an imprecise date supports. */
function coarse(published: CalendarDate, approximate = true): Resolved {
  const { year, month } = published;
  const date: CalendarDate = published.precision === 'month' ? { year, month, precision: 'month' } : { year, precision: 'year' };
  return { date, approximate };
}

function weekday(target: number, relation: Relation | null, published: CalendarDate | null, direction: Direction): Resolved | null {
  if (!published || published.precision === 'decade') return null;
  if (published.precision !== 'day') return coarse(published);
  const [today] = interval(published);
  const back = (weekdayOf(today) - target + 7) % 7;
  const ahead = (target - weekdayOf(today) + 7) % 7;
  if (relation === 'last') return exact(dayDate(today - (back || 7)));
  if (relation === 'next') return exact(dayDate(today + (ahead || 7)));
  // "this Friday" looks ahead unless the sentence looks back.
  if (direction === 'forward' || (relation === 'this' && direction !== 'backward')) return exact(dayDate(today + ahead));
  if (direction === 'backward' || back === 0) return exact(dayDate(today - back));
  // No tense to tell which ("would vote on Friday", "was due to meet on Friday"): either of the two
  // Fridays around the day of writing, said as the span between them rather than a guessed day.
  return { date: dayDate(today - back), end: dayDate(today + ahead), approximate: true };
}

/**
 * A weekday of the week `shift` weeks from the week of writing (Monday to Sunday, as "next week" is
 * read): "next week's auction on Wednesday". Null unless the publication date gives the day.
 */
export function weekdayInWeek(target: number, shift: number, published: CalendarDate | null): Resolved | null {
  if (published?.precision !== 'day') return null;
  const [today] = interval(published);
  const monday = today - ((weekdayOf(today) + 6) % 7);
  return exact(dayDate(monday + 7 * shift + ((target + 6) % 7)));
}

/**
 * A Saturday–Sunday, approximate: "last weekend" the one before the day of writing, a bare one or "this
 * weekend" by the tense; with no tense, the span from the weekend before to the one after.
 */
function weekend(relation: Relation | null, published: CalendarDate | null, direction: Direction): Resolved | null {
  if (!published || published.precision === 'decade') return null;
  if (published.precision !== 'day') return coarse(published);
  const [today] = interval(published);
  const weekday = weekdayOf(today);
  const saturdayOf = (forward: boolean): number => {
    if (weekday === 0 && forward && relation !== 'next') return today - 1;
    if (forward) return today + ((6 - weekday + 7) % 7) + (relation === 'next' && weekday >= 6 ? 7 : 0);
    // On a weekend day, "this weekend" looking back is this one; "last weekend" is the one before.
    return today - ((weekday + 1) % 7) - (relation === 'last' && (weekday === 0 || weekday === 6) ? 7 : 0);
  };
  if (relation !== 'next' && relation !== 'last' && direction === 'unknown') {
    return { date: dayDate(saturdayOf(false)), end: dayDate(saturdayOf(true) + 1), approximate: true };
  }
  const saturday = saturdayOf(relation === 'next' || (relation !== 'last' && direction === 'forward'));
  return { date: dayDate(saturday), end: dayDate(saturday + 1), approximate: true };
}

function dayOffset(offset: number, published: CalendarDate | null): Resolved | null {
  if (!published || published.precision === 'decade') return null;
  if (published.precision !== 'day') return coarse(published, offset !== 0);
  const [today] = interval(published);
  return exact(dayDate(today + offset));
}

/** "this week", "earlier this month", "last year", "next month". */
function window(unit: Unit, shift: number, part: 'whole' | 'earlier' | 'later', published: CalendarDate | null, direction: Direction): Resolved | null {
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
    if (part === 'later') [from, to] = [today + 1, today + 6];
    else if (part === 'whole' && direction === 'forward') [from, to] = [today, today + 6];
    else [from, to] = [today - 6, part === 'earlier' ? today - 1 : today];
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


/**
 * "55 days later", "the following day", "earlier that year", counted from `anchor`, the date the story
 * last named. Only as fine as the anchor supports (days need its day, months its month); an offset of
 * more than one day or any weeks is approximate, as counting days (from the day itself or the next)
 * and weeks is loose.
 */
export function resolveFromStory(meaning: Extract<TimeMeaning, { kind: 'fromStory' }>, anchor: CalendarDate): Resolved | null {
  const { unit, offset } = meaning;
  if (anchor.precision === 'decade') return null;
  if (unit === 'year') return exact({ year: anchor.year + offset, precision: 'year' });
  if (anchor.month === undefined) return null;
  if (unit === 'month') {
    const month = anchor.month - 1 + offset;
    return exact({ year: anchor.year + Math.floor(month / 12), month: (((month % 12) + 12) % 12) + 1, precision: 'month' });
  }
  if (anchor.day === undefined) return null;
  const days = unit === 'week' ? offset * 7 : offset;
  const date = dayDate(dayNumber(anchor.year, anchor.month, anchor.day) + days);
  return { date, approximate: unit === 'week' || Math.abs(days) > 1 };
}
