/**
 * The one build recipe. A build is made in two steps, whether it is fresh or
 * comes from the cache:
 * 1. `payloadFor` (in the build worker, see `thread.ts`): the build as plain
 *    data — from the cache file when one is valid for the seeds, options and
 *    code (checked against its schema), otherwise by loading the seeds and
 *    running the NLP (`analyseSeeds`), then cached;
 * 2. `assembleBuild` (where the build is served): each part restores itself
 *    from its data (`SearchIndex.fromJSON`, `restoreQuoteBook`, the timeline
 *    as is), with no NLP. A payload that does not restore is rebuilt fresh.
 */
import { loadCorpus } from '../corpus/load.js';
import { sharingAnalyses } from '../nlp/index.js';
import { endBuild } from '../nlp/memo.js';
import type { LoadOptions } from '../corpus/load.js';
import { buildQuoteBook, readSpeakerOverrides, restoreQuoteBook } from '../quotes/index.js';
import type { QuoteBook, QuoteBookJSON, SpeakerOverrides } from '../quotes/index.js';
import { analyseForBuild } from '../quotes/analyse.js';
import { SearchIndex, Synonyms, WordNet } from '../search/index.js';
import type { IndexedArticle, SearchTuning } from '../search/index.js';
import { readSynonyms } from '../search/synonyms.js';
import { buildTimeline, eventsForBuild } from '../timeline/index.js';
import type { Article, LoadedCorpus } from '../corpus/types.js';
import type { TimelineEvent } from '../timeline/types.js';
import { CacheFileError, cacheFileOf, readEntry, writeEntry } from './cache.js';
import { cacheKey } from './key.js';
import { PARALLEL_FROM_PARAGRAPHS, readArticlesOnTwoThreads } from './helper.js';
import { checkPayload, encodePayload, payloadText } from './payload.js';
import type { BuildPayload } from './payload.js';

export interface BuildOptions {
  /** Folder with the seed articles and their metadata. Default: `seeds`. */
  seedsDir?: string;
  /** Largest text seed file read, in bytes. Default: 1 MB. */
  maxFileBytes?: number;
  /** Largest saved web page (`.html`) read, in bytes. Default: 8 MB. */
  maxHtmlBytes?: number;
  /** Search tuning overrides (see `DEFAULT_TUNING`). */
  tuning?: Partial<SearchTuning>;
  /**
   * Folder to persist the build in and load it from when the seeds, options
   * and code are unchanged (see `key.ts`). Default: none, no cache.
   */
  cacheDir?: string | undefined;
}

/** What the cache did on a build, for logs, tests and the benchmark. */
export interface CacheReport {
  /** `hit`: loaded from the cache. `miss`: no cache file, built and written. `rebuilt`: a cache file was there but stale or corrupt. */
  status: 'hit' | 'miss' | 'rebuilt';
  /** Why a cache file was not used (`rebuilt` only). */
  reason?: string;
  file: string;
  /** Size of the cache file read or written, in bytes. */
  bytes: number;
  /** Set when writing the cache failed; the build is served anyway. */
  writeError?: string;
  /** The cache file is written after the build was handed over (an incremental reload): `bytes` is 0 and a failure is not reported. */
  deferred?: boolean;
}

/** One complete, immutable build of the corpus. */
export interface Build {
  corpus: LoadedCorpus;
  search: SearchIndex;
  quotes: QuoteBook;
  /** Every dated event, merged across articles, in date order. */
  timeline: TimelineEvent[];
  builtAt: Date;
  /** How long the build took, in ms. */
  ms: number;
  /** What the cache did, when `cacheDir` is set. */
  cache?: CacheReport;
}

export class EngineError extends Error {
  constructor(message: string) {
    super(`engine: ${message}`);
    this.name = 'EngineError';
  }
}

/** The seeds folder read: its articles, synonyms and speaker corrections; an `EngineError` when not one article loads. */
export async function loadSeeds(options: BuildOptions): Promise<{ corpus: LoadedCorpus; synonyms: string[][]; speakerOverrides: SpeakerOverrides }> {
  const seedsDir = options.seedsDir ?? 'seeds';
  const loadOptions: LoadOptions = {
    ...(options.maxFileBytes ? { maxFileBytes: options.maxFileBytes } : {}),
    ...(options.maxHtmlBytes ? { maxHtmlBytes: options.maxHtmlBytes } : {}),
  };
  const [corpus, synonyms, speakerOverrides] = await Promise.all([
    loadCorpus(seedsDir, loadOptions),
    readSynonyms(seedsDir),
    readSpeakerOverrides(seedsDir),
  ]);
  if (corpus.articles.length === 0) {
    const why = corpus.skipped.map((s) => `${s.file}: ${s.reason}`).join('; ');
    throw new EngineError(`no article could be loaded from ${seedsDir}${why ? ` (${why})` : ''}`);
  }
  return { corpus, synonyms, speakerOverrides };
}

/**
 * Loads the seeds and runs every analysis: the expensive part of a build. With
 * `parallelFrom` paragraphs or more to read, a helper thread reads articles
 * too (`helper.ts`).
 */
export async function analyseSeeds(options: BuildOptions, parallelFrom = PARALLEL_FROM_PARAGRAPHS): Promise<BuildPayload> {
  return (await analyseLive(options, parallelFrom)).payload;
}

/** `analyseSeeds`, with the search index it built, live (the build worker keeps it for the next reload). */
async function analyseLive(options: BuildOptions, parallelFrom = PARALLEL_FROM_PARAGRAPHS): Promise<AnalysedBuild> {
  const { corpus, synonyms, speakerOverrides } = await loadSeeds(options);
  // WordNet serves queries, not the build: this one is never opened.
  const search = SearchIndex.build([], new Synonyms(synonyms), new WordNet(), options.tuning);
  await readArticlesOnTwoThreads(corpus.articles, parallelFrom);
  for (const article of corpus.articles) search.addIndexed(article, analyseOnce(article, search));
  const quotes = buildQuoteBook(corpus.articles, speakerOverrides);
  const timeline = buildTimeline(corpus.articles);
  // What this build did not analyse again is of no use to the next reload.
  endBuild();
  return { payload: { corpus, synonyms, search: search.toJSON(), quotes: quotes.toJSON(), timeline }, search, speakerOverrides };
}

/**
 * Search, the quote book and the timeline each read every paragraph with
 * wink-nlp. Here they read one article from one shared pass: the index reads
 * the article, and the quote book's and the timeline's analyses of it are
 * made and remembered (`nlp/memo.ts`), so their builders then find them done.
 * Returns what the index read, for `addIndexed`.
 */
export function analyseOnce(article: Article, search: SearchIndex): IndexedArticle {
  return sharingAnalyses(() => {
    const indexed = search.indexArticle(article);
    for (const paragraph of article.paragraphs) analyseForBuild(paragraph.text);
    eventsForBuild(article);
    return indexed;
  });
}

/** A build as analysed, with its search index live and the speaker corrections its quote book read (the build worker keeps it to reload from, see `incremental.ts`). */
export interface AnalysedBuild {
  payload: BuildPayload;
  search: SearchIndex;
  speakerOverrides: SpeakerOverrides;
}

/** The payload as JSON bytes, and what the cache did. */
export interface PayloadResult {
  body: Buffer;
  cache?: CacheReport;
  /** The build as analysed, when it was analysed rather than read from the cache. */
  analysed?: AnalysedBuild;
}

/** What the caller already found out about the cache, so the build worker does not read every seed file again to learn it. */
export interface CacheKnowledge {
  /** The seeds' cache key (`key.ts`), computed just before the request. */
  key?: string;
  /** Why the cache file is not to be used: it is corrupt, or its payload did not restore. */
  refuse?: string;
}

/**
 * The build's payload for these options: from the cache when it is valid,
 * otherwise analysed and written to the cache. Reading or writing problems
 * never stop a build: at worst it is built as if there were no cache.
 */
export async function payloadFor(options: BuildOptions, known: CacheKnowledge): Promise<PayloadResult> {
  const { cacheDir } = options;
  if (!cacheDir) {
    const analysed = await analyseLive(options);
    return { body: encodePayload(analysed.payload), analysed };
  }
  let key = known.key ?? null;
  let reason = known.refuse;
  try {
    key ??= await cacheKey(options);
  } catch {
    // An unreadable seeds folder: the build below says why, in the loader's words.
  }
  const file = key ? cacheFileOf(cacheDir, key) : cacheFileOf(cacheDir, '0'.repeat(16));
  if (key && !reason) {
    try {
      const hit = await readHit(cacheDir, key);
      if (hit) return { body: hit.body, cache: hit.cache };
    } catch (error) {
      reason = (error as Error).message;
    }
  }
  const analysed = await analyseLive(options);
  const body = encodePayload(analysed.payload);
  // A file that was there but could not be used left its reason.
  const cache: CacheReport = { status: reason ? 'rebuilt' : 'miss', ...(reason ? { reason } : {}), file, bytes: 0 };
  try {
    // Seeds edited while building would make the cache disagree with its key: then it is not written.
    if (!key || (await cacheKey(options)) !== key) throw new Error('the seeds changed during the build; not cached');
    cache.bytes = await writeEntry(cacheDir, key, body);
  } catch (error) {
    cache.writeError = (error as Error).message;
  }
  return { body, cache, analysed };
}

/**
 * The cached payload when the cache holds a valid one for these options, read
 * and checked where it is called (`hit`); otherwise what was learnt on the way
 * (the key, why the file cannot be used), for `payloadFor` to build with. What
 * a start does before it needs the build worker: a hit costs no worker and no
 * second parse, a miss no second reading of the seeds.
 */
export async function cachedPayload(
  options: BuildOptions,
): Promise<{ hit: { payload: BuildPayload; cache: CacheReport } | null; known: CacheKnowledge }> {
  const { cacheDir } = options;
  if (!cacheDir) return { hit: null, known: {} };
  let key: string;
  try {
    key = await cacheKey(options);
  } catch {
    return { hit: null, known: {} };
  }
  try {
    const hit = await readHit(cacheDir, key);
    return { hit: hit && { payload: hit.payload, cache: hit.cache }, known: { key } };
  } catch (error) {
    return { hit: null, known: { key, refuse: (error as Error).message } };
  }
}

/** The cache entry under `key`, read and checked (a `CacheFileError` when it is not a build); null when there is none. */
async function readHit(cacheDir: string, key: string): Promise<{ body: Buffer; payload: BuildPayload; cache: CacheReport } | null> {
  const body = await readEntry(cacheDir, key);
  if (!body) return null;
  const file = cacheFileOf(cacheDir, key);
  return { body, payload: parseStored(body, file), cache: { status: 'hit', file, bytes: body.length } };
}

/** The stored body as a build payload; a `CacheFileError` unless it is JSON with the shape of a build. */
function parseStored(body: Buffer, file: string): BuildPayload {
  let data: unknown;
  try {
    data = JSON.parse(payloadText(body));
  } catch (error) {
    throw new CacheFileError(file, `payload is not JSON (${(error as Error).message})`);
  }
  try {
    return checkPayload(data);
  } catch (error) {
    throw new CacheFileError(file, (error as Error).message);
  }
}

/** The parts of a build, restored from its payload: the only place a `Build` is put together. */
export function assembleBuild(payload: BuildPayload, options: BuildOptions, wordnet: WordNet): Pick<Build, 'corpus' | 'search' | 'quotes' | 'timeline'> {
  const { corpus, timeline } = payload;
  const search = SearchIndex.fromJSON(payload.search, corpus.articles, new Synonyms(payload.synonyms), wordnet, options.tuning);
  const paragraphIds = new Set(corpus.articles.flatMap((a) => a.paragraphs.map((p) => p.id)));
  const stray =
    payload.quotes.quotations.find((q) => !paragraphIds.has(q.paragraphId))?.paragraphId ??
    timeline.flatMap((e) => e.sources).find((s) => !paragraphIds.has(s.paragraphId))?.paragraphId;
  if (stray !== undefined) throw new Error(`build: saved paragraph ${stray} is not among the articles`);
  return { corpus, search, quotes: restoredWhenUsed(payload.quotes, corpus.articles), timeline };
}

/**
 * The quote book of a payload, restored when first used: `/ask` (a start's
 * first answer) does not read it, and at 100k paragraphs restoring it takes
 * long. Its data was checked before (its shape, on a sample, and its
 * paragraphs); restoring it has nothing left to refuse.
 */
function restoredWhenUsed(data: QuoteBookJSON, articles: Article[]): QuoteBook {
  let book: QuoteBook | null = null;
  const restored = (): QuoteBook => (book ??= restoreQuoteBook(data, articles));
  return {
    get quotations() {
      return restored().quotations;
    },
    get speakers() {
      return restored().speakers;
    },
    resolve: (name, suggest) => restored().resolve(name, suggest),
    quotesOf: (speaker) => restored().quotesOf(speaker),
    complete: (prefix, limit) => restored().complete(prefix, limit),
    toJSON: () => restored().toJSON(),
  };
}
