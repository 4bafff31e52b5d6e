import { mkdtemp, readdir, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cacheKey, forgetRememberedPrints } from '../../src/engine/key.js';
import { seedsFolder } from '../helpers/seeds.js';

/** Seed files the key opened (to read them, or to judge a link). */
const opened = vi.hoisted(() => ({ names: [] as string[] }));
vi.mock('../../src/corpus/boundary.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/corpus/boundary.js')>();
  return {
    ...real,
    openInside: (root: string, name: string) => {
      opened.names.push(name);
      return real.openInside(root, name);
    },
  };
});

/** `cacheKey` as a new process has it: nothing remembered in memory. */
function freshCacheKey(): typeof cacheKey {
  forgetRememberedPrints();
  return cacheKey;
}

/** A seeds folder whose files were last written a minute ago (a file written within the clock's tick is always read). */
async function settledSeeds(files: Record<string, string>): Promise<string> {
  const dir = await seedsFolder(files);
  const minuteAgo = new Date(Date.now() - 60_000);
  for (const name of Object.keys(files)) await utimes(join(dir, name), minuteAgo, minuteAgo);
  return dir;
}

const FILES = { 'a.txt': 'Harbour story\n\nThe council voted to rebuild the harbour wall.', 'b.txt': 'Bridge story\n\nThe ferry ran late again.' };

describe('the cache key across processes', () => {
  it('reads no seed again when a new process finds them as the last one left them', async () => {
    const seedsDir = await settledSeeds(FILES);
    const options = { seedsDir, cacheDir: await mkdtemp(join(tmpdir(), 'cache-')) };
    opened.names = [];
    const key = await freshCacheKey()(options);
    expect(opened.names.sort()).toEqual(['a.txt', 'b.txt']);
    expect((await readdir(options.cacheDir)).filter((f) => f.startsWith('prints-'))).toHaveLength(1);

    opened.names = [];
    expect(await freshCacheKey()(options)).toBe(key);
    expect(opened.names).toEqual([]);
  });

  it('reads a seed that changed since, and makes a new key', async () => {
    const seedsDir = await settledSeeds(FILES);
    const options = { seedsDir, cacheDir: await mkdtemp(join(tmpdir(), 'cache-')) };
    const key = await freshCacheKey()(options);
    // Same size, other bytes.
    await writeFile(join(seedsDir, 'a.txt'), FILES['a.txt'].replace('wall', 'gate'));
    opened.names = [];
    const changed = await freshCacheKey()(options);
    expect(changed).not.toBe(key);
    expect(opened.names).toEqual(['a.txt']);
    // Without a cache folder (nothing kept) the key is the same: it never depends on the prints.
    expect(await freshCacheKey()({ seedsDir })).toBe(changed);
  });

  it('reads every seed when the prints file is damaged, with the same key', async () => {
    const seedsDir = await settledSeeds(FILES);
    const options = { seedsDir, cacheDir: await mkdtemp(join(tmpdir(), 'cache-')) };
    const key = await freshCacheKey()(options);
    const [printsFile] = (await readdir(options.cacheDir)).filter((f) => f.startsWith('prints-'));
    for (const damage of ['{"folder": ', '{"folder": "/elsewhere", "prints": []}', '{"folder": 1, "prints": [[1, 2]]}']) {
      await writeFile(join(options.cacheDir, printsFile as string), damage);
      opened.names = [];
      expect(await freshCacheKey()(options)).toBe(key);
      expect(opened.names.sort()).toEqual(['a.txt', 'b.txt']);
    }
  });

  it('still judges a link by opening it, every time', async () => {
    const seedsDir = await settledSeeds(FILES);
    await symlink(join(seedsDir, 'b.txt'), join(seedsDir, 'c.txt'));
    const options = { seedsDir, cacheDir: await mkdtemp(join(tmpdir(), 'cache-')) };
    const key = await freshCacheKey()(options);
    opened.names = [];
    expect(await freshCacheKey()(options)).toBe(key);
    expect(opened.names).toEqual(['c.txt']);
  });
});
