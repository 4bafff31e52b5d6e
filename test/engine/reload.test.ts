import { appendFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { analyseSeeds } from '../../src/engine/build.js';
import { endBuild, memoise } from '../../src/nlp/memo.js';
import { copyOfSeeds } from '../helpers/seeds.js';

/** wink-nlp passes, counted: what a reload saves is what it does not analyse again. */
const passes = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/nlp/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/nlp/index.js')>();
  return {
    ...real,
    analyse: (text: string) => {
      passes.count++;
      return real.analyse(text);
    },
  };
});

/** Forgets every remembered analysis: a build after two ends with nothing in between starts from nothing. */
function forgetAll(): void {
  endBuild();
  endBuild();
}

describe('memoise', () => {
  it('computes a key once per build, and forgets keys the last build did not use', () => {
    let calls = 0;
    const shout = memoise((word: string) => {
      calls++;
      return word.toUpperCase();
    }, (word) => word);
    expect([shout('harbour'), shout('harbour'), shout('ferry')]).toEqual(['HARBOUR', 'HARBOUR', 'FERRY']);
    expect(calls).toBe(2);
    endBuild();
    shout('harbour');
    expect(calls).toBe(2);
    // `ferry` was not used by the build that just ended: it is computed again.
    endBuild();
    shout('ferry');
    expect(calls).toBe(3);
  });
});

describe('a reload after one article changed', () => {
  it('analyses only that article again, and builds exactly what a build from nothing builds', async () => {
    const dir = await copyOfSeeds();
    forgetAll();
    passes.count = 0;
    await analyseSeeds({ seedsDir: dir });
    const full = passes.count;

    const [article] = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
    await appendFile(join(dir, article as string), '\n\nOn 3 March 2019 the harbour master said "the ferry will sail at dawn".\n');
    passes.count = 0;
    const reloaded = await analyseSeeds({ seedsDir: dir });
    const incremental = passes.count;

    forgetAll();
    passes.count = 0;
    const fresh = await analyseSeeds({ seedsDir: dir });
    expect(passes.count).toBeGreaterThanOrEqual(full);

    expect(JSON.stringify(reloaded)).toBe(JSON.stringify(fresh));
    expect(incremental).toBeGreaterThan(0);
    // One article of five, and only its paragraphs.
    expect(incremental).toBeLessThan(full / 3);
    expect(reloaded.timeline.some((e) => /ferry will sail/.test(e.text))).toBe(true);
  }, 60_000);
});
