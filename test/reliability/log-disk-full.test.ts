/**
 * Issue 13 row 3 against the real process: its query log's file stops taking
 * writes part-way through a line (the file-size limit, set on the running
 * process with `prlimit`, gives the same short write then error a full disk
 * does), then takes them again. Every answer stays an answer, the file never
 * holds a torn line, the failure is in the main log, and once writes work the
 * held lines follow: one line per interaction, none twice.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { afterAll, expect, test } from 'vitest';
import { MESSAGES } from '../../src/bot/dispatch.js';
import type { InteractionHandle } from '../discord/emulator.js';
import { readLines, requestProblems, sendMixed, startBotProcess, until, userOf } from './harness.js';
import type { ProcessRun } from './harness.js';

let run: ProcessRun | undefined;
afterAll(async () => {
  await run?.cleanup();
});

test('the query log file fails mid-line, then recovers: no answer turns into an error, no torn or doubled line', async () => {
  run = await startBotProcess('newsquote-diskfull-');
  const { emu, dir, bot } = run;
  const pid = String(bot.child.pid);

  const handles: InteractionHandle[] = [];
  const batch = async (from: number, count: number): Promise<void> => {
    const sent = Array.from({ length: count }, (_, k) => sendMixed(emu, from + k, `full${from + k}`));
    handles.push(...sent);
    await Promise.all(sent.map((h) => h.callback(10_000)));
  };
  const mainQueryLines = () => bot.logs().filter((l) => l.msg === 'query');

  await batch(0, 8);
  await until(() => readLines(dir.queryLog).length === 8, '8 lines in the file', 10_000);

  // Room for part of one more line only.
  const size = statSync(dir.queryLog).size;
  execFileSync('prlimit', ['--pid', pid, `--fsize=${size + 60}:unlimited`]);
  await batch(8, 12);
  await until(() => mainQueryLines().length === 20, '20 queries in the main log', 10_000);
  // Whole lines only: the fragment was cut off. The retry timer probes the file every second with a write that
  // it cuts off again at once (the only way to learn that an over-size file takes writes again), so a read
  // landing between that write and its truncation, on a loaded machine, sees the probe: read the file at rest.
  await until(() => readLines(dir.queryLog).length === 8 && statSync(dir.queryLog).size === size, 'the file at rest with its 8 whole lines', 5_000);
  const failures = bot.logs().filter((l) => String(l.msg).startsWith('query log write failed'));
  expect(failures).toHaveLength(1);
  expect(failures[0]).toMatchObject({ level: 50, err: { code: 'EFBIG' } });

  execFileSync('prlimit', ['--pid', pid, '--fsize=unlimited:unlimited']);
  await batch(20, 5);
  const recoveredLines = () => bot.logs().filter((l) => String(l.msg).startsWith('query log writable again'));
  // The file's lines and the main log's report of the recovery travel separately (a file and a pipe): wait for both.
  await until(() => readLines(dir.queryLog).length >= 25 && recoveredLines().length > 0, '25 lines in the file and the recovery reported', 10_000);

  const lines = readLines(dir.queryLog);
  expect(lines).toHaveLength(25);
  expect(lines.map((l) => l.user).sort()).toEqual(handles.map(userOf).sort());
  expect(lines.filter((l) => l.outcome === 'error' || l.outcome === 'reply-failed')).toEqual([]);
  for (const h of handles) expect(JSON.stringify(h.state.callbacks)).not.toContain(MESSAGES.error);
  // The 12 held lines come out with the next line, or just before it when the retry timer gets there first.
  const recovered = recoveredLines();
  expect(recovered).toHaveLength(1);
  expect(recovered[0]).toMatchObject({ dropped: 0 });
  expect([12, 13]).toContain(recovered[0]!.written);
  expect(requestProblems(emu.requests)).toEqual([]);

  bot.child.kill('SIGTERM');
  expect(await bot.exited).toBe(0);
  expect(bot.stderr()).toBe('');
}, 90_000);
