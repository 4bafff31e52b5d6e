/**
 * What a time expression says, read from its words alone: an absolute date,
 * a year, a decade, a range of years, a named day, or a date relative to when
 * the article was written. Durations and ages ("15 years", "70-year") are not
 * dates and classify as null.
 */
import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node/en';
import { MONTH_NAMES, MONTH_PATTERN, WEEKDAY_NAMES, WEEKDAY_PATTERN } from '../nlp/calendar.js';
import { NUMBER_WORDS } from './number-words.js';

export type Unit = 'day' | 'week' | 'month' | 'year';
export type Relation = 'last' | 'this' | 'next';

export type TimeMeaning =
  /** A calendar date; `year` is absent when the text does not give it ("5 January"). */
  | { kind: 'absolute'; year?: number; month: number; day?: number }
  | { kind: 'year'; year: number }
  | { kind: 'decade'; decade: number }
  | { kind: 'range'; from: number; to: number }
  /** A named day of the year ("New Year's Day"), in the given year if the text says it. */
  | { kind: 'holiday'; month: number; day: number; year?: number }
  /**
   * "on Tuesday" (0 = Sunday). `relation` is the word before it: "last Tuesday" and "next Tuesday"
   * exclude the day of writing; a bare weekday takes its direction from the sentence's tense.
   */
  | { kind: 'weekday'; weekday: number; relation: Relation | null }
  /** "last February", "next September", "this May": a month named relative to the month of writing. */
  | { kind: 'namedMonth'; month: number; relation: Relation }
  /** "last weekend", "this weekend", "over the weekend" (relation null: direction from the tense). */
  | { kind: 'weekend'; relation: Relation | null }
  /** "today" (0), "yesterday" (-1), "tomorrow" (1). */
  | { kind: 'dayOffset'; offset: number }
  /** "this week" (shift 0), "last year" (-1), "next month" (1); `part` for "earlier this …" / "later this …". */
  | { kind: 'window'; unit: Unit; shift: number; part: 'whole' | 'earlier' | 'later' }
  /** "two years ago". */
  | { kind: 'ago'; amount: number; unit: Unit }
  /** "March of last year", "in May this year": a month of a year named relative to the year of writing. */
  | { kind: 'monthOfYear'; month: number; shift: number }
  /** "last summer", "this spring": a season's year, by whether it is before or after the month of writing. */
  | { kind: 'season'; relation: Relation; firstMonth: number }
  /** A clock time alone ("at 1230 GMT", "6:01 am"): the day of writing when the sentence looks forward, else nothing. */
  | { kind: 'clock' }
  /**
   * "55 days later", "the following day", "the next year", "earlier that year": counted from the date the
   * story last named, not from the day of writing (events.ts finds that date; without one, no event).
   */
  | { kind: 'fromStory'; unit: Unit; offset: number };

/** Whether the meaning depends on when the article was written. */
export function isRelative(meaning: TimeMeaning): boolean {
  switch (meaning.kind) {
    case 'weekday':
    case 'namedMonth':
    case 'weekend':
    case 'dayOffset':
    case 'window':
    case 'ago':
    case 'monthOfYear':
    case 'season':
    case 'clock':
    case 'fromStory':
      return true;
    case 'absolute':
    case 'holiday':
      return meaning.year === undefined;
    default:
      return false;
  }
}

/** The first month of a season (northern hemisphere, as the English-language press counts them); winter spans two years. */
const SEASON_START: Record<string, number> = { spring: 3, summer: 6, autumn: 9, fall: 9 };
const HOLIDAYS: [RegExp, number, number][] = [
  [/^new year'?s'? day$/, 1, 1],
  [/^new year'?s'? eve$/, 12, 31],
  [/^christmas eve$/, 12, 24],
  [/^christmas(?: day)?$/, 12, 25],
];

/** 1 for "january" … 12 for "december". */
const monthNumber = (name: string): number => MONTH_NAMES.indexOf(name as (typeof MONTH_NAMES)[number]) + 1;

/** Years we accept as years: a four-digit number in this range. */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 2199;
const isYear = (n: number): boolean => Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR;

/** Lower case, straight apostrophes, single spaces, no trailing punctuation. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/[\s,.;:]+$/, '')
    .trim();
}

/** `1230 gmt`, `6:01 am`, `10:30 p.m.`, `9 pm`, `0900 hrs`: a time of day, never a year. */
export const CLOCK_TIME =
  /^(?:about |around |approximately )?(?:(?:\d{1,2}:\d{2}(?: ?(?:a\.?m|p\.?m)\.?)?|\d{1,2}\.\d{2} ?(?:a\.?m|p\.?m)\.?)(?: (?:gmt|bst|utc|[ecmp][sd]t|cet|cest|local time))?|\d{1,2} ?(?:a\.?m|p\.?m)\.?(?: (?:gmt|bst|utc|[ecmp][sd]t|cet|cest|local time))?|\d{4} ?(?:gmt|bst|utc|hrs|hours|local time))$/;

const LEADING = /^(?:on|in|over|during|since|by|until|till|through|throughout|from|at|of|around|about|circa|after|before)\s+/;

const PART_OF = /^(?:the )?(?:(?:very )?(?:end|start|beginning|middle|close|turn|rest|remainder|course)|(?:first|second|third|fourth|final|latter|last) (?:half|quarter|part))(?: part)? of /;

/** "early January", "mid-December 2019", "late March": a part of a month is inside that month. */
const PART_OF_MONTH = new RegExp(`^(?:early|mid|late)[ -]+(?=(?:${MONTH_PATTERN})\\b)`);

/** The meaning of a time expression, or null when it is not a point in time (a duration, an age, noise). */
export function classify(label: string): TimeMeaning | null {
  let text = normalise(label);
  const range = /^(?:between |from )?(\d{4}) ?(?:and|to|until|till|-) ?(\d{4})$/.exec(text);
  if (range && (text.startsWith('between') || text.startsWith('from') || !/ and /.test(text))) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (isYear(from) && isYear(to) && to > from && to - from < 200) return { kind: 'range', from, to };
    return null;
  }
  while (LEADING.test(text)) text = text.replace(LEADING, '');
  // "the 2022/23 season", "fiscal 2019-20": a season or financial year over two calendar years.
  const twoYears = /^(?:the )?(\d{4})[/-](\d{2})(?: (?:season|financial year|fiscal year|tax year|academic year|school year))?$/.exec(text);
  if (twoYears) {
    const from = Number(twoYears[1]);
    return isYear(from) && (from + 1) % 100 === Number(twoYears[2]) ? { kind: 'range', from, to: from + 1 } : null;
  }
  const fromStory = storyOffset(text);
  if (fromStory) return fromStory;
  // "the last week", "the coming month": a span, not a point.
  if (/^the (?:next|following|previous|preceding|last|past|coming) (?:week|month|year)$/.test(text)) return null;
  text = text.replace(/^the /, '');
  if (CLOCK_TIME.test(text)) return { kind: 'clock' };
  // "the end of 2025", "the first half of next year": the part is not finer than what it is part of.
  const part = PART_OF.exec(text);
  if (part) {
    const whole = classify(text.slice(part[0].length));
    return whole && whole.kind !== 'weekday' && whole.kind !== 'dayOffset' ? whole : null;
  }

  if (PART_OF_MONTH.test(text)) return classify(text.replace(PART_OF_MONTH, ''));
  // "last summer", "this spring": the year of that season, counted from the month of writing.
  const season = /^(last|this|next) (spring|summer|autumn|fall)$/.exec(text);
  if (season?.[1] && season[2]) return { kind: 'season', relation: season[1] as Relation, firstMonth: SEASON_START[season[2]] ?? 3 };
  // "early 2018", "mid-2017", "the summer of 2016": the year is all that is certain.
  const partOfYear = /^(?:(?:early|mid|late)[ -]?)?(?:(?:the )?(?:spring|summer|autumn|fall|winter) (?:of )?)?(\d{4})$/.exec(text);
  if (partOfYear && /\D/.test(text)) {
    const year = Number(partOfYear[1]);
    return isYear(year) ? { kind: 'year', year } : null;
  }
  const decade = /^(?:(?:early|mid|late)[ -]+)?(\d{3}0)'?s$/.exec(text);
  if (decade) {
    const year = Number(decade[1]);
    return isYear(year) ? { kind: 'decade', decade: year } : null;
  }
  const shortDecade = /^(?:(?:early|mid|late)[ -]+)?'(\d)0s$/.exec(text);
  if (shortDecade) return decadeWrittenShort(Number(shortDecade[1]));
  if (/^\d{4}$/.test(text)) {
    const year = Number(text);
    return isYear(year) ? { kind: 'year', year } : null;
  }
  const holidayYear = /^(.*?),? (\d{4})$/.exec(text);
  for (const [pattern, month, day] of HOLIDAYS) {
    if (pattern.test(text)) return { kind: 'holiday', month, day };
    if (holidayYear?.[1] && pattern.test(holidayYear[1]) && isYear(Number(holidayYear[2]))) {
      return { kind: 'holiday', month, day, year: Number(holidayYear[2]) };
    }
  }
  if (/^(?:today|tonight|this (?:morning|afternoon|evening))$/.test(text)) return { kind: 'dayOffset', offset: 0 };
  if (/^tomorrow(?: (?:morning|afternoon|evening|night))?$/.test(text)) return { kind: 'dayOffset', offset: 1 };
  if (/^(?:yesterday|last night)(?: (?:morning|afternoon|evening))?$/.test(text)) return { kind: 'dayOffset', offset: -1 };

  const weekday = new RegExp(`^(?:(last|next|this) )?(${WEEKDAY_PATTERN})(?:'s)?(?: (?:morning|afternoon|evening|night))?$`).exec(text);
  if (weekday?.[2]) return { kind: 'weekday', weekday: WEEKDAY_NAMES.indexOf(weekday[2] as (typeof WEEKDAY_NAMES)[number]), relation: (weekday[1] as Relation | undefined) ?? null };
  const namedMonth = new RegExp(`^(last|next|this) (${MONTH_PATTERN})$`).exec(text);
  if (namedMonth?.[1] && namedMonth[2]) return { kind: 'namedMonth', month: monthNumber(namedMonth[2]), relation: namedMonth[1] as Relation };
  const monthOfYear = new RegExp(`^(${MONTH_PATTERN}),? (?:of )?(last|this|next) year$`).exec(text);
  if (monthOfYear?.[1] && monthOfYear[2]) {
    return { kind: 'monthOfYear', month: monthNumber(monthOfYear[1]), shift: monthOfYear[2] === 'last' ? -1 : monthOfYear[2] === 'next' ? 1 : 0 };
  }
  const weekend = /^(?:(last|next|this|the) )?weekend(?:'s)?$/.exec(text);
  if (weekend) return { kind: 'weekend', relation: weekend[1] && weekend[1] !== 'the' ? (weekend[1] as Relation) : null };

  const window = /^(?:(earlier|later|early|late) (?:in )?)?(this|last|next|the) (week|month|year)$/.exec(text);
  if (window?.[2] && window[3]) {
    if (window[2] === 'the' && !window[1]) return null; // "the week": no anchor
    const shift = window[2] === 'last' ? -1 : window[2] === 'next' ? 1 : 0;
    const part = window[1]?.startsWith('earl') ? 'earlier' : window[1] ? 'later' : 'whole';
    return { kind: 'window', unit: window[3] as Unit, shift, part };
  }

  const ago = /^(\d+|[a-z]+) (day|week|month|year|decade)s? ago$/.exec(text);
  if (ago?.[1] && ago[2]) {
    const amount = /^\d+$/.test(ago[1]) ? Number(ago[1]) : Object.hasOwn(NUMBER_WORDS, ago[1]) ? NUMBER_WORDS[ago[1]] : undefined;
    // "a decade ago": ten years ago, told as loosely.
    if (amount && ago[2] === 'decade') return { kind: 'ago', amount: amount * 10, unit: 'year' };
    return amount ? { kind: 'ago', amount, unit: ago[2] as Unit } : null;
  }
  return absolute(text);
}

/**
 * "the '90s", "the '60s": the last century's decade, as the press writes it; "the '00s" and "the '10s" this
 * century's. "The '20s" may be either century: not dated.
 */
function decadeWrittenShort(tens: number): TimeMeaning | null {
  if (tens === 2) return null;
  return { kind: 'decade', decade: (tens >= 3 ? 1900 : 2000) + tens * 10 };
}

const STORY_UNIT = '(day|week|month|year)';

/** "55 days later", "a year earlier", "the following day", "the day before", "(earlier) that year"; null for anything else. */
function storyOffset(text: string): TimeMeaning | null {
  const counted = new RegExp(`^(\\d+|[a-z]+) ${STORY_UNIT}s? (later|earlier|afterwards?)$`).exec(text);
  if (counted?.[1] && counted[2] && counted[3]) {
    const amount = /^\d+$/.test(counted[1]) ? Number(counted[1]) : Object.hasOwn(NUMBER_WORDS, counted[1]) ? NUMBER_WORDS[counted[1]] : undefined;
    if (!amount) return null;
    return { kind: 'fromStory', unit: counted[2] as Unit, offset: counted[3] === 'earlier' ? -amount : amount };
  }
  const next = new RegExp(`^the (following|next|previous|preceding) ${STORY_UNIT}$`).exec(text) ?? new RegExp(`^the ${STORY_UNIT} (after|before)$`).exec(text);
  if (next) {
    const [word, unit] = /^(?:following|next|previous|preceding)$/.test(next[1] ?? '') ? [next[1], next[2]] : [next[2], next[1]];
    return { kind: 'fromStory', unit: unit as Unit, offset: word === 'previous' || word === 'preceding' || word === 'before' ? -1 : 1 };
  }
  const same = new RegExp(`^(?:(?:earlier|later) (?:in )?)?that ${STORY_UNIT}$`).exec(text);
  if (same?.[1]) return { kind: 'fromStory', unit: same[1] as Unit, offset: 0 };
  return null;
}

const REFERENCES = [new Date(Date.UTC(2000, 5, 15, 12)), new Date(Date.UTC(1987, 2, 3, 12))] as const;

/** chrono-node (some 50 modules) is loaded by the first date read, not by every start: serving a cached build reads none. */
const load = createRequire(import.meta.url);
let chronoModule: typeof Chrono | null = null;
const chronoParser = (): typeof Chrono => (chronoModule ??= load('chrono-node/en') as typeof Chrono);

/** A calendar date chrono-node can read with a certain month ("January 5, 2018", "11 September 2001", "5 January"). */
function absolute(text: string): TimeMeaning | null {
  if (!/[a-z]/.test(text) && !/\d[/.-]\d/.test(text)) return null;
  if (/\d+\/\d+/.test(text) && !/\d+\/\d+\/\d{2,4}/.test(text)) return null; // "9/11": too ambiguous to read as a date
  // Read against two references: what changes with the reference is relative ("tomorrow"), not a date.
  const chrono = chronoParser();
  const [result] = chrono.parse(text, REFERENCES[0], { forwardDate: false });
  const [again] = chrono.parse(text, REFERENCES[1], { forwardDate: false });
  if (!result || !again || result.text.length < text.length * 0.8) return null;
  const start = result.start;
  const known = (['year', 'month', 'day'] as const).filter((c) => start.isCertain(c));
  if (known.some((c) => !again.start.isCertain(c) || again.start.get(c) !== start.get(c))) return null;
  if (!start.isCertain('month')) return null;
  const month = start.get('month');
  if (!month) return null;
  const year = start.isCertain('year') ? start.get('year') ?? undefined : undefined;
  if (year !== undefined && !isYear(year)) return null;
  const day = start.isCertain('day') ? start.get('day') ?? undefined : undefined;
  return {
    kind: 'absolute',
    month,
    ...(year !== undefined ? { year } : {}),
    ...(day !== undefined ? { day } : {}),
  };
}
