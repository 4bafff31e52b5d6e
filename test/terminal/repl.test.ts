import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app.js';
import type { App } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { createLogger } from '../../src/logging.js';
import { answerLine } from '../../src/terminal/repl.js';

let app: App;
let queryLog: string;

beforeAll(async () => {
  queryLog = join(await mkdtemp(join(tmpdir(), 'repl-')), 'queries.jsonl');
  const quiet = new Writable({ write: (_c, _e, done) => done() });
  app = await openApp(parseConfig({ QUERY_LOG: queryLog }), createLogger({ stream: quiet }));
});

describe('terminal mode', () => {
  it('answers /ask with attributed passages, no Discord markup, no score', async () => {
    const out = await answerLine(app, '/ask why did Pakistan suspend intelligence sharing', false);
    expect(out).toMatch(/ · ¶\d+/);
    expect(out).not.toContain('**');
    expect(out).not.toMatch(/score/);
  });

  it('takes a plain question as /ask', async () => {
    const plain = await answerLine(app, 'why did Pakistan suspend intelligence sharing', false);
    expect(plain).toBe(await answerLine(app, '/ask why did Pakistan suspend intelligence sharing', false));
  });

  it('says so plainly when nothing answers', async () => {
    expect(await answerLine(app, '/ask what is the capital of France', false)).toBe('Nothing in the articles about “what is the capital of France”.');
  });

  it('answers /quote with a speaker, and suggests names for an unknown one', async () => {
    expect(await answerLine(app, '/quote Khan', false)).toMatch(/\d+ quotations, in article-date order/);
    expect(await answerLine(app, '/quote Zzyzx', false)).toMatch(/I don’t know a speaker called “Zzyzx”/);
  });

  it('answers /timeline within years and rejects a bad year', async () => {
    expect(await answerLine(app, '/timeline from:1950 to:1960', false)).toMatch(/1950s/);
    expect(await answerLine(app, '/timeline from:soon', false)).toBe('“from” must be a year such as 2018, not “soon”.');
  });

  it('reloads, explains unknown commands and quits', async () => {
    expect(await answerLine(app, '/reload', false)).toMatch(/^Reloaded in \d+ ms: \d+ articles/);
    expect(await answerLine(app, '/frobnicate', false)).toMatch(/Unknown command \/frobnicate/);
    expect(await answerLine(app, '/quit', false)).toBeNull();
  });

  it('logs every query once', async () => {
    app.queryLog.flush();
    const commands = (await readFile(queryLog, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { command: string }).command);
    expect(commands).toEqual(['ask', 'ask', 'ask', 'ask', 'quote', 'quote', 'timeline', 'timeline', 'reload']); // the refused /timeline is logged, as on Discord
  });

  it('/insights reads the query log it writes, and names a bad period', async () => {
    const out = await answerLine(app, '/insights days:1', false);
    expect(out).toMatch(/^Query log, \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d \(1 day\)/);
    expect(out).toContain('"what is the capital of France" — 1× by 1 person'); // answered "nothing" above
    expect(out).not.toMatch(/\bterminal\b/); // the user id is never shown
    expect(await answerLine(app, '/insights days:0', false)).toBe('“days” must be a whole number from 1 to 365, not “0”.');
  });
});
