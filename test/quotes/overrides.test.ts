import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { QuotesDataError, buildQuoteBook, parseSpeakerOverrides, readSpeakerOverrides } from '../../src/quotes/index.js';
import { article } from './helpers.js';

const dirs: string[] = [];
async function seedsWith(content?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'quotes-overrides-'));
  dirs.push(dir);
  if (content !== undefined) await writeFile(join(dir, 'speakers.json'), content);
  return dir;
}
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('readSpeakerOverrides', () => {
  it('gives empty overrides when the file is missing', async () => {
    expect(await readSpeakerOverrides(await seedsWith())).toEqual({ speakers: [], quotations: [] });
  });

  it('throws a QuotesDataError naming the file when the JSON is broken', async () => {
    const dir = await seedsWith('{ "speakers": [ ');
    const error = await readSpeakerOverrides(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QuotesDataError);
    expect((error as Error).message).toContain(join(dir, 'speakers.json'));
  });

  it('throws a QuotesDataError naming the file and the field when the shape is wrong', async () => {
    const dir = await seedsWith('{ "speakers": [ { "aliases": ["x"] } ] }');
    await expect(readSpeakerOverrides(dir)).rejects.toThrow(/speakers\.json.*speakers\.0\.name/);
  });

  it('reads a documented file with a $comment', async () => {
    const dir = await seedsWith(JSON.stringify({ $comment: 'notes', speakers: [{ name: 'A B' }] }));
    expect(await readSpeakerOverrides(dir)).toEqual({ speakers: [{ name: 'A B', aliases: [] }], quotations: [] });
  });

  it('reads the seeds folder’s own file', async () => {
    await expect(readSpeakerOverrides(join(import.meta.dirname, '..', '..', 'seeds'))).resolves.toBeDefined();
  });
});

describe('overrides applied to the quote book', () => {
  const articles = [
    article('a', [
      '“Hello,” Pompeo had tweeted.',
      '“Goodbye,” Anna Berg said.',
      'Critics describe the plan as “a gamble”.',
    ]),
  ];

  it('renames a found speaker and adds aliases that resolve to it', () => {
    const book = buildQuoteBook(articles, parseSpeakerOverrides({ speakers: [{ name: 'Mike Pompeo', aliases: ['Pompeo', 'the secretary of state'] }] }));
    expect(book.quotesOf('Mike Pompeo').map((q) => q.text)).toEqual(['Hello']);
    expect(book.resolve('the secretary of state').speaker).toBe('Mike Pompeo');
    expect(book.resolve('Pompeo').speaker).toBe('Mike Pompeo');
    expect(book.speakers.map((s) => s.name)).not.toContain('Pompeo');
  });

  it('sets the kind of a speaker', () => {
    const book = buildQuoteBook(articles, parseSpeakerOverrides({ speakers: [{ name: 'Anna Berg', kind: 'organisation' }] }));
    expect(book.speakers.find((s) => s.name === 'Anna Berg')?.kind).toBe('organisation');
  });

  it('corrects the speaker of one quotation, or clears it', () => {
    const book = buildQuoteBook(
      articles,
      parseSpeakerOverrides({
        quotations: [
          { paragraphId: 'a#3', text: 'A GAMBLE', speaker: 'Anna Berg' },
          { paragraphId: 'a#1', text: 'hello', speaker: null },
        ],
      }),
    );
    expect(book.quotesOf('Anna Berg').map((q) => q.text)).toEqual(['Goodbye', 'a gamble']);
    expect(book.quotations.find((q) => q.text === 'Hello')?.speaker).toBeNull();
  });
});
