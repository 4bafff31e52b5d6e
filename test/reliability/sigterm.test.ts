/**
 * SIGTERM under load, against the real entry point in its own process
 * (`node --import tsx src/main.ts`, as `npm start` runs it): interactions in
 * flight when the signal lands are answered, those arriving while it drains
 * are turned away politely, not one query log line is lost, and the process
 * exits 0 — with the token in none of its output.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, expect, test } from 'vitest';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { MESSAGES } from '../../src/bot/dispatch.js';
import { botDir, botEnv, registerCommands } from '../discord/bot-env.js';
import { DiscordEmulator } from '../discord/emulator.js';
import type { InteractionHandle } from '../discord/emulator.js';
import { delay, fakeToken, linesPerUser, mixed, requestProblems, until } from './harness.js';
import type { LogLine } from './harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

test('SIGTERM while 20 interactions are in flight: all answered, late ones turned away, every line logged, exit 0', async () => {
  const emu = await DiscordEmulator.start({ token: fakeToken() });
  const dir = botDir('newsquote-sigterm-');
  cleanups.push(async () => {
    await emu.close();
    rmSync(dir.dir, { recursive: true, force: true });
  });
  const { queryLog } = dir;
  await registerCommands(emu);

  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...botEnv(emu, dir) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.unshift(() => void child.kill('SIGKILL'));
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  await emu.waitForIdentify(30_000);
  await until(() => stdout.includes('"bot ready"'), 'the bot to be ready', 30_000);

  // Every callback takes 400 ms to be answered, so interactions are in flight when the signal lands.
  emu.intercept(async (r) => {
    if (r.route === 'POST /interactions/:id/:token/callback') await delay(400);
    return undefined;
  });
  const handles: InteractionHandle[] = [];
  const send = (i: number): InteractionHandle => {
    const { kind, name, options } = mixed(i);
    const actor = emu.actor(`term${i}`);
    const handle = kind === 'autocomplete' ? emu.autocomplete(name, options, 'speaker', actor) : emu.slash(name, options, actor);
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
        await handle.callback(8_000);
      } catch {
        if (!stopping) throw new Error(`interaction ${handle.id} was not answered before the stop`);
        return;
      }
    }
  });
  await until(() => handles.filter((h) => h.state.callbacks.length > 0).length >= 40, '40 interactions answered', 15_000);
  const inFlightAtSignal = handles.filter((h) => h.state.callbacks.length === 0);
  const sentBeforeSignal = [...handles];
  stopping = true;
  const signalledAt = Date.now();
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  const stopMs = Date.now() - signalledAt;
  await Promise.all(workers);

  // Everything sent before the signal was answered, in full, within 3 s (else the emulator would have refused it).
  expect(inFlightAtSignal.length).toBeGreaterThanOrEqual(10);
  for (const h of sentBeforeSignal) {
    expect(h.state.callbacks.length, `interaction ${h.id}`).toBe(1);
    expect(h.state.callbacks[0]?.data?.content).not.toBe(MESSAGES.closing);
  }
  // Those that arrived while it drained were told to come back.
  const late = handles.slice(sentBeforeSignal.length).filter((h) => h.state.callbacks.length > 0);
  for (const h of late) {
    const cb = h.state.callbacks[0]!;
    if (cb.type === InteractionResponseType.ApplicationCommandAutocompleteResult) expect(cb.data?.choices).toEqual([]);
    else expect(cb.data).toMatchObject({ content: MESSAGES.closing, flags: MessageFlags.Ephemeral });
  }
  expect(requestProblems(emu.requests)).toEqual([]);

  // Not one line lost: a line for every interaction the bot answered, and only one.
  const lines = readFileSync(queryLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as LogLine);
  const answered = handles.filter((h) => h.state.callbacks.length > 0);
  const counts = linesPerUser(lines);
  expect(lines).toHaveLength(answered.length);
  for (const h of answered) {
    const user = (h.payload as { member?: { user: { id: string } } }).member!.user.id;
    expect(counts.get(user), `lines for ${h.id}`).toBe(1);
  }
  const messages = stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as LogLine).msg);
  expect(messages.filter((m) => m === 'query')).toHaveLength(answered.length);
  expect(messages).toEqual(expect.arrayContaining(['shutting down: no new interactions', 'stopped']));
  expect(messages.indexOf('stopped')).toBe(messages.length - 1);
  // Steady traffic does not hold the stop up to the drain timeout (10 s): it waits a few rounds, not for silence.
  expect(messages).not.toContain('shutdown: gave up waiting for interactions in flight');
  expect(stopMs).toBeLessThan(8_000);
  expect(stdout + stderr + readFileSync(queryLog, 'utf8')).not.toContain(emu.token);
  expect(stderr).toBe('');
  // For the README's figures.
  console.info(
    `sigterm: ${sentBeforeSignal.length} sent before the signal (${inFlightAtSignal.length} in flight), ${late.length} turned away while draining, ${refusedDispatches} found the gateway closed; ${lines.length} lines for ${answered.length} answered; stopped in ${stopMs} ms; gave up: ${stdout.includes('gave up waiting')}`,
  );
}, 60_000);
