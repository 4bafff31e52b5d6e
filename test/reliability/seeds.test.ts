/**
 * Broken seed files of every kind, at start and through `/reload`: each is
 * skipped with a reason a moderator can act on, the good articles keep
 * serving, and a reload that cannot load anything (or whose metadata is
 * broken) keeps the old index and says why, naming the files.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { APIMessage } from 'discord-api-types/v10';
import { requestProblems, startReliabilityBot } from './harness.js';
import type { ReliabilityBot } from './harness.js';

const MAX_FILE_BYTES = 200_000;
const isRoot = process.getuid?.() === 0;

/** The broken files, and the words the report must use for each (null: it loads, with a warning or not). */
const BROKEN: Record<string, RegExp | null> = {
  'empty.txt': /^empty file$/,
  'blank.txt': /^empty file \(only white space\)$/,
  'binary.txt': /^binary file \(contains NUL bytes\)/,
  'control.txt': /^binary file \(mostly control bytes\)/,
  'huge.txt': /^too large: 250000 bytes, over the limit of 200000$/,
  'folder.txt': /^not a regular file/,
  // A link to /dev/zero: outside the seeds folder, so never opened (the boundary, boundary.test.ts).
  'device.txt': /^a link to a file outside the seeds folder/,
  'pipe.txt': /^not a regular file/,
  'dangling.txt': /^unreadable \(ENOENT\)$/,
  'furniture.txt': /^no article text left after removing page furniture$/,
  // Root reads a file whatever its mode, so as root this one loads; as anyone else it is skipped.
  'locked.txt': isRoot ? null : /^permission denied$/,
};

function breakSeeds(dir: string): void {
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'blank.txt'), ' \n\n\t \n');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  writeFileSync(join(dir, 'control.txt'), Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 7) + 1)));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 owners said the port was closed on Monday. \xabWe lost everything,\xbb one said.\n', 'latin1'));
  writeFileSync(join(dir, 'huge.txt'), 'The port was closed. '.repeat(12_500).slice(0, 250_000));
  mkdirSync(join(dir, 'folder.txt'));
  symlinkSync('/dev/zero', join(dir, 'device.txt'));
  execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
  symlinkSync(join(dir, 'no-such-file'), join(dir, 'dangling.txt'));
  writeFileSync(join(dir, 'furniture.txt'), 'Advertisement\n\nShare this article\n\nImage copyright AFP\n');
  writeFileSync(join(dir, 'locked.txt'), 'The minister said the talks would resume in March. Officials said the delay was technical.\n');
  chmodSync(join(dir, 'locked.txt'), 0o000);
}

let h: ReliabilityBot;
let users = 0;
const mod = () => h.emulator.actor(`mod${++users}`, { roles: [h.emulator.moderatorRole] });

beforeAll(async () => {
  h = await startReliabilityBot({ env: { MAX_FILE_BYTES: String(MAX_FILE_BYTES) }, prepareSeeds: breakSeeds });
});

afterAll(async () => {
  await h?.stop();
});

const fieldsOf = (m: APIMessage): Record<string, string> => Object.fromEntries((m.embeds[0]?.fields ?? []).map((f) => [f.name, f.value]));
const unescape = (s: string): string => s.replace(/\\(.)/g, '$1');

describe('broken seed files', () => {
  test('at start: the bot starts, serves the good articles, and logs each broken file with its reason', () => {
    expect(h.bot.app.engine.sources().map((s) => s.articleId)).toEqual(expect.arrayContaining(['000_257cf49c13d9846a', '004_ee874196988fb277']));
    const skipped = new Map(h.logs().filter((l) => l.msg === 'seed file skipped').map((l) => [String(l.file), String(l.reason)]));
    for (const [file, reason] of Object.entries(BROKEN)) {
      if (reason) expect(skipped.get(file), file).toMatch(reason);
      else expect(skipped.has(file), file).toBe(false);
    }
    const warned = h.logs().find((l) => l.msg === 'seed file loaded with a warning');
    expect(warned).toMatchObject({ file: 'latin1.txt', reason: expect.stringMatching(/^not valid UTF-8: \d+ bad byte sequence\(s\) replaced/) });
  });

  test('/reload: the report names every skipped file with its reason, and the warning; the good articles still serve', async () => {
    const reload = h.emulator.slash('reload', {}, mod());
    const message = await reload.response(10_000);
    expect(message.embeds[0]?.title).toBe('Reloaded');
    const fields = fieldsOf(message);
    const skippedField = Object.entries(fields).find(([name]) => name.startsWith('Skipped ('));
    const expected = Object.entries(BROKEN).filter(([, r]) => r);
    expect(skippedField?.[0]).toBe(`Skipped (${expected.length})`);
    const reported = new Map(
      unescape(skippedField?.[1] ?? '')
        .split('\n')
        .map((l) => l.split(/: (.*)/s) as [string, string]),
    );
    for (const [file, reason] of expected) expect(reported.get(file), file).toMatch(reason!);
    expect(unescape(fields['Warnings (1)'] ?? '')).toMatch(/^latin1\.txt: not valid UTF-8/);
    expect(requestProblems(reload.requests())).toEqual([]);
    const answer = await h.emulator.slash('ask', { question: 'intelligence sharing' }, h.emulator.actor(`reader${++users}`)).response();
    expect(answer.embeds.length).toBeGreaterThan(0);
  });
});

describe('a reload that cannot be used keeps the old index', () => {
  test('broken sources.json: the reload fails, names the file, and the old index keeps answering', async () => {
    const before = h.bot.app.engine.build;
    writeFileSync(join(h.seedsDir, 'sources.json'), '{ "000_257cf49c13d9846a.txt": { "title": "Broken', 'utf8');
    const message = await h.emulator.slash('reload', {}, mod()).response(10_000);
    expect(message.embeds[0]?.title).toBe('Reload failed — the previous index is still serving');
    expect(unescape(message.embeds[0]?.description ?? '')).toMatch(/sources\.json/);
    expect(h.bot.app.engine.build).toBe(before);
  });

  test('every article broken (emptied): the reload fails naming the files, and the old index keeps answering', async () => {
    const before = h.bot.app.engine.build;
    writeFileSync(join(h.seedsDir, 'sources.json'), '{}');
    const articles = readdirSync(h.seedsDir).filter((f) => /^\d{3}_.*\.txt$/.test(f) || f === 'latin1.txt' || (isRoot && f === 'locked.txt'));
    for (const f of articles) {
      chmodSync(join(h.seedsDir, f), 0o644);
      writeFileSync(join(h.seedsDir, f), '');
    }
    const reload = h.emulator.slash('reload', {}, mod());
    const message = await reload.response(10_000);
    expect(message.embeds[0]?.title).toBe('Reload failed — the previous index is still serving');
    const description = unescape(message.embeds[0]?.description ?? '');
    expect(description).toMatch(/no article could be loaded/);
    for (const f of articles) expect(description).toContain(`${f}: empty file`);
    expect(message.embeds[0]?.footer?.text).toMatch(/^\d+ articles, \d+ paragraphs still served/);
    expect(requestProblems(reload.requests())).toEqual([]);
    expect(h.bot.app.engine.build).toBe(before);

    const answer = await h.emulator.slash('ask', { question: 'intelligence sharing' }, h.emulator.actor(`reader${++users}`)).response();
    expect(answer.embeds.some((e) => / · ¶\d+$/.test(e.description ?? ''))).toBe(true);
    const line = h.queryLog().filter((l) => l.command === 'ask').at(-1);
    expect((line?.results as { id: string }[]).some((r) => r.id.startsWith('004_'))).toBe(true);
  });

  test('hundreds of broken files with long names: the report fits Discord’s limits and is quick to render', async () => {
    for (let i = 0; i < 300; i++) writeFileSync(join(h.seedsDir, `${'x'.repeat(180)}_${i}.txt`), '');
    const started = Date.now();
    const reload = h.emulator.slash('reload', {}, mod());
    const message = await reload.response(10_000);
    // Escaping the 60 KB reason used to take 3.4 s (discord.js's escapeMarkdown is quadratic in a line's length).
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(message.embeds).toHaveLength(1);
    expect(requestProblems(reload.requests())).toEqual([]);
    // And the bot answered others meanwhile.
    expect((await h.emulator.slash('help', {}, h.emulator.actor(`reader${++users}`)).callback()).type).toBe(4);
  });
});
