/**
 * Faults, injected by the emulator while the real bot is answering: the
 * gateway dropped mid-run, REST 429s with retry-after, REST 500s on replies,
 * and /reload while queries run. The bot goes on answering, and every
 * interaction is still logged exactly once.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GatewayCloseCodes, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { DiscordEmulator } from '../discord/emulator.js';
import type { InteractionHandle } from '../discord/emulator.js';
import { CALLBACK, delay, holdCallbacks, linesPerUser, refuseFirstReply, requestProblems, runLoad, startReliabilityBot, until, userOf } from './harness.js';
import type { LogLine, ReliabilityBot } from './harness.js';

const EDIT_ORIGINAL = 'PATCH /webhooks/:id/:token/messages/@original';

let h: ReliabilityBot;
let users = 0;
const reader = () => h.emulator.actor(`faults${++users}`);

beforeAll(async () => {
  h = await startReliabilityBot();
});

afterAll(async () => {
  await h?.stop();
});

const liveSession = () => h.emulator.sessions.find((s) => s.open && s.identify);

/** Each user of `handles` has exactly one query log line. */
async function expectLoggedOnce(users: string[]): Promise<void> {
  await until(() => users.every((u) => h.queryLog().some((l) => l.user === u)), `a query log line for each of ${users.length} users`);
  const counts = linesPerUser(h.queryLog());
  for (const u of users) expect(counts.get(u), `lines for user ${u}`).toBe(1);
}

describe('the gateway dropped mid-run', () => {
  test('without a close frame: interactions in flight are answered, the bot resumes, and those after are answered', async () => {
    const release = holdCallbacks(h.emulator, 300);
    const inFlight = Array.from({ length: 10 }, () => h.emulator.slash('ask', { question: 'intelligence sharing' }, reader()));
    await until(() => inFlight.every((i) => i.requests().length > 0), 'the bot to be answering all ten');
    const before = h.emulator.sessions.length;
    liveSession()!.terminate();
    release();
    for (const i of inFlight) expect((await i.response()).embeds.length).toBeGreaterThan(0);

    await h.emulator.waitFor(() => h.emulator.sessions.length > before && liveSession(), 'the bot to reconnect', 10_000);
    expect(h.emulator.sessions.at(-1)?.resumed).toBe(1);
    const after = await runLoad(h.emulator, { count: 24, concurrency: 8 });
    expect(after.failures).toEqual([]);
    await expectLoggedOnce([...inFlight.map(userOf), ...after.sent.map((s) => s.user)]);
    expect(h.logs().some((l) => l.msg === 'gateway resumed')).toBe(true);
  });

  test('closed with "session timed out": the bot resumes and goes on answering', async () => {
    const before = h.emulator.sessions.length;
    liveSession()!.close(GatewayCloseCodes.SessionTimedOut, 'Session timed out.');
    await h.emulator.waitFor(() => h.emulator.sessions.length > before && liveSession(), 'the bot to resume', 10_000);
    expect(h.emulator.sessions.at(-1)?.resumed).toBe(1);
    const after = await runLoad(h.emulator, { count: 12, concurrency: 6 });
    expect(after.failures).toEqual([]);
    await expectLoggedOnce(after.sent.map((s) => s.user));
  });

  test('closed with "invalid seq": the bot identifies afresh and goes on answering', async () => {
    const before = h.emulator.sessions.length;
    liveSession()!.close(GatewayCloseCodes.InvalidSeq, 'Invalid seq.');
    await h.emulator.waitFor(() => h.emulator.sessions.length > before && liveSession(), 'the bot to identify again', 10_000);
    expect(h.emulator.sessions.at(-1)?.resumed).toBe(0);
    const after = await runLoad(h.emulator, { count: 12, concurrency: 6 });
    expect(after.failures).toEqual([]);
    await expectLoggedOnce(after.sent.map((s) => s.user));
  });

  test('a resume the gateway refuses (INVALID_SESSION): the bot identifies afresh and goes on answering', async () => {
    const old = liveSession()!;
    // Forget every session, so the RESUME that follows is answered with INVALID_SESSION.
    h.emulator.sessions.splice(0);
    old.terminate();
    await h.emulator.waitFor(() => h.emulator.sessions.some((s) => s.identify && s.open && s.resumed === 0), 'a fresh IDENTIFY', 15_000);
    expect(h.emulator.sessions.some((s) => s.received.some((p) => p.op === 6))).toBe(true); // it tried to resume first
    const after = await runLoad(h.emulator, { count: 8, concurrency: 4 });
    expect(after.failures).toEqual([]);
    await expectLoggedOnce(after.sent.map((s) => s.user));
  }, 20_000);
});

describe('REST 429 with retry-after', () => {
  test('429s on callbacks while 20 interactions are in flight: the bot waits, retries, and all are answered inside 3 s', async () => {
    const remove = h.emulator.failNext(CALLBACK, DiscordEmulator.rateLimited(0.4), 3);
    const run = await runLoad(h.emulator, { count: 20, concurrency: 20 });
    remove();
    expect(run.failures).toEqual([]);
    expect(Math.max(...run.sent.map((s) => s.firstMs))).toBeLessThan(3000);
    const statuses = run.sent.flatMap((s) => s.handle!.requests().filter((r) => r.route === CALLBACK).map((r) => r.status));
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    for (const s of run.sent.filter((s) => s.handle!.requests().some((r) => r.status === 429))) {
      const [limited, retried] = s.handle!.requests().filter((r) => r.route === CALLBACK);
      expect(retried?.status).toBe(204);
      expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(350); // it waited for retry-after
    }
    const limitedLogs = h.logs().filter((l) => l.msg === 'rate limited' && l.method === 'POST');
    expect(limitedLogs).toHaveLength(3);
    for (const l of limitedLogs) expect(l.route).toBe('/interactions/:id/:token/callback');
    await expectLoggedOnce(run.sent.map((s) => s.user));
  });

  test('a global 429 on the edit after a deferral: the edit is retried and lands', async () => {
    const remove = h.emulator.failNext(EDIT_ORIGINAL, DiscordEmulator.rateLimited(0.3, true), 1);
    const mod = h.emulator.admin(`mod${++users}`);
    const reload = h.emulator.slash('reload', {}, mod);
    const message = await reload.response(10_000);
    remove();
    expect(message.embeds[0]?.title).toBe('Reloaded');
    expect(reload.requests().filter((r) => r.route === EDIT_ORIGINAL).map((r) => r.status)).toEqual([429, 200]);
    expect(h.logs().some((l) => l.msg === 'rate limited' && l.method === 'PATCH' && l.global === true)).toBe(true);
    await expectLoggedOnce([mod.user.id]);
  });
});

describe('REST 500 on a reply', () => {
  test('a single 500 is retried and the reply lands', async () => {
    h.emulator.failNext(CALLBACK, { status: 500, body: { message: '500: Internal Server Error', code: 0 } }, 1);
    const ask = h.emulator.slash('ask', { question: 'military aid suspended' }, reader());
    expect((await ask.response()).embeds.length).toBeGreaterThan(0);
    expect(ask.requests().map((r) => r.status)).toEqual([500, 204]);
  });

  test('500s on every try: logged, no crash, one query log line, and the next interaction is answered', async () => {
    const remove = refuseFirstReply(h.emulator);
    const asker = reader();
    const failing = h.emulator.slash('ask', { question: 'military aid suspended' }, asker);
    await until(() => h.logs().some((l) => l.msg === 'could not tell the user about an error' && l.interaction === failing.id), 'the bot to give up on that reply', 10_000);
    remove();
    expect(failing.state.callbacks).toEqual([]);
    const failure = h.logs().find((l) => l.msg === 'interaction failed' && l.interaction === failing.id) as LogLine & { err: { message: string; status?: number } };
    expect(failure).toMatchObject({ level: 50, user: asker.user.id, err: { status: 500 } });
    expect(JSON.stringify(failure)).not.toContain(failing.payload.token);
    await expectLoggedOnce([asker.user.id]);

    const next = h.emulator.slash('ask', { question: 'military aid suspended' }, reader());
    expect((await next.response()).embeds.length).toBeGreaterThan(0);
    expect(next.requests().map((r) => r.status)).toEqual([204]);
  }, 20_000);
});

describe('/reload while queries run', () => {
  test('every query is answered; those before the swap from the old index, those after from the new', async () => {
    rmSync(join(h.seedsDir, '004_ee874196988fb277.txt'));
    const mod = h.emulator.actor(`mod${++users}`, { roles: [h.emulator.moderatorRole] });
    const next = (i: number) => ({ kind: 'ask' as const, name: 'ask', options: { question: i % 2 ? 'intelligence sharing' : 'Coalition Support Fund' } });
    const during = runLoad(h.emulator, { count: 40, concurrency: 10, next });
    await delay(20);
    const reload = h.emulator.slash('reload', {}, mod);
    const second = h.emulator.slash('reload', {}, h.emulator.admin(`mod${++users}`));
    const first = await reload.response(10_000);
    // Two reloads at once are serialised: the second finds nothing changed.
    expect((await second.response(10_000)).embeds[0]?.description).toMatch(/No article changed\./);
    const after = await runLoad(h.emulator, { count: 20, concurrency: 10, next });
    const run = { sent: [...(await during).sent, ...after.sent], failures: [...(await during).failures, ...after.failures] };
    expect(run.failures).toEqual([]);
    expect(Math.max(...run.sent.map((s) => s.firstMs))).toBeLessThan(3000);
    const fields = Object.fromEntries((first.embeds[0]?.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields.Removed).toBe('004\\_ee874196988fb277.txt');

    await expectLoggedOnce([...run.sent.map((s) => s.user), mod.user.id]);
    const lines = h.queryLog();
    const reloadLine = lines.find((l) => l.command === 'reload' && l.user === mod.user.id)!;
    const asks = lines.filter((l) => run.sent.some((s) => s.user === l.user));
    const cites004 = (l: LogLine) => (l.results as { id: string }[]).some((r) => r.id.startsWith('004_'));
    // Judged by time, not by log order: each line is written after its reply, so an ask answered from the
    // old index can be logged after the reload's line on a busy machine. A line's time is when it was
    // written and `ms` how long the interaction took, so `time - ms` is when it arrived.
    const endOf = (l: LogLine) => Date.parse(String(l.time));
    const startOf = (l: LogLine) => endOf(l) - Number(l.ms);
    const reloadStarted = startOf(reloadLine);
    const reloadEnded = endOf(reloadLine);
    expect(asks).toHaveLength(60);
    // Answered before the reload began: the old index, which has article 004.
    expect(asks.filter((l) => endOf(l) < reloadStarted).every(cites004)).toBe(true);
    // Arrived after the reload had swapped and replied: the new index, which has not.
    const afterSwap = asks.filter((l) => startOf(l) > reloadEnded);
    expect(afterSwap.length).toBeGreaterThan(0);
    expect(afterSwap.some(cites004)).toBe(false);
    expect(requestProblems(run.sent.flatMap((s) => s.handle!.requests()))).toEqual([]);
  }, 30_000);
});

describe('an interaction the bot cannot acknowledge in time', () => {
  test('a callback delayed past 3 s by the network is refused by Discord; the bot logs it and keeps answering', async () => {
    let target: string | null = null;
    const remove = h.emulator.intercept(async (r) => {
      if (r.route !== CALLBACK) return undefined;
      target ??= r.path.split('/')[2] ?? null;
      if (r.path.split('/')[2] === target) await delay(3100);
      return undefined;
    });
    const asker = reader();
    const late = h.emulator.slash('help', {}, asker);
    await until(() => h.logs().some((l) => l.msg === 'interaction failed' && l.interaction === late.id), 'the failure to be logged', 10_000);
    remove();
    expect(late.requests()[0]?.response).toMatchObject({ code: 10062 });
    await expectLoggedOnce([asker.user.id]);
    const next = await h.emulator.slash('help', {}, reader()).callback();
    expect(next.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(next.data?.flags ?? 0).not.toBe(MessageFlags.Ephemeral);
  }, 15_000);
});
