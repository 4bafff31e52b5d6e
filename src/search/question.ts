/**
 * What a question's wording says beyond its content words: whether it has
 * any content at all, and what kind of answer it wants.
 */
import type { Token } from '../nlp/index.js';

/** The kind of thing a question asks for; a passage holding one is preferred. A `future` answer is a date still to come. */
export type AnswerType = 'amount' | 'date' | 'person' | 'duration' | 'future';

/** Mask bit of a sentence that speaks of what is to come (`will`, `is due to`, `next week`). */
const FUTURE_BIT = 16;

/** Bits of each answer type in a sentence's mask; a sentence holds the type when it has all of them. */
export const ANSWER_BIT: Record<AnswerType, number> = { amount: 1, date: 2, person: 4, duration: 8, future: 2 | FUTURE_BIT };

/** Words that put a sentence in the future: modals and plans. */
const FUTURE_WORDS = new Set([
  'will', 'would', 'shall', "'ll", '’ll', 'due', 'expected', 'scheduled', 'upcoming', 'next', 'later', 'soon', 'plan', 'plans', 'planned',
  'intend', 'intends', 'postponed',
]);

/** wink-nlp entity types that are each kind of answer. */
const ENTITY_BITS: Record<string, number> = {
  MONEY: ANSWER_BIT.amount,
  CARDINAL: ANSWER_BIT.amount,
  PERCENT: ANSWER_BIT.amount,
  DURATION: ANSWER_BIT.duration,
  DATE: ANSWER_BIT.date,
  TIME: ANSWER_BIT.date,
};

/** A sum with a currency letter or a magnitude that wink-nlp's patterns miss: `N500m`, `Rs5bn`, `12.9bn`. */
const MONEY_LIKE = /^(?:[A-Z]{1,3}|Rs\.?)?\d[\d,.]*(?:bn|m|k|tn|trn|mn)$|^(?:[A-Z]{1,2}|Rs\.?)\d[\d,.]*$/;

/** Words before a name that make it a person's (`Mr Khan`, `Senator Smith`). */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'lord', 'lady', 'dame', 'prof', 'professor', 'president', 'senator', 'minister', 'general', 'colonel', 'judge']);

/**
 * The answer types a sentence holds: amounts and dates from wink-nlp's
 * entities, a person from a name of two or more words, a title before a name
 * or a name followed by `, who`; and whether it speaks of the future.
 */
export function answerMask(entityTypes: readonly string[], tokens: readonly Token[]): number {
  let mask = 0;
  for (const type of entityTypes) mask |= ENTITY_BITS[type] ?? 0;
  if (tokens.some((t) => MONEY_LIKE.test(t.value))) mask |= ANSWER_BIT.amount;
  if (tokens.some((t) => FUTURE_WORDS.has(t.value.toLowerCase()))) mask |= FUTURE_BIT;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [a, b] = [tokens[i], tokens[i + 1]];
    // `Okonkwo, who taught …`: a name that a relative `who` refers to is a person's, even a one-word name.
    if (a?.pos === 'PROPN' && /^\p{Lu}/u.test(a.value) && b?.value === ',' && tokens[i + 2]?.value.toLowerCase() === 'who') {
      mask |= ANSWER_BIT.person;
      break;
    }
    if (b?.pos !== 'PROPN' || !/^\p{Lu}/u.test(b.value)) continue;
    if ((a?.pos === 'PROPN' && /^\p{Lu}\p{Ll}/u.test(a.value)) || HONORIFICS.has(a?.value.toLowerCase().replace(/\.$/, '') ?? '')) {
      mask |= ANSWER_BIT.person;
      break;
    }
  }
  return mask;
}

/** The kind of answer the question's wording asks for, if it says. */
export function answerTypeOf(question: string): AnswerType | null {
  const q = question.toLowerCase();
  // Before amounts: "how many days" is answered by "as little as 18 days", not by a sum.
  if (/\bhow long\b(?! ago)|\bhow many (seconds|minutes|hours|days|weeks|months|years|decades)\b/.test(q)) return 'duration';
  if (/\bhow (much|many)\b|\bwhat (percentage|proportion|share|sum|amount|number|price)\b/.test(q)) return 'amount';
  // "What is the value of the coin?" asks for an amount as surely as "how much is the coin worth?".
  if (/\bwhat(?:'s|\s+(?:is|was|are|were))\s+(?:the\s+)?(?:value|cost|price|worth|fee)\s+of\b/.test(q)) return 'amount';
  // "When will the bridge reopen?" is answered by a sentence that speaks of the future, not by the date it shut.
  if (/^\W*when\s+(will|shall)\b/.test(q)) return 'future';
  if (/^\W*(when|since when)\b|\b(what|which) (year|date|month|day)\b|\bhow long ago\b/.test(q)) return 'date';
  // "Who is Gordon Sondland?" asks what a named person is (an envoy, a hotelier), not for a person.
  if (/^\W*[Ww]ho\s+(?:is|was|are|were)\s+\p{Lu}[\p{L}'’.-]*(\s+\p{Lu}[\p{L}'’.-]*)*\W*$/u.test(question)) return null;
  // "Who did the mayor blame?" asks for the object of a verb: a party of any kind (a TV crew, the council, voters),
  // which the person signal (a full name, a title before a name) cannot tell.
  if (/^\W*(who|whom)\s+(did|does|do)\s/.test(q)) return null;
  if (/^\W*(who|whom|whose)\b/.test(q)) return 'person';
  return null;
}

/**
 * Words that frame a question without saying what it is about: a question
 * made of these alone ("tell me more", "why?", "explain") has nothing to search for.
 */
const FRAME_WORDS = new Set([
  'tell', 'say', 'explain', 'describe', 'know', 'happen', 'mean', 'think', 'talk', 'show', 'give', 'list', 'find',
  'more', 'else', 'anything', 'something', 'everything', 'thing', 'stuff', 'detail', 'info', 'information',
  'question', 'answer', 'please', 'thanks', 'thank', 'okay', 'ok', 'yes', 'no', 'hi', 'hello', 'hey', 'really',
  'article', 'story', 'news', 'summary', 'summarise', 'summarize', 'elaborate', 'continue', 'again', 'further',
]);

/** True when none of the question's terms says what it is about. */
export function isContentless(terms: readonly string[]): boolean {
  return terms.every((t) => FRAME_WORDS.has(t));
}

/** The one-line hint given instead of answers to a question with no content words. */
export const CONTENTLESS_HINT =
  'Ask about something the articles cover: name a person, a place, an organisation or an event, e.g. "what did the minister say about the border?"';
