/**
 * Quoted terms: words in quotation marks that name or label something
 * (`the so-called "peace plan"`, `a fund known as "Bluebird"`) rather than
 * report what someone said. They stay in the book, unattributed:
 * whoever speaks in the sentence did not coin them, and guessing is how a
 * reader gets told a minister said "interim".
 */
import type { QuoteSpan } from './extract.js';

/** The longest quoted term, in words (`"Now Everyone Can Fly"`); a longer quotation is taken as speech. */
const MAX_TERM_WORDS = 4;

/** Words announcing a name or a label, not speech (`the so-called "…"`, `known as "…"`). */
const NAMING_BEFORE = /\b(?:so-called|known as|nicknamed|entitled|titled|named|hashtag)\s*$/iu;

/** For each quotation of a paragraph: is it a quoted term rather than speech? */
export function quotedTerms(text: string, quotes: QuoteSpan[]): boolean[] {
  return quotes.map((q) => isQuotedTerm(text, q));
}

function isQuotedTerm(text: string, q: QuoteSpan): boolean {
  const words = q.text.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0 || words.length > MAX_TERM_WORDS) return false;
  // A sentence's worth of words, or a clause break, is speech however short (`"No," she said`, `"We won."`).
  if (/[.!?,;:]/u.test(q.text)) return false;
  // Only words announcing a label mark a term for sure. A name or a qualifier in quotation marks without them
  // (`the "Abstentions Party"`, `a "faltering" campaign`) is, in political reporting, as often a speaker's own
  // coinage as the writer's label: those are left to the sentence's speaker, as the labelled corpora read them.
  return NAMING_BEFORE.test(text.slice(0, q.open));
}
