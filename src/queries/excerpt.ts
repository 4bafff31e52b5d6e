/**
 * What every renderer shows of a passage: the answering sentence(s) with a
 * short context around them, and dates in words. Pure text, no markup, so
 * Discord, the terminal and the screenshots draw the same excerpt.
 */

/** Characters of context kept on each side of the answering sentence(s) by default. */
export const CONTEXT_CHARS = 160;

export interface Excerpt {
  /** Context before the quote: whole sentences, `…` first when cut. */
  before: string;
  /** The answering sentence(s) verbatim. */
  quote: string;
  /** Context after the quote: whole sentences, `…` last when cut. */
  after: string;
  /**
   * True when the quote is only part of its paragraph, so marking it tells
   * the reader something; false when it is the whole paragraph (or not
   * found in it), where bold would only make everything bold.
   */
  partOfParagraph: boolean;
}

const SENTENCE_END = /[.!?…]["”’)]*\s+/g;

/** The last whole sentences of `text` within `max` characters, `…` marking the cut. */
function tailSentences(text: string, max: number): string {
  if (text.length <= max) return text;
  const start = text.length - max;
  // Look a little before the window so a sentence starting right at its edge is kept whole.
  SENTENCE_END.lastIndex = Math.max(0, start - 4);
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const next = m.index + m[0].length;
    if (next >= start) return next < text.length ? `… ${text.slice(next)}` : '';
  }
  // No sentence starts inside the window: half a sentence would tell the reader little.
  return '';
}

/** The first whole sentences of `text` within `max` characters, `…` marking the cut. */
function headSentences(text: string, max: number): string {
  if (text.length <= max) return text;
  const window = text.slice(0, max);
  let end = -1;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(window); m; m = SENTENCE_END.exec(window)) end = m.index + m[0].length;
  return end > 0 ? `${window.slice(0, end).trimEnd()} …` : '';
}

/**
 * The quote inside its paragraph with at most `context` characters of whole
 * sentences on each side. A quote that is the whole paragraph, or that the
 * paragraph does not contain, comes back as the quote with no context.
 */
export function excerpt(text: string, quote: string, context = CONTEXT_CHARS): Excerpt {
  const q = quote.trim();
  const at = q ? text.indexOf(q) : -1;
  if (at < 0) return { before: '', quote: q || text.trim(), after: '', partOfParagraph: false };
  const before = text.slice(0, at);
  const after = text.slice(at + q.length);
  const partOfParagraph = before.trim() !== '' || after.trim() !== '';
  return { before: tailSentences(before, context), quote: q, after: headSentences(after, context), partOfParagraph };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2018-01-09` → `9 Jan 2018`, `2018-01` → `Jan 2018`, `2018` as it is; anything else unchanged; null → "date unknown". */
export function readableDate(date: string | null): string {
  if (!date) return 'date unknown';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  const month = m?.[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || (m[2] && !month)) return date;
  if (!month) return m[1] as string;
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}
