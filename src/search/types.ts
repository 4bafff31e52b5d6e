/**
 * The search module's shapes: what `/ask` answers (quoted passages with their
 * attribution), and the index's documents and saved form.
 */
import type { PackedMiniSearch } from './packed-index.js';
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

/** What `/ask` gets back: the passages, and what was made of the question. */
export interface SearchAnswer {
  answers: Passage[];
  /** The question as searched when misspelt words were corrected ("Showing results for …"). */
  correctedQuery?: string;
  /** Why there is nothing to search for, in one line, when the question has no content words. */
  hint?: string;
}

/** Membership in a set of paragraphs, decided when asked. */
export interface ParagraphFilter {
  has(paragraphId: string): boolean;
}

export interface ScoredParagraph {
  id: string;
  score: number;
  coverage: number;
}

/** A paragraph as MiniSearch holds it: lemma terms of the paragraph, its article's title and its section. */
export interface Document {
  id: string;
  body: string;
  title: string;
  section: string;
}

/** One sentence as the index holds it: `[start, end, terms, answer types]` (`ANSWER_BIT`). */
export type IndexedSentence = [number, number, string[], number];

/** An article as `SearchIndex.indexArticle` read it: what another index adds with `addIndexed`, with no NLP. */
export interface IndexedArticle {
  /** The title's terms, as MiniSearch's title field holds them. */
  title: string;
  /** Per paragraph, in order: its sentences and its section's terms. */
  paragraphs: { sentences: IndexedSentence[]; section: string }[];
}

/**
 * A built index as plain data, to persist and restore without re-running NLP
 * (`toJSON` / `SearchIndex.fromJSON`). Terms are stored once, in `terms`, and
 * referred to by their position.
 */
export interface SearchIndexJSON {
  /** MiniSearch's serialisation, its postings packed (`packed-index.ts`). */
  mini: PackedMiniSearch;
  /** Every term, in the order the index first met it. */
  terms: string[];
  /** Paragraphs holding each term, aligned with `terms`. */
  df: number[];
  /** Per paragraph id, its sentences as `[start, end, term positions]`. */
  sentences: [string, [number, number, number[]][]][];
  /** The answer types (`ANSWER_BIT`) of each sentence, aligned with `sentences`. */
  answers: number[][];
  /** The corpus's words as written, with the number of paragraphs using each (for spelling correction). */
  words: [string, number][];
}
