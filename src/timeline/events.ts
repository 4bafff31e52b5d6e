/**
 * One article's dated events: every time expression in its body text,
 * resolved against its publication date, with the sentence that holds it.
 */
import { attributionOf } from '../corpus/attribution.js';
import { sentencesOf } from '../nlp/index.js';
import type { Article, EventSource, Paragraph, TimelineEvent } from '../types.js';
import { isRelative } from './classify.js';
import { formatDate, publishedAsDate } from './dates.js';
import { findExpressions } from './expressions.js';
import { resolve } from './resolve.js';

/** Lines that are page furniture even if the cleaner let them through. */
const FURNITURE = /\bcopyright\b|©|\(c\)\s*\d{4}|all rights reserved|\bphoto(?:graph)?\s*:|\bfile photo\b|\bgetty images\b|\breuters\/|\bAFP\b\s*\//i;

/** The source an event cites for one paragraph. */
export function sourceOf(article: Article, paragraph: Paragraph): EventSource {
  return { ...attributionOf(article), paragraph: paragraph.number, paragraphId: paragraph.id };
}

/** Dated events of one article, in text order; unmerged. */
export function articleEvents(article: Article): TimelineEvent[] {
  const published = publishedAsDate(article.publishedDate);
  const events: TimelineEvent[] = [];
  for (const paragraph of article.paragraphs) {
    // Captions date the taking of a photo, not an event of the story.
    if (paragraph.kind !== 'body') continue;
    const expressions = findExpressions(paragraph.text);
    if (expressions.length === 0) continue;
    const sentences = sentencesOf(paragraph.text);
    const quotes = quotedRanges(paragraph.text);
    for (const expression of expressions) {
      const sentence = sentences.find((s) => expression.start >= s.start && expression.start < s.end);
      const text = sentence?.text ?? paragraph.text;
      const offset = expression.start - (sentence?.start ?? 0);
      if (FURNITURE.test(text)) continue;
      // "today" inside a quotation is the speaker's today, not the article's.
      if (isRelative(expression.meaning) && quotes.some(([from, to]) => expression.start >= from && expression.end <= to)) continue;
      const resolved = resolve(expression.meaning, published);
      if (!resolved) continue;
      events.push({
        date: formatDate(resolved.date),
        precision: resolved.date.precision,
        ...(resolved.end ? { end: formatDate(resolved.end) } : {}),
        approximate: resolved.approximate,
        label: expression.label,
        text: trimmed(text, offset),
        sources: [sourceOf(article, paragraph)],
      });
    }
  }
  return events;
}

/**
 * The sentence from where what happened starts, verbatim: without a dateline ("ISLAMABAD - ")
 * or a leading connective ("Meanwhile, "), when what follows starts a sentence by itself and
 * the time expression (at `offset`) is not in the part dropped.
 */
export function trimmed(sentence: string, offset: number): string {
  let start = 0;
  const dateline = /^[A-Z][A-Z .'-]{2,30}\s*[-–—:]\s+(?=\S)/.exec(sentence);
  if (dateline && !/[a-z]/.test(dateline[0])) start = dateline[0].length;
  const connective = CONNECTIVE.exec(sentence.slice(start));
  if (connective) start += connective[0].length;
  return start <= offset ? sentence.slice(start) : sentence;
}

const CONNECTIVE = /^(?:Meanwhile|However|Moreover|Separately|Still|Also|Besides|But|And|So|Yet),?\s+(?=[A-Z])/;

/** Character ranges inside quotation marks (curly pairs, or straight quotes taken in pairs). */
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
