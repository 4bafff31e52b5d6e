/**
 * Bytes under a key, on disk: one file per key in the cache folder. Knows
 * nothing of what the bytes mean (see `build.ts` for that).
 *
 * File layout: one line of JSON header (`schema`, `key`, `sha256`, `bytes`),
 * then the body. Written to a temporary file and renamed, so a reader never
 * sees half a file; a file whose header names another schema or key, whose
 * length or checksum disagrees with its header, is refused with the reason.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Bump when the layout of the file or of the payload changes. */
export const CACHE_SCHEMA = 3;

interface Header {
  schema: number;
  key: string;
  sha256: string;
  bytes: number;
}

export class CacheFileError extends Error {
  constructor(file: string, detail: string) {
    super(`cache: cannot use ${file}: ${detail}`);
    this.name = 'CacheFileError';
  }
}

export const cacheFileOf = (cacheDir: string, key: string): string => join(cacheDir, `index-${key.slice(0, 16)}.json`);

/** A body as cache file bytes under `key`. */
export function encodeEntry(body: Buffer, key: string): Buffer {
  const header: Header = { schema: CACHE_SCHEMA, key, sha256: createHash('sha256').update(body).digest('hex'), bytes: body.length };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]);
}

/** The body of a cache file's bytes, when they are whole and under `key`; throws a `CacheFileError` saying why not. */
export function decodeEntry(bytes: Buffer, key: string, file = 'cache'): Buffer {
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
  return body;
}

/** The body stored under `key`: null when there is none, a `CacheFileError` when the file cannot be used. */
export async function readEntry(cacheDir: string, key: string): Promise<Buffer | null> {
  const file = cacheFileOf(cacheDir, key);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new CacheFileError(file, `unreadable (${code ?? (error as Error).message})`);
  }
  return decodeEntry(bytes, key, file);
}

/** Stores `body` under `key` (atomically) and drops the files of other keys; returns the bytes written. */
export async function writeEntry(cacheDir: string, key: string, body: Buffer): Promise<number> {
  const file = cacheFileOf(cacheDir, key);
  const encoded = encodeEntry(body, key);
  await mkdir(cacheDir, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, encoded);
  await rename(temp, file);
  await removeOthers(cacheDir, file);
  return encoded.length;
}

/** Older cache files (other keys) are of no further use. */
async function removeOthers(cacheDir: string, keep: string): Promise<void> {
  for (const name of await readdir(cacheDir)) {
    const path = join(cacheDir, name);
    if (path !== keep && /^index-[0-9a-f]{16}\.json$/.test(name) && (await stat(path)).isFile()) await rm(path, { force: true });
  }
}
