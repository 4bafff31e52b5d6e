/**
 * The corpus as the core reads it: seed files → articles → paragraphs, with the
 * attribution every answer carries. Nothing here knows about Discord.
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
