/**
 * The real entry points as separate processes: `npm start` (src/main.ts) with
 * a token runs the bot against the emulator and exits 0 on SIGTERM;
 * `npm run deploy` (src/bot/deploy.ts) registers on change only and explains
 * missing settings.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { botDir, botEnv } from '../discord/bot-env.js';
import type { BotDir } from '../discord/bot-env.js';
import { DiscordEmulator } from '../discord/emulator.js';

const TSX = join('node_modules', '.bin', 'tsx');

interface World {
  emu: DiscordEmulator;
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(cleanups.map((c) => c()));
});

/** An emulator and a seeds copy of its own, so the tests below can run at the same time. */
async function world(): Promise<World> {
  const emu = await DiscordEmulator.start();
  const dir = botDir('newsquote-proc-');
  cleanups.push(async () => {
    await emu.close();
    rmSync(dir.dir, { recursive: true, force: true });
  });
  return { emu, env: (extra = {}) => env(emu, dir, extra) };
}

function env(emu: DiscordEmulator, dir: BotDir, extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...botEnv(emu, dir, extra) };
}

interface Run {
  code: Promise<number | null>;
  stdout: () => string;
  stderr: () => string;
  kill: (signal: NodeJS.Signals) => void;
}

function run(script: string, environment: NodeJS.ProcessEnv): Run {
  const child = spawn(TSX, [script], { env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  return { code, stdout: () => out, stderr: () => err, kill: (s) => child.kill(s) };
}

describe('npm run deploy', () => {
  test('registers the commands to the guild (and finds nothing to do when they are already there)', async () => {
    const { emu, env } = await world();
    const first = run('src/bot/deploy.ts', env());
    expect(await first.code).toBe(0);
    expect(first.stdout()).toMatch(/^Registered 8 commands to guild \d+: \/ask, “Find in the articles” \(message menu\), \/help, \/insights, \/quote, \/reload, \/sources, \/timeline\n$/);
    expect(emu.requestsTo('PUT /applications/:id/guilds/:id/commands')).toHaveLength(1);
    expect(emu.requests.every((r) => r.headers.authorization === `Bot ${emu.token}`)).toBe(true);
  }, 30_000);

  test('says clearly what is missing without DISCORD_CLIENT_ID', async () => {
    const { emu, env } = await world();
    const missing = run('src/bot/deploy.ts', env({ DISCORD_CLIENT_ID: '' }));
    expect(await missing.code).toBe(1);
    expect(missing.stderr()).toMatch(/^deploy: DISCORD_CLIENT_ID is not set\. Put it in \.env \(see \.env\.example\)/);
    expect(emu.requests).toHaveLength(0);
  }, 30_000);

});

async function until(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('npm start with a token', () => {
  test('runs the bot, answers, and on SIGTERM finishes, logs JSON without the token, and exits 0', async () => {
    const { emu, env } = await world();
    const bot = run('src/main.ts', env());
    try {
      await emu.waitForIdentify(30_000);
      await until(() => bot.stdout().includes('"bot ready"'), 'the bot to log that it is ready', 30_000);
      const help = await emu.slash('help').response();
      expect(help.embeds[0]?.title).toMatch(/^newsquote/);
      bot.kill('SIGTERM');
      expect(await bot.code).toBe(0);
    } finally {
      bot.kill('SIGKILL');
    }
    const lines = bot
      .stdout()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { msg: string; reason?: string });
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['corpus loaded', 'bot ready', 'query', 'shutting down: no new interactions', 'stopped']));
    expect(lines.find((l) => l.msg === 'shutting down: no new interactions')?.reason).toBe('SIGTERM');
    expect(bot.stdout() + bot.stderr()).not.toContain(emu.token);
    expect(emu.sessions[0]?.identify?.intents).toBe(1); // Guilds only
  }, 40_000);
});
