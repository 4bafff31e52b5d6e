/**
 * A question's words weighed within one article: the names a story is about are in most of its
 * paragraphs and tell none of them apart, while the word asked about (`hotelier`, `thrives`) is in the
 * few that answer. `/ask` ranks with it (`SearchTuning.mix.inArticle`); refusal never reads it.
 */
import { cover, coverOf } from './concepts.js';
import type { Concept, IndexedParagraph } from './concepts.js';

export class WeighedInArticle {
  /** The concepts reweighed for each article asked about so far (one question's). */
  private readonly byArticle = new Map<string, Concept[]>();

  constructor(
    private readonly concepts: readonly Concept[],
    private readonly paragraphsOf: (articleId: string) => readonly IndexedParagraph[],
  ) {}

  /** The best sentence's share of the question, each word weighed by its IDF times its rarity among the article's paragraphs. */
  best(entry: IndexedParagraph): number {
    const weighed = this.weighed(entry.paragraph.articleId);
    const total = weighed.reduce((sum, c) => sum + c.weight, 0);
    if (total <= 0) return 0;
    return Math.max(0, ...entry.sentences.map((s) => cover(weighed, s.terms) / total));
  }

  private weighed(articleId: string): Concept[] {
    let weighed = this.byArticle.get(articleId);
    if (!weighed) {
      const own = this.paragraphsOf(articleId);
      // BM25's IDF over the article's paragraphs, as a share of a word none of them holds.
      const idfIn = (holders: number): number => Math.log(1 + (own.length - holders + 0.5) / (holders + 0.5));
      const rarest = idfIn(0);
      weighed = this.concepts.map((c) => {
        const holders = own.filter((p) => coverOf(c, p.terms) > 0).length;
        return { ...c, weight: c.weight * (rarest > 0 ? idfIn(holders) / rarest : 1) };
      });
      this.byArticle.set(articleId, weighed);
    }
    return weighed;
  }
}
