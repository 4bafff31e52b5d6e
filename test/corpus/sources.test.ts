import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dateProblem, parsePublished, readSources } from '../../src/corpus/sources.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function folderWith(sources: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'sources-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'sources.json'), JSON.stringify(sources));
  return dir;
}

describe('published dates', () => {
  it('takes dates that exist, at the precision they show', () => {
    for (const d of ['1987', '2004-02', '2004-02-29', '1999-12-31']) expect(dateProblem(d), d).toBeNull();
    expect(parsePublished('2004-02-29')).toEqual({ value: '2004-02-29', precision: 'day' });
  });

  it('refuses months, days and years that do not exist', () => {
    expect(dateProblem('2021-13')).toBe('has no such month');
    expect(dateProblem('2021-00-10')).toBe('has no such month');
    expect(dateProblem('2021-02-29')).toBe('has no such day in that month');
    expect(dateProblem('2021-04-31')).toBe('has no such day in that month');
    expect(dateProblem('2021-04-00')).toBe('has no such day in that month');
    expect(dateProblem('0000')).toBe('is not a possible publication year');
    expect(dateProblem('21-04-01')).toMatch(/^is not a date written/);
    for (const d of ['2021-13-40', '0000-00-00', '2021-02-30']) expect(parsePublished(d), d).toBeNull();
  });
});

describe('sources.json values', () => {
  it('a value of the wrong type is ignored with a message naming entry, key and value; the rest of the entry is kept', async () => {
    const dir = folderWith({
      $comment: 'ignored',
      'a.txt': { title: 'A title', published: 1998, outlet: 42 },
      'b.txt': { title: ['not', 'text'], published: '1998-02-30', precision: 'week', url: 'https://b.example' },
      'c.txt': 'not an object',
    });
    const { entries, problems } = await readSources(dir);
    expect(entries['a.txt']).toEqual({ title: 'A title' });
    expect(entries['b.txt']).toEqual({ url: 'https://b.example' });
    expect(entries['c.txt']).toBeUndefined();
    expect(problems.every((p) => p.file === 'sources.json')).toBe(true);
    expect(problems.map((p) => p.reason)).toEqual([
      'entry "a.txt", key "outlet": 42 is not text (write it in quotes, or null when unknown); ignored',
      'entry "a.txt", key "published": 1998 is not text: write the date in quotes, e.g. "2019" or "2019-03-01"; ignored',
      'entry "b.txt", key "title": ["not","text"] is not text (write it in quotes, or null when unknown); ignored',
      'entry "b.txt", key "published": "1998-02-30" has no such day in that month; ignored',
      'entry "b.txt", key "precision": "week" is not one of "year", "month", "day"; ignored',
      'entry "c.txt": "not an object" is not an object of title, outlet, url, published…; ignored',
    ]);
  });

  it('a long value is shortened in the message', async () => {
    const { problems } = await readSources(folderWith({ 'a.txt': { title: { nested: 'y'.repeat(500) } } }));
    expect(problems[0]!.reason.length).toBeLessThan(200);
  });
});
