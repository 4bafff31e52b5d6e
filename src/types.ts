/**
 * The data that flows through the core: seed files → articles → paragraphs →
 * (index, quotations, events) → answers. Nothing here knows about Discord.
 */

/** How much of a date is known: `2018` is a year, `2018-01` a month, `2018-01-09` a day. */
export type DatePrecision = 'decade' | 'year' | 'month' | 'day';

/** A publication date as far as it is known. */
export interface PublishedDate {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, matching `precision`. */
  value: string;
  precision: Exclude<DatePrecision, 'decade'>;
}

/** What the source metadata (`seeds/sources.json`) says about one file. */
export interface SourceInfo {
  title?: string;
  outlet?: string | null;
  url?: string | null;
  author?: string | null;
  published?: string | null;
  precision?: 'year' | 'month' | 'day';
  notes?: string;
}

/** How a paragraph came to be: body text, or a photo caption kept because it reports an event. */
export type ParagraphKind = 'body' | 'caption';

export interface Paragraph {
  /** Stable id `<articleId>#<n>`. */
  id: string;
  articleId: string;
  /** 1-based position within the cleaned article. */
  number: number;
  kind: ParagraphKind;
  text: string;
  /** The section heading the paragraph sits under, when the article has headings. */
  section?: string;
}

/** The attribution every answer carries. `null` means unknown. */
export interface Attribution {
  articleId: string;
  title: string;
  outlet: string | null;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or null when unknown. */
  published: string | null;
  url: string | null;
}

export interface Article extends Attribution {
  /** Who wrote it, when the page or sources.json says. */
  author?: string;
  /** The seed file name, e.g. `000_257cf49c13d9846a.txt`. */
  file: string;
  publishedDate: PublishedDate | null;
  paragraphs: Paragraph[];
  /** sha256 of the raw file and its metadata, to tell changed articles on reload. */
  hash: string;
  /** Warnings about this file that did not stop it loading (e.g. bad bytes replaced). */
  warnings: string[];
}

/** A seed file that was not loaded, and why, in words for a moderator. */
export interface SkippedFile {
  file: string;
  reason: string;
}

export interface LoadedCorpus {
  articles: Article[];
  skipped: SkippedFile[];
  /** Files that loaded with a caveat (e.g. invalid UTF-8 replaced). */
  warnings: SkippedFile[];
}

/** One quoted passage in an `/ask` answer. */
export interface Passage extends Attribution {
  paragraphId: string;
  paragraph: number;
  /** The whole paragraph, verbatim. */
  text: string;
  /** The sentence(s) of `text` that best answer the question, verbatim. */
  quote: string;
  score: number;
}

export interface AskResult {
  query: string;
  answers: Passage[];
  /** The question as searched when misspelt words were corrected: "Showing results for …". */
  correctedQuery?: string;
  /** Why there are no answers, in one line, when the question says nothing to search for. */
  hint?: string;
}

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
