/**
 * When a paragraph's own words cover a question enough to answer it, and the `about:` filter that
 * quotes and timeline read, built on the same test.
 */
import type MiniSearch from 'minisearch';
import { cover, coverOf } from './concepts.js';
import type { Concept, IndexedParagraph } from './concepts.js';
import { holdersOf } from './postings.js';
import type { SearchTuning } from './tuning.js';
import type { Document, ParagraphFilter } from './types.js';

/** What the test reads of the tuning. */
type CoverTuning = Pick<SearchTuning, 'threshold' | 'requireNames'>;

/**
 * The share of the question's weight a paragraph's own words cover (`met` of `total`) when it is
 * enough to answer (threshold, names); null otherwise. Title words do not count: they would make every
 * paragraph of the article pass.
 */
export function answeringCover(entry: IndexedParagraph, concepts: readonly Concept[], total: number, met: number, tuning: CoverTuning): number | null {
  if (met / total < tuning.threshold) return null;
  if (tuning.requireNames && concepts.some((c) => c.name && coverOf(c, entry.terms) === 0)) return null;
  return met / total;
}

/**
 * Which paragraphs are about `concepts` (for `about:` filters on quotes and timeline): those whose own
 * words cover them as a ranked answer's must (its own words alone: no name is left to the rest of
 * its article, `contextNames`, which no evaluation of the filters has measured), asked paragraph by paragraph, so a filter costs
 * the quotes or events it is asked about, not every paragraph the words match. Unlike `/ask`, a
 * passage repeating a better-scored one still counts: the quote book and the timeline already
 * merge repeated reports, and a quote must not be dropped because its wire twin elsewhere scored higher.
 */
export function paragraphsAbout(
  concepts: readonly Concept[],
  mini: MiniSearch<Document>,
  paragraphs: ReadonlyMap<string, IndexedParagraph>,
  tuning: CoverTuning,
): ParagraphFilter {
  if (concepts.length === 0 || concepts.some((c) => c.unknownName)) return { has: () => false };
  const total = concepts.reduce((sum, c) => sum + c.weight, 0);
  // Most paragraphs asked about hold none of the words: a set look-up turns them away.
  const holders = holdersOf(mini, concepts.flatMap((c) => [...c.variants.keys()]), 'body');
  return {
    has: (id) => {
      if (holders && !holders.has(id)) return false;
      const entry = paragraphs.get(id);
      // A paragraph of an article whose title alone holds the words is not about them.
      return entry !== undefined && (answeringCover(entry, concepts, total, cover(concepts, entry.terms), tuning) ?? 0) > 0;
    },
  };
}
