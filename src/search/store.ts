/**
 * What the paragraph index holds, and keeping it: MiniSearch's documents, each
 * paragraph's sentences and terms, document frequencies and the corpus's words;
 * taking articles in, changing them in place (`update`) and saving/restoring
 * (`toJSON` / `restore`). Asking questions of it is index.ts.
 */
import { attributionOf } from '../corpus/attribution.js';
import MiniSearch from 'minisearch';
import type { Options } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { Article, Attribution, Paragraph } from '../corpus/types.js';
import type { Document, IndexedArticle, SearchIndexJSON } from './types.js';
import type { IndexedParagraph } from './concepts.js';
import { SavedParagraph } from './saved-paragraph.js';
import { loadPackedMiniSearch, packMiniSearch } from './packed-index.js';
import type { PackedMiniSearch } from './packed-index.js';
import { Vocabulary, wordsOf } from './spelling.js';
import { settleInCorpusOrder } from './postings.js';

export class ParagraphStore {
  readonly mini: MiniSearch<Document>;
  readonly paragraphs = new Map<string, IndexedParagraph>();
  readonly df = new Map<string, number>();
  /** The corpus's words as written (spelling correction; `/ask`'s "did you mean" reads it too). */
  readonly words: Vocabulary;
  /** Counts changes to the terms (see `CorpusTerms.version`). */
  version = 0;
  /** Each MiniSearch short id's place in corpus order, once `update` has moved documents; null while they are the same. */
  corpusRank: Int32Array | null = null;
  private termVocabulary: SearchableMap<number> | null = null;
  /** Each article's paragraphs in the order they are held, by article id; made when first asked for. */
  private articleParagraphs: Map<string, IndexedParagraph[]> | null = null;
  /** `termCountsOfArticle`'s answers so far. */
  private readonly articleTermCounts = new Map<string, Map<string, number>>();
  /** The title and section MiniSearch was given for each paragraph added here (see `documentsOf`). */
  private readonly fields = new Map<string, { title: string; section: string }>();

  constructor(fieldBoost: Record<string, number>, saved?: PackedMiniSearch, words?: [string, number][]) {
    this.words = new Vocabulary(words);
    const options: Options<Document> = {
      fields: ['body', 'title', 'section'],
      tokenize: (text) => text.split(' ').filter(Boolean),
      processTerm: (term) => term,
      searchOptions: { boost: fieldBoost, prefix: false, fuzzy: false },
    };
    this.mini = saved ? loadPackedMiniSearch<Document>(saved, options) : new MiniSearch<Document>(options);
  }

  /** The terms as a searchable map (fuzzy look-ups), made again after the terms change. */
  vocabulary(): SearchableMap<number> {
    return (this.termVocabulary ??= SearchableMap.from(this.df));
  }

  /** The store as plain data (see `SearchIndexJSON`). */
  toJSON(): SearchIndexJSON {
    const terms = [...this.df.keys()];
    const position = new Map(terms.map((t, i) => [t, i]));
    const sentences: SearchIndexJSON['sentences'] = [];
    const answers: number[][] = [];
    for (const { paragraph, sentences: own } of this.paragraphs.values()) {
      sentences.push([paragraph.id, own.map((s) => [s.start, s.end, [...s.terms].map((t) => position.get(t) ?? -1)])]);
      answers.push(own.map((s) => s.answers));
    }
    return { mini: packMiniSearch(this.mini), terms, df: terms.map((t) => this.df.get(t) ?? 0), sentences, answers, words: this.words.toJSON() };
  }

  /**
   * Fills a store made over `data.mini` and `data.words` with the rest of `data`, saved over the
   * same articles, with no NLP. Throws when the data and the articles do not match.
   */
  restore(data: SearchIndexJSON, articles: Article[]): void {
    data.terms.forEach((term, i) => this.df.set(term, data.df[i] ?? 0));
    const byId = new Map<string, { paragraph: Paragraph; attribution: Attribution }>();
    for (const article of articles) {
      const attribution = attributionOf(article);
      for (const paragraph of article.paragraphs) byId.set(paragraph.id, { paragraph, attribution });
    }
    for (const [p, [id, own]] of data.sentences.entries()) {
      const found = byId.get(id);
      if (!found) throw new Error(`search: saved paragraph ${id} is not among the articles`);
      this.paragraphs.set(id, new SavedParagraph(found.paragraph, found.attribution, own, data.answers[p], data.terms));
    }
    this.version++;
    if (this.paragraphs.size !== byId.size || this.mini.documentCount !== byId.size) {
      throw new Error(`search: saved index holds ${this.paragraphs.size} paragraphs, the articles ${byId.size}`);
    }
    // Saved after an `update`, MiniSearch's short ids are not in corpus order: equal scores still rank in it.
    this.corpusRank = settleInCorpusOrder(this.mini, [...byId.keys()]);
  }

  /** Takes in an article `SearchIndex.indexArticle` read (here or in another thread), with no NLP. */
  addIndexed(article: Article, indexed: IndexedArticle): void {
    const attribution = attributionOf(article);
    const docs: Document[] = [];
    for (const [i, paragraph] of article.paragraphs.entries()) {
      const own = indexed.paragraphs[i];
      if (!own) throw new Error(`search: no index data for paragraph ${paragraph.id}`);
      const sentences = own.sentences.map(([start, end, terms, answers]) => ({ start, end, terms: new Set(terms), answers }));
      const all = new Set(sentences.flatMap((s) => [...s.terms]));
      this.words.addParagraph(wordsOf(paragraph.text));
      for (const term of all) this.df.set(term, (this.df.get(term) ?? 0) + 1);
      this.paragraphs.set(paragraph.id, { paragraph, attribution, sentences, terms: all });
      const doc = { id: paragraph.id, body: sentences.flatMap((s) => [...s.terms]).join(' '), title: indexed.title, section: own.section };
      this.fields.set(paragraph.id, { title: doc.title, section: doc.section });
      docs.push(doc);
    }
    this.mini.addAll(docs);
    this.termsChanged();
  }

  /**
   * The documents MiniSearch holds for an article's paragraphs, as `update` takes them to remove it;
   * null when this store was restored from JSON (which does not keep the title and section fields).
   */
  documentsOf(article: Article): Document[] | null {
    const docs: Document[] = [];
    for (const paragraph of article.paragraphs) {
      const entry = this.paragraphs.get(paragraph.id);
      const fields = this.fields.get(paragraph.id);
      if (!entry || !fields) return null;
      docs.push({ id: paragraph.id, body: entry.sentences.flatMap((s) => [...s.terms]).join(' '), ...fields });
    }
    return docs;
  }

  /**
   * Removes the paragraphs of `removed` (their `documentsOf`) and takes in `added`, in place, so that
   * the store answers exactly as one built from nothing over `articles` (the corpus after the change,
   * in its order) would: document frequencies and MiniSearch's average field lengths are recounted
   * in corpus order, and equal scores rank in corpus order (`settleInCorpusOrder`). Everything is checked
   * before anything changes: a change that does not fit this store throws and leaves it as it was.
   */
  update(removed: Document[], added: [Article, IndexedArticle][], articles: Article[]): void {
    const leaving = new Set(removed.map((d) => d.id));
    for (const id of leaving) if (!this.paragraphs.has(id)) throw new Error(`search: cannot remove paragraph ${id}: it is not in the index`);
    for (const [article, indexed] of added) {
      if (indexed.paragraphs.length !== article.paragraphs.length) throw new Error(`search: index data of ${article.articleId} does not match its paragraphs`);
      for (const p of article.paragraphs) if (this.paragraphs.has(p.id) && !leaving.has(p.id)) throw new Error(`search: paragraph ${p.id} is already in the index`);
    }
    const count = this.paragraphs.size - leaving.size + added.reduce((n, [a]) => n + a.paragraphs.length, 0);
    if (count !== articles.reduce((n, a) => n + a.paragraphs.length, 0)) throw new Error('search: the change does not lead to the articles given');
    for (const doc of removed) {
      const entry = this.paragraphs.get(doc.id);
      this.mini.remove(doc);
      this.paragraphs.delete(doc.id);
      this.fields.delete(doc.id);
      if (entry) this.words.removeParagraph(wordsOf(entry.paragraph.text));
    }
    for (const [article, indexed] of added) this.addIndexed(article, indexed);
    // A full build counts terms in corpus order: the vocabulary's fuzzy look-ups (and so a question's variants) follow that order.
    this.df.clear();
    const ids: string[] = [];
    for (const article of articles) {
      for (const paragraph of article.paragraphs) {
        ids.push(paragraph.id);
        for (const term of this.paragraphs.get(paragraph.id)?.terms ?? []) this.df.set(term, (this.df.get(term) ?? 0) + 1);
      }
    }
    this.corpusRank = settleInCorpusOrder(this.mini, ids);
    this.termsChanged();
  }

  /**
   * How many of an article's paragraphs (not its title) hold each of its terms; its keys are what the
   * article speaks of anywhere. Made for one article when first asked
   * for (making them for every article at once was 0.15–0.5 s of the first question at 10k paragraphs,
   * and a question asks of a few dozen articles), and kept until the terms change.
   */
  termCountsOfArticle(articleId: string): ReadonlyMap<string, number> {
    let counts = this.articleTermCounts.get(articleId);
    if (!counts) {
      counts = new Map();
      // One scratch set for the paragraphs in turn: a restored paragraph's own term set is made only when a question reads it.
      const own = new Set<string>();
      for (const entry of this.paragraphsOfArticle(articleId)) {
        own.clear();
        addTermsOf(entry, own);
        for (const t of own) counts.set(t, (counts.get(t) ?? 0) + 1);
      }
      this.articleTermCounts.set(articleId, counts);
    }
    return counts;
  }

  /** An article's paragraphs in the order they are held (read-only). */
  paragraphsOfArticle(articleId: string): readonly IndexedParagraph[] {
    if (!this.articleParagraphs) {
      this.articleParagraphs = new Map();
      for (const entry of this.paragraphs.values()) {
        const own = this.articleParagraphs.get(entry.paragraph.articleId);
        if (own) own.push(entry);
        else this.articleParagraphs.set(entry.paragraph.articleId, [entry]);
      }
    }
    return this.articleParagraphs.get(articleId) ?? [];
  }

  private termsChanged(): void {
    this.termVocabulary = null;
    this.articleParagraphs = null;
    this.articleTermCounts.clear();
    this.version++;
  }
}

/** Adds a paragraph's terms to `out`, without making a restored paragraph's own term set (see `SavedParagraph.addTermsTo`). */
function addTermsOf(entry: IndexedParagraph, out: Set<string>): void {
  if (entry instanceof SavedParagraph) entry.addTermsTo(out);
  else for (const t of entry.terms) out.add(t);
}
