/**
 * The cache key of a seeds folder: a sha256 over the code that builds, the
 * build options and every file the loader would read (articles by their
 * extension, `sources.json`, `synonyms.json`, `speakers.json`), so a change
 * to any of them makes a new key and an old build is never served.
 *
 * It reads like the loader does, and no more: files are streamed, never read
 * whole; an article over the size limit counts by its size (the loader skips
 * it unread); other files (a 3 GB `backup.tar`) are not read at all; a link
 * whose target leaves the folder counts by name only; a file that vanishes
 * between listing and reading counts as gone instead of failing; a file whose
 * version (`Opened.version`: inode, size, times) is the one met by the last key
 * of the folder is not read again — nor opened, when it is a plain file (one
 * `lstat`). The versions met are also kept in the cache folder (`prints-*.json`),
 * so a start that finds the seeds as the last process left them reads none of
 * them (at 100k paragraphs, reading and hashing every seed was seconds).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUTSIDE_REASON, openInside, plainFileVersion, realFolder } from '../corpus/boundary.js';
import { isCandidate, sizeLimitOf } from '../corpus/load.js';
import { SOURCES_FILE } from '../corpus/sources.js';
import { SPEAKERS_FILE } from '../quotes/index.js';
import { SYNONYMS_FILE } from '../search/synonyms.js';
import { CACHE_SCHEMA } from './cache.js';
import type { BuildOptions } from './build.js';

const METADATA_FILES = new Set([SOURCES_FILE, SYNONYMS_FILE, SPEAKERS_FILE]);

/** The code root (`src/`, or its compiled copy): every module in it counts towards the key. */
const codeRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
let codeVersion: Promise<string> | null = null;

/** Package version, schema and a digest of the source files: any change to the code that builds makes a new key. */
export function codeVersionOf(): Promise<string> {
  codeVersion ??= (async () => {
    const hash = createHash('sha256');
    for (const candidate of [join(codeRoot, '..', 'package.json'), join(codeRoot, '..', '..', 'package.json')]) {
      try {
        const pkg = JSON.parse(await readFile(candidate, 'utf8')) as { version?: string; name?: string };
        hash.update(`version ${pkg.name ?? ''} ${pkg.version ?? 'unknown'}\n`);
        break;
      } catch {
        // Compiled code sits one folder deeper than the sources; try the next.
      }
    }
    hash.update(`schema ${CACHE_SCHEMA}\n`);
    // Read synchronously, once per process: ~90 awaited reads cost 20–40 ms of CPU of every start, synchronous ones a few.
    const files = readdirSync(codeRoot, { recursive: true, encoding: 'utf8' }).filter((f) => /\.[cm]?[jt]s$/.test(f) && !f.endsWith('.d.ts')).sort();
    for (const file of files) hash.update(`${file}\n`).update(readFileSync(join(codeRoot, file)));
    return hash.digest('hex');
  })();
  return codeVersion;
}

/** The cache key of a seeds folder under these options: see the module comment for what it covers. */
export async function cacheKey(options: BuildOptions): Promise<string> {
  const seedsDir = options.seedsDir ?? 'seeds';
  const hash = createHash('sha256');
  hash.update(`code ${await codeVersionOf()}\n`);
  hash.update(`options ${JSON.stringify({ maxFileBytes: options.maxFileBytes ?? null, maxHtmlBytes: options.maxHtmlBytes ?? null, tuning: sortKeys(options.tuning ?? null) })}\n`);
  const names = (await readdir(seedsDir)).sort();
  const folder = await realFolder(seedsDir);
  const known = lastPrints.get(folder) ?? (options.cacheDir ? await readPrints(options.cacheDir, folder) : undefined);
  const prints: Prints = new Map();
  // One read buffer per key (keys computed at once must not share one): a read stream per file cost twice the CPU.
  const chunk = Buffer.alloc(1 << 16);
  for (const name of names) {
    const isArticle = isCandidate(name);
    if (!isArticle && !METADATA_FILES.has(name)) continue;
    hash.update(`${await fingerprint(folder, name, isArticle ? sizeLimitOf(name, options) : Infinity, known, prints, chunk)} ${name}\n`);
  }
  lastPrints.delete(folder);
  lastPrints.set(folder, prints);
  if (lastPrints.size > REMEMBERED_FOLDERS) lastPrints.delete(lastPrints.keys().next().value as string);
  if (options.cacheDir && !samePrints(known, prints)) await writePrints(options.cacheDir, folder, prints);
  return hash.digest('hex');
}

/** Per file name: its fingerprint and the version (`Opened.version`) it was read at. */
type Prints = Map<string, { version: string; print: string }>;

/** The prints file of a seeds folder (by its real path) in a cache folder. */
const printsFileOf = (cacheDir: string, folder: string): string =>
  join(cacheDir, `prints-${createHash('sha256').update(folder).digest('hex').slice(0, 16)}.json`);

/** The prints a process left for `folder`; undefined when there are none or they cannot be read (then every seed is read). */
async function readPrints(cacheDir: string, folder: string): Promise<Prints | undefined> {
  try {
    const saved = JSON.parse(await readFile(printsFileOf(cacheDir, folder), 'utf8')) as { folder?: unknown; prints?: unknown };
    if (saved.folder !== folder || !Array.isArray(saved.prints)) return undefined;
    const prints: Prints = new Map();
    for (const entry of saved.prints as unknown[]) {
      if (!Array.isArray(entry) || entry.length !== 3 || !entry.every((part) => typeof part === 'string')) return undefined;
      const [name, version, print] = entry as [string, string, string];
      prints.set(name, { version, print });
    }
    return prints;
  } catch {
    return undefined;
  }
}

/** Keeps the prints for the next process, atomically; a cache folder that cannot be written only costs that process the reading. */
async function writePrints(cacheDir: string, folder: string, prints: Prints): Promise<void> {
  const file = printsFileOf(cacheDir, folder);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(temp, JSON.stringify({ folder, prints: [...prints].map(([name, { version, print }]) => [name, version, print]) }));
    await rename(temp, file);
  } catch {
    // Not kept: the next start reads the seeds again, as if it were the first.
  }
}

const samePrints = (before: Prints | undefined, after: Prints): boolean =>
  before !== undefined && before.size === after.size && [...after].every(([name, print]) => before.get(name) === print);

/** Folders whose files' fingerprints are remembered between keys. */
const REMEMBERED_FOLDERS = 4;
/**
 * Per folder (real path), the prints its last key met. A reload computes the
 * key before and after building: an unchanged file is read for neither.
 */
const lastPrints = new Map<string, Prints>();

/** Forgets the prints kept in memory, as a new process starts without them (for tests of the prints kept on disk). */
export function forgetRememberedPrints(): void {
  lastPrints.clear();
}

/**
 * One candidate file's part of the key. Opened through the loader's own boundary,
 * so the key reads exactly what the loader would: no link out of the folder, no
 * device or FIFO, nothing swapped in between the check and the read.
 */
async function fingerprint(
  folder: string,
  name: string,
  maxBytes: number,
  known: Prints | undefined,
  prints: Prints,
  chunk: Buffer,
): Promise<string> {
  try {
    const last = known?.get(name);
    if (last) {
      const plain = plainFileVersion(folder, name);
      if (plain?.version && plain.size <= maxBytes && plain.version === last.version) {
        prints.set(name, last);
        return last.print;
      }
    }
    const opened = await openInside(folder, name);
    if (!opened.ok) return opened.reason === OUTSIDE_REASON ? 'outside' : 'other';
    try {
      if (opened.size > maxBytes) return `large ${opened.size}`;
      if (opened.version && last?.version === opened.version) {
        prints.set(name, last);
        return last.print;
      }
      const digest = createHash('sha256');
      for (let read = await opened.handle.read(chunk, 0, chunk.length, null); read.bytesRead > 0; read = await opened.handle.read(chunk, 0, chunk.length, null)) {
        digest.update(chunk.subarray(0, read.bytesRead));
      }
      const print = `file ${opened.size} ${digest.digest('hex')}`;
      if (opened.version) prints.set(name, { version: opened.version, print });
      return print;
    } finally {
      await opened.handle.close();
    }
  } catch (error) {
    // Gone or unreadable since the listing: the loader will skip it too.
    return `unreadable ${(error as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}
