/**
 * `/timeline`: the story in date order. Every event is dated (to the
 * precision the text supports), quoted verbatim and attributed. Pure core: no
 * Discord here.
 *
 * How dates are read (expressions.ts → classify.ts → resolve.ts):
 * - absolute dates, years, decades ("the early 1950s" → `1950`, precision
 *   `decade`) and ranges ("between 1959 and 1970" → `1959` with `end: 1970`)
 *   need no publication date;
 * - relative ones ("on Tuesday", "today", "this month", "last year", "two years
 *   ago", "New Year's Day") are anchored on the article's publication date and
 *   never made finer than it: against a month-only date "on Tuesday" is that
 *   month, `approximate`; against no date it is not an event at all;
 * - "this week" / "earlier this week" are the seven / six days up to
 *   publication, as a day range marked `approximate`;
 * - relative words inside quotation marks belong to the speaker's time and are
 *   not anchored; captions, copyright lines, durations and ages are not events.
 * Events (events.ts) are the sentence holding the date, verbatim; the same
 * event in several articles is merged into one citing all (merge.ts).
 */
import { createHash } from 'node:crypto';
import { memoise } from '../nlp/memo.js';
import type { Article } from '../corpus/types.js';
import type { TimelineEvent } from './types.js';
import { parseDate, precisionRank } from './dates.js';
import { articleEvents } from './events.js';
import { eventInterval, mergeEvents } from './merge.js';

export { articleEvents } from './events.js';
export { findExpressions } from './expressions.js';
export type { TimeExpression } from './expressions.js';

/** An article's events, remembered across reloads by everything the article holds (see `nlp/memo.ts`). */
export const eventsForBuild = memoise(articleEvents, (article: Article) => {
  let key = contentKeys.get(article);
  if (key === undefined) {
    key = createHash('sha256').update(JSON.stringify(article)).digest('hex');
    contentKeys.set(article, key);
  }
  return key;
});

/** Each article's content key, once per article object: a reload keeps the objects of unchanged files (`corpus/load.ts`). */
const contentKeys = new WeakMap<Article, string>();

/** Every dated event of the articles, the same event across articles merged, sorted by date. */
export function buildTimeline(articles: Article[]): TimelineEvent[] {
  return sortEvents(mergeEvents(articles.flatMap((article) => eventsForBuild(article))));
}

/** Ascending by first day; ties coarse → fine precision, then by text (`compareEvents`). */
export function sortEvents(events: TimelineEvent[]): TimelineEvent[] {
  // Each event's first day worked out once, not in every comparison (a third of a reload's timeline at 3k paragraphs).
  const keyed = events.map((event) => ({ event, first: eventInterval(event)[0], rank: precisionRank(event.precision) }));
  keyed.sort((a, b) => a.first - b.first || a.rank - b.rank || a.event.text.localeCompare(b.event.text));
  return keyed.map((k) => k.event);
}

export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  const [a0] = eventInterval(a);
  const [b0] = eventInterval(b);
  return a0 - b0 || precisionRank(a.precision) - precisionRank(b.precision) || a.text.localeCompare(b.text);
}

/** How an event's date reads to a person: `2018-01-09`, `1950s`, `1959 – 1970`, `2018 (approx.)`. */
export function dateLabel(e: Pick<TimelineEvent, 'date' | 'precision' | 'end' | 'approximate'>): string {
  const start = e.precision === 'decade' ? `${e.date.slice(0, 4)}s` : e.date;
  return `${start}${e.end ? ` – ${e.end}` : ''}${e.approximate ? ' (approx.)' : ''}`;
}

export interface TimelineFilter {
  /** First year to keep, inclusive. */
  from?: number;
  /** Last year to keep, inclusive. */
  to?: number;
  /** Paragraph ids the search engine found for the `about` words: keep events with at least one source among them. */
  paragraphIds?: Pick<ReadonlySet<string>, 'has'>;
}

/** Events that overlap the years `from`–`to` and cite one of `paragraphIds` (when given). */
export function filterTimeline(events: TimelineEvent[], filter: TimelineFilter): TimelineEvent[] {
  return events.filter((event) => {
    const first = parseDate(event.date, event.precision);
    if (!first) return false;
    const lastYear = event.end ? Number(event.end.slice(0, 4)) : first.year + (event.precision === 'decade' ? 9 : 0);
    if (filter.from !== undefined && lastYear < filter.from) return false;
    if (filter.to !== undefined && first.year > filter.to) return false;
    if (filter.paragraphIds && !event.sources.some((s) => filter.paragraphIds?.has(s.paragraphId))) return false;
    return true;
  });
}
