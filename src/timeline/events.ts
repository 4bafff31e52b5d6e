/**
 * One article's dated events: every time expression in its body text,
 * resolved against its publication date — forward or backward as the
 * sentence's tense says (tense.ts) — with the sentence that holds it and a
 * label saying what happened.
 */
import { attributionOf } from '../corpus/attribution.js';
import type { AnalysedSentence } from '../nlp/index.js';
import { analyse } from '../nlp/index.js';
import { DATED_LIST_ITEM } from '../nlp/calendar.js';
import type { Article, Paragraph } from '../corpus/types.js';
import type { EventSource, TimelineEvent } from './types.js';
import { isRelative } from './classify.js';
import type { CalendarDate } from './dates.js';
import { formatDate, publishedAsDate } from './dates.js';
import type { TimeExpression } from './expressions.js';
import { findExpressions } from './expressions.js';
import type { Resolved } from './resolve.js';
import { resolve, resolveFromStory, weekdayInWeek } from './resolve.js';
import { directionAt, joinedWithoutVerb } from './tense.js';
import type { Offset } from './offsets.js';
import { findOffsets, shifted, wayFromAnchor } from './offsets.js';
import { FUTURE_AUXILIARIES, MODALS, REPORTING } from './verbs.js';

/**
 * The link a social network puts at the end of a post embedded in a page ("… pic.twitter.com/AbC12",
 * "https://t.co/AbC12"): the post was written on its own day, which the page's signature line gives
 * and the cleaner drops, so its "today" or "on Friday" cannot be dated from the article's.
 */
const POST_LINK = /\b(?:pic\.twitter\.com|t\.co|instagram\.com\/p|fb\.me)\/\w+/i;

/** Lines that are page furniture even if the cleaner let them through. */
const FURNITURE = /\bcopyright\b|©|\(c\)\s*\d{4}|all rights reserved|\bphoto(?:graph)?\s*:|\bfile photo\b|\bgetty images\b|\breuters\/|\bAFP\b\s*\//i;

/** The source an event cites for one paragraph. */
export function sourceOf(article: Article, paragraph: Paragraph): EventSource {
  return { ...attributionOf(article), paragraph: paragraph.number, paragraphId: paragraph.id };
}

/** Dated events of one article, in text order; unmerged. */
export function articleEvents(article: Article): TimelineEvent[] {
  const published = publishedAsDate(article.publishedDate);
  const events: (TimelineEvent | null)[] = [];
  const storyAnchor = new StoryAnchor();
  for (const paragraph of article.paragraphs) {
    // Captions date the taking of a photo, not an event of the story.
    if (paragraph.kind !== 'body') continue;
    const expressions = findExpressions(paragraph.text);
    if (expressions.length === 0) continue;
    const sentences = analyse(paragraph.text);
    const quotes = quotedRanges(paragraph.text);
    const dated: Dated[] = [];
    const embeddedPost = POST_LINK.test(paragraph.text);
    for (const [index, expression] of expressions.entries()) {
      const fromStory = expression.meaning.kind === 'fromStory' ? storyAnchor.resolve(expression, paragraph) : undefined;
      storyAnchor.pass(expression, paragraph, fromStory);
      const sentence = sentences.find((s) => expression.start >= s.start && expression.start < s.end);
      const text = sentence?.text ?? paragraph.text;
      const offset = expression.start - (sentence?.start ?? 0);
      if (FURNITURE.test(text)) continue;
      if (sentence && !isStatement(sentence, expression)) continue;
      // "today" inside a quotation is the speaker's today, not the article's; in a post quoted from a social network, the post's.
      if (isRelative(expression.meaning) && (embeddedPost || quotes.some(([from, to]) => expression.start >= from && expression.end <= to))) continue;
      const setIn = sentence && isRelative(expression.meaning) && expression.meaning.kind !== 'fromStory' ? earlierYearSetting(expression, expressions, sentence, published) : null;
      const { meaning } = expression;
      // "In 2015, the pier burned down on 5 March": a day without its year is in the year the sentence is set in.
      const inSetting = setIn?.single && (meaning.kind === 'absolute' || meaning.kind === 'holiday') ? resolve({ ...meaning, year: setIn.year }, null) : undefined;
      if (setIn && !inSetting) continue;
      // A chronology's line tells in the present what happened on the day it names, before or after the day of writing.
      const listItem = sentence !== undefined && isChronologyItem(sentence.text, expression.start - sentence.start);
      const direction = sentence && !listItem ? directionAt(sentence.tokens, expression.start, expression.end) : 'unknown';
      const inWeek = sentence ? weekNamedBefore(expression, expressions[index - 1], sentence) : undefined;
      const resolved =
        fromStory ?? inSetting ?? (inWeek !== undefined ? weekdayInWeek(inWeek.weekday, inWeek.shift, published) : resolve(meaning, published, direction));
      if (!resolved) continue;
      const quoted = trimmed(text, offset);
      if (sentence) dated.push({ expression, sentence, resolved, event: events.length });
      events.push({
        date: formatDate(resolved.date),
        precision: resolved.date.precision,
        ...(resolved.end ? { end: formatDate(resolved.end) } : {}),
        approximate: resolved.approximate,
        label: labelOf(quoted, quoted.length - text.length + offset, expression.label.length),
        when: expression.label,
        text: quoted,
        sources: [sourceOf(article, paragraph)],
      });
    }
    countedSpans(events, dated, expressions, sentences, paragraph);
  }
  return events.filter((event): event is TimelineEvent => event !== null);
}

/** An event made in this paragraph, with what it was made from. */
interface Dated {
  expression: TimeExpression;
  sentence: AnalysedSentence;
  resolved: Resolved;
  /** Its index in the article's events. */
  event: number;
}

/**
 * Dates by the spans counted from a date of the same sentence (offsets.ts): "three weeks before
 * Christmas" moves the date it leads to, or drops it when that date's own year or week is a guess
 * ("Christmas", "on Friday": which one depends on the tense of what happened three weeks before);
 * "He resigned on Monday, two days after the vote" adds the vote, two days before the one date of
 * the sentence. A sentence that reports words or looks ahead ("said on Monday it would close two
 * years after the merger") does not say whose time the date is: no event from its span.
 */
function countedSpans(
  events: (TimelineEvent | null)[],
  dated: Dated[],
  expressions: TimeExpression[],
  sentences: AnalysedSentence[],
  paragraph: Paragraph,
): void {
  for (const sentence of sentences) {
    const spans = findOffsets(sentence.text).map((o) => ({ ...o, start: o.start + sentence.start, end: o.end + sentence.start }));
    if (spans.length === 0) continue;
    const inSentence = expressions.filter((e) => e.start >= sentence.start && e.start < sentence.end);
    const leading = new Map<Offset, TimeExpression>();
    for (const span of spans) {
      const led = inSentence.find((e) => e.start >= span.end && /^\s*(?:the\s+)?$/i.test(paragraph.text.slice(span.end, e.start)));
      if (!led) continue;
      leading.set(span, led);
      const made = dated.find((d) => d.expression === led);
      const event = made ? events[made.event] : null;
      if (!made || !event) continue;
      const moved = guessedOccurrence(led) ? null : shifted(made.resolved, span, 1);
      const when = paragraph.text.slice(span.start, led.end);
      const at = event.text.indexOf(when);
      events[made.event] = moved && at >= 0 ? redated(event, moved, when, labelOf(event.text, at, when.length)) : null;
    }
    const led = new Set(leading.values());
    const others = inSentence.filter((e) => !led.has(e));
    const anchor = others.length === 1 ? dated.find((d) => d.expression === others[0]) : undefined;
    const told = anchor ? events[anchor.event] : null;
    if (!anchor || !told || reportsOrLooksAhead(sentence)) continue;
    for (const span of spans) {
      if (leading.has(span) || span.needsDate) continue;
      const way = wayFromAnchor(sentence.text, span.start - sentence.start, span.end - sentence.start, anchor.expression.start - sentence.start);
      const moved = way && shifted(anchor.resolved, span, way);
      const when = paragraph.text.slice(span.start, span.end);
      const at = told.text.indexOf(when);
      if (!moved || at < 0) continue;
      events.push(redated(told, moved, when, labelOf(told.text, at, when.length)));
    }
  }
}

/** A weekday or a yearless date whose occurrence the tense picked: moved by a span, the tense no longer tells which. */
function guessedOccurrence(expression: TimeExpression): boolean {
  const { meaning } = expression;
  if (meaning.kind === 'weekday' || meaning.kind === 'weekend') return meaning.relation === null;
  if (meaning.kind === 'absolute' || meaning.kind === 'holiday') return meaning.year === undefined;
  return meaning.kind === 'clock';
}

/** Whether a sentence reports what someone said or tells of what is to come: whose time its date is, is unclear. */
function reportsOrLooksAhead(sentence: AnalysedSentence): boolean {
  return sentence.tokens.some((t) => {
    const word = t.value.toLowerCase();
    return (t.pos === 'VERB' && REPORTING.has(t.lemma)) || (t.pos === 'AUX' && (MODALS.has(word) || FUTURE_AUXILIARIES.has(word)));
  });
}

/** `event` told with another date, date phrase and label. */
function redated(event: TimelineEvent, resolved: Resolved, when: string, label: string): TimelineEvent {
  const { end: _end, ...rest } = event;
  return {
    ...rest,
    date: formatDate(resolved.date),
    precision: resolved.date.precision,
    ...(resolved.end ? { end: formatDate(resolved.end) } : {}),
    approximate: resolved.approximate,
    when,
    label,
  };
}

/**
 * "next week's auction of bonds on Wednesday", "later this week, on Thursday": a bare weekday that
 * the week named just before it, in the same phrase, places (its weekday and that week's shift).
 */
function weekNamedBefore(
  expression: TimeExpression,
  previous: TimeExpression | undefined,
  sentence: AnalysedSentence,
): { weekday: number; shift: number } | undefined {
  const { meaning } = expression;
  if (meaning.kind !== 'weekday' || meaning.relation !== null || previous?.meaning.kind !== 'window' || previous.meaning.unit !== 'week') return undefined;
  if (previous.start < sentence.start || !joinedWithoutVerb(sentence.tokens, previous.end, expression.start)) return undefined;
  return { weekday: meaning.weekday, shift: previous.meaning.shift };
}

/**
 * "In 2015, the keeper said the harbour had lost money last year", "When the pier closed in 2009, he
 * said he would retire next year": a sentence that opens by setting itself in a year before the one
 * of writing tells its relative dates from that time, not from the day of writing, so they cannot be
 * anchored (a day without a year is in that year, when it is one year). Returns that year, or null. The opening is a time adverbial or a clause of time, up to the sentence's first comma or
 * within its first few words; a year in the subject or the middle ("The pier, built in 1999, closed
 * last year", "The keeper who retired in 2009 said …") or one counted up to now ("Since 2015, …")
 * sets no such time.
 */
function earlierYearSetting(
  expression: TimeExpression,
  all: TimeExpression[],
  sentence: AnalysedSentence,
  published: CalendarDate | null,
): { year: number; single: boolean } | null {
  if (!published || !SETTING_OPENER.test(sentence.text)) return null;
  const comma = sentence.text.indexOf(',');
  const opening = sentence.start + (comma < 0 ? OPENING_WORDS_LENGTH : comma);
  for (const { start, label, meaning } of all) {
    if (start < sentence.start || start >= expression.start || start >= opening || /^since\b/i.test(label)) continue;
    // A span's last year: set before the year of writing only when all of it is.
    const single = meaning.kind === 'year' || (meaning.kind === 'absolute' && meaning.year !== undefined);
    const year = meaning.kind === 'year' || meaning.kind === 'absolute' ? meaning.year : meaning.kind === 'range' ? meaning.to : meaning.kind === 'decade' ? meaning.decade + 9 : undefined;
    if (year !== undefined && year < published.year) return { year, single };
  }
  return null;
}

/** How far into a sentence without a comma its opening words reach, in characters ("In March 2015 the keeper"). */
const OPENING_WORDS_LENGTH = 20;
/** A sentence that opens with a time adverbial or a clause of time: "In 2015,", "Back in 2009", "When the pier closed in 2009,". */
const SETTING_OPENER = /^["\u201c]?(?:(?:back|then|and|but|so)\s+)?(?:in|during|by|when|after|before|as|at|on|until|throughout|while|from|between|early|late)\b/i;

/** "over the next year", "for the following month": a span from a time, not a point after it. */
const SPAN_BEFORE = /\b(?:over|during|within|throughout|for|across)\s+$/i;

/**
 * The date "55 days later", "the following day" or "earlier that year" counts from: the last one the
 * story named with its year, in the same paragraph or the one before, with no other time expression
 * between (which would leave it unclear which date the words count from).
 */
class StoryAnchor {
  private anchor: { date: CalendarDate; paragraph: number } | null = null;

  resolve(expression: TimeExpression, paragraph: Paragraph): Resolved | null {
    const { meaning } = expression;
    if (meaning.kind !== 'fromStory' || !this.anchor || paragraph.number - this.anchor.paragraph > 1) return null;
    if (SPAN_BEFORE.test(paragraph.text.slice(Math.max(0, expression.start - 20), expression.start))) return null;
    // "the day after the vote" counts from the vote, not from the last date named.
    if (/(?:before|after)$/i.test(expression.label) && /^\s*\p{L}/u.test(paragraph.text.slice(expression.end))) return null;
    return resolveFromStory(meaning, this.anchor.date);
  }

  /** Moves past `expression`: a date with its year becomes the anchor, a date counted exactly from it too, anything else clears it. */
  pass(expression: TimeExpression, paragraph: Paragraph, fromStory: Resolved | null | undefined): void {
    const { meaning } = expression;
    const named = meaning.kind === 'year' || ((meaning.kind === 'absolute' || meaning.kind === 'holiday') && meaning.year !== undefined);
    const date = named ? resolve(meaning, null)?.date : fromStory && !fromStory.approximate && !fromStory.end ? fromStory.date : undefined;
    this.anchor = date ? { date, paragraph: paragraph.number } : null;
  }
}

/**
 * Words that date the page, not an event: a line that opens with them or a capitalised stamp with a
 * colon ("Published: 19 Oct 2018", "Updated 6:01 am"); "an interview published this week" is a sentence.
 */
const STAMP_PHRASES = ['published', 'updated', 'posted', 'last updated', 'first published'];
const STAMP_WORDS = `(?:${STAMP_PHRASES.join('|')})`;
/** The stamp words with their first letter capitalised ("Last updated"), or in either case. */
const CAPITALISED_STAMP = `(?:${STAMP_PHRASES.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('|')})`;
const EITHER_CASE_STAMP = `(?:${STAMP_PHRASES.map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|')})`;
const STAMP_BEFORE = new RegExp(`(?:^|[|\u2022\u00b7]\\s*)${STAMP_WORDS}\\s*:?\\s*(?:on\\s+)?$|\\b(?:Published|Updated|Posted)\\s*:\\s*$`, 'i');
/**
 * After the date, a stamp is capitalised or has its colon ("19 Oct 2018 Updated", "6:01 am updated:"), or follows a
 * clock time; "The firm last week posted its first loss" is a sentence.
 */
const STAMP_AFTER = new RegExp(
  `^\\s*(?:at\\s+\\d{1,2}[:.]\\d{2}\\s*[AaPp]\\.?[Mm]\\.?\\s*${EITHER_CASE_STAMP}\\b|${CAPITALISED_STAMP}\\b|(?:published|updated|posted)\\s*:)`,
);
/**
 * Whether the date stands in a sentence that tells something: one that ends with a stop and is not a
 * page stamp. A date with no sentence around it — a related-story line, a dateline, a navigation
 * label — is page furniture, whatever the cleaner made of its block. (Not "has a verb": wink-nlp
 * tags some verbs as nouns, "caps".)
 */
function isStatement(sentence: AnalysedSentence, expression: TimeExpression): boolean {
  const text = sentence.text;
  if (STAMP_BEFORE.test(text.slice(0, expression.start - sentence.start)) || STAMP_AFTER.test(text.slice(expression.end - sentence.start))) return false;
  return /[.!?]["'\u201d\u2019)\]]*\s*$/.test(text) || isChronologyItem(text, expression.start - sentence.start);
}

/** A chronology's line (`1998: The pier opens`), opened by this date and telling what happened in a few words. */
function isChronologyItem(text: string, at: number): boolean {
  return at === 0 && DATED_LIST_ITEM.test(text) && text.split(/\s+/).length >= 4;
}

/** Longest label, in characters; a longer clause is cut at a word, around the date. */
const MAX_LABEL = 160;
/** Where a sentence holds more than one statement. */
const SEGMENT_BREAK = /\s*;\s+|\s+[\u2013\u2014]\s+|\s+--\s+/g;
/** A trailing ", the minister said." or ", according to officials.": who told it, not what happened. */
const ATTRIBUTION_TAIL = /,\s+(?:[^,]{0,60}?\s)?(?:said|says|told [^,]{1,40}|added|reported|according to [^,]{1,60})\.?$/;

/**
 * What happened, for a sentence with a date phrase at [at, at + length): the statement of the
 * sentence that holds the date, without a leading date phrase (it is shown beside the label) or a
 * trailing attribution, verbatim, cut to `MAX_LABEL` characters around the date.
 */
export function labelOf(sentence: string, at: number, length: number): string {
  let start = 0;
  let end = sentence.length;
  for (const m of sentence.matchAll(SEGMENT_BREAK)) {
    if (m.index + m[0].length <= at) start = m.index + m[0].length;
    else if (m.index >= at + length && m.index < end) end = m.index;
  }
  let label = sentence.slice(start, end);
  let phrase = at - start;
  const lead = /^[,\s]*/.exec(label.slice(phrase + length))?.[0] ?? '';
  if (phrase === 0 && lead.includes(',') && label.length > length + lead.length) {
    label = label.slice(length + lead.length);
    phrase = -1;
  }
  const tail = ATTRIBUTION_TAIL.exec(label);
  if (tail && tail.index > phrase + length && tail.index > 20) label = label.slice(0, tail.index);
  label = label.replace(/[\s.,;:]+$/, '');
  if (label.length <= MAX_LABEL) return label;
  // Keep the date in view: start at the clause before it when the cut would lose it.
  const from = phrase + length > MAX_LABEL ? Math.max(0, label.lastIndexOf(', ', phrase) + 2) : 0;
  const cut = label.slice(from, from + MAX_LABEL);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_LABEL / 2)).replace(/[\s,;:]+$/, '')}…`;
}

/**
 * The sentence from where what happened starts, verbatim: without a dateline ("ISLAMABAD - ")
 * or a leading connective ("Meanwhile, "), when what follows starts a sentence by itself and
 * the time expression (at `offset`) is not in the part dropped.
 */
export function trimmed(sentence: string, offset: number): string {
  let start = 0;
  const dateline = /^[A-Z][A-Z .'-]{2,30}\s*[-–—:_]\s+(?=\S)/.exec(sentence);
  if (dateline && !/[a-z]/.test(dateline[0])) start = dateline[0].length;
  const connective = CONNECTIVE.exec(sentence.slice(start));
  if (connective) start += connective[0].length;
  return start <= offset ? sentence.slice(start) : sentence;
}

const CONNECTIVE = /^(?:Meanwhile|However|Moreover|Separately|Still|Also|Besides|But|And|So|Yet),?\s+(?=[A-Z])/;

/**
 * Character ranges inside quotation marks (curly pairs, or straight quotes taken in pairs). A quotation
 * left open is not counted: read to the end of its paragraph it took "six months ago" from a speaker
 * quoted on the day of writing, which the reader dates from that day (bbc-politics dev).
 */
export function quotedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let open: number | null = null;
  let straight: number | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\u201c') open = i;
    else if (c === '\u201d' && open !== null) {
      ranges.push([open, i + 1]);
      open = null;
    } else if (c === '"') {
      if (straight === null) straight = i;
      else {
        ranges.push([straight, i + 1]);
        straight = null;
      }
    }
  }
  return ranges;
}
