/**
 * What `/quote` answers: quotations with their speakers.
 */
import type { Attribution } from '../corpus/types.js';
import type { QuoteSpan } from './extract.js';

/** A quotation, verbatim, with who said it. */
export interface Quotation extends Attribution {
  /** The quoted words without the quote marks. */
  text: string;
  /** Canonical speaker name, or null when it cannot be told. */
  speaker: string | null;
  /** The rule that gave the quotation its speaker (`said-after`, `said-before + pronoun → previous speaker`, `override`); null when unattributed. */
  rule: string | null;
  paragraphId: string;
  paragraph: number;
  /** The sentence around the quotation. */
  context: string;
  /** Other articles that report the same words by the same speaker (only on `/quote` entries). */
  alsoReportedBy?: (Attribution & { paragraph: number; paragraphId: string })[];
}

export interface Speaker {
  name: string;
  kind: 'person' | 'organisation';
  aliases: string[];
  quoteCount: number;
}

export interface QuoteResult {
  /** The query as typed. */
  query: string;
  /** Canonical name, or null when the name is unknown. */
  speaker: string | null;
  quotes: Quotation[];
  /** When `speaker` is null: the closest known speakers. */
  suggestions: string[];
}

/** Who said one quotation, and why the attributor (attribute.ts) thinks so. */
export interface Decision {
  speaker: string;
  kind: Speaker['kind'];
  /** The rule that made the attribution, e.g. `said-after`, `said-before + pronoun → previous speaker`. */
  rule: string;
}

/** One quotation of an article with its decision (null: nothing reliable says who spoke). */
export interface AttributedSpan {
  paragraph: number;
  span: QuoteSpan;
  decision: Decision | null;
}
