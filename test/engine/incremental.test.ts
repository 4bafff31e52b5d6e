/**
 * A reload after a few articles changed is made as a change to the build being served (`incremental.ts`):
 * its answers — /ask, /quote, /timeline, sources — are those of a build from nothing over the same files,
 * after an edit, an addition and a removal in turn, and the cache it writes is valid for the next start.
 */
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseSeeds, assembleBuild } from '../../src/engine/build.js';
import { Engine } from '../../src/engine/engine.js';
import { WordNet } from '../../src/search/index.js';
import { filterTimeline } from '../../src/timeline/index.js';
import { copyOfSeeds } from '../helpers/seeds.js';

const wordnet = new WordNet();

const questions = [
  'What did the harbour master say about the ferry?',
  'When will the ferry sail?',
  'Why did the council close the pier?',
  'Who criticised the government?',
  'What happened in March 2019?',
  'How much did the repairs cost?',
  'What did the prime minister announce?',
  'Where did the talks take place?',
];

/** Everything the commands answer from a build, as text to compare. */
function answersOf(parts: Pick<Engine['build'], 'search' | 'quotes' | 'timeline' | 'corpus'>): string {
  return JSON.stringify({
    ask: questions.map((q) => parts.search.answer(q)),
    speakers: parts.quotes.speakers,
    quotes: parts.quotes.speakers.map((s) => parts.quotes.quotesOf(s.name)),
    quotations: parts.quotes.quotations,
    timeline: filterTimeline(parts.timeline, {}),
    articles: parts.corpus.articles.map((a) => [a.file, a.hash, a.paragraphs.length]),
  });
}

/** What a build from nothing over the folder answers (made here, not in the worker whose kept build is under test). */
async function freshAnswers(seedsDir: string): Promise<string> {
  const payload = JSON.parse(JSON.stringify(await analyseSeeds({ seedsDir })));
  return answersOf(assembleBuild(payload, { seedsDir }, wordnet));
}

describe('a reload of a few changed articles', () => {
  it('changes the served build in place and answers as a fresh build, after an edit, an addition and a removal', async () => {
    const seedsDir = await copyOfSeeds();
    const cacheDir = await mkdtemp(join(tmpdir(), 'incremental-cache-'));
    const engine = await Engine.open({ seedsDir, cacheDir });
    const index = engine.build.search;

    const files = engine.build.corpus.articles.map((a) => a.file);
    await appendFile(join(seedsDir, files[1] as string), '\n\nOn 3 March 2019 the harbour master said "the ferry will sail at dawn".\n');
    let report = await engine.reload();
    expect(report).toMatchObject({ ok: true, changed: [files[1]], added: [], removed: [] });
    // Changed in place, not restored from a whole payload.
    expect(engine.build.search).toBe(index);
    expect(engine.build.cache).toMatchObject({ status: 'miss', deferred: true });
    expect(answersOf(engine.build)).toBe(await freshAnswers(seedsDir));
    expect(engine.ask('When will the ferry sail?').answers[0]?.quote).toMatch(/ferry will sail at dawn/);

    await writeFile(
      join(seedsDir, '0005_pier.txt'),
      'Pier closed\n\nThe council closed the pier on 4 March 2019 after divers found cracks.\n\n"The repairs will cost £2m," said councillor Ann Byrne.\n',
    );
    report = await engine.reload();
    expect(report).toMatchObject({ ok: true, added: ['0005_pier.txt'], changed: [], removed: [] });
    expect(engine.build.search).toBe(index);
    expect(answersOf(engine.build)).toBe(await freshAnswers(seedsDir));

    await rm(join(seedsDir, files[3] as string));
    report = await engine.reload();
    expect(report).toMatchObject({ ok: true, removed: [files[3]], added: [], changed: [] });
    expect(engine.build.search).toBe(index);
    const expected = await freshAnswers(seedsDir);
    expect(answersOf(engine.build)).toBe(expected);

    // The cache written after the last reload is the build now served: the next start restores it.
    const next = await Engine.open({ seedsDir, cacheDir });
    expect(next.build.cache?.status).toBe('hit');
    expect(answersOf(next.build)).toBe(expected);
  }, 120_000);

  it('keeps the old build serving when a reload finds no article, then reloads from it once they are back', async () => {
    const seedsDir = await copyOfSeeds();
    const engine = await Engine.open({ seedsDir });
    const before = engine.build;
    const files = before.corpus.articles.map((a) => a.file);
    const saved = await Promise.all(files.map(async (f) => [f, await readFile(join(seedsDir, f))] as const));
    await Promise.all(files.map((f) => rm(join(seedsDir, f))));
    const failed = await engine.reload();
    expect(failed).toMatchObject({ ok: false, reason: expect.stringMatching(/no article could be loaded/) });
    expect(engine.build).toBe(before);

    await Promise.all(saved.map(([f, bytes]) => writeFile(join(seedsDir, f), bytes)));
    await appendFile(join(seedsDir, files[0] as string), '\n\nThe harbour master said the pier would reopen in May.\n');
    const report = await engine.reload();
    expect(report).toMatchObject({ ok: true, changed: [files[0]] });
    expect(engine.build.search).toBe(before.search);
    expect(answersOf(engine.build)).toBe(await freshAnswers(seedsDir));
  }, 120_000);
});
