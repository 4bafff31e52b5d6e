/**
 * A reload that finds nothing changed costs next to nothing: with a cache, the seeds' key is the served
 * build's, so the build is kept as it is; without one, the build worker finds no article changed and
 * hands back the served quote book and timeline instead of recomputing them.
 */
import { appendFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { seedsFolder } from '../helpers/seeds.js';

const builds = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/engine/thread.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/engine/thread.js')>();
  return {
    ...real,
    buildInWorker: (...args: Parameters<typeof real.buildInWorker>) => {
      builds.count++;
      return real.buildInWorker(...args);
    },
  };
});

const harbour = 'Harbour story\n\nOn 3 March 2019 the council voted to rebuild the old harbour wall, "a fine day," said councillor Ann Byrne.';
const ferries = 'Ferry story\n\nThe government purchased three new ferries from a shipyard in May 2018.';

/** Waits past the file system's clock tick, so a file written just now has a version (`corpus/boundary.ts`) and is not read again. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 2100));

describe('a reload with nothing changed', () => {
  it('with a cache, keeps the served build without asking the build worker, and builds again once a file changes', async () => {
    const seedsDir = await seedsFolder({ 'harbour.txt': harbour, 'ferries.txt': ferries });
    await settle();
    const engine = await Engine.open({ seedsDir, cacheDir: await mkdtemp(join(tmpdir(), 'unchanged-cache-')) });
    const before = engine.build;
    builds.count = 0;
    const report = await engine.reload();
    expect(report).toMatchObject({ ok: true, added: [], removed: [], changed: [], articles: 2 });
    expect(engine.build).toBe(before);
    expect(builds.count).toBe(0);

    await appendFile(join(seedsDir, 'ferries.txt'), '\n\nThe first ferry sails in June 2018.');
    expect(await engine.reload()).toMatchObject({ ok: true, changed: ['ferries.txt'] });
    expect(builds.count).toBe(1);
    expect(engine.ask('When does the first ferry sail?').answers[0]?.quote).toMatch(/first ferry sails/);
  }, 60_000);

  it('with a cache, is kept after a reload once the seeds are seen unchanged since it read them', async () => {
    const seedsDir = await seedsFolder({ 'harbour.txt': harbour });
    const engine = await Engine.open({ seedsDir, cacheDir: await mkdtemp(join(tmpdir(), 'unchanged-cache-')) });
    await writeFile(join(seedsDir, 'ferries.txt'), ferries);
    await settle();
    expect(await engine.reload()).toMatchObject({ ok: true, added: ['ferries.txt'] });
    // The key taken before that reload is confirmed after it, off the reload's time.
    await vi.waitFor(async () => {
      const served = engine.build;
      builds.count = 0;
      expect(await engine.reload()).toMatchObject({ ok: true, added: [], changed: [] });
      expect(builds.count).toBe(0);
      expect(engine.build).toBe(served);
    });
  }, 60_000);

  it('without a cache, keeps the served quote book and timeline', async () => {
    const seedsDir = await seedsFolder({ 'harbour.txt': harbour, 'ferries.txt': ferries });
    const engine = await Engine.open({ seedsDir });
    const before = engine.build;
    expect(await engine.reload()).toMatchObject({ ok: true, added: [], removed: [], changed: [] });
    expect(engine.build.quotes).toBe(before.quotes);
    expect(engine.build.timeline).toBe(before.timeline);
    expect(engine.quote('Ann Byrne').quotes.map((q) => q.text)).toEqual(['a fine day']);

    await appendFile(join(seedsDir, 'harbour.txt'), '\n\n"The wall will stand," said councillor Ann Byrne.');
    expect(await engine.reload()).toMatchObject({ ok: true, changed: ['harbour.txt'] });
    expect(engine.build.quotes).not.toBe(before.quotes);
    expect(engine.quote('Ann Byrne').quotes).toHaveLength(2);
  }, 60_000);
});
