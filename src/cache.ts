/**
 * The persisted build: the cleaned corpus, the search index (with every
 * paragraph's sentence terms) and the timeline events, written after a build
 * and loaded at start-up instead of rebuilding, so cleaning and NLP run once
 * per change of the seeds rather than once per start.
 *
 * The quote book is rebuilt from the restored corpus on every load: its
 * module builds it from the articles and exposes no way to restore it from
 * its plain data (quotations and speakers alone do not carry the speaker
 * registry's order, which resolution and suggestions depend on).
 *
 * A cache file is used only when all of these hold, and is otherwise rebuilt
 * and overwritten, never served:
 * - its key matches: a sha256 over every file in the seeds folder (names and
 *   contents, so `sources.json`, `synonyms.json` and `speakers.json` count),
 *   the build options, the package version, `CACHE_SCHEMA` and a digest of
 *   the source code under `src/` (so an edited build step cannot serve data
 *   built by the old one);
 * - its header parses, names this schema and this key;
 * - the sha256 of its payload matches the header (a truncated or edited file);
 * - the payload parses and restores.
 *
 * File layout: one line of JSON header (`schema`, `key`, `sha256`, `bytes`),
 * then the payload JSON. Written to a temporary file and renamed, so a reader
 * never sees half a file.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Build, EngineOptions } from './engine.js';
import { buildQuoteBook, readSpeakerOverrides } from './quotes/index.js';
import { SearchIndex, Synonyms } from './search/index.js';
import type { SearchIndexJSON, WordNet } from './search/index.js';
import { readSynonyms } from './search/synonyms.js';
import type { LoadedCorpus, TimelineEvent } from './types.js';

/** Bump when the payload's shape changes. */
export const CACHE_SCHEMA = 1;

/** What happened to the cache on a build, for logs, tests and the benchmark. */
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
  /** On a hit: time spent rebuilding the quote book, in ms. */
  quotesMs?: number;
}

interface Header {
  schema: number;
  key: string;
  sha256: string;
  bytes: number;
}

/** What a cache file holds after its header. */
export interface CachePayload {
  corpus: LoadedCorpus;
  search: SearchIndexJSON;
  timeline: TimelineEvent[];
}

export class CacheFileError extends Error {
  constructor(file: string, detail: string) {
    super(`cache: cannot use ${file}: ${detail}`);
    this.name = 'CacheFileError';
  }
}

const srcDir = dirname(fileURLToPath(import.meta.url));
let codeVersion: Promise<string> | null = null;

/** Package version, schema and a digest of the source files: any change to the code that builds makes a new key. */
export function codeVersionOf(): Promise<string> {
  codeVersion ??= (async () => {
    const hash = createHash('sha256');
    try {
      const pkg = JSON.parse(await readFile(join(srcDir, '..', 'package.json'), 'utf8')) as { version?: string };
      hash.update(`version ${pkg.version ?? 'unknown'}\n`);
    } catch {
      hash.update('version unknown\n');
    }
    hash.update(`schema ${CACHE_SCHEMA}\n`);
    const files = (await readdir(srcDir, { recursive: true })).filter((f) => /\.[cm]?[jt]s$/.test(f)).sort();
    for (const file of files) hash.update(`${file}\n`).update(await readFile(join(srcDir, file)));
    return hash.digest('hex');
  })();
  return codeVersion;
}

/** The cache key of a seeds folder under these options: see the module comment for what it covers. */
export async function cacheKey(options: EngineOptions): Promise<string> {
  const seedsDir = options.seedsDir ?? 'seeds';
  const hash = createHash('sha256');
  hash.update(`code ${await codeVersionOf()}\n`);
  hash.update(`options ${JSON.stringify({ maxFileBytes: options.maxFileBytes ?? null, tuning: sortKeys(options.tuning ?? null) })}\n`);
  for (const entry of (await readdir(seedsDir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.isFile()) {
      const bytes = await readFile(join(seedsDir, entry.name));
      hash.update(`file ${entry.name} ${bytes.length} ${createHash('sha256').update(bytes).digest('hex')}\n`);
    } else {
      hash.update(`other ${entry.name}\n`);
    }
  }
  return hash.digest('hex');
}

export const cacheFileOf = (cacheDir: string, key: string): string => join(cacheDir, `index-${key.slice(0, 16)}.json`);

/** The build as cache file bytes. */
export function encodeBuild(build: Pick<Build, 'corpus' | 'search' | 'timeline'>, key: string): Buffer {
  const payload: CachePayload = { corpus: build.corpus, search: build.search.toJSON(), timeline: build.timeline };
  const body = Buffer.from(JSON.stringify(payload));
  const header: Header = { schema: CACHE_SCHEMA, key, sha256: createHash('sha256').update(body).digest('hex'), bytes: body.length };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]);
}

/** Checks a cache file's bytes against `key` and parses its payload; throws a `CacheFileError` saying why not. */
export function decodePayload(bytes: Buffer, key: string, file = 'cache'): CachePayload {
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) throw new CacheFileError(file, 'no header line');
  let header: Header;
  try {
    header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Header;
  } catch (error) {
    throw new CacheFileError(file, `header is not JSON (${(error as Error).message})`);
  }
  if (header.schema !== CACHE_SCHEMA) throw new CacheFileError(file, `schema ${String(header.schema)}, expected ${CACHE_SCHEMA}`);
  if (header.key !== key) throw new CacheFileError(file, 'built from other seeds, options or code (key mismatch)');
  const body = bytes.subarray(newline + 1);
  if (body.length !== header.bytes) throw new CacheFileError(file, `payload is ${body.length} bytes, header says ${header.bytes}`);
  if (createHash('sha256').update(body).digest('hex') !== header.sha256) throw new CacheFileError(file, 'payload checksum mismatch');
  try {
    return JSON.parse(body.toString('utf8')) as CachePayload;
  } catch (error) {
    throw new CacheFileError(file, `payload is not JSON (${(error as Error).message})`);
  }
}

/** Checks a cache file's bytes against `key` and restores the build; throws a `CacheFileError` saying why not. */
export async function decodeBuild(
  bytes: Buffer,
  key: string,
  options: EngineOptions,
  wordnet: WordNet,
  file = 'cache',
): Promise<Omit<Build, 'builtAt' | 'ms'> & { quotesMs: number }> {
  const payload = decodePayload(bytes, key, file);
  const seedsDir = options.seedsDir ?? 'seeds';
  try {
    const [groups, overrides] = await Promise.all([readSynonyms(seedsDir), readSpeakerOverrides(seedsDir)]);
    wordnet.warm();
    const corpus = payload.corpus;
    const search = SearchIndex.fromJSON(payload.search, corpus.articles, new Synonyms(groups), wordnet, options.tuning);
    // The quote book is rebuilt: its module has no way to restore it from plain data (see the module comment).
    const started = performance.now();
    const quotes = buildQuoteBook(corpus.articles, overrides);
    return { corpus, search, quotes, timeline: payload.timeline, quotesMs: Math.round(performance.now() - started) };
  } catch (error) {
    throw new CacheFileError(file, `payload does not restore (${(error as Error).message})`);
  }
}

/**
 * Loads the build from the cache when it is valid for the seeds and options;
 * otherwise builds it with `fresh` and writes the cache. Reading or writing
 * problems never stop a build: at worst the corpus is built as if there were no cache.
 */
export async function withCache(
  options: EngineOptions & { cacheDir: string },
  wordnet: WordNet,
  fresh: (options: EngineOptions) => Promise<Build>,
): Promise<Build & { cache: CacheReport }> {
  const started = performance.now();
  const key = await cacheKey(options);
  const file = cacheFileOf(options.cacheDir, key);
  let reason: string | undefined;
  let bytes: Buffer | null = null;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') reason = `unreadable (${code ?? (error as Error).message})`;
  }
  if (bytes) {
    try {
      const { quotesMs, ...restored } = await decodeBuild(bytes, key, options, wordnet, file);
      const ms = Math.round(performance.now() - started);
      return { ...restored, builtAt: new Date(), ms, cache: { status: 'hit', file, bytes: bytes.length, quotesMs } };
    } catch (error) {
      reason = (error as Error).message;
    }
  }
  const build = await fresh(options);
  const cache: CacheReport = { status: bytes || reason ? 'rebuilt' : 'miss', ...(reason ? { reason } : {}), file, bytes: 0 };
  try {
    // Seeds edited while building would make the cache disagree with its key: then it is not written.
    if ((await cacheKey(options)) !== key) throw new Error('the seeds changed during the build; not cached');
    const encoded = encodeBuild(build, key);
    await mkdir(options.cacheDir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, encoded);
    await rename(temp, file);
    cache.bytes = encoded.length;
    await removeOthers(options.cacheDir, file);
  } catch (error) {
    cache.writeError = (error as Error).message;
  }
  return { ...build, ms: Math.round(performance.now() - started), cache };
}

/** Older cache files (other keys) are of no further use. */
async function removeOthers(cacheDir: string, keep: string): Promise<void> {
  for (const name of await readdir(cacheDir)) {
    const path = join(cacheDir, name);
    if (path !== keep && /^index-[0-9a-f]{16}\.json$/.test(name) && (await stat(path)).isFile()) await rm(path, { force: true });
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}
