/**
 * Issue 13 row 12, through the real bot: hostile values in `sources.json`.
 * Titles and outlets full of mentions, markdown and masked links (and 10,000
 * characters long) are escaped in `/ask`, `/quote` and `/sources`; a
 * `published` that is a number or an impossible date is ignored with a
 * message naming the entry, key and value — the article itself still loads —
 * and no event is dated from it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { APIMessage } from 'discord-api-types/v10';
import { requestProblems, startReliabilityBot } from './harness.js';
import type { LogLine, ReliabilityBot } from './harness.js';

const HOSTILE = `@everyone <@&1> <@123456789012345678> **bold** __under__ [click](https://evil.example) \`code\` ${'x'.repeat(10_000)}`;
/** Markup that would work if left bare: bold, underline, a masked link, a role or user mention, code. */
const LIVE = /(?<!\\)\*\*bold|(?<!\\)__under|(?<!\\)\[click|(?<!\\)<@&1>|(?<!\\)<@123|(?<!\\)`code/;

let h: ReliabilityBot;
let files: string[];

beforeAll(async () => {
  h = await startReliabilityBot({
    prepareSeeds: (dir) => {
      const path = join(dir, 'sources.json');
      const sources = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Record<string, unknown>>;
      files = Object.keys(sources).filter((f) => !f.startsWith('$'));
      for (const f of files) Object.assign(sources[f]!, { title: `${HOSTILE} ${String(sources[f]!.title)}`, outlet: HOSTILE });
      sources[files[1]!]!.published = 2019;
      sources[files[2]!]!.published = '2019-13-45';
      sources[files[3]!]!.published = '0000-00-00';
      writeFileSync(path, JSON.stringify(sources));
    },
  });
});

afterAll(async () => {
  await h?.stop();
});

const texts = (m: APIMessage): string[] => [m.content, ...m.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])];

test('numbers and impossible dates: ignored with a message naming entry, key and value; every article still loads', async () => {
  const warned = h.logs().filter((l: LogLine) => l.msg === 'seed file loaded with a warning' && l.file === 'sources.json').map((l) => String(l.reason));
  expect(warned).toEqual(
    expect.arrayContaining([
      expect.stringMatching(new RegExp(`^entry "${files[1]}", key "published": 2019 is not text`)),
      expect.stringMatching(new RegExp(`^entry "${files[2]}", key "published": "2019-13-45" has no such month`)),
      expect.stringMatching(new RegExp(`^entry "${files[3]}", key "published": "0000-00-00" is not a possible publication year`)),
    ]),
  );
  expect(h.logs().filter((l) => l.msg === 'seed file skipped').map((l) => l.file)).toEqual([]);
  expect(h.stdout()).not.toContain('trim is not a function');
  const listed = await h.emulator.slash('sources', {}, h.emulator.actor('meta-reader')).response();
  expect(listed.embeds[0]?.title).toBe(`Articles in the index (${files.length})`);

  const report = await h.emulator.slash('reload', {}, h.emulator.actor('meta-mod', { roles: [h.emulator.moderatorRole] })).response(20_000);
  const warnings = report.embeds[0]?.fields?.find((f) => f.name.startsWith('Warnings'))?.value ?? '';
  expect(warnings).toContain(`key "published": 2019 is not text`);
  expect(warnings).toContain('"2019-13-45" has no such month');
}, 40_000);

test('no event is dated from an impossible date', async () => {
  const timeline = await h.emulator.slash('timeline', {}, h.emulator.actor('meta-timeline')).response();
  const all = texts(timeline).join('\n');
  expect(all).not.toMatch(/\b(1899|0000)\b/);
});

test('hostile titles and outlets: escaped in /ask, /quote and /sources, inside Discord’s limits, pinging no one', async () => {
  const ask = await h.emulator.slash('ask', { question: 'Why did Pakistan suspend military cooperation with the US?' }, h.emulator.actor('meta-ask')).response();
  const choices = await h.emulator.autocomplete('quote', { speaker: 'Kh' }, 'speaker', h.emulator.actor('meta-ac')).choices();
  expect(choices.length).toBeGreaterThan(0);
  const quote = await h.emulator.slash('quote', { speaker: String(choices[0]!.value) }, h.emulator.actor('meta-quote')).response();
  const sources = await h.emulator.slash('sources', {}, h.emulator.actor('meta-src')).response();
  for (const [name, message] of [['ask', ask], ['quote', quote], ['sources', sources]] as const) {
    const shown = texts(message).join('\n');
    expect(shown, name).toContain('evil.example'); // the hostile text is there…
    expect(shown, name).not.toMatch(LIVE); // …and none of it can format, link or mention
  }
  expect(ask.embeds.length).toBeGreaterThan(0);
  expect(quote.embeds.length).toBeGreaterThan(0);
  expect(requestProblems(h.emulator.requests)).toEqual([]);
}, 40_000);
