/**
 * Issue 13 row 4, the start-up window: logrotate's SIGHUP can arrive while
 * the bot is still building its index or logging in (a cold build of a large
 * corpus takes minutes). Node's default for SIGHUP ends the process; the bot
 * must instead come up and serve.
 */
import { rmSync } from 'node:fs';
import { afterAll, expect, test } from 'vitest';
import { botDir, registerCommands } from '../discord/bot-env.js';
import { DiscordEmulator } from '../discord/emulator.js';
import { fakeToken, sendMixed, spawnBot, until } from './harness.js';
import type { BotProcess } from './harness.js';

const emu = await DiscordEmulator.start({ token: fakeToken() });
const dir = botDir('newsquote-sighup-startup-');
let bot: BotProcess | undefined;
afterAll(async () => {
  if (bot && bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
  await emu.close();
  rmSync(dir.dir, { recursive: true, force: true });
});

test('SIGHUP while the bot logs in: it does not die, comes up, and answers', async () => {
  await registerCommands(emu);
  // Hold the login's first request until the signal has been sent: the process is then past loading
  // its corpus and not yet ready, the window where no SIGHUP listener used to exist.
  let loggingIn!: () => void;
  const reachedLogin = new Promise<void>((resolve) => (loggingIn = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const undo = emu.intercept(async (r) => {
    if (!r.route.includes('/gateway/bot')) return undefined;
    loggingIn();
    await released;
    return undefined;
  });
  const starting = spawnBot(emu, dir, {}, [], (child) => {
    void reachedLogin.then(async () => {
      child.kill('SIGHUP');
      await new Promise((r) => setTimeout(r, 300));
      release();
    });
  });
  bot = await starting;
  undo();
  expect(bot.child.signalCode).toBeNull();
  const h = sendMixed(emu, 0, 'after-hup');
  await h.callback(10_000);
  await until(() => bot!.logs().some((l) => l.msg === 'bot ready'), 'ready logged', 5_000);
  bot.child.kill('SIGTERM');
  expect(await bot.exited).toBe(0);
}, 90_000);
