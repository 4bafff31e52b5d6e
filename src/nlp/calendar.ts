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

const MONTH_WORD = `(?:${MONTH_PATTERN}|${MONTH_ABBREVIATION_PATTERN})\\.?`;
const DAY_NUMBER = '\\d{1,2}(?:st|nd|rd|th)?';
const YEAR_NUMBER = '(?:1[0-9]|20|21)\\d{2}';

/**
 * An item of a dated list, a chronology's line: a date first, then a dash or a colon and what happened
 * (`1998: The pier opens`, `March 2019 - The council votes`, `Nov. 5: Polls close`). Test with the `i` flag.
 */
export const DATED_LIST_ITEM = new RegExp(
  `^(?:(?:${MONTH_WORD} )?${YEAR_NUMBER}|(?:${DAY_NUMBER} ${MONTH_WORD}|${MONTH_WORD} ${DAY_NUMBER})(?:,? ${YEAR_NUMBER})?)\\s*[:\u2013\u2014-]\\s+\\S`,
  'i',
);
