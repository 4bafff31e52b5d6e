/**
 * One query log line per interaction, written by the dispatcher *after* the
 * reply, with what really happened (issue 13, "one place logs each
 * interaction"): a reply Discord refuses on every try is `reply-failed`, not
 * the query's `answered`; while a reply is still on its way no line claims
 * anything; refusals and empty answers say so.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CALLBACK, delay, refuseFirstReply, startReliabilityBot, until } from './harness.js';
import type { LogLine, ReliabilityBot } from './harness.js';


let h: ReliabilityBot;
let users = 0;
const reader = () => h.emulator.actor(`outcome${++users}`);
const linesOf = (userId: string): LogLine[] => h.queryLog().filter((l) => l.user === userId);

beforeAll(async () => {
  h = await startReliabilityBot({ env: { COOLDOWN_SECONDS: '30' } });
});

afterAll(async () => {
  await h?.stop();
});

describe('the line is written after the reply, with the true outcome', () => {
  test('a reply Discord refuses on every try: one line, reply-failed, with what the query had found', async () => {
    const remove = refuseFirstReply(h.emulator);
    const asker = reader();
    const failing = h.emulator.slash('ask', { question: 'military aid suspended' }, asker);
    try {
      await until(() => linesOf(asker.user.id).length > 0, 'the line', 15_000);
    } finally {
      remove();
    }
    await delay(100);
    expect(failing.state.callbacks).toEqual([]);
    const lines = linesOf(asker.user.id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ command: 'ask', outcome: 'reply-failed' });
    expect((lines[0]?.results as unknown[]).length).toBeGreaterThan(0);
  }, 20_000);

  test('while the reply is on its way no line exists; once Discord accepts it, one line, timed through the reply', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const asker = reader();
    const remove = h.emulator.intercept(async (r) => {
      if (r.route === CALLBACK && JSON.stringify(r.body).includes('Pakistan')) await held;
      return undefined;
    });
    const ask = h.emulator.slash('ask', { question: 'Why did Pakistan suspend intelligence sharing?' }, asker);
    await until(() => h.emulator.requests.some((r) => r.route === CALLBACK && r.path.includes(ask.state.token)), 'the reply to be sent');
    await delay(300);
    expect(linesOf(asker.user.id)).toEqual([]);
    release();
    remove();
    await ask.response();
    await until(() => linesOf(asker.user.id).length > 0, 'the line');
    const lines = linesOf(asker.user.id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ command: 'ask', outcome: 'answered' });
    expect(Number(lines[0]?.ms)).toBeGreaterThanOrEqual(300);
  });

  test('refused, nothing-found and cooldown each say so, once', async () => {
    const member = reader();
    await h.emulator.slash('reload', {}, member).callback();
    const asker = reader();
    await h.emulator.slash('ask', { question: 'zxqv flurbo quantum knitting' }, asker).response();
    await h.emulator.slash('ask', { question: 'military aid suspended' }, asker).callback();
    await until(() => linesOf(member.user.id).length === 1 && linesOf(asker.user.id).length === 2, 'three lines');
    await delay(50);
    expect(linesOf(member.user.id).map((l) => l.outcome)).toEqual(['refused']);
    expect(linesOf(asker.user.id).map((l) => l.outcome)).toEqual(['nothing-found', 'cooldown']);
  });
});
