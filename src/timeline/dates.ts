/**
 * Calendar arithmetic on plain dates (no time zones): a `CalendarDate` is a
 * year, a month or a day, and every such date covers an interval of days.
 */
import type { DatePrecision, PublishedDate } from '../corpus/types.js';

/** A date known to `precision`; `month` and `day` are 1-based and present when the precision needs them. */
export interface CalendarDate {
  year: number;
  month?: number;
  day?: number;
  precision: DatePrecision;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a day. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** The calendar day of a day number. */
export function fromDayNumber(n: number): { year: number; month: number; day: number } {
  const d = new Date(n * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(n: number): number {
  return new Date(n * DAY_MS).getUTCDay();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first and last day numbers a date covers. */
export function interval(date: CalendarDate): [number, number] {
  const { year, month = 1, day = 1 } = date;
  switch (date.precision) {
    case 'decade':
      return [dayNumber(year, 1, 1), dayNumber(year + 9, 12, 31)];
    case 'year':
      return [dayNumber(year, 1, 1), dayNumber(year, 12, 31)];
    case 'month':
      return [dayNumber(year, month, 1), dayNumber(year, month, daysInMonth(year, month))];
    case 'day':
      return [dayNumber(year, month, day), dayNumber(year, month, day)];
  }
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` for the date's precision (a decade is its first year). */
export function formatDate(date: CalendarDate): string {
  const year = pad(date.year, 4);
  if (date.precision === 'decade' || date.precision === 'year') return year;
  if (date.precision === 'month') return `${year}-${pad(date.month ?? 1)}`;
  return `${year}-${pad(date.month ?? 1)}-${pad(date.day ?? 1)}`;
}

/** Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` back; `precision` overrides the one the shape implies (for decades). */
export function parseDate(value: string, precision?: DatePrecision): CalendarDate | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[3]) return { year, month: Number(m[2]), day: Number(m[3]), precision: precision ?? 'day' };
  if (m[2]) return { year, month: Number(m[2]), precision: precision ?? 'month' };
  return { year, precision: precision ?? 'year' };
}

/** A day as a calendar date. */
export function dayDate(n: number): CalendarDate {
  return { ...fromDayNumber(n), precision: 'day' };
}

/** The publication date as a calendar date, or null when unknown or malformed. */
export function publishedAsDate(published: PublishedDate | null): CalendarDate | null {
  if (!published) return null;
  return parseDate(published.value, published.precision);
}

const RANK: Record<DatePrecision, number> = { decade: 0, year: 1, month: 2, day: 3 };

/** Coarse → fine: decade 0, year 1, month 2, day 3. */
export function precisionRank(precision: DatePrecision): number {
  return RANK[precision];
}
