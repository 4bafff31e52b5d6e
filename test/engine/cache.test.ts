import { createHash } from 'node:crypto';
import { appendFile, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CACHE_SCHEMA, CacheFileError, cacheFileOf, decodeEntry, encodeEntry } from '../../src/engine/cache.js';
import { Engine } from '../../src/engine/engine.js';
import { cacheKey } from '../../src/engine/key.js';
import { copyOfSeeds, seedsFolder } from '../helpers/seeds.js';

const cacheDirOf = (): Promise<string> => mkdtemp(join(tmpdir(), 'cache-'));
const QUESTIONS = ['Why did Pakistan suspend cooperation with the US?', 'What did Khan say about Russia and China?', 'air strikes Iran'];

describe('the build cache', () => {
  let seeds: string;
  let cacheDir: string;
  let built: Engine;
  let cached: Engine;
  beforeAll(async () => {
    seeds = await copyOfSeeds();
    cacheDir = await cacheDirOf();
    built = await Engine.open({ seedsDir: seeds, cacheDir });
    cached = await Engine.open({ seedsDir: seeds, cacheDir });
  });

  it('builds and writes the cache when there is none, then loads it without building', () => {
    expect(built.build.cache).toMatchObject({ status: 'miss' });
    expect(built.build.cache?.writeError).toBeUndefined();
    expect(built.build.cache?.bytes).toBeGreaterThan(0);
    expect(cached.build.cache).toMatchObject({ status: 'hit', file: built.build.cache?.file });
  });

  it('restores everything, the quote book included: answers exactly as a fresh build', () => {
    for (const q of QUESTIONS) expect(cached.ask(q)).toEqual(built.ask(q));
    expect(cached.ask('Khurram Dastgr')).toEqual(built.ask('Khurram Dastgr'));
    expect(cached.timeline({ about: 'military aid' })).toEqual(built.timeline({ about: 'military aid' }));
    expect(cached.timeline()).toEqual(built.timeline());
    expect(cached.sources()).toEqual(built.sources());
    expect(cached.speakers()).toEqual(built.speakers());
    expect(built.build.quotes.speakers.length).toBeGreaterThan(2);
    for (const s of built.build.quotes.speakers) {
      expect(cached.quote(s.name)).toEqual(built.quote(s.name));
      for (const alias of s.aliases) expect(cached.quote(alias)).toEqual(built.quote(alias));
      expect(cached.speakers(s.name.slice(0, 2))).toEqual(built.speakers(s.name.slice(0, 2)));
    }
    for (const typo of ['Kwaja Asif', 'Dastgr', 'Trunp', 'nobody at all']) expect(cached.quote(typo)).toEqual(built.quote(typo));
  });

  it('rebuilds after a seed changes, and drops the stale file', async () => {
    const dir = await copyOfSeeds();
    const folder = await cacheDirOf();
    const before = await Engine.open({ seedsDir: dir, cacheDir: folder });
    const [article] = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
    await appendFile(join(dir, article as string), '\n\nThe lighthouse keeper counted forty-two narwhals in the bay.\n');

    const after = await Engine.open({ seedsDir: dir, cacheDir: folder });
    expect(after.build.cache?.status).toBe('miss');
    expect(after.build.cache?.file).not.toBe(before.build.cache?.file);
    expect(after.ask('narwhals lighthouse').answers[0]?.text).toMatch(/narwhals/);
    expect((await readdir(folder)).filter((f) => f.startsWith('index-'))).toEqual([after.build.cache?.file.split('/').pop()]);
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
    const withSources = await cacheKey({ seedsDir: dir });
    expect(withSources).not.toBe(withSynonyms);
    await writeFile(join(dir, 'a.txt'), 'Harbour story\n\nThe council voted to rebuild the harbour gate.');
    expect(await cacheKey({ seedsDir: dir })).not.toBe(withSources);
  });

  it.each([
    ['a flipped byte in the payload', (b: Buffer) => Buffer.from(b).fill(0x20, b.length - 40, b.length - 39), /checksum/],
    ['a truncated file', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2)), /bytes, header says/],
    ['a header that is not JSON', (b: Buffer) => Buffer.concat([Buffer.from('{oops\n'), b]), /header is not JSON/],
    ['no header line at all', () => Buffer.from('garbage'), /no header/],
    ['an older schema', (b: Buffer) => swapHeader(b, (h) => ({ ...h, schema: CACHE_SCHEMA - 1 })), /schema/],
    ['another key', (b: Buffer) => swapHeader(b, (h) => ({ ...h, key: 'f'.repeat(64) })), /key mismatch/],
  ])('refuses a cache file with %s, saying why', (_what, corrupt, reason) => {
    const key = 'a'.repeat(64);
    const good = encodeEntry(Buffer.from(JSON.stringify({ some: 'payload '.repeat(100) })), key);
    expect(decodeEntry(good, key).toString()).toMatch(/^\{"some"/);
    expect(() => decodeEntry(corrupt(good), key)).toThrow(CacheFileError);
    expect(() => decodeEntry(corrupt(good), key)).toThrow(reason);
  });

  it.each([
    ['a flipped byte', (b: Buffer) => Buffer.from(b).fill(0x20, b.length - 40, b.length - 39), /checksum/],
    ['a truncated file', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2)), /header says/],
    ['a payload that is not JSON', (b: Buffer) => withPayload(b, Buffer.from('{"corpus": ')), /payload is not JSON/],
    ['a payload of the wrong shape', (b: Buffer) => withPayload(b, Buffer.from('{"corpus": {"articles": []}}')), /wrong shape/],
    ['a payload of the right shape that does not restore', (b: Buffer) => withPayload(b, strayParagraph(b)), /does not restore.*nowhere#1/],
  ])('rebuilds and overwrites a corrupt cache file (%s), never serving it', async (_what, corrupt, reason) => {
    const folder = await cacheDirOf();
    const first = await Engine.open({ seedsDir: seeds, cacheDir: folder });
    const file = first.build.cache?.file as string;
    await writeFile(file, corrupt(await readFile(file)));

    const second = await Engine.open({ seedsDir: seeds, cacheDir: folder });
    expect(second.build.cache?.status).toBe('rebuilt');
    expect(second.build.cache?.reason).toMatch(/cache: cannot use/);
    expect(second.build.cache?.reason).toMatch(reason);
    expect(second.ask(QUESTIONS[0] as string)).toEqual(built.ask(QUESTIONS[0] as string));

    const third = await Engine.open({ seedsDir: seeds, cacheDir: folder });
    expect(third.build.cache?.status).toBe('hit');
    expect(third.build.search.size).toBe(built.build.search.size);
  });

  it('serves the build even when the cache cannot be written', async () => {
    const blocked = join(await cacheDirOf(), 'file-not-folder');
    await writeFile(blocked, 'x');
    const engine = await Engine.open({ seedsDir: seeds, cacheDir: blocked });
    expect(engine.build.cache?.writeError).toBeDefined();
    expect(engine.build.search.size).toBe(built.build.search.size);
  });

  it('is off unless a cache folder is given', async () => {
    const engine = await Engine.open({ seedsDir: seeds });
    expect(engine.build.cache).toBeUndefined();
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

/** The file's own payload, its index naming a paragraph the corpus does not have. */
function strayParagraph(bytes: Buffer): Buffer {
  const payload = JSON.parse(bytes.subarray(bytes.indexOf(0x0a) + 1).toString()) as { search: { sentences: [string, unknown][] } };
  (payload.search.sentences[0] as [string, unknown])[0] = 'nowhere#1';
  return Buffer.from(JSON.stringify(payload));
}

function headerOf(bytes: Buffer): Header {
  return JSON.parse(bytes.subarray(0, bytes.indexOf(0x0a)).toString()) as Header;
}
