/**
 * Stage 2: one paragraph read once. Its quotations, its sentences (never split
 * inside a quotation), and the clues outside the quotation marks: speech cues
 * with their subjects and every capitalised name.
 */
import { analyse as analyseText } from '../nlp/index.js';
import { memoise } from '../nlp/memo.js';
import { findCues } from './cues.js';
import { findNames } from './name-runs.js';
import { findQuotes, scopesOf } from './extract.js';
import type { QuoteSpan, Scope } from './extract.js';
import type { ParagraphClues } from './people.js';
import { tokenize } from './phrases.js';
import { quotedTerms } from './terms.js';

export interface Analysis extends ParagraphClues {
  text: string;
  quotes: QuoteSpan[];
  scopes: Scope[];
  /** For each quotation: a quoted term (`the "interim" council`), never given a speaker. */
  terms: boolean[];
}

export function analyseParagraph(text: string): Analysis {
  const quotes = findQuotes(text);
  // One wink-nlp pass gives both the sentences and the tokens.
  const sentences = analyseText(text);
  const toks = tokenize(text, quotes, sentences.flatMap((s) => s.tokens));
  return { text, quotes, scopes: scopesOf(text, quotes, sentences), cues: findCues(toks), names: findNames(toks), terms: quotedTerms(text, quotes, toks) };
}

/** `analyseParagraph` for quote book builds, remembered across reloads by text (see `nlp/memo.ts`); read-only. */
export const analyseForBuild = memoise(analyseParagraph, (text: string) => text);
