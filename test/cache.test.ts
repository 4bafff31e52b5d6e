import { createHash } from 'node:crypto';
import { appendFile, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CACHE_SCHEMA, CacheFileError, cacheFileOf, cacheKey, decodeBuild, encodeBuild, withCache } from '../src/cache.js';
import { buildFromSeeds, Engine } from '../src/engine.js';
import type { Build, EngineOptions } from '../src/engine.js';
import { WordNet } from '../src/search/index.js';
import { copyOfSeeds, seedsFolder } from './helpers/seeds.js';

const wordnet = new WordNet();

/**
 * Stands in for the expensive build and counts how often it runs: returns
 * `prebuilt` when given (the cache logic is what is under test), else builds.
 */
function countingBuild(prebuilt?: Build): { build: (o: EngineOptions) => Promise<Build>; calls: () => number } {
  let calls = 0;
  return {
    build: (o) => {
      calls++;
      return prebuilt ? Promise.resolve(prebuilt) : buildFromSeeds({ ...o, cacheDir: undefined });
    },
    calls: () => calls,
  };
}

const cacheDirOf = (): Promise<string> => mkdtemp(join(tmpdir(), 'cache-'));
const QUESTIONS = ['Why did Pakistan suspend cooperation with the US?', 'What did Khan say about Russia and China?', 'air strikes Iran'];

describe('the build cache', () => {
  let seeds: string;
  let fresh: Build;
  beforeAll(async () => {
    seeds = await copyOfSeeds();
    fresh = await buildFromSeeds({ seedsDir: seeds });
  });

  it('builds and writes the cache when there is none, then loads it without building', async () => {
    const cacheDir = await cacheDirOf();
    const counter = countingBuild(fresh);
    const first = await withCache({ seedsDir: seeds, cacheDir }, wordnet, counter.build);
    expect(first.cache).toMatchObject({ status: 'miss' });
    expect(first.cache.writeError).toBeUndefined();
    expect(counter.calls()).toBe(1);

    const second = await withCache({ seedsDir: seeds, cacheDir }, wordnet, counter.build);
    expect(second.cache).toMatchObject({ status: 'hit', file: first.cache.file });
    expect(counter.calls()).toBe(1);
    expect(second.search.size).toBe(fresh.search.size);
  });

  it('answers from a loaded cache exactly as from a fresh build', async () => {
    const cacheDir = await cacheDirOf();
    const built = await Engine.open({ seedsDir: seeds, cacheDir });
    expect(built.build.cache?.status).toBe('miss');
    const cached = await Engine.open({ seedsDir: seeds, cacheDir });
    expect(cached.build.cache?.status).toBe('hit');
    for (const q of QUESTIONS) expect(cached.ask(q)).toEqual(built.ask(q));
    expect(cached.ask('Khurram Dastgr')).toEqual(built.ask('Khurram Dastgr'));
    expect(cached.timeline({ about: 'military aid' })).toEqual(built.timeline({ about: 'military aid' }));
    expect(cached.timeline()).toEqual(built.timeline());
    expect(cached.sources()).toEqual(built.sources());
    for (const s of built.build.quotes.speakers) {
      expect(cached.quote(s.name)).toEqual(built.quote(s.name));
      for (const alias of s.aliases) expect(cached.quote(alias)).toEqual(built.quote(alias));
    }
  });

  it('rebuilds after a seed changes, and drops the stale file', async () => {
    const dir = await copyOfSeeds();
    const cacheDir = await cacheDirOf();
    const counter = countingBuild();
    const before = await withCache({ seedsDir: dir, cacheDir }, wordnet, counter.build);
    const [article] = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
    await appendFile(join(dir, article as string), '\n\nThe lighthouse keeper counted forty-two narwhals in the bay.\n');

    const after = await withCache({ seedsDir: dir, cacheDir }, wordnet, counter.build);
    expect(after.cache.status).toBe('miss');
    expect(after.cache.file).not.toBe(before.cache.file);
    expect(counter.calls()).toBe(2);
    expect(after.search.ask('narwhals lighthouse')[0]?.text).toMatch(/narwhals/);
    expect(await readdir(cacheDir)).toEqual([after.cache.file.split('/').pop()]);
  });

  it('keys the cache on the metadata files and options, not only the articles', async () => {
    const dir = await seedsFolder({ 'a.txt': 'Harbour story\n\nThe council voted to rebuild the harbour wall.' });
    const key = await cacheKey({ seedsDir: dir });
    expect(await cacheKey({ seedsDir: dir })).toBe(key);
    expect(await cacheKey({ seedsDir: dir, maxFileBytes: 5000 })).not.toBe(key);
    expect(await cacheKey({ seedsDir: dir, tuning: { limit: 5 } })).not.toBe(key);
    await writeFile(join(dir, 'synonyms.json'), JSON.stringify({ groups: [['harbour', 'port']] }));
    const withSynonyms = await cacheKey({ seedsDir: dir });
    expect(withSynonyms).not.toBe(key);
    await writeFile(join(dir, 'sources.json'), JSON.stringify({ 'a.txt': { outlet: 'Gazette' } }));
    expect(await cacheKey({ seedsDir: dir })).not.toBe(withSynonyms);
  });

  it.each([
    ['a flipped byte in the payload', (b: Buffer) => Buffer.from(b).fill(0x20, b.length - 40, b.length - 39), /checksum/],
    ['a truncated file', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2)), /bytes, header says/],
    ['a header that is not JSON', (b: Buffer) => Buffer.concat([Buffer.from('{oops\n'), b]), /header is not JSON/],
    ['no header line at all', () => Buffer.from('garbage'), /no header/],
    ['an older schema', (b: Buffer) => swapHeader(b, (h) => ({ ...h, schema: CACHE_SCHEMA - 1 })), /schema/],
    ['another key', (b: Buffer) => swapHeader(b, (h) => ({ ...h, key: 'f'.repeat(64) })), /key mismatch/],
    ['a payload that is not JSON', (b: Buffer) => withPayload(b, Buffer.from('{"corpus": ')), /payload is not JSON/],
    ['a payload that does not restore', (b: Buffer) => withPayload(b, Buffer.from('{"corpus": {"articles": []}}')), /does not restore/],
  ])('refuses a cache file with %s, saying why', async (_what, corrupt, reason) => {
    const key = await cacheKey({ seedsDir: seeds });
    const good = encodeBuild(fresh, key);
    await expect(decodeBuild(good, key, { seedsDir: seeds }, wordnet)).resolves.toBeDefined();
    await expect(decodeBuild(corrupt(good), key, { seedsDir: seeds }, wordnet)).rejects.toThrow(CacheFileError);
    await expect(decodeBuild(corrupt(good), key, { seedsDir: seeds }, wordnet)).rejects.toThrow(reason);
  });

  it.each([
    ['a flipped byte', (b: Buffer) => Buffer.from(b).fill(0x20, b.length - 40, b.length - 39)],
    ['a truncated file', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
  ])('rebuilds and overwrites a corrupt cache file (%s), never serving it', async (_what, corrupt) => {
    const cacheDir = await cacheDirOf();
    const counter = countingBuild(fresh);
    const first = await withCache({ seedsDir: seeds, cacheDir }, wordnet, counter.build);
    await writeFile(first.cache.file, corrupt(await readFile(first.cache.file)));

    const second = await withCache({ seedsDir: seeds, cacheDir }, wordnet, counter.build);
    expect(second.cache.status).toBe('rebuilt');
    expect(second.cache.reason).toMatch(/cache: cannot use/);
    expect(counter.calls()).toBe(2);

    const third = await withCache({ seedsDir: seeds, cacheDir }, wordnet, counter.build);
    expect(third.cache.status).toBe('hit');
    expect(counter.calls()).toBe(2);
    expect(third.search.size).toBe(fresh.search.size);
  });

  it('serves the build even when the cache cannot be written', async () => {
    const blocked = join(await cacheDirOf(), 'file-not-folder');
    await writeFile(blocked, 'x');
    const build = await withCache({ seedsDir: seeds, cacheDir: blocked }, wordnet, countingBuild(fresh).build);
    expect(build.cache.writeError).toBeDefined();
    expect(build.search.size).toBe(fresh.search.size);
  });

  it('is off unless a cache folder is given', async () => {
    expect(fresh.cache).toBeUndefined();
    expect(cacheFileOf('/c', 'ab'.repeat(32))).toBe(join('/c', `index-${'ab'.repeat(8)}.json`));
  });
});

type Header = { schema: number; key: string; sha256: string; bytes: number };

function swapHeader(bytes: Buffer, change: (h: Header) => Header): Buffer {
  const newline = bytes.indexOf(0x0a);
  return Buffer.concat([Buffer.from(`${JSON.stringify(change(headerOf(bytes)))}\n`), bytes.subarray(newline + 1)]);
}

/** A well-formed file (right header, right checksum) around a bad payload. */
function withPayload(bytes: Buffer, payload: Buffer): Buffer {
  const header = { ...headerOf(bytes), sha256: createHash('sha256').update(payload).digest('hex'), bytes: payload.length };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), payload]);
}

function headerOf(bytes: Buffer): Header {
  return JSON.parse(bytes.subarray(0, bytes.indexOf(0x0a)).toString()) as Header;
}
