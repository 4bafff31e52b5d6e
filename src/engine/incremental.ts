/**
 * Reloads that redo only what changed (issue 14). The build worker keeps the
 * last build it analysed (`keepBuild`): its corpus and its search index, live.
 * A reload from that build (`reloadFrom`) loads the seeds (files whose version
 * has not changed are not read again, see `corpus/load.ts`), analyses only the
 * added and changed articles, updates the kept index in place
 * (`SearchIndex.update`) and recomputes the cross-article parts — quote book,
 * timeline — from the per-article analyses remembered by content
 * (`nlp/memo.ts`). The main thread gets the change (`BuildDelta`) and applies
 * it to its own index the same way, instead of parsing and restoring a whole
 * build; the cache file is written after the change is handed over.
 *
 * Answers after such a reload are those of a build from nothing over the same
 * files (`SearchIndex.update` says how, `test/engine/incremental.test.ts` checks).
 */
import { buildQuoteBook } from '../quotes/index.js';
import type { QuoteBookJSON } from '../quotes/index.js';
import type { Document, IndexedArticle, SearchIndex } from '../search/index.js';
import { buildTimeline } from '../timeline/index.js';
import { endBuild } from '../nlp/memo.js';
import type { Article, LoadedCorpus, SkippedFile } from '../corpus/types.js';
import type { TimelineEvent } from '../timeline/types.js';
import type { AnalysedBuild, BuildOptions, CacheKnowledge, CacheReport } from './build.js';
import { analyseOnce, loadSeeds } from './build.js';
import { cacheFileOf, writeEntry } from './cache.js';
import { cacheKey } from './key.js';
import { encodePayload } from './payload.js';
import type { BuildPayload } from './payload.js';

/** What the main thread needs to turn the build it serves (the one the worker kept) into the new one. */
export interface BuildDelta {
  /** MiniSearch documents of the paragraphs of removed and changed articles (`SearchIndex.update`). */
  documents: Document[];
  /** Added and changed articles, with what the index read of them. */
  added: [Article, IndexedArticle][];
  /** Every article's file, in corpus order. */
  order: string[];
  skipped: SkippedFile[];
  warnings: SkippedFile[];
  /** The cross-article parts, recomputed whole; null when no article nor the speaker corrections changed, so they are the served build's own. */
  quotes: QuoteBookJSON | null;
  timeline: TimelineEvent[] | null;
}

/** A reload done from the kept build: the change, and the cache file still to be written. */
export interface DeltaResult {
  delta: BuildDelta;
  generation: number;
  cache?: CacheReport;
  /** Writes the new build to the cache; run after the delta is handed over. */
  persist(): Promise<void>;
}

interface KeptBuild {
  generation: number;
  /** The options it was built with, as `sameOptions` compares them. */
  options: string;
  corpus: LoadedCorpus;
  synonyms: string[][];
  /** The speaker corrections (`speakers.json`) its quote book was built with, as JSON. */
  overrides: string;
  search: SearchIndex;
  quotes: QuoteBookJSON;
  timeline: TimelineEvent[];
}

/**
 * Past this share of the corpus's paragraphs changed, a reload builds afresh:
 * the main thread would add them to its index while it answers (a 10,000-file
 * folder dropped in), where restoring a whole build is one step it already takes.
 */
const MOST_CHANGED_SHARE = 0.25;

let kept: KeptBuild | null = null;
let generations = 0;

const optionsKey = (options: BuildOptions): string =>
  JSON.stringify([options.seedsDir ?? 'seeds', options.maxFileBytes ?? null, options.maxHtmlBytes ?? null, options.tuning ?? null, options.cacheDir ?? null]);

/** Keeps a build just analysed to reload from; returns its generation, which a reload names as its base. */
export function keepBuild(options: BuildOptions, { payload, search, speakerOverrides }: AnalysedBuild): number {
  const { corpus, synonyms, quotes, timeline } = payload;
  kept = { generation: ++generations, options: optionsKey(options), corpus, synonyms, overrides: JSON.stringify(speakerOverrides), search, quotes, timeline };
  return kept.generation;
}

/**
 * The reload of the build numbered `base` as a change to it, when the worker
 * still keeps that build for the same options and few enough articles changed;
 * null when it must be built afresh. Throws (an `EngineError` when no article
 * loads) like a fresh build would; the kept build is then left as it was.
 */
export async function reloadFrom(base: number, options: BuildOptions, known: CacheKnowledge = {}): Promise<DeltaResult | null> {
  const from = kept;
  if (!from || from.generation !== base || from.options !== optionsKey(options)) return null;
  const { cacheDir } = options;
  // The key of what is about to be read: the cache is written under it only if the seeds still match it after.
  const key = cacheDir ? (known.key ?? (await cacheKey(options).catch(() => null))) : null;
  const { corpus, synonyms, speakerOverrides } = await loadSeeds(options);
  // Other synonyms change the terms of every paragraph.
  if (JSON.stringify(synonyms) !== JSON.stringify(from.synonyms)) return null;
  const now = new Map(corpus.articles.map((a) => [a.file, a]));
  const before = new Map(from.corpus.articles.map((a) => [a.file, a]));
  const gone = from.corpus.articles.filter((a) => now.get(a.file)?.hash !== a.hash);
  const come = corpus.articles.filter((a) => before.get(a.file)?.hash !== a.hash);
  const paragraphs = corpus.articles.reduce((n, a) => n + a.paragraphs.length, 0);
  const changed = come.reduce((n, a) => n + a.paragraphs.length, 0);
  if (changed > paragraphs * MOST_CHANGED_SHARE) return null;
  const documents: Document[] = [];
  for (const article of gone) {
    const docs = from.search.documentsOf(article);
    if (!docs) return null;
    documents.push(...docs);
  }
  const added = come.map((article): [Article, IndexedArticle] => [article, analyseOnce(article, from.search)]);
  const overrides = JSON.stringify(speakerOverrides);
  // Both are functions of the articles (and the quote book of the corrections): with neither changed, they are the kept ones.
  const same = gone.length === 0 && come.length === 0 && overrides === from.overrides;
  const quotes = same ? from.quotes : buildQuoteBook(corpus.articles, speakerOverrides).toJSON();
  const timeline = same ? from.timeline : buildTimeline(corpus.articles);
  if (!same) endBuild();
  try {
    from.search.update(documents, added, corpus.articles);
  } catch (error) {
    // It checks before it changes anything; should it fail half-way all the same, nothing is kept.
    kept = null;
    throw error;
  }
  const next: KeptBuild = { ...from, generation: ++generations, corpus, overrides, quotes, timeline };
  kept = next;
  const delta: BuildDelta = {
    documents,
    added,
    order: corpus.articles.map((a) => a.file),
    skipped: corpus.skipped,
    warnings: corpus.warnings,
    quotes: same ? null : quotes,
    timeline: same ? null : timeline,
  };
  const persist = async (): Promise<void> => {
    if (!cacheDir || !key || kept !== next) return;
    // Seeds edited while building would make the cache disagree with its key: then it is not written.
    if ((await cacheKey(options).catch(() => null)) !== key) return;
    const payload: BuildPayload = { corpus, synonyms, search: next.search.toJSON(), quotes, timeline };
    await writeEntry(cacheDir, key, encodePayload(payload)).catch(() => undefined);
  };
  const cache: CacheReport | undefined = cacheDir && key ? { status: 'miss', file: cacheFileOf(cacheDir, key), bytes: 0, deferred: true } : undefined;
  return { delta, generation: next.generation, ...(cache ? { cache } : {}), persist };
}
