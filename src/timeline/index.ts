/**
 * `/timeline`: the story in date order. Every event is dated (to the
 * precision the text supports), quoted verbatim and attributed. Pure core: no
 * Discord here.
 */
import type { Article, TimelineEvent } from '../types.js';
import { parseDate, precisionRank } from './dates.js';
import { articleEvents } from './events.js';
import { eventInterval, mergeEvents } from './merge.js';

export { articleEvents } from './events.js';
export { findExpressions } from './expressions.js';
export type { TimeExpression } from './expressions.js';

/** Every dated event of the articles, the same event across articles merged, sorted by date. */
export function buildTimeline(articles: Article[]): TimelineEvent[] {
  return sortEvents(mergeEvents(articles.flatMap(articleEvents)));
}

/** Ascending by first day; ties coarse → fine precision, then by text. */
export function sortEvents(events: TimelineEvent[]): TimelineEvent[] {
  return [...events].sort(compareEvents);
}

export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  const [a0] = eventInterval(a);
  const [b0] = eventInterval(b);
  return a0 - b0 || precisionRank(a.precision) - precisionRank(b.precision) || a.text.localeCompare(b.text);
}

export interface TimelineFilter {
  /** First year to keep, inclusive. */
  from?: number;
  /** Last year to keep, inclusive. */
  to?: number;
  /** Paragraph ids the search engine found for the `about` words: keep events with at least one source among them. */
  paragraphIds?: Set<string>;
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
