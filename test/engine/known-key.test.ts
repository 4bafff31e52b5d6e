import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cachedPayload, payloadFor } from '../../src/engine/build.js';
import { seedsFolder } from '../helpers/seeds.js';

/** Every cache key computed: each one reads every seed file. */
const keys = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/engine/key.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/engine/key.js')>();
  return {
    ...real,
    cacheKey: (...args: Parameters<typeof real.cacheKey>) => {
      keys.count++;
      return real.cacheKey(...args);
    },
  };
});

describe('a start that misses the cache', () => {
  it('reads the seeds for the key once before the build (and once after, to see they did not change), not again in the worker', async () => {
    const seedsDir = await seedsFolder({ 'harbour.txt': 'Harbour story\n\nThe city council voted to rebuild the old harbour wall.' });
    const options = { seedsDir, cacheDir: await mkdtemp(join(tmpdir(), 'cache-')) };
    keys.count = 0;
    const lookup = await cachedPayload(options);
    expect(lookup.hit).toBeNull();
    expect(lookup.known.key).toMatch(/^[0-9a-f]{64}$/);
    const result = await payloadFor(options, lookup.known);
    expect(result.cache).toMatchObject({ status: 'miss' });
    expect(result.cache?.writeError).toBeUndefined();
    expect(keys.count).toBe(2);
    // What was written is found under that key.
    expect((await cachedPayload(options)).hit?.cache.status).toBe('hit');
  });
});
