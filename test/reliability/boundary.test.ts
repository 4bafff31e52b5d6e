/**
 * The seeds folder is a boundary (issue 13 row 1): a link in `seeds/`
 * pointing outside it — at the bot's own `.env`, at `/etc/passwd`, at the
 * folder above — is skipped and reported, never indexed, so no reader can get
 * its text posted into a channel by `/sources` or `/ask`. Links that stay
 * inside load; dotfiles are never articles.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { APIMessage } from 'discord-api-types/v10';
import { OUTSIDE_REASON } from '../../src/corpus/boundary.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { everythingWritten, startReliabilityBot } from './harness.js';
import type { ReliabilityBot } from './harness.js';

const story = 'The minister said the talks would resume in March.\n\nOfficials said the delay was technical and would not last.\n';
const secretFile = (secret: string): string =>
  `DISCORD_TOKEN=${secret}\n\nThe discord token above is the secret the bot signs in with, and it must never be posted.\n`;

describe('loadCorpus keeps to the seeds folder', () => {
  let dir: string;
  let seeds: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsquote-boundary-'));
    seeds = join(dir, 'seeds');
    mkdirSync(seeds);
    writeFileSync(join(dir, 'outside.txt'), secretFile('made-up-outside-secret'));
    writeFileSync(join(seeds, 'story.txt'), story);
    writeFileSync(join(seeds, '.hidden.txt'), secretFile('made-up-dotfile-secret'));
    symlinkSync('../outside.txt', join(seeds, 'relative.txt'));
    symlinkSync(join(dir, 'outside.txt'), join(seeds, 'absolute.txt'));
    symlinkSync('..', join(seeds, 'parent.txt'));
    symlinkSync('story.txt', join(seeds, 'alias.txt'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('links leaving the folder are skipped with the reason; links inside load; dotfiles are ignored', async () => {
    const { articles, skipped } = await loadCorpus(seeds);
    expect(articles.map((a) => a.file).sort()).toEqual(['alias.txt', 'story.txt']);
    expect(skipped).toEqual(
      expect.arrayContaining([
        { file: 'relative.txt', reason: OUTSIDE_REASON },
        { file: 'absolute.txt', reason: OUTSIDE_REASON },
        { file: 'parent.txt', reason: OUTSIDE_REASON },
      ]),
    );
    expect(skipped.map((s) => s.file)).not.toContain('.hidden.txt');
    expect(JSON.stringify({ articles, skipped })).not.toMatch(/made-up-(outside|dotfile)-secret/);
  });

  test('a seeds folder reached through a link is read, and its boundary is its real path', async () => {
    symlinkSync(seeds, join(dir, 'seeds-link'));
    const { articles, skipped } = await loadCorpus(join(dir, 'seeds-link'));
    expect(articles.map((a) => a.file).sort()).toEqual(['alias.txt', 'story.txt']);
    expect(skipped.find((s) => s.file === 'relative.txt')?.reason).toBe(OUTSIDE_REASON);
  });

  test('sources.json linked outside the folder is refused, naming the file, without quoting the target', async () => {
    symlinkSync('../outside.txt', join(seeds, 'sources.json'));
    const error = await loadCorpus(seeds).then(
      () => null,
      (e: Error) => e,
    );
    rmSync(join(seeds, 'sources.json'));
    expect(error?.message).toMatch(/sources\.json/);
    expect(error?.message).toContain(OUTSIDE_REASON);
    expect(error?.message).not.toMatch(/made-up-outside-secret|DISCORD_TOKEN/);
  });
});

describe('the real bot: a link to its own .env, then a moderator’s /reload', () => {
  let h: ReliabilityBot;
  let users = 0;
  const reader = () => h.emulator.actor(`reader${++users}`);
  const textOf = (m: APIMessage): string => JSON.stringify({ content: m.content, embeds: m.embeds });

  beforeAll(async () => {
    h = await startReliabilityBot();
    // The attack of row 1: the token file beside the seeds, linked into them, plus a system file.
    writeFileSync(join(h.dir, '.env'), secretFile(h.emulator.token));
    symlinkSync('../.env', join(h.seedsDir, 'zz.txt'));
    symlinkSync('/etc/passwd', join(h.seedsDir, 'passwd.txt'));
  });
  afterAll(async () => {
    await h?.stop();
  });

  test('the reload skips both links and says why; /sources and /ask never show the token or /etc/passwd', async () => {
    const moderator = h.emulator.actor(`mod${++users}`, { roles: [h.emulator.moderatorRole] });
    const report = await h.emulator.slash('reload', {}, moderator).response(15_000);
    expect(report.embeds[0]?.title).toBe('Reloaded');
    const reportText = textOf(report).replace(/\\(.)/g, '$1');
    expect(reportText).toContain(`zz.txt: ${OUTSIDE_REASON}`);
    expect(reportText).toContain(`passwd.txt: ${OUTSIDE_REASON}`);
    const indexed = h.bot.app.engine.sources().map((s) => s.articleId);
    expect(indexed).not.toContain('zz');
    expect(indexed).not.toContain('passwd');

    const sources = await h.emulator.slash('sources', {}, reader()).response();
    const ask = await h.emulator.slash('ask', { question: 'discord token' }, reader()).response();
    const root = await h.emulator.slash('ask', { question: 'root bin bash nologin' }, reader()).response();
    for (const m of [sources, ask, root]) expect(textOf(m)).not.toMatch(/DISCORD_TOKEN|root:x:0|\/usr\/sbin\/nologin|\/bin\/bash/);
    expect(everythingWritten(h)).not.toContain(h.emulator.token);
  });
});
