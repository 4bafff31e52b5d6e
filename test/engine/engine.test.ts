import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine, EngineError } from '../../src/engine/engine.js';
import { seedsFolder } from '../helpers/seeds.js';

const harbour = 'Harbour story\n\nThe city council voted to rebuild the old harbour wall.';
const ferries = 'Ferry story\n\nThe government purchased three new ferries from a shipyard.';

describe('Engine', () => {
  it('refuses to open when not one article loads, naming the reasons', async () => {
    const dir = await seedsFolder({ 'empty.txt': '' });
    await expect(Engine.open({ seedsDir: dir })).rejects.toThrow(EngineError);
    await expect(Engine.open({ seedsDir: dir })).rejects.toThrow(/empty\.txt: empty file/);
  });

  it('reports what a reload added, removed and changed, and serves the new index', async () => {
    const dir = await seedsFolder({ 'harbour.txt': harbour, 'old.txt': 'Old story\n\nSomething old happened.' });
    const engine = await Engine.open({ seedsDir: dir });
    expect(engine.ask('ferries shipyard').answers).toEqual([]);

    await writeFile(join(dir, 'ferries.txt'), ferries);
    await rm(join(dir, 'old.txt'));
    await writeFile(join(dir, 'harbour.txt'), `${harbour}\n\nThe work starts in May.`);
    await writeFile(join(dir, 'broken.txt'), Buffer.from([0, 1, 2, 3]));
    const report = await engine.reload();

    expect(report).toMatchObject({
      ok: true,
      added: ['ferries.txt'],
      removed: ['old.txt'],
      changed: ['harbour.txt'],
      articles: 2,
      paragraphs: 3,
      skipped: [{ file: 'broken.txt', reason: expect.stringMatching(/binary/) }],
    });
    expect(engine.ask('ferries shipyard').answers[0]?.articleId).toBe('ferries');
  });

  it('counts an edit to an article\'s metadata as a change', async () => {
    const dir = await seedsFolder({ 'harbour.txt': harbour, 'sources.json': JSON.stringify({ 'harbour.txt': { title: 'Old' } }) });
    const engine = await Engine.open({ seedsDir: dir });
    await writeFile(join(dir, 'sources.json'), JSON.stringify({ 'harbour.txt': { title: 'New title' } }));
    expect((await engine.reload()).changed).toEqual(['harbour.txt']);
    expect(engine.sources()[0]?.title).toBe('New title');
  });

  it('keeps the old index serving when a reload finds no article', async () => {
    const dir = await seedsFolder({ 'harbour.txt': harbour });
    const engine = await Engine.open({ seedsDir: dir });
    await writeFile(join(dir, 'harbour.txt'), '');
    const report = await engine.reload();
    expect(report.ok).toBe(false);
    expect(report.reason).toMatch(/no article could be loaded.*harbour\.txt: empty file/);
    expect(engine.ask('harbour wall').answers[0]?.articleId).toBe('harbour');
  });

  it('keeps the old index serving when the seeds folder disappears', async () => {
    const dir = await seedsFolder({ 'harbour.txt': harbour });
    const engine = await Engine.open({ seedsDir: dir });
    await rm(dir, { recursive: true });
    const report = await engine.reload();
    expect(report).toMatchObject({ ok: false, reason: expect.stringMatching(/cannot read seeds folder/) });
    expect(engine.ask('harbour wall').answers).toHaveLength(1);
  });

  it('answers from the old index while a reload is building, and runs reloads one at a time', async () => {
    const dir = await seedsFolder({ 'harbour.txt': harbour });
    const engine = await Engine.open({ seedsDir: dir });
    const before = engine.build;
    await writeFile(join(dir, 'ferries.txt'), ferries);
    const first = engine.reload();
    const second = engine.reload();
    // The swap happens only when a build is complete: right now the old build serves.
    expect(engine.build).toBe(before);
    expect(engine.ask('harbour wall').answers).toHaveLength(1);
    const [a, b] = await Promise.all([first, second]);
    expect(a.added).toEqual(['ferries.txt']);
    expect(b.added).toEqual([]);
    expect(engine.build).not.toBe(before);
  });

  it('lists its sources with paragraph counts', async () => {
    const dir = await seedsFolder({
      'harbour.txt': harbour,
      'sources.json': JSON.stringify({ 'harbour.txt': { title: 'Harbour', outlet: 'Gazette', published: '2019-03-04' } }),
    });
    const engine = await Engine.open({ seedsDir: dir });
    expect(engine.sources()).toEqual([
      { articleId: 'harbour', title: 'Harbour', outlet: 'Gazette', published: '2019-03-04', url: null, paragraphs: 1 },
    ]);
  });
});
