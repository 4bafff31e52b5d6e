/**
 * Finds time expressions in a paragraph with wink-nlp: its DATE, TIME and
 * DURATION entities, widened by custom patterns where it misses or cuts short
 * ("earlier this week", "the early 1950s", "New Year's Day", a year it took
 * for a plain number). Each span is then read by `classify`; durations and
 * ages classify as null and are dropped.
 */
import type { CustomEntityExample } from 'wink-nlp';
import { analysis, recogniseCustomEntities } from '../nlp/index.js';
import type { TimeMeaning } from './classify.js';
import { classify, MAX_YEAR, MIN_YEAR } from './classify.js';
import { capitalised, DATED_LIST_ITEM, MONTH_ABBREVIATION_PATTERN, MONTH_ABBREVIATIONS, MONTH_NAMES, MONTH_PATTERN, WEEKDAY_PATTERN } from '../nlp/calendar.js';

export interface TimeExpression {
  /** The expression as written, verbatim. */
  label: string;
  /** Character offsets in the analysed text. */
  start: number;
  end: number;
  meaning: TimeMeaning;
}

/** Custom wink-nlp patterns. wink-nlp matches them over its own entities, so `[DATE]` is a whole date entity. */
export const TIMELINE_PATTERNS: CustomEntityExample[] = [
  {
    name: 'holiday',
    patterns: [
      "[new] [DURATION] ['s|’s] [DURATION] [|,] [DATE|CARDINAL]",
      "[new] [DURATION] ['s|’s] [DURATION]",
      "[new] [year] ['s|’s] [day|eve]",
      '[christmas] [|day|eve] [|,] [DATE|CARDINAL]',
      '[christmas] [|day|eve]',
    ],
  },
  { name: 'number', patterns: ['[CARDINAL]'] },
  {
    name: 'modified',
    patterns: ['[earlier|later|early|late] [DATE]', '[on|last] [DATE]', '[the] [early|mid|late] [DATE]', '[the] [DATE]'],
  },
];

recogniseCustomEntities(TIMELINE_PATTERNS);

/**
 * The same widenings as `TIMELINE_PATTERNS`, read from the text around wink-nlp's own entities
 * (written when the patterns matched nothing in a second wink-nlp instance; `nlp/index.ts` now
 * shares the model's custom-entity data, and both readings are kept so dates stay as they were).
 * Also what wink-nlp keeps in one token, so no pattern can see inside: "mid-2017", "2001-2014",
 * and abbreviated months it reads as numbers ("Sept. 11, 2001").
 */
const TEXT_PATTERNS: [RegExp, string][] = [
  [/\bNew Year['’]s (?:Day|Eve)(?:,? \d{4})?(?!\w)/g, 'holiday'],
  [/\bChristmas(?: Day| Eve)?(?:,? \d{4})?(?!\w)/g, 'holiday'],
  [/\b(?:early|mid|late)-\d{4}\b/gi, 'modified'],
  // "the ’90s": wink-nlp reads the decade with a straight apostrophe only.
  [/\bthe (?:(?:early|mid|late) )?['\u2019]\d0s\b/gi, 'modified'],
  [/\b(?:(?:over|during|at) )?(?:the|this|last|next) weekend\b/gi, 'modified'],
  [/\b\d{4}[-\u2013]\d{4}\b/g, 'modified'],
  // "the 2022/23 season" (classify accepts only consecutive years).
  [/\b\d{4}[/\u2013-]\d{2}(?![\d/:-]|\.\d)/g, 'modified'],
  [new RegExp(`\\b(?:${capitalised(MONTH_ABBREVIATIONS)})\\.? \\d{1,2}(?:, \\d{4})?\\b`, 'g'), 'modified'],
  [new RegExp(`\\b(?:${capitalised(MONTH_NAMES)}),? (?:of )?(?:last|this|next) year\\b`, 'g'), 'modified'],
  [/\b(?:last|this|next) (?:spring|summer|autumn)\b/gi, 'modified'],
  // Counted from a date of the story (classify's `fromStory`).
  [/\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty) (?:day|week|month|year)s? (?:later|earlier|afterwards?)\b/gi, 'modified'],
  [/\bthe (?:(?:following|next|previous|preceding) (?:day|week|month|year)|(?:day|week|month|year) (?:before|after))\b/gi, 'modified'],
  [/\b(?:(?:earlier|later) (?:in )?)?that (?:day|month|year)\b/gi, 'modified'],
  // A clock time; "12.50" is one only with am/pm ("£12.50" is a price).
  [/\b(?:about |around )?(?:\d{1,2}:\d{2}(?: ?[ap]\.?m\.?)?|\d{1,2}\.\d{2} ?[ap]\.?m\.?|\d{1,2} ?[ap]\.m\.|\d{3,4} ?(?:GMT|BST|UTC|hrs))(?: (?:GMT|BST|UTC|[ECMP][SD]T|CET|CEST))?(?!\w)/g, 'clock'],
];

/** Words just before a date entity that belong to the expression: "earlier this week", "on Tuesday", "the 1980s". */
const PREFIX = /(?:\b(?:the|on|last)\s+)?(?:\b(?:earlier|later|early|late|mid)(?:\s+|-))?$/i;

const ENTITY_TYPES = new Set(['DATE', 'TIME', 'DURATION']);

/** A span wink-nlp took for a plain number, not a date. */
const isNumber = (span: Span): boolean => span.type === 'number' || span.type === 'CARDINAL';

interface Span {
  start: number;
  end: number;
  type: string;
  /** Index of the first token after the span. */
  next: number;
}

/**
 * Words without which no expression `classify` reads can occur. Most paragraphs
 * have none, and skipping them saves a wink-nlp pass — the bulk of a build.
 */
const MAY_HOLD_DATE =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|day\b|\b(?:today|tonight|tomorrow|yesterday|morning|afternoon|evening|night|week|month|year|decade|centur|ago|christmas|spring|summer|autumn|fall|winter)/i;

/** Every time expression in `text`, in order, without overlaps. */
export function findExpressions(text: string): TimeExpression[] {
  if (!MAY_HOLD_DATE.test(text)) return [];
  // The shared pass (one per paragraph in a build) recognises TIMELINE_PATTERNS too.
  const { tokens, entities, customEntities } = analysis(text);
  const values = tokens.map((t) => t.value);
  const pos = tokens.map((t) => t.pos);
  const lemmas = tokens.map((t) => t.lemma);
  const offsets = tokenOffsets(text, values);

  const spans: Span[] = [];
  for (const { type, first, last } of [...entities, ...customEntities]) {
    const start = offsets[first]?.[0];
    const end = offsets[last]?.[1];
    if (start === undefined || end === undefined) continue;
    spans.push({ start, end, type, next: last + 1 });
  }

  for (const span of [...spans]) {
    if (span.type !== 'DATE') continue;
    const prefix = PREFIX.exec(text.slice(Math.max(0, span.start - 30), span.start))?.[0] ?? '';
    if (prefix) spans.push({ ...span, start: span.start - prefix.length, type: 'modified' });
  }
  for (const [pattern, type] of TEXT_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const end = m.index + m[0].length;
      spans.push({ start: m.index, end, type, next: tokenAfter(offsets, end) });
    }
  }

  // "1998: The pier opens": the year that opens a chronology's line.
  const opensList = (span: Span): boolean => span.start === 0 && DATED_LIST_ITEM.test(text);
  const plausible = spans.filter((span) => {
    if (isNumber(span)) return opensList(span) || isYearNumber(text.slice(span.start, span.end), span, { pos, values, lemmas }, true);
    return ENTITY_TYPES.has(span.type) || span.type === 'holiday' || span.type === 'modified' || span.type === 'clock';
  });

  // Overlapping spans are one expression: try the longest reading first.
  plausible.sort((a, b) => a.start - b.start || b.end - a.end);
  const found: TimeExpression[] = [];
  let group: Span[] = [];
  const flush = (): void => {
    const candidates = [...group].sort((a, b) => b.end - b.start - (a.end - a.start));
    for (const span of candidates) {
      const label = text.slice(span.start, span.end);
      const meaning = classify(label);
      if (!meaning) continue;
      if (meaning.kind === 'year' && !opensList(span) && !isYearNumber(label.replace(/^\D+/, ''), span, { pos, values, lemmas }, isNumber(span))) continue;
      // The label drops a leading "the"; its start moves with it, so start..end is the label.
      const tidy = tidyLabel(label);
      found.push({ label: tidy, start: span.start + label.length - tidy.length, end: span.end, meaning });
      break;
    }
    group = [];
  };
  let groupEnd = -1;
  for (const span of plausible) {
    if (group.length > 0 && span.start >= groupEnd) flush();
    group.push(span);
    groupEnd = Math.max(groupEnd, span.end);
  }
  if (group.length > 0) flush();
  // "on Friday, January 12": the weekday only names the day the date already gives.
  return found.map((expression) => withCandidateDays(text, expression)).filter((expression, i, all) => {
    if (namesSomething(text, expression) || isAnaphoric(text, expression) || isAnniversary(text, expression)) return false;
    if (expression.meaning.kind === 'clock' && !isClockAlone(text, expression)) return false;
    if (expression.meaning.kind === 'holiday' && modifiesNoun(expression, offsets, pos, values)) return false;
    const next = all[i + 1];
    if (expression.meaning.kind !== 'weekday' || !next || next.meaning.kind !== 'absolute') return true;
    return !/^[\s,]*$/.test(text.slice(expression.end, next.start));
  });
}

/**
 * "on that Wednesday", "the following Monday", "every Friday": a day told relative to another one in
 * the story, or none, not to the day of writing; it cannot be dated from the publication date.
 */
function isAnaphoric(text: string, expression: TimeExpression): boolean {
  const { kind } = expression.meaning;
  const before = text.slice(0, expression.start);
  // "every September", "each May": a habit, not a date.
  if (kind === 'absolute' && expression.meaning.kind === 'absolute' && expression.meaning.year === undefined) return /\b(?:every|each)\s+$/i.test(before);
  if (kind !== 'weekday' && kind !== 'weekend' && kind !== 'namedMonth' && kind !== 'window') return false;
  // "over the next year", "the last month": a span, or counted from a time in the story.
  if (kind === 'window' && expression.meaning.kind === 'window' && expression.meaning.shift !== 0 && /\bthe\s+$/i.test(before)) return true;
  // "on the Tuesday", "on a Friday", "3 May 2015, a Sunday": a weekday of a time the story tells, or any one.
  if (kind === 'weekday' && /^the\s/i.test(expression.label)) return true;
  if (kind === 'weekday' && isWeekdaySpan(text, expression)) return true;
  return /\b(?:that|the same|the following|the next|the previous|the preceding|every|each|one|an?)\s+$/i.test(before);
}

/**
 * "a year ago today", "ten years ago this week", "50 years ago on Sunday": the time of writing names
 * the anniversary of what the "ago" dates, not the day it happened.
 */
function isAnniversary(text: string, expression: TimeExpression): boolean {
  const { kind } = expression.meaning;
  const relative = kind === 'dayOffset' || kind === 'window' || kind === 'weekday' || kind === 'weekend';
  return relative && /\bago\s*,?\s*$/i.test(text.slice(0, expression.start));
}

const WEEKDAY_NAME = `(?:${WEEKDAY_PATTERN})`;
const SPAN_WORD = '\\s*(?:through|thru|to|until|till|-|\u2013)\\s*';
/** "Monday through Friday", "from Monday to Wednesday": a habit or a stretch of days, not one day to date. */
function isWeekdaySpan(text: string, expression: TimeExpression): boolean {
  return (
    new RegExp(`^${SPAN_WORD}${WEEKDAY_NAME}\\b`, 'i').test(text.slice(expression.end)) ||
    new RegExp(`\\b${WEEKDAY_NAME}${SPAN_WORD}$`, 'i').test(text.slice(0, expression.start))
  );
}

/** Words that give a day, in any form, or a timetable: a clock time near one of them is not on the day of writing. */
const NAMES_A_DAY = new RegExp(
  `\\b(?:${WEEKDAY_PATTERN}|${MONTH_ABBREVIATION_PATTERN}|${MONTH_PATTERN}|today|tonight|tomorrow|yesterday|morning|afternoon|evening|night|day|week|month|year|\\d{4}|every|each|daily|nightly|hourly|until|from)\\b`,
  'i',
);

/**
 * "their Christmas break", "the Christmas recess", "Christmas shopping": a holiday named before a
 * common noun qualifies it (a period around the day, or a thing), it does not date the day itself.
 */
function modifiesNoun(expression: TimeExpression, offsets: [number, number][], pos: string[], values: string[]): boolean {
  if (/\b(?:day|eve)$/i.test(expression.label)) return false;
  // wink-nlp tags the noun after it as anything ("break" as a verb): read the shape, a determiner before and a word after.
  const next = offsets.findIndex(([start]) => start >= expression.end);
  const first = offsets.findIndex(([start]) => start >= expression.start);
  const before = pos[first - 1] ?? '';
  const determined = /^the\s/i.test(expression.label) || before === 'DET' || before === 'PRON' || /^['\u2019]s$/.test(values[first - 1] ?? '');
  return determined && next >= 0 && /^\p{Ll}+$/u.test(values[next] ?? '') && !['ADP', 'CCONJ', 'SCONJ', 'PART', 'AUX'].includes(pos[next] ?? '');
}

/** A clock time is dated only when its sentence names no day at all ("that Wednesday" included). */
function isClockAlone(text: string, expression: TimeExpression): boolean {
  const from = Math.max(text.lastIndexOf('. ', expression.start) + 1, 0);
  const next = text.indexOf('. ', expression.end);
  const sentence = `${text.slice(from, expression.start)} ${text.slice(expression.end, next < 0 ? text.length : next)}`;
  return !NAMES_A_DAY.test(sentence);
}

/** "on 4 or 5 April": two candidate days, so only the month is certain. */
function withCandidateDays(text: string, expression: TimeExpression): TimeExpression {
  const { meaning } = expression;
  if (meaning.kind !== 'absolute' || meaning.day === undefined) return expression;
  if (!/\b\d{1,2}(?:st|nd|rd|th)?\s*(?:or|and|to|-|\u2013)\s*$/i.test(text.slice(0, expression.start))) return expression;
  const { day: _day, ...month } = meaning;
  return { ...expression, meaning: month };
}

/** Capitalised words that may follow a date without making it part of a name ("on Sunday Mr Blair said"). */
const AFTER_A_DATE = new RegExp(`^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord|Morning|Afternoon|Evening|Night|${capitalised(MONTH_NAMES)}|${capitalised(MONTH_ABBREVIATIONS)})\\b`);

/**
 * Whether a weekday, "today" or a month is part of a name rather than a date: "Sunday Telegraph",
 * "Sunday Review", "GMTV's Sunday programme", "the Today programme", "Today's Paper".
 * A weekday written after "on", "last", "next"… is a date whatever follows it.
 */
function namesSomething(text: string, expression: TimeExpression): boolean {
  const { meaning } = expression;
  const { kind } = meaning;
  // "the singer April Jones", "June Smith said": a month alone before a capitalised word is a first name.
  if (kind === 'absolute' && meaning.day === undefined && meaning.year === undefined && /^\p{Lu}\p{Ll}+$/u.test(expression.label)) {
    const next = /^\s+(\p{Lu}[\p{L}'\u2019-]*)/u.exec(text.slice(expression.end))?.[1];
    return next !== undefined && !AFTER_A_DATE.test(next) && !/^\d/.test(next);
  }
  if (kind !== 'weekday' && kind !== 'dayOffset') return false;
  if (/^(?:on|last|next|this|since|until|till|from|by|late|early|earlier|later)\s/i.test(expression.label)) return false;
  const before = text.slice(0, expression.start);

  const after = text.slice(expression.end);
  if (/(?:['\u2019]s|s['\u2019])\s*$/.test(before)) return true;
  if (kind === 'dayOffset') {
    // A capitalised "Today" inside a sentence is a title; at a sentence's start it is a date.
    const startsSentence = /(?:^|[.!?]["'\u201d\u2019]?\s+|^["\u201c]\s*)$/.test(before);
    const word = expression.label.replace(/^the\s+/i, '');
    if (word !== expression.label) return /^[A-Z]/.test(word);
    return /^[A-Z]/.test(word) && (!startsSentence || /^['\u2019]s\s+[A-Z]/.test(after));
  }
  const next = /^\s+([A-Z][\w'\u2019-]*)/.exec(after)?.[1];
  return next !== undefined && !AFTER_A_DATE.test(next);
}

/**
 * Drops the "the" a pattern pulled in before a date ("the 2011 attack", "the 11 September 2001 attack", "the Nov. 5 election")
 * but not before a decade ("the 1980s"); the label stays a verbatim substring.
 */
function tidyLabel(label: string): string {
  const dated = /^the\s+(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)/i.test(label);
  return dated && !/s$/i.test(label) ? label.replace(/^the\s+/i, '') : label;
}

/**
 * Whether a four-digit number reads as a year: "the 2011 Salala attack", "in 2007",
 * "the 2018 elections", but not "2000 troops" or "said 1500 people" (counts), nor "Resolution 1373".
 */
function isYearNumber(
  value: string,
  span: Span,
  tokens: { pos: string[]; values: string[]; lemmas: string[] },
  /** For a number wink-nlp did not take for a date: require a preposition or determiner before, or a name after. */
  strict: boolean,
): boolean {
  if (!/^\d{4}$/.test(value)) return false;
  const n = Number(value);
  if (n < MIN_YEAR || n > MAX_YEAR) return false;
  const { pos, values, lemmas } = tokens;
  // "at 1230 GMT", "1900 hrs": a clock time.
  if (CLOCK.test(values[span.next] ?? '')) return false;
  const previous = (values[span.next - 2] ?? '').toLowerCase();
  const plural = countsThings(pos[span.next], values[span.next], lemmas[span.next]);
  // "a crowd of 2000 people", "more than 1500 workers": a count of what follows, when wink-nlp did not read a date
  // around it ("the summer of 2016 talks").
  if (strict && COUNT_OPENERS.has(previous) && plural) return false;
  if (pos[span.next - 2] === 'ADP' || YEAR_OPENERS.has(previous)) return true;
  // "Resolution 1373", "Flight 3411": a number that names something.
  if (pos[span.next - 2] === 'PROPN' || pos[span.next - 2] === 'NOUN') return false;
  // "the governor's 2016 campaign" is a year, "the firm's 2000 workers" a count.
  if (/^['\u2019]s$/.test(previous)) return !plural && (pos[span.next] === 'NOUN' || pos[span.next] === 'PROPN');
  if (strict) return pos[span.next] === 'PROPN';
  return !plural;
}

/** Words before a number that make it an amount when a plural noun follows: "of 2000 people" (but "of 2018 showed" is a year). */
const COUNT_OPENERS = new Set(['of', 'than', 'about', 'around', 'nearly', 'almost', 'some', 'over', 'approximately', 'roughly']);
/** Plurals the lemmatiser leaves as they are. */
const UNMARKED_PLURALS = new Set(['people', 'men', 'women', 'children', 'police', 'staff', 'personnel', 'troops', 'cattle']);

/** Whether the token after a number is a plural noun: what the number counts. */
function countsThings(pos: string | undefined, value: string | undefined, lemma: string | undefined): boolean {
  if (pos !== 'NOUN' || !value) return false;
  const word = value.toLowerCase();
  return UNMARKED_PLURALS.has(word) || word !== (lemma ?? word).toLowerCase();
}

const CLOCK = /^(?:gmt|bst|utc|z|[ecmp][sd]?t|cet|cest|ist|jst|aest|a\.?m\.?|p\.?m\.?|hrs?|hours|h|local)$/i;

const YEAR_OPENERS = new Set(['the', 'its', 'his', 'her', 'their', 'our', 'this', 'that', 'of', 'in', 'since', 'by']);

/** Index of the first token that starts at or after `offset`. */
function tokenAfter(offsets: [number, number][], offset: number): number {
  const i = offsets.findIndex(([start]) => start >= offset);
  return i < 0 ? offsets.length : i;
}

/** Character offsets of wink-nlp tokens in `text`. */
function tokenOffsets(text: string, values: string[]): [number, number][] {
  const out: [number, number][] = [];
  let offset = 0;
  values.forEach((value) => {
    const found = text.indexOf(value, offset);
    const start = found >= 0 ? found : offset;
    out.push([start, start + value.length]);
    offset = start + value.length;
  });
  return out;
}
