/**
 * "two days after the vote", "three weeks before Christmas", "less than six months after leading
 * Spurs to the final": a span counted from another time of the same sentence, not from the day of
 * writing. The date the sentence names is the anchor; what the span leads to is dated from it:
 * - right before the date ("three weeks before Christmas"), the span moves that date;
 * - when the date is inside the clause the span opens ("Two days before he died on Saturday, he
 *   wrote …"), the rest of the sentence happened that far from it;
 * - when the date is in the other clause ("He resigned on Monday, two days after the vote"), what
 *   the span's clause names happened that far the other way.
 * "less than", "about", "nearly" widen the span, and the date given is what the widened span
 * still pins down (a month or a year), or nothing; "more than" pins nothing.
 */
import type { Unit } from './classify.js';
import { dayDate, daysInMonth, dayNumber, fromDayNumber, interval } from './dates.js';
import type { Resolved } from './resolve.js';
import { resolveFromStory } from './resolve.js';
import { NUMBER_WORDS } from './number-words.js';

export interface Offset {
  /** Character offsets of the span phrase ("less than six months after") in the analysed text. */
  start: number;
  end: number;
  /** +1 for "after", -1 for "before": which way from the time it counts from. */
  sign: 1 | -1;
  unit: Unit;
  /** The fewest and most units it may be; `most` null when open ("more than two years"). */
  least: number;
  most: number | null;
  /** "about", "nearly": a count told loosely. */
  loose: boolean;
  /** "a week from Friday": counted from a date that follows it, never from an event ("ten years from his conviction"). */
  needsDate?: boolean;
}

const COUNT = `\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')}`;
const QUALIFIER = 'less than|fewer than|under|within|not even|barely|just|only|about|around|roughly|some|nearly|almost|more than|over|at least';
/** "for seven years after", "in the two years after", "more than two years after": a stretch of time, or a count whose qualifier went unread. */
const NOT_A_POINT = '(?<!\\b(?:for|over|during|in|within|the|first|last|next|past|than|least|about|nearly|almost|some|around|roughly|under|only|just|barely|even)\\s+)';
const OFFSET = new RegExp(`${NOT_A_POINT}\\b(?:(${QUALIFIER})\\s+)?(${COUNT})\\s+(day|week|month|year)s?\\s+(before|after|prior to|ahead of|from)(?!\\w)`, 'gi');
/**
 * "weeks after", "just days before", "a few months after": a count not given, taken as wide as such
 * words are used (days up to a fortnight, weeks up to a quarter, months up to two years; years, any
 * number). Not after "for", "the", "in" (a stretch: "in the weeks after").
 */
const SOME = new RegExp(`${NOT_A_POINT}(?<!\\b(?:${COUNT}|few|several)\\s+)\\b(?:(?:just|only|mere|a few|several|some)\\s+)?(days|weeks|months)\\s+(before|after|prior to|ahead of)(?!\\w)`, 'gi');
const SOME_COUNT: Record<string, [number, number]> = { days: [1, 14], weeks: [1, 13], months: [1, 24] };

/** "the day before", "the day after", "the eve of": one day, said without a number. */
const ONE_DAY = /\bthe\s+(?:day\s+(before|after)|(eve)\s+of)(?!\w)/gi;

/** Every span phrase in `text`, in order. */
export function findOffsets(text: string): Offset[] {
  const found: Offset[] = [];
  for (const m of text.matchAll(OFFSET)) {
    const word = (m[2] ?? '').toLowerCase();
    const count = /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word];
    if (!count) continue;
    const qualifier = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const [least, most] = amounts(qualifier, count);
    const loose = /^(?:about|around|roughly|some|nearly|almost)$/.test(qualifier);
    const way = (m[4] ?? '').toLowerCase();
    const span: Offset = { start: m.index, end: m.index + m[0].length, sign: signOf(way), unit: (m[3] ?? 'day').toLowerCase() as Unit, least, most, loose };
    found.push(way === 'from' ? { ...span, needsDate: true } : span);
  }
  for (const m of text.matchAll(SOME)) {
    const unit = (m[1] ?? 'days').toLowerCase();
    const [least, most] = SOME_COUNT[unit] ?? [1, 1];
    found.push({ start: m.index, end: m.index + m[0].length, sign: signOf(m[2] ?? ''), unit: unit.replace(/s$/, '') as Unit, least, most, loose: true });
  }
  for (const m of text.matchAll(ONE_DAY)) {
    found.push({ start: m.index, end: m.index + m[0].length, sign: m[2] ? -1 : signOf(m[1] ?? ''), unit: 'day', least: 1, most: 1, loose: false });
  }
  return found.sort((a, b) => a.start - b.start);
}

const signOf = (word: string): 1 | -1 => (/^(?:before|prior to|ahead of)$/i.test(word.replace(/\s+/g, ' ')) ? -1 : 1);

/** How many units a qualified count may be: "less than six" 0–6, "nearly six" 5–6, "about six" 5–7, "more than six" open. */
function amounts(qualifier: string, count: number): [number, number | null] {
  if (/^(?:less than|fewer than|under|within|not even|barely)$/.test(qualifier)) return [0, count];
  if (/^(?:nearly|almost)$/.test(qualifier)) return [count - 1, count];
  if (/^(?:about|around|roughly|some)$/.test(qualifier)) return [count - 1, count + 1];
  if (/^(?:more than|over|at least)$/.test(qualifier)) return [count, null];
  return [count, count];
}

/** `day` moved by `count` units (a month or a year keeps the day of the month, cut to the month's length). */
function moved(day: number, unit: Unit, count: number): number {
  if (unit === 'day') return day + count;
  if (unit === 'week') return day + 7 * count;
  const { year, month, day: date } = fromDayNumber(day);
  const months = month - 1 + (unit === 'year' ? 12 * count : count);
  const y = year + Math.floor(months / 12);
  const m = (((months % 12) + 12) % 12) + 1;
  return dayNumber(y, m, Math.min(date, daysInMonth(y, m)));
}

/**
 * The date `anchor` moved by `offset`, `sign` times its own way (-1 counts back from what the span
 * leads to): as precise as the anchor and the span allow, or null when they pin down no month or
 * year, or an open span ("more than two years after") pins nothing.
 */
export function shifted(anchor: Resolved, offset: Offset, sign: 1 | -1): Resolved | null {
  if (offset.most === null) return null;
  const way = (offset.sign * sign) as 1 | -1;
  if (offset.least === offset.most && !anchor.end) {
    const exact = resolveFromStory({ kind: 'fromStory', unit: offset.unit, offset: way * offset.least }, anchor.date);
    if (exact) return { ...exact, approximate: exact.approximate || anchor.approximate || offset.loose };
  }
  const [from] = interval(anchor.date);
  const [, to] = interval(anchor.end ?? anchor.date);
  const [near, far] = [offset.least, offset.most].map((n) => n * way);
  const lo = Math.min(moved(from, offset.unit, near as number), moved(from, offset.unit, far as number));
  const hi = Math.max(moved(to, offset.unit, near as number), moved(to, offset.unit, far as number));
  return within(lo, hi);
}

/** Days lo..hi told as the month or the year that holds them all; a short stretch across a month's end as a day range. */
function within(lo: number, hi: number): Resolved | null {
  const a = fromDayNumber(lo);
  const b = fromDayNumber(hi);
  if (a.year === b.year && a.month === b.month) return { date: { year: a.year, month: a.month, precision: 'month' }, approximate: false };
  if (a.year === b.year) return { date: { year: a.year, precision: 'year' }, approximate: false };
  if (hi - lo <= MAX_RANGE_DAYS) return { date: dayDate(lo), end: dayDate(hi), approximate: true };
  return null;
}

/** The widest stretch across a year's end still worth giving as a day range. */
const MAX_RANGE_DAYS = 31;

/** A clause boundary inside a sentence. */
const BOUNDARY = /[,;:()\u2013\u2014]/;
/** A relative clause's opening, up to where a span or a date sits in it: "who was elected in", "which closed two years after". */
const IN_RELATIVE_CLAUSE = /\b(?:who|whom|whose|which|that|where)\b[^,;:()\u2013\u2014]*$/i;

/**
 * Which way the date at `anchor` (offsets in `sentence`) is moved for the span at [start, end): +1
 * when the date is inside the span's own clause ("Two days before he died on Saturday, he …": the
 * rest happened two days before it), -1 when the date is in the clause next to the span's own, and
 * the span's clause stands by itself (", two days after the vote" after it, or "Two days after the
 * vote," opening the sentence before it). Null when either sits in a relative clause ("Smith, who was
 * elected in 2010, resigned two years after …"), or the two are further apart: which event the date
 * is of is then unclear.
 */
export function wayFromAnchor(sentence: string, start: number, end: number, anchor: number): 1 | -1 | null {
  if (IN_RELATIVE_CLAUSE.test(sentence.slice(0, start)) || IN_RELATIVE_CLAUSE.test(sentence.slice(0, anchor))) return null;
  if (anchor >= end) {
    const between = sentence.slice(end, anchor);
    if (!BOUNDARY.test(between)) return 1;
    const opensSentence = /^\W*(?:(?:and|but|so|yet)\s+)?$/i.test(sentence.slice(0, start));
    return opensSentence && between.split(BOUNDARY).length === 2 ? -1 : null;
  }
  const between = sentence.slice(anchor, start);
  const opensSegment = /,\s*(?:(?:and|but)\s+)?$/i.test(between);
  return opensSegment && between.split(BOUNDARY).length === 2 ? -1 : null;
}
