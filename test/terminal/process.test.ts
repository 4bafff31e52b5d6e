/**
 * `npm start` without a token, as a separate process fed by a pipe: the
 * terminal mode answers a plain question as /ask, in plain text (no Discord
 * markup, no escape codes when stdout is not a terminal), and logs nothing
 * at the default log level.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { botDir } from '../discord/bot-env.js';

const TSX = join('node_modules', '.bin', 'tsx');
const dir = botDir('newsquote-terminal-');
afterAll(() => rmSync(dir.dir, { recursive: true, force: true }));

test('a plain question piped to npm start is answered as /ask, plainly, with nothing logged', async () => {
  // No DISCORD_TOKEN and no LOG_LEVEL: the defaults a new user has.
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, SEEDS_DIR: dir.seedsDir, QUERY_LOG: dir.queryLog };
  const child = spawn(TSX, ['src/main.ts'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = new Promise<number | null>((resolve) => child.on('exit', resolve));
  child.stdin.end('why did Pakistan suspend intelligence sharing\n');
  expect(await code).toBe(0);
  expect(out).toContain('Terminal mode');
  expect(out).toMatch(/\n> 1\. .+\n {3}.+ · ¶\d+ · https?:\/\//);
  expect(out).not.toContain('**');
  expect(out).not.toContain('\x1b[');
  expect(out).not.toMatch(/Unknown command/);
  expect(err).toBe('');
}, 60_000);
