/**
 * What `/timeline` answers: dated events with their sources.
 */
import type { DatePrecision } from '../corpus/types.js';

export interface EventSource {
  articleId: string;
  title: string;
  outlet: string | null;
  published: string | null;
  paragraph: number;
  paragraphId: string;
  url: string | null;
}

export interface TimelineEvent {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a decade is its first year. */
  date: string;
  precision: DatePrecision;
  /** For a range: where it ends, in the same format. */
  end?: string;
  /** True when resolved from a relative expression against an imprecise date. */
  approximate: boolean;
  /** What happened: the clause that holds the date, trimmed, verbatim. */
  label: string;
  /** The time expression as written ("on Monday", "last September"), shown beside the label. */
  when: string;
  /** The sentence that holds the date. */
  text: string;
  sources: EventSource[];
}

export interface TimelineResult {
  events: TimelineEvent[];
}
