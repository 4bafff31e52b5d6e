/**
 * The names of months and weekdays, written out and cut short: the one list
 * every reader of dates uses (furniture signals, a quotation's subject, the
 * timeline's expressions and merging). Lower case; regexes that must match
 * capitals use the `i` flag or `capitalised`.
 */

/** January first: index + 1 is the month's number. */
export const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
] as const;

/** Sunday first: the index is the weekday's number as `Date.getUTCDay` gives it. */
export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** Months cut short as the press writes them (`Jan.`, `Sept.`); "may" is its full name. */
export const MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'] as const;

/** Weekdays cut short on page stamps (`Tue, Nov 19`). */
export const WEEKDAY_ABBREVIATIONS = ['mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun'] as const;

/** Regex alternations of the lists above. */
export const MONTH_PATTERN = MONTH_NAMES.join('|');
export const MONTH_ABBREVIATION_PATTERN = MONTH_ABBREVIATIONS.join('|');
export const WEEKDAY_PATTERN = WEEKDAY_NAMES.join('|');
export const WEEKDAY_ABBREVIATION_PATTERN = WEEKDAY_ABBREVIATIONS.join('|');

/** An alternation of `words` with capital initials: `January|February|…`, for case-sensitive patterns. */
export const capitalised = (words: readonly string[]): string => words.map((w) => `${w[0]?.toUpperCase() ?? ''}${w.slice(1)}`).join('|');
