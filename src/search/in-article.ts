/**
 * A question's words weighed within one article: the names a story is about are in most of its
 * paragraphs and tell none of them apart, while the word asked about (`hotelier`, `thrives`) is in the
 * few that answer. `/ask` ranks with it (`SearchTuning.mix.inArticle`); refusal never reads it.
 */
import { cover } from './concepts.js';
import type { Concept, IndexedParagraph } from './concepts.js';

/** What the weighing reads of the index. */
interface ArticleReader {
  /** An article's paragraphs. */
  paragraphsOf(articleId: string): readonly IndexedParagraph[];
  /** How many of an article's paragraphs hold each of its terms. */
  termCountsOf(articleId: string): ReadonlyMap<string, number>;
}

/** One question's words weighed in each article asked about, and each paragraph's best sentence so weighed. */
export class WeighedInArticle {
  private readonly byArticle = new Map<string, { concepts: Concept[]; total: number }>();
  private readonly bestOf = new Map<IndexedParagraph, number>();

  constructor(
    private readonly concepts: readonly Concept[],
    private readonly articles: ArticleReader,
  ) {}

  /** The best sentence's share of the question, each word weighed by its IDF times its rarity among the article's paragraphs. */
  best(entry: IndexedParagraph): number {
    let best = this.bestOf.get(entry);
    if (best === undefined) {
      const { concepts, total } = this.weighed(entry.paragraph.articleId);
      best = 0;
      if (total > 0) for (const s of entry.sentences) best = Math.max(best, cover(concepts, s.terms) / total);
      this.bestOf.set(entry, best);
    }
    return best;
  }

  private weighed(articleId: string): { concepts: Concept[]; total: number } {
    let weighed = this.byArticle.get(articleId);
    if (!weighed) {
      const own = this.articles.paragraphsOf(articleId);
      const counts = this.articles.termCountsOf(articleId);
      // BM25's IDF over the article's paragraphs, as a share of a word none of them holds.
      const idfIn = (holders: number): number => Math.log(1 + (own.length - holders + 0.5) / (holders + 0.5));
      const rarest = idfIn(0);
      const concepts = this.concepts.map((c) => {
        // The paragraphs holding any of its forms (one holding two counts twice: counting them exactly cost a fifth more per question at 10k, for the same dev figures).
        let holders = 0;
        for (const v of c.variants.keys()) holders += counts.get(v) ?? 0;
        holders = Math.min(holders, own.length);
        return { ...c, weight: c.weight * (rarest > 0 ? idfIn(holders) / rarest : 1) };
      });
      weighed = { concepts, total: concepts.reduce((sum, c) => sum + c.weight, 0) };
      this.byArticle.set(articleId, weighed);
    }
    return weighed;
  }
}
