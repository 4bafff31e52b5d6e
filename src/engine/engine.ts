/**
 * Builds everything the commands answer from (index, quotations, events)
 * out of a seeds folder, and swaps a new build in atomically on reload:
 * queries keep reading the old build until the new one is complete.
 */
import { attributionOf } from '../corpus/attribution.js';
import { WordNet } from '../search/index.js';
import { filterTimeline } from '../timeline/index.js';
import type { Article, SkippedFile } from '../corpus/types.js';
import type { AskResult } from '../search/types.js';
import type { QuoteResult, Speaker } from '../quotes/types.js';
import type { TimelineResult } from '../timeline/types.js';
import { assembleBuild, cachedPayload, EngineError } from './build.js';
import type { Build, BuildOptions, CacheKnowledge, CacheReport } from './build.js';
import { payloadText } from './payload.js';
import type { BuildPayload } from './payload.js';
import { cacheKey } from './key.js';
import { buildInWorker } from './thread.js';
import type { BuildResult } from './thread.js';
import type { BuildDelta } from './incremental.js';
import { restoreQuoteBook } from '../quotes/index.js';

export { EngineError };
export type { Build, BuildOptions, CacheReport } from './build.js';

/** How an engine is opened: see `BuildOptions`. */
export type EngineOptions = BuildOptions;

export interface ArticleSummary {
  articleId: string;
  title: string;
  outlet: string | null;
  published: string | null;
  url: string | null;
  paragraphs: number;
}

export interface ReloadReport {
  ok: boolean;
  /** Why the reload was refused; the old build keeps serving. */
  reason?: string;
  added: string[];
  removed: string[];
  changed: string[];
  articles: number;
  paragraphs: number;
  skipped: SkippedFile[];
  warnings: SkippedFile[];
  ms: number;
}


/** Most words `quote` tries as a speaker's name before the topic words (`Khan russia`). */
export const MAX_NAME_WORDS = 8;

/** WordNet is read-only and costly to open, so every build shares one. */
const sharedWordNet = new WordNet();

/** A build and the generation under which the build worker keeps it (`incremental.ts`); null when it keeps none. */
interface Built {
  build: Build;
  generation: number | null;
  /**
   * The seeds' cache key (`key.ts`) the build is known to reflect, or null: a reload that finds the
   * seeds still under this key has nothing to do. Known when the build is the cache entry of that key,
   * or was written to the cache under it; otherwise confirmed after the swap (`Engine.confirmKey`).
   */
  key: string | null;
}

/**
 * A complete build of the seeds folder: made (or read from the cache) in the
 * build worker, so the event loop stays free to answer, then assembled here.
 * With `cacheHereFirst` a valid cache is read on this thread instead, and the
 * worker is started only when there is none. A cached payload that does not
 * restore is rebuilt fresh. With `from`, a reload of the build being served:
 * when the worker still keeps that build it sends only the change, applied
 * here (`applyChange`); otherwise, or when the change does not apply, the
 * build is made whole.
 */
export async function buildFromSeeds(options: BuildOptions = {}, cacheHereFirst = false, from?: Built, key?: string): Promise<Built> {
  const started = performance.now();
  const lookup = cacheHereFirst ? await cachedPayload(options) : { hit: null, known: key ? { key } : {} };
  let known: CacheKnowledge = lookup.known;
  const finished = (parts: BuildParts, cache: CacheReport | undefined, generation: number | undefined): Built => ({
    build: { ...parts, builtAt: new Date(), ms: Math.round(performance.now() - started), ...(cache ? { cache } : {}) },
    generation: generation ?? null,
    key: known.key !== undefined && cache && holdsKey(cache) ? known.key : null,
  });
  if (lookup.hit) {
    try {
      return finished(assemble(lookup.hit.payload, options), lookup.hit.cache, undefined);
    } catch (error) {
      known = { ...known, refuse: notRestored(lookup.hit.cache.file, error) };
    }
  }
  let result = await inWorker(options, known, from?.generation ?? undefined);
  if (result.delta && from) {
    try {
      return finished(applyChange(from.build, result.delta), result.cache, result.generation);
    } catch {
      // Nothing was changed: the build is made whole instead.
      result = await inWorker(options, known);
    }
  }
  if (!result.body) throw new EngineError('the build worker sent a change to no build');
  let parts: BuildParts;
  try {
    parts = assemble(parsePayload(result.body), options);
  } catch (error) {
    if (result.cache?.status !== 'hit') throw error;
    // The key the worker was given still holds: only the cache file is refused, so the seeds are not read again for it.
    result = await inWorker(options, { ...known, refuse: notRestored(result.cache.file, error) });
    if (!result.body) throw new EngineError('the build worker sent a change to no build');
    parts = assemble(parsePayload(result.body), options);
  }
  return finished(parts, result.cache, result.generation);
}

type BuildParts = Pick<Build, 'corpus' | 'search' | 'quotes' | 'timeline'>;

/**
 * The build after a reload, from the build served before it and the change the
 * worker made to the same build. Its search index is the old one, changed in
 * place by one synchronous `SearchIndex.update` (a question is answered wholly
 * before or wholly after it); everything that can fail is done first, so a
 * change that does not apply throws with the old build untouched.
 */
function applyChange(before: Build, delta: BuildDelta): BuildParts {
  const byFile = new Map(before.corpus.articles.map((a) => [a.file, a]));
  for (const [article] of delta.added) byFile.set(article.file, article);
  const articles = delta.order.map((file) => {
    const article = byFile.get(file);
    if (!article) throw new EngineError(`reload: ${file} is neither in the build nor in the change`);
    return article;
  });
  const quotes = delta.quotes ? restoreQuoteBook(delta.quotes, articles) : before.quotes;
  before.search.update(delta.documents, delta.added, articles);
  return { corpus: { articles, skipped: delta.skipped, warnings: delta.warnings }, search: before.search, quotes, timeline: delta.timeline ?? before.timeline };
}

/**
 * Whether a build is the one its seeds' key names: read from the cache entry under the key, or written
 * there (the worker writes only when the key still holds after the build, see `payloadFor`).
 */
const holdsKey = (cache: CacheReport): boolean => cache.status === 'hit' || (cache.bytes > 0 && !cache.writeError && !cache.deferred);

/** The seeds' cache key now, when the engine has a cache (the key's files are then read at each build anyway); null otherwise or when the folder cannot be read. */
const seedsKeyOf = (options: BuildOptions): Promise<string | null> => (options.cacheDir ? cacheKey(options).catch(() => null) : Promise.resolve(null));

/** Why a cache file was not used: its payload parsed but did not restore. */
const notRestored = (file: string, error: unknown): string => `cache: cannot use ${file}: payload does not restore (${(error as Error).message})`;

const parsePayload = (body: Buffer): BuildPayload => JSON.parse(payloadText(body)) as BuildPayload;

async function inWorker(options: BuildOptions, known: CacheKnowledge, base?: number): Promise<BuildResult> {
  try {
    return await buildInWorker(options, known, base);
  } catch (error) {
    const { name, message } = error as Error;
    throw name === 'EngineError' ? new EngineError(message.replace(/^engine: /, '')) : error;
  }
}

function assemble(payload: BuildPayload, options: BuildOptions): BuildParts {
  sharedWordNet.warm();
  return assembleBuild(payload, options, sharedWordNet);
}

export class Engine {
  private current: Built;
  private reloading: Promise<ReloadReport> = Promise.resolve(emptyReport());

  private constructor(
    built: Built,
    readonly options: EngineOptions,
  ) {
    this.current = built;
  }

  /**
   * Builds the first index. Throws an `EngineError` when not one article loads.
   * A valid cache is read right here (nothing else is being served yet, and a
   * start then needs no build worker); reloads always build in the worker.
   */
  static async open(options: EngineOptions = {}): Promise<Engine> {
    return new Engine(await buildFromSeeds(options, true), options);
  }

  /**
   * Marks `built` as reflecting `key`, taken before it read the seeds, when the seeds still have that
   * key now (what `payloadFor` checks before it writes the cache): nothing was written in between, so
   * the build is the one the key names. Done after the swap, off the reload's time.
   */
  private async confirmKey(built: Built, key: string): Promise<void> {
    if ((await seedsKeyOf(this.options)) === key && this.current === built) built.key = key;
  }

  get build(): Build {
    return this.current.build;
  }

  ask(question: string, limit?: number): AskResult {
    return { query: question, ...this.current.build.search.answer(question, limit) };
  }

  /**
   * A speaker's quotations in article-date order, optionally only those about
   * some words. With no `about`, a name followed by topic words
   * (`Khan russia`) is split at the longest known name.
   */
  quote(speakerText: string, about?: string, limit?: number): QuoteResult {
    const { quotes, search } = this.current.build;
    let name = speakerText.trim();
    let topic = about?.trim() || undefined;
    let resolved = quotes.resolve(name);
    if (!resolved.speaker && topic === undefined) {
      const words = name.split(/\s+/);
      // A name is a few words: try the first MAX_NAME_WORDS, not every prefix of a long text (6,000 characters took 31 s).
      for (let i = Math.min(words.length - 1, MAX_NAME_WORDS); i >= 1 && !resolved.speaker; i--) {
        // Only a found speaker is kept from a shorter name, so its suggestions are not looked for.
        const attempt = quotes.resolve(words.slice(0, i).join(' '), false);
        if (attempt.speaker) {
          resolved = attempt;
          name = words.slice(0, i).join(' ');
          topic = words.slice(i).join(' ');
        }
      }
    }
    if (!resolved.speaker) return { query: speakerText, speaker: null, quotes: [], suggestions: resolved.suggestions };
    let found = quotes.quotesOf(resolved.speaker);
    if (topic) {
      const about = search.about(topic);
      found = found.filter((q) => about.has(q.paragraphId));
    }
    return {
      query: speakerText,
      speaker: resolved.speaker,
      quotes: limit === undefined ? found : found.slice(0, limit),
      suggestions: [],
    };
  }

  /** Speakers whose name or alias starts with `prefix`, most quoted first (for autocomplete). */
  speakers(prefix = '', limit?: number): Speaker[] {
    return prefix.trim() === '' ? this.current.build.quotes.speakers.slice(0, limit) : this.current.build.quotes.complete(prefix, limit);
  }

  /** Events in date order, optionally within years and about some words. */
  timeline(filter: { from?: number; to?: number; about?: string } = {}): TimelineResult {
    const { timeline, search } = this.current.build;
    const about = filter.about?.trim();
    return {
      events: filterTimeline(timeline, {
        ...(filter.from !== undefined ? { from: filter.from } : {}),
        ...(filter.to !== undefined ? { to: filter.to } : {}),
        ...(about ? { paragraphIds: search.about(about) } : {}),
      }),
    };
  }

  sources(): ArticleSummary[] {
    return this.current.build.corpus.articles.map(summarise);
  }

  /**
   * Rebuilds from the seeds folder and swaps the result in. Reloads run one
   * at a time; a failed one (or one that loads no article) keeps the old build.
   */
  reload(): Promise<ReloadReport> {
    const next = this.reloading.then(() => this.rebuild());
    this.reloading = next.catch(() => emptyReport());
    return next;
  }

  private async rebuild(): Promise<ReloadReport> {
    const started = performance.now();
    const before = this.current.build;
    const key = await seedsKeyOf(this.options);
    // Not one file the build reads has changed (its key says so): the build being served is the one a build would make.
    if (key !== null && key === this.current.key) return { ...diff(before.corpus.articles, before), ms: Math.round(performance.now() - started) };
    let built: Built;
    try {
      built = await buildFromSeeds(this.options, false, this.current, key ?? undefined);
    } catch (error) {
      return {
        ...emptyReport(),
        ok: false,
        reason: (error as Error).message,
        articles: before.corpus.articles.length,
        paragraphs: before.search.size,
        ms: Math.round(performance.now() - started),
      };
    }
    this.current = built;
    if (key !== null && built.key === null) void this.confirmKey(built, key);
    return { ...diff(before.corpus.articles, built.build), ms: Math.round(performance.now() - started) };
  }
}

function summarise(article: Article): ArticleSummary {
  return { ...attributionOf(article), paragraphs: article.paragraphs.length };
}

function emptyReport(): ReloadReport {
  return { ok: true, added: [], removed: [], changed: [], articles: 0, paragraphs: 0, skipped: [], warnings: [], ms: 0 };
}

function diff(before: Article[], build: Build): Omit<ReloadReport, 'ms'> {
  const old = new Map(before.map((a) => [a.file, a.hash]));
  const now = new Map(build.corpus.articles.map((a) => [a.file, a.hash]));
  return {
    ok: true,
    added: [...now.keys()].filter((f) => !old.has(f)),
    removed: [...old.keys()].filter((f) => !now.has(f)),
    changed: [...now.keys()].filter((f) => old.has(f) && old.get(f) !== now.get(f)),
    articles: build.corpus.articles.length,
    paragraphs: build.search.size,
    skipped: build.corpus.skipped,
    warnings: build.corpus.warnings,
  };
}
