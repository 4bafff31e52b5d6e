/**
 * SIGTERM under load, against the real entry point in its own process
 * (`node --import tsx src/main.ts`: the code `npm start` runs compiled): interactions in
 * flight when the signal lands are answered, those arriving while it drains
 * are turned away politely, not one query log line is lost, and the process
 * exits 0 — with the token in none of its output.
 */
import { readFileSync } from 'node:fs';
import { afterAll, expect, test } from 'vitest';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { MESSAGES } from '../../src/bot/dispatch.js';
import type { InteractionHandle } from '../discord/emulator.js';
import { holdCallbacks, linesPerUser, readLines, requestProblems, sendMixed, startBotProcess, until, userOf } from './harness.js';
import type { ProcessRun } from './harness.js';

let run: ProcessRun | undefined;
afterAll(async () => {
  await run?.cleanup();
});

test('SIGTERM while 20 interactions are in flight: all answered, late ones turned away, every line logged, exit 0', async () => {
  // The subject is the drain, not latency (load.test.ts measures that): on a machine shared with other
  // test runs an answer can take longer than Discord's 3 s, which made this test fail for the wrong reason.
  run = await startBotProcess('newsquote-sigterm-', { callbackDeadlineMs: 15_000 });
  const { emu, dir, bot } = run;
  const { queryLog } = dir;
  const { child } = bot;

  // Every callback takes 400 ms to be answered, so interactions are in flight when the signal lands.
  holdCallbacks(emu, 400);
  const handles: InteractionHandle[] = [];
  const send = (i: number): InteractionHandle => {
    const handle = sendMixed(emu, i, `term${i}`);
    handles.push(handle);
    return handle;
  };
  // Twenty in flight, and more keep coming: each answer is followed by a new interaction.
  let stopping = false;
  let refusedDispatches = 0;
  const workers = Array.from({ length: 20 }, async (_, w) => {
    for (let k = 0; k < 50; k++) {
      let handle: InteractionHandle;
      try {
        handle = send(w * 50 + k);
      } catch {
        refusedDispatches += 1; // the gateway is closed: nobody is listening any more
        return;
      }
      try {
        // Once the process is gone nothing more can come: stop waiting then, not after the timeout.
        await Promise.race([handle.callback(20_000), bot.exited.then(() => Promise.reject(new Error('the bot exited')))]);
      } catch {
        if (!stopping) throw new Error(`interaction ${handle.id} was not answered before the stop`);
        return;
      }
    }
  });
  await until(() => handles.filter((h) => h.state.callbacks.length > 0).length >= 40, '40 interactions answered', 60_000);
  const unansweredAtSignal = new Set(handles.filter((h) => h.state.callbacks.length === 0));
  const sentBeforeSignal = [...handles];
  stopping = true;
  const signalledAt = Date.now();
  child.kill('SIGTERM');
  // The process handles the signal when it gets to it: only what is sent after it says so is surely "late".
  await until(() => bot.stdout().includes('"shutting down: no new interactions"') || child.exitCode !== null, 'the bot to stop taking interactions', 60_000);
  const sentBeforeClose = handles.length;
  expect(await bot.exited).toBe(0);
  const stopMs = Date.now() - signalledAt;
  await Promise.all(workers);

  // Every interaction the bot answered has its one line, which says whether it was turned away.
  const lines = readLines(queryLog);
  const answered = handles.filter((h) => h.state.callbacks.length > 0);
  const counts = linesPerUser(lines);
  expect(lines).toHaveLength(answered.length);
  for (const h of answered) expect(counts.get(userOf(h)), `lines for ${h.id}`).toBe(1);
  const lineOf = new Map(lines.map((l) => [String(l.user), l]));
  const turnedAway = (h: InteractionHandle): boolean => lineOf.get(userOf(h))?.error === 'shutting down';
  for (const h of answered) {
    const cb = h.state.callbacks[0]!;
    if (!turnedAway(h)) expect(cb.data?.content, `interaction ${h.id}`).not.toBe(MESSAGES.closing);
    else if (cb.type === InteractionResponseType.ApplicationCommandAutocompleteResult) expect(cb.data?.choices).toEqual([]);
    else expect(cb.data).toMatchObject({ content: MESSAGES.closing, flags: MessageFlags.Ephemeral });
  }
  // Everything sent before the signal was answered, and those still unanswered when it landed were
  // answered in full (which were read before the process handled the signal is a race; most were).
  for (const h of sentBeforeSignal) expect(h.state.callbacks.length, `interaction ${h.id}`).toBe(1);
  const inFlightAtSignal = sentBeforeSignal.filter((h) => unansweredAtSignal.has(h));
  const drained = inFlightAtSignal.filter((h) => !turnedAway(h));
  expect(inFlightAtSignal.length).toBeGreaterThanOrEqual(10);
  expect(drained.length).toBeGreaterThanOrEqual(10);
  // Those sent after it stopped taking interactions were told to come back.
  const late = handles.slice(sentBeforeClose).filter((h) => h.state.callbacks.length > 0);
  for (const h of late) expect(turnedAway(h), `interaction ${h.id}`).toBe(true);
  expect(requestProblems(emu.requests)).toEqual([]);

  const messages = bot.logs().map((l) => l.msg);
  expect(messages.filter((m) => m === 'query')).toHaveLength(answered.length);
  expect(messages).toEqual(expect.arrayContaining(['shutting down: no new interactions', 'stopped']));
  expect(messages.indexOf('stopped')).toBe(messages.length - 1);
  // Steady traffic does not hold the stop up to the drain timeout (10 s): it waits a few rounds, not for silence.
  // (The message, not a wall-clock bound: how long the stop takes on a loaded machine is not the point.)
  expect(messages).not.toContain('shutdown: gave up waiting for interactions in flight');
  expect(bot.stdout() + bot.stderr() + readFileSync(queryLog, 'utf8')).not.toContain(emu.token);
  expect(bot.stderr()).toBe('');
  // For the README's figures.
  console.info(
    `sigterm: ${sentBeforeSignal.length} sent before the signal (${inFlightAtSignal.length} in flight, ${drained.length} of them answered in full), ${answered.filter(turnedAway).length} turned away while draining, ${refusedDispatches} found the gateway closed; ${lines.length} lines for ${answered.length} answered; stopped in ${stopMs} ms; gave up: ${bot.stdout().includes('gave up waiting')}`,
  );
}, 180_000);
