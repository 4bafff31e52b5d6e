/**
 * The same invalid input gets the same message in Discord, the terminal and
 * the CLI: the rules and their messages live once, in src/queries/.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MessageFlags } from 'discord-api-types/v10';
import { openApp } from '../../src/app.js';
import type { App } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { createLogger } from '../../src/logging.js';
import { MESSAGES } from '../../src/queries/input.js';
import { answerLine } from '../../src/terminal/repl.js';
import { startBot } from './harness.js';
import type { Harness } from './harness.js';

const run = promisify(execFile);
let h: Harness;
let app: App;
let users = 0;

async function cli(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const log = join(await mkdtemp(join(tmpdir(), 'adapters-')), 'queries.jsonl');
  try {
    const { stdout, stderr } = await run('node', ['--import', 'tsx', 'src/cli.ts', ...args], { env: { ...process.env, QUERY_LOG: log, LOG_LEVEL: 'warn', DISCORD_TOKEN: '' } });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

beforeAll(async () => {
  h = await startBot();
  const quiet = new Writable({ write: (_c, _e, done) => done() });
  app = await openApp(parseConfig({ QUERY_LOG: join(h.dir, 'terminal.jsonl') }), createLogger({ stream: quiet }));
});

afterAll(async () => {
  await h?.stop();
});

describe('the same invalid input, the same message everywhere', () => {
  test('/timeline with from after to', async () => {
    const expected = MESSAGES.reversedRange(2019, 2017);
    const cb = await h.emulator.slash('timeline', { from: 2019, to: 2017 }, h.emulator.actor(`reader${++users}`)).callback();
    expect(cb.data).toMatchObject({ content: expected, flags: MessageFlags.Ephemeral });
    expect(await answerLine(app, '/timeline from:2019 to:2017', false)).toBe(expected);
    const fromCli = await cli(['timeline', '--from', '2019', '--to', '2017', '--json']);
    expect(fromCli).toMatchObject({ stdout: '', stderr: `${expected}\n`, code: 2 });
  });

  test('/ask answered by nothing: the refusal with its "did you mean", and with its pointer to /timeline', async () => {
    for (const question of ['why did Pakstn halt intellgence', 'what happened in 2019']) {
      const message = await h.emulator.slash('ask', { question }, h.emulator.actor(`reader${++users}`)).response();
      expect(message.content).toMatch(new RegExp(`^Nothing in the articles about “${question}”\\. (Did you mean “.+”\\?|For what happened in 2019, try /timeline from:2019 to:2019\\.)$`));
      expect(await answerLine(app, `/ask ${question}`, false)).toBe(message.content);
      const fromCli = await cli(['ask', question, '--json']);
      expect(JSON.parse(fromCli.stdout)).toMatchObject({ answers: [], message: message.content });
    }
  });

  test('/quote with a name the articles do not know', async () => {
    const message = await h.emulator.slash('quote', { speaker: 'Zzyzx Qwerty' }, h.emulator.actor(`reader${++users}`)).response();
    expect(message.content).toMatch(/^I don’t know a speaker called “Zzyzx Qwerty” in the articles\./);
    expect(await answerLine(app, '/quote Zzyzx Qwerty', false)).toBe(message.content);
    const fromCli = await cli(['quote', 'Zzyzx Qwerty']);
    expect(fromCli.stdout).toBe(`${message.content}\n`);
  });
});
