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
 * of the folder is not read again.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUTSIDE_REASON, openInside, realFolder } from '../corpus/boundary.js';
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
    const files = (await readdir(codeRoot, { recursive: true })).filter((f) => /\.[cm]?[jt]s$/.test(f) && !f.endsWith('.d.ts')).sort();
    for (const file of files) hash.update(`${file}\n`).update(await readFile(join(codeRoot, file)));
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
  const known = lastPrints.get(folder);
  const prints = new Map<string, { version: string; print: string }>();
  for (const name of names) {
    const isArticle = isCandidate(name);
    if (!isArticle && !METADATA_FILES.has(name)) continue;
    hash.update(`${await fingerprint(folder, name, isArticle ? sizeLimitOf(name, options) : Infinity, known, prints)} ${name}\n`);
  }
  lastPrints.delete(folder);
  lastPrints.set(folder, prints);
  if (lastPrints.size > REMEMBERED_FOLDERS) lastPrints.delete(lastPrints.keys().next().value as string);
  return hash.digest('hex');
}

/** Folders whose files' fingerprints are remembered between keys. */
const REMEMBERED_FOLDERS = 4;
/**
 * Per folder (real path), per file: its fingerprint and the version (`Opened.version`) it was read at.
 * A reload computes the key before and after building: an unchanged file is read for neither.
 */
const lastPrints = new Map<string, Map<string, { version: string; print: string }>>();

/**
 * One candidate file's part of the key. Opened through the loader's own boundary,
 * so the key reads exactly what the loader would: no link out of the folder, no
 * device or FIFO, nothing swapped in between the check and the read.
 */
async function fingerprint(
  folder: string,
  name: string,
  maxBytes: number,
  known: Map<string, { version: string; print: string }> | undefined,
  prints: Map<string, { version: string; print: string }>,
): Promise<string> {
  try {
    const opened = await openInside(folder, name);
    if (!opened.ok) return opened.reason === OUTSIDE_REASON ? 'outside' : 'other';
    try {
      if (opened.size > maxBytes) return `large ${opened.size}`;
      const last = known?.get(name);
      if (opened.version && last?.version === opened.version) {
        prints.set(name, last);
        return last.print;
      }
      const digest = createHash('sha256');
      for await (const chunk of opened.handle.createReadStream({ autoClose: false })) digest.update(chunk as Buffer);
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
