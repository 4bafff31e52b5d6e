/**
 * Finding quotations in a paragraph: text between straight or curly double
 * quotes, kept verbatim, with the sentence(s) around it as context.
 */
import { sentencesOf } from '../nlp/index.js';
import type { Sentence } from '../nlp/index.js';

/** A quoted passage found in a paragraph, with offsets into the paragraph text. */
export interface QuoteSpan {
  /** Offset of the opening quote mark. */
  open: number;
  /** Offset just after the closing quote mark (or the paragraph end when unclosed). */
  close: number;
  /** The quoted words, verbatim, without quote marks or trailing comma. */
  text: string;
  /** Offset where `text` starts in the paragraph. */
  textStart: number;
}

/** A stretch of a paragraph treated as one sentence: quotation marks never split one. */
export interface Scope {
  start: number;
  end: number;
}

const OPENERS = new Set(['"', '“', '„']);
const CLOSERS = new Set(['"', '”']);
const DOUBLED_OPENERS = new Set(['‘‘', '``']);
const DOUBLED_CLOSERS = new Set(['’’', "''"]);

/**
 * Quotations in `text`, in order. A curly opening mark only opens and a curly
 * closing mark only closes; a straight mark does whichever is due. A quotation
 * left open at the end of a paragraph runs to its end (the convention for a
 * quotation continued in the next paragraph).
 */
export function findQuotes(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  let openWidth = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    // Wire copy writes a double mark as two single ones (`“…,’’ he said`, ``` ``…'' ```).
    const pair = text.slice(i, i + 2);
    if (open < 0 && DOUBLED_OPENERS.has(pair)) {
      open = i;
      openWidth = 2;
      i++;
      continue;
    }
    if (open >= 0 && DOUBLED_CLOSERS.has(pair)) {
      pushSpan(spans, text, open, i + 2, i, openWidth);
      open = -1;
      i++;
      continue;
    }
    if (open < 0) {
      openWidth = 1;
      if (OPENERS.has(ch)) open = i;
      else continue;
    } else if (ch === '"' && /[.?!]\s$/u.test(text.slice(Math.max(0, i - 2), i)) && /[\p{L}\p{N}]/u.test(text[i + 1] ?? '')) {
      // `…be funny. "But it is serious…`: a paragraph of a quotation run into the next without its break,
      // the opening mark of the next paragraph and no closing one. The quotation goes on from here.
      pushSpan(spans, text, open, i, i, openWidth);
      open = i;
      openWidth = 1;
    } else if (CLOSERS.has(ch)) {
      pushSpan(spans, text, open, i + 1, i, openWidth);
      open = -1;
    } else if (ch === '“') {
      // A second opening mark before a close: the first was stray.
      open = i;
      openWidth = 1;
    }
  }
  if (open >= 0) pushSpan(spans, text, open, text.length, text.length, openWidth);
  return spans;
}

function pushSpan(spans: QuoteSpan[], text: string, open: number, close: number, innerEnd: number, openWidth: number): void {
  let start = open + openWidth;
  let end = innerEnd;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /[\s,]/.test(text[end - 1] ?? '')) end--;
  if (end <= start) return;
  spans.push({ open, close, text: text.slice(start, end), textStart: start });
}

/**
 * The paragraph cut into sentences by wink-nlp, with any sentence break that
 * falls inside a quotation removed, so a quoted passage of several sentences
 * stays in one scope.
 */
export function scopesOf(text: string, quotes: QuoteSpan[], found: Sentence[] = sentencesOf(text)): Scope[] {
  const sentences = found.filter((s) => text.slice(s.start, s.end) === s.text);
  const breaks: number[] = [];
  for (const s of sentences.slice(1)) breaks.push(s.start);
  // wink-nlp misses a break after a closing quote mark followed by a full stop.
  for (const m of text.matchAll(/[”"]\.\s+(?=[“"]?\p{Lu})/gu)) breaks.push((m.index ?? 0) + m[0].length);
  const inside = (offset: number): boolean => quotes.some((q) => offset > q.open && offset < q.close);
  // `…20%?” he asked.`: a lower-case word after a closing mark goes on with the sentence the quotation is part of.
  const carriesOn = (offset: number): boolean => /[”"]\s*$/u.test(text.slice(0, offset)) && /^\s*\p{Ll}/u.test(text.slice(offset));
  const cuts = [...new Set(breaks)].filter((b) => b > 0 && b < text.length && !inside(b) && !carriesOn(b)).sort((a, b) => a - b);
  const scopes: Scope[] = [];
  let start = 0;
  for (const cut of [...cuts, text.length]) {
    let end = cut;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    if (end > start) scopes.push({ start, end });
    start = cut;
  }
  return scopes;
}

/** The scope holding `offset`, or the last one. */
export function scopeAt(scopes: Scope[], offset: number): Scope {
  return scopes.find((s) => offset >= s.start && offset < s.end) ?? scopes[scopes.length - 1] ?? { start: 0, end: 0 };
}
