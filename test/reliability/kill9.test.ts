/**
 * Issue 13 row 6, against the real process: `kill -9` while 50 interactions
 * are in flight. Nothing can be written after the kill, so the check is that
 * nothing written before it claims more than happened: every line is whole
 * JSON, and every line's outcome matches what Discord (the emulator, which
 * records what it accepted) really received — no `answered` for a reply it
 * never accepted, no interaction logged twice.
 */
import { afterAll, expect, test } from 'vitest';
import type { InteractionHandle } from '../discord/emulator.js';
import { delay, linesPerUser, readLines, replyAccepted, sendMixed, startBotProcess, until, userOf } from './harness.js';
import type { ProcessRun } from './harness.js';

let run: ProcessRun | undefined;
afterAll(async () => {
  await run?.cleanup();
});

test('kill -9 with 50 in flight: no torn line, and no line says more than Discord accepted', async () => {
  // The subject is what the lines claim, not latency: a loaded machine must not fail it by Discord's 3 s.
  run = await startBotProcess('newsquote-kill9-', { callbackDeadlineMs: 15_000 });
  const { emu, dir, bot } = run;

  // Replies and edits take 100–700 ms to be accepted, so at any moment many are on their way.
  emu.intercept(async (r) => {
    if (r.method !== 'GET') await delay(100 + Math.random() * 600);
    return undefined;
  });
  const handles: InteractionHandle[] = [];
  let killed = false;
  const workers = Array.from({ length: 50 }, async (_, w) => {
    for (let k = 0; !killed; k++) {
      const i = w * 1000 + k;
      const handle = sendMixed(emu, i, `kill${i}`);
      handles.push(handle);
      try {
        const gone = bot.exited.then(() => Promise.reject(new Error('the bot exited')));
        await Promise.race([handle.callback(20_000), gone]);
        await Promise.race([emu.waitFor(() => replyAccepted(handle), 'the edit', 20_000), gone]);
      } catch {
        if (!killed) throw new Error(`interaction ${handle.id} was not answered before the kill`);
        return;
      }
    }
  });
  await until(() => handles.filter(replyAccepted).length >= 100, '100 replies accepted', 30_000);
  const inFlight = handles.filter((h) => !replyAccepted(h)).length;
  killed = true;
  bot.child.kill('SIGKILL');
  await bot.exited;
  await Promise.all(workers);

  expect(inFlight).toBeGreaterThanOrEqual(40);
  const lines = readLines(dir.queryLog); // throws on a torn line
  const byUser = new Map(handles.map((h) => [userOf(h), h]));
  for (const [user, count] of linesPerUser(lines)) expect(count, `lines for ${user}`).toBe(1);
  const false_ = lines.filter((l) => {
    const h = byUser.get(String(l.user));
    if (!h) return true;
    return l.outcome === 'reply-failed' || l.outcome === 'error' ? true : !replyAccepted(h);
  });
  expect(false_).toEqual([]);
  const accepted = handles.filter(replyAccepted).length;
  expect(lines.length).toBeLessThanOrEqual(accepted);
  // Lines can be missing only for replies accepted in the instant before the kill.
  expect(accepted - lines.length).toBeLessThanOrEqual(inFlight);
  console.info(`kill -9: ${handles.length} sent, ${accepted} replies accepted, ${lines.length} lines, ${inFlight} in flight at the kill`);
}, 90_000);
