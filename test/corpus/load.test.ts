import { chmod, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSeed, loadCorpus, SeedsFolderError } from '../../src/corpus/load.js';
import { parsePublished } from '../../src/corpus/sources.js';
import { seedsFolder } from '../helpers/seeds.js';

const story = 'A headline\n\nThe first paragraph of the story.\n\nThe second paragraph of the story.';

describe('loadCorpus', () => {
  it('gives each paragraph a stable id and its number in the cleaned article', async () => {
    const dir = await seedsFolder({ 'a.txt': story });
    const { articles } = await loadCorpus(dir);
    expect(articles[0]?.paragraphs.map((p) => [p.id, p.number])).toEqual([
      ['a#1', 1],
      ['a#2', 2],
    ]);
  });

  it('takes title, outlet, url and date from sources.json', async () => {
    const sources = { 'a.txt': { title: 'Real title', outlet: 'The Outlet', url: 'https://x.test/a', published: '2018-01', precision: 'month' } };
    const dir = await seedsFolder({ 'a.txt': story, 'sources.json': JSON.stringify(sources) });
    const [article] = (await loadCorpus(dir)).articles;
    expect(article).toMatchObject({
      title: 'Real title',
      outlet: 'The Outlet',
      url: 'https://x.test/a',
      published: '2018-01',
      publishedDate: { value: '2018-01', precision: 'month' },
    });
  });

  it('loads an article without metadata, with its first line as title and outlet and date unknown', async () => {
    const dir = await seedsFolder({ 'b.txt': story });
    const [article] = (await loadCorpus(dir)).articles;
    expect(article).toMatchObject({ title: 'A headline', outlet: null, published: null, publishedDate: null, url: null });
  });

  it('skips bad files with a reason and still serves the good ones', async () => {
    const dir = await seedsFolder({
      'good.txt': story,
      'empty.txt': '',
      'blank.txt': '  \n\n ',
      'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x03]),
      'huge.txt': 'x'.repeat(2000),
      'folder.txt/': '',
      'furniture.txt': 'Latest news\n\nCopyright Someone 2019. All rights reserved.',
      'notes.md': 'not an article',
    });
    const { articles, skipped } = await loadCorpus(dir, { maxFileBytes: 1000 });
    expect(articles.map((a) => a.file)).toEqual(['good.txt']);
    const reasons = Object.fromEntries(skipped.map((s) => [s.file, s.reason]));
    expect(reasons['empty.txt']).toMatch(/empty/);
    expect(reasons['blank.txt']).toMatch(/empty/);
    expect(reasons['binary.txt']).toMatch(/binary/);
    expect(reasons['huge.txt']).toMatch(/too large: 2000 bytes/);
    expect(reasons['folder.txt']).toMatch(/not a regular file/);
    expect(reasons['furniture.txt']).toMatch(/no article text/);
    expect(reasons['notes.md']).toBeUndefined();
  });

  it('allows a saved web page more bytes than a text file, under its own limit', async () => {
    const prose = 'The harbour board approved the new ferry terminal on Monday after a long debate about the cost. '.repeat(3);
    const page = (padding: number): string =>
      `<html><head><title>Ferry terminal approved</title><style>${' '.repeat(padding)}</style></head>` +
      `<body><article><h1>Ferry terminal approved</h1><p>${prose}</p><p>${prose}</p></article></body></html>`;
    const dir = await seedsFolder({ 'saved.html': page(3000), 'huge.html': page(9000), 'long.txt': `Headline\n\n${prose.repeat(12)}` });
    const { articles, skipped } = await loadCorpus(dir, { maxFileBytes: 2000, maxHtmlBytes: 8000 });
    expect(articles.map((a) => a.file)).toEqual(['saved.html']);
    expect(Object.fromEntries(skipped.map((s) => [s.file, s.reason]))).toEqual({
      'huge.html': expect.stringMatching(/too large: \d+ bytes, over the limit of 8000/),
      'long.txt': expect.stringMatching(/over the limit of 2000/),
    });
  });

  it('loads invalid UTF-8 with the bad bytes replaced, and says so', async () => {
    const bytes = Buffer.concat([Buffer.from('A headline\n\nCaf'), Buffer.from([0xe9]), Buffer.from(' opened its doors today.')]);
    const dir = await seedsFolder({ 'latin1.txt': bytes });
    const { articles, warnings } = await loadCorpus(dir);
    expect(articles[0]?.paragraphs[0]?.text).toBe('Caf\uFFFD opened its doors today.');
    expect(warnings).toEqual([{ file: 'latin1.txt', reason: expect.stringMatching(/not valid UTF-8: 1 bad byte/) }]);
  });

  it.skipIf(process.getuid?.() === 0)('skips a file it has no permission to read', async () => {
    const dir = await seedsFolder({ 'good.txt': story, 'secret.txt': story });
    await chmod(join(dir, 'secret.txt'), 0o000);
    const { skipped } = await loadCorpus(dir);
    expect(skipped).toEqual([{ file: 'secret.txt', reason: 'permission denied' }]);
  });

  it('reads again only the files written since the last load of the folder, even at the same size', async () => {
    const dir = await seedsFolder({ 'a.txt': story, 'b.txt': story.replace('first', 'front') });
    // Files written a moment ago are always read (a second write in the same clock tick would not show): these are older.
    const settle = (): Promise<void[]> => Promise.all(['a.txt', 'b.txt'].map((f) => utimes(join(dir, f), 1_500_000_000, 1_500_000_000)));
    await settle();
    const first = await loadCorpus(dir);
    // Same length, other words: only the file's version (inode, size, times) tells it was written.
    await writeFile(join(dir, 'b.txt'), story.replace('first', 'final'));
    await writeFile(join(dir, 'sources.json'), JSON.stringify({ 'a.txt': { title: 'Retitled' } }));
    await settle();
    const second = await loadCorpus(dir);
    expect(second.articles[1]?.paragraphs[0]?.text).toBe('The final paragraph of the story.');
    expect(second.articles[1]?.hash).not.toBe(first.articles[1]?.hash);
    // Its metadata changed: the same bytes make another article.
    expect(second.articles[0]?.title).toBe('Retitled');
    const third = await loadCorpus(dir);
    expect(third.articles[0]).toBe(second.articles[0]);
    expect(third.articles[1]).toBe(second.articles[1]);
  });

  it('throws a SeedsFolderError naming the folder when it cannot be read', async () => {
    await expect(loadCorpus('/nonexistent/seeds')).rejects.toThrow(SeedsFolderError);
    await expect(loadCorpus('/nonexistent/seeds')).rejects.toThrow(/\/nonexistent\/seeds/);
  });

  it('reports a broken sources.json rather than guessing', async () => {
    const dir = await seedsFolder({ 'a.txt': story });
    await writeFile(join(dir, 'sources.json'), '{ not json');
    await expect(loadCorpus(dir)).rejects.toThrow(/sources\.json: not valid JSON/);
  });
});

describe('decodeSeed', () => {
  it('tells text from a file of control bytes', () => {
    expect(decodeSeed(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]))).toEqual({ ok: false, reason: expect.stringMatching(/binary/) });
    expect(decodeSeed(Buffer.from('plain text'))).toEqual({ ok: true, text: 'plain text' });
  });
});

describe('parsePublished', () => {
  it('keeps the precision the date shows', () => {
    expect(parsePublished('2018-01-09')).toEqual({ value: '2018-01-09', precision: 'day' });
    expect(parsePublished('2018-01')).toEqual({ value: '2018-01', precision: 'month' });
    expect(parsePublished('2018')).toEqual({ value: '2018', precision: 'year' });
  });

  it('believes a claim of less precision, never of more', () => {
    expect(parsePublished('2018-01-09', 'month')).toEqual({ value: '2018-01', precision: 'month' });
    expect(parsePublished('2018-01', 'day')).toEqual({ value: '2018-01', precision: 'month' });
  });

  it('returns null for an unknown or malformed date', () => {
    expect(parsePublished(null)).toBeNull();
    expect(parsePublished('January 2018')).toBeNull();
  });
});
