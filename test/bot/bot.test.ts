/**
 * The bot end to end: the real discord.js client, started through `runBot`,
 * talking HTTP and WebSocket to the Discord API emulator.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import type { APIMessage } from 'discord-api-types/v10';
import { LIMITS, embedLength } from '../../src/bot/limits.js';
import { PAGE_TTL_MS, PageStore } from '../../src/bot/pages.js';
import { DiscordEmulator } from '../discord/emulator.js';
import { buttonsOf as allButtons } from '../discord/buttons.js';
import { startBot } from './harness.js';
import type { Harness, LogLine } from './harness.js';

let h: Harness;
const clock = { offset: 0 };

beforeAll(async () => {
  h = await startBot({ bot: { pages: new PageStore({ now: () => Date.now() + clock.offset }) } });
});

afterAll(async () => {
  await h?.stop();
});

let users = 0;
/** A fresh user per test, so the per-user cooldown never leaks between tests. */
const reader = (name = 'reader') => h.emulator.actor(`${name}${++users}`);

const lastQuery = (pred: (l: LogLine) => boolean): Promise<LogLine> => h.waitForQuery(pred);

function expectWithinLimits(m: APIMessage): void {
  expect(m.content.length).toBeLessThanOrEqual(LIMITS.content);
  expect(m.embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
  expect(m.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
}

/** The body of every message-carrying request the bot made about an interaction. */
function sentBodies(handle: ReturnType<Harness['emulator']['slash']>): Record<string, unknown>[] {
  return handle
    .requests()
    .map((r) => r.body as { type?: number; data?: Record<string, unknown> } & Record<string, unknown>)
    .filter((b) => b && b.type !== InteractionResponseType.DeferredChannelMessageWithSource)
    .map((b) => (typeof b.type === 'number' ? (b.data ?? {}) : b))
    .filter((b) => 'content' in b || 'embeds' in b);
}

describe('/ask', () => {
  test('answers with compact attributed passages inside one screen, no raw score, pinging no one', async () => {
    const asker = reader();
    const ask = h.emulator.slash('ask', { question: 'why did Pakistan suspend intelligence sharing' }, asker);
    const message = await ask.response();
    expect((await ask.callback()).type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(message.flags ?? 0).toBe(0);
    expect(message.content).toBe('**Question:** why did Pakistan suspend intelligence sharing');
    expect(message.embeds).toHaveLength(2); // ANSWER_LIMIT
    expect(message.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(2000);
    for (const embed of message.embeds) {
      const lines = embed.description?.split('\n') ?? [];
      expect(lines.at(-1)).toMatch(/^— .+ · .+ · .+ · ¶\d+$/);
      expect(embed.fields ?? []).toEqual([]);
      expect(JSON.stringify(embed)).not.toMatch(/score/i);
    }
    expectWithinLimits(message);
    for (const body of sentBodies(ask)) expect(body.allowed_mentions).toEqual({ parse: [] });

    const line = await lastQuery((l) => l.command === 'ask' && l.user === asker.user.id);
    expect(line).toMatchObject({
      query: 'why did Pakistan suspend intelligence sharing',
      guild: h.emulator.guild.id,
      channel: h.emulator.channel.id,
      outcome: 'answered',
    });
    expect((line?.results as { id: string; score: number }[])[0]).toEqual({ id: expect.stringMatching(/#\d+$/), score: expect.any(Number) });
    expect(line?.ms).toEqual(expect.any(Number));
  });

  test('says when nothing in the articles is about the question, escaping it', async () => {
    const asker = reader();
    const ask = h.emulator.slash('ask', { question: 'zxqv *flurbo* quantum knitting' }, asker);
    const message = await ask.response();
    expect(message.content).toBe('Nothing in the articles about “zxqv \\*flurbo\\* quantum knitting”.');
    expect(message.embeds).toEqual([]);
    expect(message.components).toEqual([]);
    expect(await lastQuery((l) => l.user === asker.user.id)).toMatchObject({ command: 'ask', outcome: 'nothing-found', results: [] });
  });

  test('Next pages to further passages, with the same labels on every page', async () => {
    const asker = reader();
    const first = await h.emulator.slash('ask', { question: 'military aid suspended' }, asker).response();
    expect(buttonsOf(first).map((b) => b.label)).toEqual(['◀ Prev', expect.stringMatching(/^1 \/ \d$/), 'Next ▶']);
    const next = buttonsOf(first).find((b) => b.label === 'Next ▶');

    const press = h.emulator.press(first, next?.customId ?? '', asker);
    const second = await press.response();
    expect((await press.callback()).type).toBe(InteractionResponseType.UpdateMessage);
    expect(second.id).toBe(first.id);
    expect(second.embeds[0]?.description).not.toBe(first.embeds[0]?.description);
    expect(sentBodies(press)[0]?.allowed_mentions).toEqual({ parse: [] });
    expect(buttonsOf(second).map((b) => b.label)).toEqual(['◀ Prev', expect.stringMatching(/^2 \/ \d$/), 'Next ▶']);
    expect(buttonsOf(second)[0]?.disabled).toBe(false);
    expectWithinLimits(second);
    expect(await lastQuery((l) => l.command === 'button' && l.user === asker.user.id)).toMatchObject({ outcome: 'answered', query: 'ask page 2' });
  });
});

describe('buttons', () => {
  test('a forged button gets an ephemeral "expired" and is logged', async () => {
    const asker = reader();
    const message = await h.emulator.slash('ask', { question: 'military aid suspended' }, asker).response();
    const press = h.emulator.press(message, 'page:AAAAAAAAAAAA:1', asker);
    const cb = await press.callback();
    expect(cb.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(cb.data).toMatchObject({ content: 'This button has expired — ask again.', flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } });
    expect(await lastQuery((l) => l.command === 'button' && l.user === asker.user.id)).toMatchObject({
      outcome: 'refused',
      options: { customId: 'page:AAAAAAAAAAAA:1' },
    });
  });

  test('a button older than ten minutes has expired', async () => {
    const asker = reader();
    const message = await h.emulator.slash('ask', { question: 'military aid suspended' }, asker).response();
    const row = message.components?.[0];
    const button = row && 'components' in row ? row.components[0] : undefined;
    const customId = button && 'custom_id' in button ? button.custom_id : '';
    clock.offset = PAGE_TTL_MS + 1;
    try {
      const cb = await h.emulator.press(message, customId, asker).callback();
      expect(cb.data).toMatchObject({ content: 'This button has expired — ask again.', flags: MessageFlags.Ephemeral });
    } finally {
      clock.offset = 0;
    }
  });
});

describe('/sources and /help', () => {
  test('/sources lists every article with outlet, date and paragraph count', async () => {
    const message = await h.emulator.slash('sources', {}, reader()).response();
    const description = message.embeds[0]?.description ?? '';
    expect(message.embeds[0]?.title).toMatch(/^Articles in the index \(\d+\)$/);
    expect(description.split('\n').length).toBe(h.bot.app.engine.sources().length);
    expect(description).toMatch(/^\*\*1\.\*\* \[.+\]\(https:\/\/.+\) — .+, \d{4}(-\d\d){0,2} · \d+ paragraphs$/m);
  });

  test('/help says what the bot does, and is logged', async () => {
    const asker = reader();
    const message = await h.emulator.slash('help', {}, asker).response();
    expect(message.embeds[0]?.description).toContain('/ask');
    expect(await lastQuery((l) => l.user === asker.user.id)).toMatchObject({ command: 'help', outcome: 'answered' });
  });
});

describe('/reload', () => {
  test('a moderator gets an ephemeral, deferred report of what changed', async () => {
    rmSync(join(h.config.SEEDS_DIR, '004_ee874196988fb277.txt'));
    const mod = h.emulator.actor('mod', { roles: [h.emulator.moderatorRole] });
    const reload = h.emulator.slash('reload', {}, mod);
    const cb = await reload.callback();
    expect(cb.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(cb.data?.flags).toBe(MessageFlags.Ephemeral);
    const message = await reload.response(10_000);
    expect(message.flags).toBe(MessageFlags.Ephemeral);
    expect(message.embeds[0]?.title).toBe('Reloaded');
    const fields = Object.fromEntries((message.embeds[0]?.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields.Removed).toBe('004\\_ee874196988fb277.txt');
    expect(reload.requests().find((r) => r.method === 'PATCH')?.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(await lastQuery((l) => l.user === mod.user.id)).toMatchObject({ command: 'reload', outcome: 'answered' });
    expect(h.bot.app.engine.sources().map((s) => s.articleId)).not.toContain('004_ee874196988fb277');
  });

  test('Manage Server is enough without a moderator role', async () => {
    const reload = h.emulator.slash('reload', {}, h.emulator.admin('owner'));
    expect((await reload.callback()).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect((await reload.response(10_000)).embeds[0]?.title).toBe('Reloaded');
  });

  test('anyone else is refused ephemerally, and the attempt is logged', async () => {
    const asker = reader('intruder');
    const cb = await h.emulator.slash('reload', {}, asker).callback();
    expect(cb.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(cb.data).toMatchObject({ content: 'Only moderators can reload the articles.', flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } });
    expect(await lastQuery((l) => l.user === asker.user.id)).toMatchObject({ command: 'reload', outcome: 'refused', error: 'lacks Manage Server and every moderator role' });
  });
});

describe('the interaction handler', () => {
  test('an unknown command gets an ephemeral answer and a log line', async () => {
    const asker = reader();
    const cb = await h.emulator.slash('frobnicate', {}, asker).callback();
    expect(cb.data).toMatchObject({ flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } });
    expect(String(cb.data?.content)).toMatch(/^I don’t know the command \/frobnicate/);
    expect(await lastQuery((l) => l.user === asker.user.id)).toMatchObject({ command: 'frobnicate', outcome: 'error', error: 'unknown command' });
  });

  test('a second query within the cooldown is told to wait, ephemerally', async () => {
    const asker = reader();
    await h.emulator.slash('ask', { question: 'military aid' }, asker).response();
    const cb = await h.emulator.slash('ask', { question: 'military aid again' }, asker).callback();
    expect(cb.data).toMatchObject({ flags: MessageFlags.Ephemeral });
    expect(String(cb.data?.content)).toMatch(/^You’re asking quickly — try again in \d+ s\.$/);
    expect(await lastQuery((l) => l.user === asker.user.id && l.outcome === 'cooldown')).toMatchObject({ command: 'ask', query: 'military aid again' });
  });

  test('an error after deferring reaches the user as an ephemeral follow-up and the log as the full error', async () => {
    const mod = h.emulator.admin('unlucky');
    const remove = h.emulator.intercept((r) =>
      r.method === 'PATCH' && r.path.includes('/messages/@original') ? { status: 400, body: { code: 50035, message: 'Invalid Form Body' } } : undefined,
    );
    try {
      const reload = h.emulator.slash('reload', {}, mod);
      const followUp = await reload.followUp(1, 10_000);
      expect(followUp.flags).toBe(MessageFlags.Ephemeral);
      expect(followUp.content).toMatch(/^Sorry — something went wrong/);
      const failure = h.logs().find((l) => l.msg === 'interaction failed' && l.user === mod.user.id);
      expect(failure).toMatchObject({ level: 50, command: 'reload', err: { message: expect.stringContaining('Invalid Form Body'), stack: expect.any(String) } });
      expect(JSON.stringify(failure)).not.toContain(reload.payload.token);
    } finally {
      remove();
    }
  });
});

/** The paging buttons of a message (its 👍 / 👎 row is tested in feedback.test.ts). */
const buttonsOf = (m: APIMessage) => allButtons(m, ['page:']);

describe('/quote', () => {
  test('autocomplete offers at most 25 speakers from memory, well inside 3 s, and is logged', async () => {
    const asker = reader();
    const started = Date.now();
    const choices = await h.emulator.autocomplete('quote', { speaker: 'Kh' }, 'speaker', asker).choices();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(choices.map((c) => c.value)).toEqual(['Khurram Dastgir Khan', 'Khwaja Asif']);
    expect(choices[0]?.name).toMatch(/^Khurram Dastgir Khan \(\d+\)$/);
    const all = await h.emulator.autocomplete('quote', { speaker: '' }, 'speaker', reader()).choices();
    expect(all.length).toBeGreaterThan(0);
    expect(all.length).toBeLessThanOrEqual(25);
    expect(await lastQuery((l) => l.user === asker.user.id)).toMatchObject({ command: 'quote:autocomplete', query: 'Kh', outcome: 'answered' });
  });

  test('answers with the quotation in bold, attributed, paged', async () => {
    const asker = reader();
    const handle = h.emulator.slash('quote', { speaker: 'Khurram Dastgir Khan' }, asker);
    const message = await handle.response();
    const count = Number(/ · (\d+) quotations?$/.exec(message.content)?.[1]);
    expect(message.content).toBe(`**Quotes from Khurram Dastgir Khan** · ${count} quotation${count === 1 ? '' : 's'}`);
    const [offered] = await h.emulator.autocomplete('quote', { speaker: 'Khurram Dastgir' }, 'speaker', reader()).choices();
    expect(offered?.name).toBe(`Khurram Dastgir Khan (${count})`);
    expect(message.embeds).toHaveLength(2);
    const [first] = message.embeds;
    expect(first?.title).toBeUndefined();
    expect(first?.description).toMatch(/\*\*[^*]+\*\*/);
    expect(first?.description?.split('\n').at(-1)).toMatch(/^— .+ · ¶\d+$/);
    expectWithinLimits(message);
    expect(buttonsOf(message).map((b) => b.label)).toEqual(['◀ Prev', `1 / ${Math.ceil(count / 2)}`, 'Next ▶']);
    for (const body of sentBodies(handle)) expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(await lastQuery((l) => l.user === asker.user.id)).toMatchObject({ command: 'quote', query: 'Khurram Dastgir Khan', outcome: 'answered' });
  });

  test('escapes the speaker typed when echoing it back', async () => {
    const message = await h.emulator.slash('quote', { speaker: 'Nobody_at *all* zzqx', about: 'x' }, reader()).response();
    expect(message.content).not.toMatch(/(?<!\\)\*all(?<!\\)\*/);
    expectWithinLimits(message);
  });
});

describe('/timeline', () => {
  test('pages with the same Prev / Next when the events do not fit one message', async () => {
    const asker = reader();
    const message = await h.emulator.slash('timeline', {}, asker).response();
    expectWithinLimits(message);
    expect(message.embeds[0]?.title).toBe('Timeline');
    expect(message.embeds[0]?.description).toMatch(/^\*\*\d{4}/);
    expect(message.embeds[0]?.footer?.text).toMatch(/^\d+ events$/); // where the page is, the buttons say
    const next = buttonsOf(message).find((b) => b.label === 'Next ▶');
    expect(next?.disabled).toBe(false);
    const second = await h.emulator.press(message, next?.customId ?? '', asker).response();
    expectWithinLimits(second);
    expect(second.embeds[0]?.footer?.text).toBe(message.embeds[0]?.footer?.text);
    expect(buttonsOf(second).map((b) => b.label)).toEqual(['◀ Prev', expect.stringMatching(/^2 \/ \d+$/), 'Next ▶']);
    expect(await lastQuery((l) => l.command === 'timeline' && l.user === asker.user.id)).toMatchObject({ outcome: 'answered' });
  });

  test('a range narrows the events, and a reversed range is refused ephemerally', async () => {
    const narrowed = await h.emulator.slash('timeline', { from: 2018, to: 2018 }, reader()).response();
    expect(narrowed.embeds[0]?.title).toBe('Timeline 2018–2018');
    const cb = await h.emulator.slash('timeline', { from: 2019, to: 2017 }, reader()).callback();
    expect(cb.data).toMatchObject({ flags: MessageFlags.Ephemeral });
    expect(String(cb.data?.content)).toMatch(/after “to”/);
  });
});

describe('the connection (hooks for the fault tests to come)', () => {
  test('a dropped gateway connection is resumed and the bot keeps answering', async () => {
    const before = h.emulator.sessions.length;
    h.emulator.sessions.at(-1)?.terminate();
    await h.emulator.waitFor(() => h.emulator.sessions.length > before && h.emulator.sessions.at(-1)?.identify, 'the bot to reconnect', 10_000);
    expect(h.emulator.sessions.at(-1)?.resumed).toBe(1);
    expect((await h.emulator.slash('help', {}, reader()).response()).embeds).toHaveLength(1);
  });

  test('a 429 on the callback is retried after retry-after', async () => {
    h.emulator.failNext('POST /interactions/:id/:token/callback', DiscordEmulator.rateLimited(0.1));
    const help = h.emulator.slash('help', {}, reader());
    expect((await help.response()).embeds).toHaveLength(1);
    expect(help.requests().map((r) => r.status)).toEqual([429, 204]);
  });
});

describe('logs', () => {
  test('every interaction was logged to stdout and the query log, and the token appears nowhere', async () => {
    // Lines are written once the answer is sent, so the last one may trail the last response a little.
    for (let i = 0; i < 100 && h.queryLog().length < h.emulator.interactions.size; i++) await new Promise((r) => setTimeout(r, 10));
    const raw = h.rawLogs();
    expect(raw.length).toBeGreaterThan(0);
    expect(raw).not.toContain(h.emulator.token);
    for (const state of h.emulator.interactions.values()) expect(raw).not.toContain(state.token);
    const stdoutQueries = h.logs().filter((l) => l.msg === 'query').length;
    expect(stdoutQueries).toBe(h.queryLog().length);
    expect(h.queryLog().length).toBeGreaterThanOrEqual(h.emulator.interactions.size);
  });
});

