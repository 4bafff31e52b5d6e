/**
 * What `/ask` answers: quoted passages with their attribution.
 */
import type { Attribution } from '../corpus/types.js';

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
