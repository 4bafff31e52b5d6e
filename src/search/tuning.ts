/**
 * Every knob of `/ask` retrieval, with its default and, where it was measured,
 * why it has that value (chosen on the evaluation's dev halves, `npm run eval -- ask --half dev`).
 */
import type { AnswerType } from './question.js';

export interface SearchTuning {
  /** Passages returned. Default: 3. */
  limit: number;
  /**
   * Share of the question's weight (IDF of its content words) a passage must
   * cover to be quoted at all. Below it the answer is "nothing". Default: 0.3 (dev halves: 0.28 answered an
   * unanswerable seed question, 0.33 refused paraphrases).
   */
  threshold: number;
  /**
   * Pseudo-relevance feedback for paraphrases: the `terms` rarest words shared by the first
   * `passages` answers are searched too, at `boost`, and add `weight` × their coverage to the score
   * (never to the coverage that decides refusal). `terms: 0` turns it off.
   */
  feedback: { passages: number; terms: number; boost: number; weight: number };
  /**
   * Places left empty after the passages above the threshold, once a question is answered at all, are
   * taken by runners-up covering at least `minCoverage` of the question (paraphrased answers fall
   * below the threshold, and plain MiniSearch shows them). Refusal is still decided by the threshold alone.
   * Default: on, 0.2 (dev halves: 0–0.2 won the same paraphrases, 0.25 none; below 0.2 furniture entered the top 5).
   */
  fill: { enabled: boolean; minCoverage: number };
  /**
   * Share of its weight a name of the question counts in a paragraph that leaves it to the rest of its
   * article (`The election, set for Sunday` in a story whose lead names the region): news paragraphs
   * speak of what the lead named as "the election", "the sides", "he".
   * Default: 0.5 (dev halves: 0.25–0.5 lost nothing, 0.5 won most — bbc-politics recall@3, MRR and paraphrases
   * on pages-fresh and wire-ap-nyt-1998; 0.75 and 1 answered an unanswerable seed question).
   */
  contextNames: number;
  /** Share of words two passages must share to count as one text told twice (only the better is quoted); 1 turns it off. Default: 0.9. */
  repeatOverlap: number;
  /** MiniSearch results re-scored by sentence. Default: 40. */
  candidates: number;
  /** Boost for a moderator synonym, a WordNet synonym or derivation, a fuzzy spelling. */
  synonymBoost: number;
  wordnetBoost: number;
  /** Boost for a word of a more general WordNet synset (`chief` → `leader`). Default: 0.4. */
  broaderBoost: number;
  fuzzyBoost: number;
  /** Field boosts; `title` is the article's title, `section` its heading above the paragraph. */
  fieldBoost: { body: number; title: number; section: number };
  /**
   * How the final score mixes MiniSearch's BM25 (relative to the best), the paragraph's and its best sentence's coverage,
   * and `inArticle`: the best sentence's coverage with each word weighed by its rarity among its own article's
   * paragraphs (the names a story is about are in most of them; the word asked about, in the few that answer).
   * Ranking only: refusal never reads it. Default `inArticle`: 0.05 (dev halves: 0.05–0.15 alike in recall@3 —
   * pages-fresh 0.919 → 0.946 — and raised MRR on bbc-politics, copied-news-pages and wire-ap-nyt-1998; 0.05 the
   * only one lowering no figure, 0.1–0.2 cost pages-fresh 0.003 MRR, 0.4 lost a copied-news-pages paraphrase).
   */
  mix: { bm25: number; coverage: number; sentence: number; inArticle: number };
  /**
   * An expansion (never a word of the question) in more than this share of
   * paragraphs is not searched for; at least 50 paragraphs are always allowed. Default: 0.05.
   */
  maxExpansionShare: number;
  /** Score factor for the first paragraph of an article (the lead). Default: 1.15. */
  leadBoost: number;
  /** Score factor for a passage holding the kind of answer the question asks for (an amount, a date, a person). Default: 1.15. */
  answerTypeBoost: number;
  /**
   * Boost for a corpus word sharing its first letters with a word the corpus never uses
   * (`Senate` for `Senator`), so a title or noun worded differently is met, not taken for an unknown name.
   */
  relatedFormBoost: number;
  /** Weight, relative to its IDF, of a title the corpus never uses before a name (`Governor` in `Governor Smith`). Default: 0.5. */
  titleWeight: number;
  /**
   * Answer types a passage must hold, in a sentence meeting the question, to answer a question
   * asking for that type ("how many …" needs a number, "when …" a date, "when will …" a date in a sentence about
   * the future, "who …" a person, "how long …" a duration).
   * Default: all of them (dev halves: dates and persons raised MRR on two corpora, lost nothing; future dates refused
   * two more copied-news-pages questions, lost nothing).
   */
  requiredAnswerTypes: AnswerType[];
  /**
   * Share of the question's weight the sentence holding a required answer must itself cover, so that
   * "how much did X raise in its New York IPO" is not answered by a sum said of something else in
   * the story. Default: 0.4 (dev halves: 0.3–0.4 best summed over corpora; 0.5 lost answers).
   */
  answerCoverage: number;
  /**
   * `answerCoverage` for "who …": the sentence naming the person often words the rest of the question
   * differently ("apologised" for "said sorry"). Default: 0.3 (dev halves: 0.3 won a wire-ap-nyt-1998
   * answer and lost nothing; 0.2 and below lost a copied-news-pages answer).
   */
  personCoverage: number;
  /**
   * Weight factor for a common word of the question that no paragraph meets in any form (`punishment`
   * when the text says `punishable`): a paraphrase's word, which counted in full left paraphrased
   * questions under the threshold. Names keep their weight: an absent name means the answer is absent.
   * Default: 0.25 (dev halves: 0–0.25 alike, better than 0.5 and 1).
   */
  unmetWeight: number;
  /**
   * Share of the weight of Y in "what did X say about Y" that a paragraph where X speaks must cover: X's
   * words on something else do not answer. Default: 0.35 (dev halves: 0.2–0.4 refused one more
   * copied-news-pages question and lost nothing; 0.5 refused two more and lost a bbc-politics answer).
   */
  topicCoverage: number;
  /** Whether a passage must mention every name the question asks about. Default: false (measured: it refuses more answerable questions than unanswerable ones). */
  requireNames: boolean;
}

export const DEFAULT_TUNING: SearchTuning = {
  limit: 3,
  threshold: 0.3,
  repeatOverlap: 0.9,
  fill: { enabled: true, minCoverage: 0.2 },
  contextNames: 0.5,
  feedback: { passages: 5, terms: 12, boost: 0.3, weight: 0.1 },
  candidates: 40,
  synonymBoost: 0.9,
  wordnetBoost: 0.6,
  broaderBoost: 0.4,
  fuzzyBoost: 0.6,
  fieldBoost: { body: 1, title: 0.35, section: 0.5 },
  mix: { bm25: 0.1, coverage: 0.3, sentence: 0.6, inArticle: 0.05 },
  maxExpansionShare: 0.05,
  leadBoost: 1.15,
  answerTypeBoost: 1.15,
  relatedFormBoost: 0.7,
  titleWeight: 0.5,
  requiredAnswerTypes: ['amount', 'date', 'person', 'duration', 'future'],
  requireNames: false,
  answerCoverage: 0.4,
  personCoverage: 0.3,
  unmetWeight: 0.25,
  topicCoverage: 0.35,
};
