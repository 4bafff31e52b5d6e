/**
 * Issue 13 row 7: the cache key reads like the loader does. A 3 GB
 * `backup.tar` in the seeds folder is never read (start-up used to fail
 * reading it whole), a file deleted between listing and reading counts as
 * gone instead of failing, and a link out of the folder is not followed.
 */
import { rmSync, truncateSync, writeFileSync } from 'node:fs';
import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { cacheKey } from '../../src/engine/key.js';
import { seedsFolder } from '../helpers/seeds.js';

/** Files to delete right after the next listing of a folder, as if a moderator removed them at that moment. */
const vanishAfterListing = vi.hoisted(() => ({ files: [] as string[] }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const readdir = (async (...args: Parameters<typeof fs.readdir>) => {
    const listing = await (fs.readdir as (...a: unknown[]) => Promise<unknown>)(...args);
    for (const file of vanishAfterListing.files.splice(0)) await fs.rm(file, { force: true });
    return listing;
  }) as typeof fs.readdir;
  return { ...fs, default: { ...fs, readdir }, readdir };
});

const harbour = 'Harbour story\n\nThe council voted to rebuild the harbour wall on Monday.';
const ferries = 'Ferry story\n\nThe government bought three new ferries from a shipyard.';

afterEach(() => {
  vanishAfterListing.files.length = 0;
});

describe('the cache key of a seeds folder', () => {
  test('a 3 GB non-article file is not read: the engine starts, and the key ignores it', async () => {
    const dir = await seedsFolder({ 'harbour.txt': harbour });
    const before = await cacheKey({ seedsDir: dir });
    const tar = join(dir, 'backup.tar');
    // Sparse: 3 GB long, no disk used. Reading it whole fails (over Node's 2 GB buffer limit).
    writeFileSync(tar, '');
    truncateSync(tar, 3 * 1024 ** 3);
    try {
      expect(await cacheKey({ seedsDir: dir })).toBe(before);
      const engine = await Engine.open({ seedsDir: dir, cacheDir: await mkdtemp(join(tmpdir(), 'cache-')) });
      expect(engine.build.cache?.writeError).toBeUndefined();
      expect(engine.sources().map((s) => s.articleId)).toEqual(['harbour']);
    } finally {
      rmSync(tar);
    }
  });

  test('an article over the size limit counts by its size, unread', async () => {
    const dir = await seedsFolder({ 'harbour.txt': harbour, 'big.txt': 'x'.repeat(5000) });
    const key = await cacheKey({ seedsDir: dir, maxFileBytes: 1000 });
    await writeFile(join(dir, 'big.txt'), 'y'.repeat(5000));
    expect(await cacheKey({ seedsDir: dir, maxFileBytes: 1000 })).toBe(key);
    await writeFile(join(dir, 'big.txt'), 'y'.repeat(5001));
    expect(await cacheKey({ seedsDir: dir, maxFileBytes: 1000 })).not.toBe(key);
  });

  test('a file deleted between listing and reading counts as gone; the key does not fail', async () => {
    const dir = await seedsFolder({ 'harbour.txt': harbour, 'ferries.txt': ferries });
    const both = await cacheKey({ seedsDir: dir });
    vanishAfterListing.files.push(join(dir, 'ferries.txt'));
    const vanished = await cacheKey({ seedsDir: dir });
    expect(vanished).not.toBe(both);
    // Listed but gone is not the same folder as never listed; a rebuild follows either way.
    expect(await cacheKey({ seedsDir: dir })).not.toBe(both);
  });

  test('a link out of the folder is not followed: its target can change without changing the key', async () => {
    const outside = await seedsFolder({ 'secret.txt': 'DISCORD_TOKEN=abc' });
    const dir = await seedsFolder({ 'harbour.txt': harbour });
    await symlink(join(outside, 'secret.txt'), join(dir, 'zz.txt'));
    const key = await cacheKey({ seedsDir: dir });
    await writeFile(join(outside, 'secret.txt'), 'DISCORD_TOKEN=xyz');
    expect(await cacheKey({ seedsDir: dir })).toBe(key);
  });
});
