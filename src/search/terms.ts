/**
 * Turns text into the terms the index holds: lower-cased lemmas of content
 * words, so `bought` and `buys` both meet `buy`.
 */
import { analyse, analysis } from '../nlp/index.js';
import type { Token } from '../nlp/index.js';
import { memoise } from '../nlp/memo.js';
import { answerMask } from './question.js';

export interface SentenceTerms {
  start: number;
  end: number;
  terms: string[];
  /** The answer types the sentence holds (`ANSWER_BIT`). */
  answers: number;
}

const SKIP_POS = new Set(['PUNCT', 'SYM', 'SPACE', 'X']);
/** Abbreviations that collide with stop words once lower-cased (`US` is not `us`). */
const CASE_SENSITIVE: Record<string, string> = { US: 'usa', 'U.S.': 'usa', 'U.S': 'usa', USA: 'usa', UN: 'un', 'U.N.': 'un' };

/** The index term for a token, or null when the token carries no meaning for search. */
export function termOf(token: Token): string | null {
  // Own keys only: `toString` or `constructor` typed in a question must not find Object.prototype's.
  const special = Object.hasOwn(CASE_SENSITIVE, token.value) ? CASE_SENSITIVE[token.value] : undefined;
  if (special) return special;
  if (token.stop || SKIP_POS.has(token.pos)) return null;
  // Strip apostrophes and hyphens so `co-operation` meets `cooperation` and `Pakistan’s` meets `pakistan`.
  const term = token.lemma
    .replace(/['’]s$/, '')
    .replace(/['’\-–]/g, '')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    // An initialism meets its undotted spelling: `U.K.` is `uk`, `E.U.` is `eu`.
    .replace(/^(?:\p{L}\.)+\p{L}$/u, (initialism) => initialism.replace(/\./g, ''));
  if (term.length < 2 && !/\d/.test(term)) return null;
  return term;
}

/** Index terms of a text, sentence by sentence, with the sentences' offsets. */
export function sentenceTerms(text: string): SentenceTerms[] {
  const { sentences, tokens, entities } = analysis(text);
  // `One campaign video …`, `one user quipped`: "one" is an article there, not a count that answers "how many".
  const article = new Set(entities.filter((e) => e.type === 'CARDINAL' && e.first === e.last && /^one$/i.test(tokens[e.first]?.value ?? '')));
  let first = 0;
  return sentences.map((s) => {
    const last = first + s.tokens.length - 1;
    const types = new Set(entities.filter((e) => e.first >= first && e.first <= last && !article.has(e)).map((e) => e.type));
    first = last + 1;
    return {
      start: s.start,
      end: s.end,
      terms: s.tokens.map(termOf).filter((t): t is string => t !== null),
      answers: answerMask([...types], s.tokens),
    };
  });
}

/** Index terms of a text with their part of speech, in order (for questions). */
export function taggedTermsOf(text: string): { term: string; pos: string; next?: string }[] {
  return analyse(text).flatMap((s) =>
    s.tokens.flatMap((t, i) => {
      const term = termOf(t);
      const next = s.tokens[i + 1]?.pos;
      return term === null ? [] : [{ term, pos: t.pos, ...(next ? { next } : {}) }];
    }),
  );
}

/** `sentenceTerms` for index builds, remembered across reloads by text (see `nlp/memo.ts`); read-only. */
export const indexedSentenceTerms = memoise(sentenceTerms, (text: string) => text);

/** Index terms of a text, in order. */
export function termsOf(text: string): string[] {
  return sentenceTerms(text).flatMap((s) => s.terms);
}

/** `termsOf` for what the index holds, remembered across reloads. */
export function indexedTermsOf(text: string): string[] {
  return indexedSentenceTerms(text).flatMap((s) => s.terms);
}
