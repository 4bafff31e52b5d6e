/**
 * What `/ask` says when nothing in the articles answers: the refusal, and a
 * pointer to what would — `/timeline` for a question about a period,
 * `/quote` for "what did X say" about someone the articles quote — only
 * when that command does find something. One place, so Discord, the
 * terminal and the CLI say the same words.
 */
import type { Engine } from '../engine/engine.js';
import { correctSpelling, type Vocabulary } from '../search/spelling.js';
import { ASK_QUESTION_MAX } from './input.js';
import type { AskResult } from '../search/types.js';

export const ASK_MESSAGES = {
  nothing: (question: string) => `Nothing in the articles about “${question}”.`,
  didYouMean: (question: string) => `Did you mean “${question}”?`,
  /** Above answers found for the question with its misspelt words corrected. */
  showingResultsFor: (corrected: string) => `Showing results for “${corrected}”.`,
  timeline: (from: number, to: number) =>
    `For what happened in ${from === to ? from : `${from}–${to}`}, try /timeline from:${from} to:${to}.`,
  quote: (speaker: string, about?: string) =>
    about ? `For what ${speaker} said about ${about}, try /quote ${speaker} about:${about}.` : `For what ${speaker} said, try /quote ${speaker}.`,
} as const;

/** Years a question names, 1900–2100. */
const YEAR = /\b(19\d\d|20\d\d|2100)\b/g;
/** "what did X say", "what has X said", "what does X think about …": X. */
const WHAT_DID_X_SAY =
  /^\W*what\s+(?:did|does|do|has|have|had|was|is)\s+(.+?)\s+(?:say|said|says|saying|tell|told|think|thought|claim|claimed|argue|argued|comment|commented|mean|meant|write|wrote|announce|announced)\b(?:.*?\babout\s+(.+?))?\W*$/i;

/** The engine's parts advice reads: the commands it points to, to check they answer, and the articles' words. */
export type AdviceEngine = Pick<Engine, 'ask' | 'quote' | 'timeline' | 'build'>;

/** The longest question advised on: `/ask`'s own limit (a longer one reaches here only by the CLI or a forged request). */
export const ADVISED_QUESTION = ASK_QUESTION_MAX;

/** Words this short are never respelt in a suggestion; from this length on, two edits are allowed. */
const SUGGEST_FROM = 5;

/**
 * The question with each word the articles never use replaced by the
 * nearest one they do, up to two edits — further than `/ask`'s own
 * correction goes, so it is offered, not applied; null when nothing changed.
 */
export function respelt(question: string, vocabulary: Vocabulary): string | null {
  return correctSpelling(question, vocabulary, () => false, { minLength: SUGGEST_FROM, maxEdits: 2 });
}

/**
 * What to say beside "nothing in the articles", undefined when nothing fits:
 * "did you mean" with a respelt question that does find passages; `/quote X`
 * for "what did X say" when X is quoted (on that subject); `/timeline` for a
 * question naming years the timeline has events in.
 */
export function askAdvice(engine: AdviceEngine, question: string): string | undefined {
  if (question.length > ADVISED_QUESTION) return undefined;
  const suggestion = respelt(question, engine.build.search.words);
  if (suggestion && engine.ask(suggestion, 1).answers.length > 0) return ASK_MESSAGES.didYouMean(suggestion);
  const [, speaker, about] = WHAT_DID_X_SAY.exec(question) ?? [];
  if (speaker) {
    const found = engine.quote(speaker, about, 1);
    if (found.speaker && found.quotes.length > 0) return ASK_MESSAGES.quote(found.speaker, about);
  }
  const years = [...question.matchAll(YEAR)].map((m) => Number(m[1]));
  if (years.length === 0) return undefined;
  const [from, to] = [Math.min(...years), Math.max(...years)];
  return engine.timeline({ from, to }).events.length > 0 ? ASK_MESSAGES.timeline(from, to) : undefined;
}

/** The whole refusal: that nothing answers, and how to ask instead when there is a way. */
export function nothingFoundMessage(result: Pick<AskResult, 'query' | 'hint'>): string {
  return [ASK_MESSAGES.nothing(result.query), result.hint].filter(Boolean).join(' ');
}
