/**
 * Issue 13 row 4, against the real process: logrotate moves the query log,
 * then sends SIGHUP (its `postrotate`). The process keeps running, the 10
 * interactions in flight at the signal are all answered, lines written after
 * it go to a new file at the original path, and between the two files every
 * interaction has its one line.
 */
import { existsSync, renameSync } from 'node:fs';
import { afterAll, expect, test } from 'vitest';
import { MESSAGES } from '../../src/bot/dispatch.js';
import type { InteractionHandle } from '../discord/emulator.js';
import { CALLBACK, holdCallbacks, readLines, requestProblems, sendMixed, startBotProcess, until, userOf } from './harness.js';
import type { ProcessRun } from './harness.js';

let run: ProcessRun | undefined;
afterAll(async () => {
  await run?.cleanup();
});

test('log moved, then SIGHUP with 10 in flight: all answered, new lines in a new file at the path, none lost or doubled', async () => {
  run = await startBotProcess('newsquote-logrotate-');
  const { emu, dir, bot } = run;
  const rotated = `${dir.queryLog}.1`;

  const before = Array.from({ length: 6 }, (_, i) => sendMixed(emu, i, `rot${i}`));
  await Promise.all(before.map((h) => h.callback(10_000)));
  await until(() => readLines(dir.queryLog).length === 6, '6 lines', 10_000);

  // Hold every callback 600 ms, so the next 10 are in flight when the signal lands.
  const removeHold = holdCallbacks(emu, 600);
  const inFlight = Array.from({ length: 10 }, (_, i) => sendMixed(emu, 6 + i, `rot${6 + i}`));
  await until(() => emu.requests.filter((r) => r.route === CALLBACK).length >= 16, 'the 10 replies to be on their way', 10_000);
  expect(inFlight.every((h) => h.state.callbacks.length === 0)).toBe(true);
  renameSync(dir.queryLog, rotated);
  bot.child.kill('SIGHUP');
  await Promise.all(inFlight.map((h) => h.callback(10_000)));
  removeHold();
  const after = Array.from({ length: 6 }, (_, i) => sendMixed(emu, 16 + i, `rot${16 + i}`));
  await Promise.all(after.map((h) => h.callback(10_000)));
  const all: InteractionHandle[] = [...before, ...inFlight, ...after];
  await until(() => readLines(rotated).length + readLines(dir.queryLog).length >= all.length, 'every line', 10_000);

  expect(bot.child.exitCode).toBeNull();
  expect(bot.child.signalCode).toBeNull();
  for (const h of all) expect(JSON.stringify(h.state.callbacks[0])).not.toContain(MESSAGES.error);
  expect(existsSync(dir.queryLog)).toBe(true);
  const old = readLines(rotated);
  const fresh = readLines(dir.queryLog);
  expect(old.map((l) => l.user)).toEqual(expect.arrayContaining(before.map(userOf)));
  // Lines written after the signal (the 10 in flight answer after it) are in the new file.
  expect(fresh.map((l) => l.user).sort()).toEqual([...inFlight, ...after].map(userOf).sort());
  expect([...old, ...fresh].map((l) => l.user).sort()).toEqual(all.map(userOf).sort());
  expect(bot.logs().filter((l) => l.msg === 'query log reopened')).toHaveLength(1);
  expect(requestProblems(emu.requests)).toEqual([]);

  bot.child.kill('SIGTERM');
  expect(await bot.exited).toBe(0);
  expect(bot.stderr()).toBe('');
}, 90_000);
