/**
 * A paragraph of an index restored from the cache, its sentences' term sets
 * made when first read. Restoring made them all at once, a few Sets per
 * paragraph: 0.3 s of a 10k start, seconds at 100k, while a question reads
 * those of a few hundred paragraphs.
 */
import type { Attribution, Paragraph } from '../corpus/types.js';
import type { IndexedParagraph } from './concepts.js';

/** One saved sentence: `[start, end, positions of its terms in the saved term list]`. */
export type SavedSentence = [number, number, number[]];

export class SavedParagraph implements IndexedParagraph {
  private ownSentences: IndexedParagraph['sentences'] | null = null;
  private ownTerms: Set<string> | null = null;

  constructor(
    readonly paragraph: Paragraph,
    readonly attribution: Attribution,
    private readonly saved: SavedSentence[],
    /** Each sentence's answer types, aligned with `saved`. */
    private readonly answers: number[] | undefined,
    /** The saved term list `saved` points into (shared by every paragraph). */
    private readonly termList: string[],
  ) {}

  get sentences(): IndexedParagraph['sentences'] {
    return (this.ownSentences ??= this.saved.map(([start, end, positions], i) => ({
      start,
      end,
      terms: new Set(positions.map((t) => this.termAt(t))),
      answers: this.answers?.[i] ?? 0,
    })));
  }

  /** Adds every term of the paragraph to `out`, from the saved positions when its sets are not made yet (an article's terms read its paragraphs once, most never again). */
  addTermsTo(out: Set<string>): void {
    if (this.ownTerms) {
      for (const t of this.ownTerms) out.add(t);
      return;
    }
    for (const [, , positions] of this.saved) for (const t of positions) out.add(this.termAt(t));
  }

  /**
   * Every term of the paragraph, in the order its sentences give them. Read from the saved positions,
   * not through `sentences`: an article's term counts read the terms of all its paragraphs, whose
   * sentence sets a question mostly never asks for.
   */
  get terms(): Set<string> {
    if (!this.ownTerms) {
      const terms = new Set<string>();
      this.addTermsTo(terms);
      this.ownTerms = terms;
    }
    return this.ownTerms;
  }

  private termAt(position: number): string {
    return this.termList[position] ?? '';
  }
}
