/**
 * The paragraph index: MiniSearch over lemma terms, with query expansion
 * (moderator synonyms, WordNet, fuzzy spelling), sentence scoring and a
 * relevance threshold that says "nothing" rather than quote a poor match.
 * How a question becomes weighted concepts, and how much of them a
 * paragraph covers, is concepts.ts; when that is enough to answer, and the
 * `about:` filter, about.ts.
 */
import { sharingTokenAnalyses } from '../nlp/index.js';
import type MiniSearch from 'minisearch';
import type { PackedMiniSearch } from './packed-index.js';
import type { Article } from '../corpus/types.js';
import type { Document, IndexedArticle, IndexedSentence, ParagraphFilter, Passage, ScoredParagraph, SearchAnswer, SearchIndexJSON } from './types.js';
import { ParagraphStore } from './store.js';
import { answeringCover, paragraphsAbout } from './about.js';
import { answerTypeOf, CONTENTLESS_HINT, isContentless } from './question.js';
import { cleanQuestion, ConceptReader, cover, coverOf, QuestionCover } from './concepts.js';
import type { Concept, CorpusTerms, IndexedParagraph, TermLookup } from './concepts.js';
import type { AnswerType } from './question.js';
import { FocusTest, focusOf } from './focus.js';
import type { FocusContext, QuestionFocus } from './focus.js';
import { correctSpelling, Vocabulary } from './spelling.js';
import { Synonyms } from './synonyms.js';
import { indexedSentenceTerms, indexedTermsOf } from './terms.js';
import { TwinFinder } from './repeats.js';
import { TopMatcher, topMatches } from './topk.js';
import { DEFAULT_TUNING } from './tuning.js';
import { WeighedInArticle } from './in-article.js';
import type { SearchTuning } from './tuning.js';
import { WordNet } from './wordnet.js';

export class SearchIndex {
  private readonly store: ParagraphStore;
  private readonly mini: MiniSearch<Document>;
  private readonly paragraphs: Map<string, IndexedParagraph>;
  private readonly df: Map<string, number>;
  private readonly reader: ConceptReader;
  /** What the focus test reads of the index around a paragraph (`FocusTest`); one for the index, not one per paragraph judged. */
  private readonly focusContext: FocusContext;
  /** The corpus's words as written (spelling correction; `/ask`'s "did you mean" reads it too). */
  readonly words: Vocabulary;
  readonly tuning: SearchTuning;

  constructor(
    private readonly synonyms: Synonyms,
    private readonly wordnet: WordNet,
    tuning: Partial<SearchTuning> = {},
    saved?: PackedMiniSearch,
    words?: [string, number][],
  ) {
    this.tuning = { ...DEFAULT_TUNING, ...tuning };
    const store = (this.store = new ParagraphStore(this.tuning.fieldBoost, saved, words));
    ({ mini: this.mini, paragraphs: this.paragraphs, df: this.df, words: this.words } = store);
    // The reader sees the index's terms as they grow (articles are added after it is made).
    const corpus: CorpusTerms = {
      df: store.df,
      get paragraphCount() {
        return store.paragraphs.size;
      },
      version: () => store.version,
      vocabulary: () => store.vocabulary(),
      inTitles: (term) => store.mini.search(term, { fields: ['title'] }).length > 0,
    };
    this.reader = new ConceptReader(corpus, synonyms, wordnet, this.tuning);
    this.focusContext = {
      articleTermsOf: (entry) => this.termsOfArticle(entry.paragraph.articleId),
      known: (term) => this.df.has(term),
      topicCoverage: this.tuning.topicCoverage,
      previous: ({ paragraph }, count) =>
        Array.from({ length: Math.min(count, paragraph.number - 1) }, (_, i) => this.paragraphs.get(`${paragraph.articleId}#${paragraph.number - 1 - i}`)).filter(
          (p): p is IndexedParagraph => p !== undefined,
        ),
    };
  }

  static build(articles: Article[], synonyms: Synonyms, wordnet: WordNet, tuning?: Partial<SearchTuning>): SearchIndex {
    const index = new SearchIndex(synonyms, wordnet, tuning);
    for (const article of articles) index.addArticle(article);
    return index;
  }

  get size(): number {
    return this.paragraphs.size;
  }

  /** The index as plain data (see `SearchIndexJSON`); `JSON.stringify` calls this. */
  toJSON(): SearchIndexJSON {
    return this.store.toJSON();
  }

  /**
   * Restores an index `toJSON` saved over the same articles, answering
   * exactly as the saved one did, with no NLP. Throws when the data and the
   * articles do not match.
   */
  static fromJSON(data: SearchIndexJSON, articles: Article[], synonyms: Synonyms, wordnet: WordNet, tuning?: Partial<SearchTuning>): SearchIndex {
    const index = new SearchIndex(synonyms, wordnet, tuning, data.mini, data.words);
    index.store.restore(data, articles);
    return index;
  }

  addArticle(article: Article): void {
    this.addIndexed(article, this.indexArticle(article));
  }

  /** An article read the way the index holds it (the NLP part of adding it), as plain data another index can take in. */
  indexArticle(article: Article): IndexedArticle {
    return {
      title: this.withPhrases(indexedTermsOf(article.title)).join(' '),
      paragraphs: article.paragraphs.map((paragraph) => ({
        sentences: indexedSentenceTerms(paragraph.text).map((s): IndexedSentence => [s.start, s.end, [...new Set(this.withPhrases(s.terms))], s.answers]),
        section: paragraph.section ? indexedTermsOf(paragraph.section).join(' ') : '',
      })),
    };
  }

  /** Takes in an article `indexArticle` read (here or in another thread), with no NLP. */
  addIndexed(article: Article, indexed: IndexedArticle): void {
    this.store.addIndexed(article, indexed);
  }

  /** See `ParagraphStore.documentsOf`: what `update` takes to remove an article; null for a restored index. */
  documentsOf(article: Article): Document[] | null {
    return this.store.documentsOf(article);
  }

  /** See `ParagraphStore.update`: the change applied in place, answering as a full build over `articles` would. */
  update(removed: Document[], added: [Article, IndexedArticle][], articles: Article[]): void {
    this.store.update(removed, added, articles);
  }

  /** The best passages for a question, or none when nothing covers enough of it. */
  ask(question: string, limit = this.tuning.limit): Passage[] {
    return this.answer(question, limit).answers;
  }

  /**
   * The best passages for a question after correcting its misspelt words, with
   * the corrected question; a hint instead when it has no content words.
   */
  answer(question: string, limit = this.tuning.limit): SearchAnswer {
    // One wink-nlp pass over the question (its tokens: no entities) serves the spelling check and, when nothing was respelt, the concepts and focus.
    const { corrected, searched, concepts, focus } = sharingTokenAnalyses(() => {
      const respelt = correctSpelling(cleanQuestion(question), this.words, (word, lemma) =>
        // The lemmatiser leaves some plurals alone (`Tories`): try the singular too.
        [word, lemma, word.replace(/ies$/, 'y'), word.replace(/e?s$/, '')].some((w) => this.df.has(w) || this.wordnet.knows(w)),
      );
      const searched = respelt ?? question;
      return { corrected: respelt, searched, concepts: this.concepts(searched), focus: focusOf(cleanQuestion(searched)) };
    });
    if (isContentless(concepts.map((c) => c.term))) return { answers: [], hint: CONTENTLESS_HINT };
    const type = answerTypeOf(searched);
    const shown = Math.max(0, limit);
    // The second ranking adds the feedback terms to the sums of the first instead of starting again.
    const matcher = new TopMatcher(this.mini, this.store.corpusRank);
    // Both rankings and the quoted sentences ask what the question covers of mostly the same paragraphs.
    const covered = new QuestionCover(concepts);
    const weighed = this.weighedInArticle(concepts);
    let hits: ScoredParagraph[];
    try {
      // The first ranking serves the feedback terms, or the answers when there are none.
      hits = this.ranked(concepts, this.tuning.candidates, type, null, Math.max(shown, this.tuning.feedback.passages), matcher, focus, false, covered, weighed);
      const feedback = this.feedbackConcept(hits, concepts);
      const { fill } = this.tuning;
      const places = fill.enabled && hits.length > 0 && hits.length < shown;
      if (feedback || places) hits = this.ranked(concepts, this.tuning.candidates, type, feedback, shown, matcher, focus, fill.enabled, covered, weighed);
    } finally {
      matcher.release();
    }
    const answers = hits.slice(0, shown).map((hit) => this.passage(hit, covered));
    return { answers, ...(corrected ? { correctedQuery: corrected } : {}) };
  }

  /** Which paragraphs are about `words`, for `about:` filters on quotes and timeline (see `paragraphsAbout`). */
  about(words: string): ParagraphFilter {
    return paragraphsAbout(this.concepts(words), this.mini, this.paragraphs, this.tuning);
  }

  /** Scored paragraphs above the threshold, best first; the first `keep` of them (all by default). */
  rank(
    concepts: Concept[],
    candidates = this.tuning.candidates,
    answerType: AnswerType | null = null,
    feedback: Concept | null = null,
    keep = Infinity,
    matcher?: TopMatcher<Document>,
    focus: QuestionFocus | null = null,
  ): ScoredParagraph[] {
    return this.ranked(concepts, candidates, answerType, feedback, keep, matcher, focus, false);
  }

  /**
   * `rank`, and with `fill` the places it leaves empty (when it found at least one answer) taken by
   * the best runners-up: paragraphs that cover less of the question than the threshold asks, or lack
   * the kind of answer asked for, but still meet part of it. The threshold decides whether the
   * question is answered at all; once it is, a paraphrased answer below it is worth showing after the ones above.
   * `covered` is the question's cover of paragraphs so far and `weighedInArticle` its words weighed in
   * each article, both shared by the rankings of one question.
   */
  private ranked(
    concepts: Concept[],
    candidates: number,
    answerType: AnswerType | null,
    feedback: Concept | null,
    keep: number,
    matcher: TopMatcher<Document> | undefined,
    focus: QuestionFocus | null,
    fill: boolean,
    covered = new QuestionCover(concepts),
    weighedInArticle = this.weighedInArticle(concepts),
  ): ScoredParagraph[] {
    if (concepts.length === 0 || concepts.some((c) => c.unknownName)) return [];
    const boosts = new Map<string, number>();
    for (const c of feedback ? [...concepts, feedback] : concepts) {
      for (const [t, b] of c.variants) boosts.set(t, Math.max(boosts.get(t) ?? 0, b));
    }
    // MiniSearch's own search({ combineWith: 'OR', queries }, { boostTerm }), best `candidates` only.
    const boostOf = (term: string): number => boosts.get(term) ?? 1;
    // A photo caption describes a picture beside the story, not the story: page furniture, never an answer, nor a candidate taking an answer's place.
    const caption = (id: string): boolean => this.paragraphs.get(id)?.paragraph.kind === 'caption';
    const results = matcher
      ? matcher.top([...boosts.keys()], boostOf, candidates, caption)
      : topMatches(this.mini, [...boosts.keys()], boostOf, candidates, this.store.corpusRank, caption);
    const top = results[0]?.score ?? 1;
    const total = concepts.reduce((sum, c) => sum + c.weight, 0);
    const focusTest = focus ? new FocusTest(concepts, focus, answerType, this.focusContext) : null;
    const scored: ScoredParagraph[] = [];
    const runnersUp: ScoredParagraph[] = [];
    for (const result of results) {
      const entry = this.paragraphs.get(result.id as string);
      if (!entry) continue;
      // An article that never speaks of what the question asks about answers nothing, not even a place below the answers.
      if (focusTest && !covered.once(entry, 'inFocus', () => focusTest.meets(entry))) continue;
      const inArticle = covered.once(entry, 'inArticle', () => this.coverInArticle(entry, covered, focus));
      const coverage = answeringCover(entry, concepts, total, inArticle, this.tuning);
      const typed =
        !answerType ||
        !this.tuning.requiredAnswerTypes.includes(answerType) ||
        covered.holds(entry, answerType, this.answerCoverage(answerType) * total);
      const passes = coverage !== null && typed;
      if (!passes && !(fill && this.canFill(entry, total, covered))) continue;
      const met = coverage ?? inArticle / total;
      const best = Math.max(...covered.sentences(entry).map((m) => m / total));
      const { mix } = this.tuning;
      let score = mix.bm25 * (result.score / top) + mix.coverage * met + mix.sentence * best;
      if (mix.inArticle > 0) score += mix.inArticle * weighedInArticle.best(entry);
      if (feedback) score += this.tuning.feedback.weight * (coverOf(feedback, entry.terms) / feedback.weight);
      if (entry.paragraph.number === 1) score *= this.tuning.leadBoost;
      if (answerType && covered.holds(entry, answerType)) score *= this.tuning.answerTypeBoost;
      (passes ? scored : runnersUp).push({ id: entry.paragraph.id, score, coverage: met });
    }
    const kept = this.withoutRepeats(scored.sort((a, b) => b.score - a.score), keep);
    if (kept.length === 0 || kept.length >= keep || runnersUp.length === 0) return kept;
    // Shown below the answers, never scored above them (scores stay in order for readers and merges).
    const floor = kept[kept.length - 1]?.score ?? 0;
    const below = runnersUp.sort((a, b) => b.score - a.score).map((r) => ({ ...r, score: Math.min(r.score, floor) }));
    return this.withoutRepeats([...kept, ...below], keep);
  }

  /** The question's words weighed in each candidate's article (`mix.inArticle`), made for one question: it keeps what it weighed. */
  private weighedInArticle(concepts: readonly Concept[]): WeighedInArticle {
    const { store } = this;
    return new WeighedInArticle(concepts, {
      paragraphsOf: (id) => store.paragraphsOfArticle(id),
      termCountsOf: (id) => store.termCountsOfArticle(id),
    });
  }

  /** Whether a paragraph below the threshold may fill an empty place after the answers (`ranked`). */
  private canFill(entry: IndexedParagraph, total: number, covered: QuestionCover): boolean {
    return covered.paragraph(entry) / total >= this.tuning.fill.minCoverage;
  }

  /**
   * `cover` of a paragraph read in its article: a name of the question the paragraph leaves to the
   * rest of its article (`The election, set for Sunday …` in a story whose lead names Krasnoyarsk)
   * counts `contextNames` of its weight.
   */
  private coverInArticle(entry: IndexedParagraph, covered: QuestionCover, focus: QuestionFocus | null): number {
    const { concepts } = covered;
    const own = covered.paragraph(entry);
    const factor = this.tuning.contextNames;
    if (factor <= 0) return own;
    // Whose words a quotation is, is the focus test's to say (`speaks`): an article naming the speaker
    // elsewhere does not make every quotation in it theirs.
    const speaker = new Set(focus?.speaker ?? []);
    const unmet = concepts.filter((c) => c.name && !speaker.has(c.term) && coverOf(c, entry.terms) === 0);
    if (unmet.length === 0) return own;
    return own + factor * cover(unmet, this.termsOfArticle(entry.paragraph.articleId));
  }

  /** What an article's paragraphs speak of anywhere: the terms its paragraph counts hold. */
  private termsOfArticle(articleId: string): TermLookup {
    return this.store.termCountsOfArticle(articleId);
  }

  /** Share of the question's weight the sentence holding an answer of `type` must cover. */
  private answerCoverage(type: AnswerType): number {
    return type === 'person' ? this.tuning.personCoverage : this.tuning.answerCoverage;
  }

  /**
   * One passage per text told twice: a summary above an article repeats its lead, wire copy
   * repeats across outlets. Of two passages sharing most of their words the better-scored place
   * is kept, holding the later paragraph of the same article (the body, not the summary) unless the
   * later one has fewer words (a fragment of the kept one, such as a subheading).
   * With `keep`, the first `keep` of what an unbounded pass would keep: a later hit can still
   * take the place of one of them, but the places after them are never filled or compared.
   */
  private withoutRepeats(sorted: ScoredParagraph[], keep = Infinity): ScoredParagraph[] {
    const { repeatOverlap } = this.tuning;
    if (repeatOverlap >= 1) return sorted.slice(0, keep);
    const kept: ScoredParagraph[] = [];
    const twins = new TwinFinder(repeatOverlap);
    for (const hit of sorted) {
      const terms = this.paragraphs.get(hit.id)?.terms ?? new Set<string>();
      const twin = twins.find(terms);
      if (twin < 0) {
        if (kept.length >= keep) continue;
        kept.push(hit);
        twins.add(terms);
        continue;
      }
      const other = this.paragraphs.get(kept[twin]?.id ?? '');
      const mine = this.paragraphs.get(hit.id)?.paragraph;
      // A later paragraph holding only part of the kept one's words (a subheading such as `What was the
      // inquiry about?`) is a fragment of it, not the body retelling a summary: it never takes its place.
      const fuller = (other?.terms.size ?? 0) <= terms.size;
      if (other && mine && fuller && other.paragraph.articleId === mine.articleId && mine.number > other.paragraph.number) {
        kept[twin] = { ...hit, score: kept[twin]?.score ?? hit.score };
        twins.replace(twin, terms);
      }
    }
    return kept;
  }

  /**
   * The rarest words the first answers share beyond the question's own (pseudo-relevance
   * feedback), as one concept whose variants are those words; null when there are none.
   */
  private feedbackConcept(hits: ScoredParagraph[], concepts: Concept[]): Concept | null {
    const { passages, terms, boost } = this.tuning.feedback;
    const first = hits.slice(0, passages);
    if (terms <= 0 || first.length < 2) return null;
    const own = new Set(concepts.flatMap((c) => [...c.variants.keys()]));
    const count = new Map<string, number>();
    for (const hit of first) {
      for (const t of this.paragraphs.get(hit.id)?.terms ?? []) if (!own.has(t)) count.set(t, (count.get(t) ?? 0) + 1);
    }
    const shared = [...count].filter(([, n]) => n >= 2).map(([t, n]) => ({ t, value: n * this.reader.idf(t) }));
    const chosen = shared.sort((a, b) => b.value - a.value).slice(0, terms);
    if (chosen.length === 0) return null;
    return { term: '', weight: chosen.length * boost, variants: new Map(chosen.map((c) => [c.t, boost])), unknownName: false, name: false };
  }

  /** The question's content words, each with its IDF weight and the terms that meet it. */
  concepts(question: string): Concept[] {
    // Its tokens alone: an `about:` filter's words need no entities any more than `/ask`'s question does.
    return sharingTokenAnalyses(() => this.reader.concepts(question));
  }

  /** Terms plus a token for each multi-word synonym phrase among them. */
  private withPhrases(terms: string[]): string[] {
    const phrases = this.synonyms.phrasesIn(terms);
    return phrases.length === 0 ? terms : [...terms, ...phrases.map((p) => p.token)];
  }

  private passage(hit: ScoredParagraph, covered: QuestionCover): Passage {
    const entry = this.paragraphs.get(hit.id);
    if (!entry) throw new Error(`search: paragraph ${hit.id} is not in the index`);
    const { paragraph, attribution, sentences } = entry;
    const scores = covered.sentences(entry);
    const best = Math.max(...scores);
    const quote = sentences
      .filter((_, i) => best > 0 && (scores[i] ?? 0) >= best * 0.999)
      .map((s) => paragraph.text.slice(s.start, s.end))
      .join(' ');
    return {
      ...attribution,
      paragraphId: paragraph.id,
      paragraph: paragraph.number,
      text: paragraph.text,
      quote: quote || paragraph.text,
      score: Math.round(hit.score * 1000) / 1000,
    };
  }
}

export { Synonyms } from './synonyms.js';
export { DEFAULT_TUNING } from './tuning.js';
export type { SearchTuning } from './tuning.js';
export { WordNet } from './wordnet.js';
export type { Document, IndexedArticle, IndexedSentence, ParagraphFilter, ScoredParagraph, SearchAnswer, SearchIndexJSON } from './types.js';
