/**
 * Security: the bot token never appears in anything the run wrote or sent
 * (even when Discord echoes it back in an error); nobody but a moderator can
 * reload, by any path (the slash command from a member, a lookalike role, a
 * DM, a button, a forged custom id, autocomplete); page buttons' custom ids
 * are validated and expire.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ChannelType, ComponentType, InteractionContextType, InteractionResponseType, InteractionType, MessageFlags } from 'discord-api-types/v10';
import type { APIInteraction, APIMessage } from 'discord-api-types/v10';
import { MESSAGES } from '../../src/bot/dispatch.js';
import { PAGE_TTL_MS, PageStore, parsePageId } from '../../src/bot/pages.js';
import { snowflake, user } from '../discord/payloads.js';
import { CALLBACK, everythingWritten, requestProblems, startReliabilityBot, until } from './harness.js';
import type { LogLine, ReliabilityBot } from './harness.js';

let h: ReliabilityBot;
const clock = { offset: 0 };
let users = 0;
const reader = (name = 'reader') => h.emulator.actor(`${name}${++users}`);

beforeAll(async () => {
  h = await startReliabilityBot({ bot: { pages: new PageStore({ now: () => Date.now() + clock.offset }) } });
});

afterAll(async () => {
  await h?.stop();
});

const lastLine = (userId: string): Promise<LogLine> =>
  until(() => h.queryLog().some((l) => l.user === userId), `a query log line for ${userId}`).then(() => h.queryLog().filter((l) => l.user === userId).at(-1)!);

function customIdsOf(m: APIMessage): string[] {
  return (m.components ?? []).flatMap((row) => ('components' in row ? row.components.flatMap((c) => ('custom_id' in c ? [c.custom_id] : [])) : []));
}

describe('non-moderators cannot reload, by any path', () => {
  let build: unknown;
  beforeAll(() => {
    build = h.bot.app.engine.build;
  });

  test('/reload from a member, from a member with a lookalike role, and with options forged: refused, ephemeral, logged', async () => {
    const lookalike = h.emulator.actor(`lookalike${++users}`, { roles: [snowflake()] });
    for (const actor of [reader('member'), lookalike]) {
      const cb = await h.emulator.slash('reload', {}, actor).callback();
      expect(cb.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(cb.data).toMatchObject({ content: 'Only moderators can reload the articles.', flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } });
      expect(await lastLine(actor.user.id)).toMatchObject({ command: 'reload', outcome: 'refused' });
    }
    const forged = reader('forger');
    const cb = await h.emulator.slash('reload', { force: true, as: 'admin', permissions: '8' }, forged).callback();
    expect(cb.data).toMatchObject({ content: 'Only moderators can reload the articles.', flags: MessageFlags.Ephemeral });
    expect(h.bot.app.engine.build).toBe(build);
  });

  test('/reload from a DM (no server, no member): refused', async () => {
    const u = user(`dm${++users}`);
    const base = h.emulator.slash('help', {}, reader()).payload as APIInteraction & Record<string, unknown>;
    const { guild_id: _g, guild: _gg, member: _m, ...rest } = base;
    const command = h.emulator.command('reload');
    const dm = {
      ...rest,
      id: snowflake(),
      token: `aW50ZXJhY3Rpb24dm${Math.random().toString(36).slice(2)}${'x'.repeat(60)}`,
      user: u,
      channel: { id: snowflake(), type: ChannelType.DM },
      channel_id: undefined,
      context: InteractionContextType.BotDM,
      data: { id: command.id, name: 'reload', type: 1 },
    } as unknown as APIInteraction;
    const cb = await h.emulator.send(dm).callback();
    expect(cb.data).toMatchObject({ content: 'Only moderators can reload the articles.', flags: MessageFlags.Ephemeral });
    expect(await lastLine(u.id)).toMatchObject({ command: 'reload', outcome: 'refused', error: 'not in a server' });
    expect(h.bot.app.engine.build).toBe(build);
  });

  test('buttons: reload-looking, forged and arbitrary custom ids are all "expired", logged, and reload nothing', async () => {
    const message = await h.emulator.slash('ask', { question: 'military aid suspended' }, reader()).response();
    const [real] = customIdsOf(message);
    const key = parsePageId(real!)!.key;
    const forged = ['reload', 'reload:confirm', 'page:reload:1', `page:${'A'.repeat(12)}:1`, `page:${key}:99`, `page:${key}:-1`, `page:${key}:1 `, `page:${key}:01x`, `Page:${key}:1`, 'page::1', `page:${key}`, '', 'x'.repeat(100), '../../reload', '\u0000', `page:${key}:1\n`];
    for (const customId of forged) {
      const actor = reader('presser');
      const press = h.emulator.press(message, customId, actor);
      const cb = await press.callback();
      expect(cb.data, customId).toMatchObject({ content: MESSAGES.expired, flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } });
      expect(press.state.callbacks).toHaveLength(1);
      expect(await lastLine(actor.user.id)).toMatchObject({ command: 'button', outcome: 'refused', options: { customId } });
    }
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 100 }), async (customId) => {
        fc.pre(parsePageId(customId) === null || parsePageId(customId)!.key !== key);
        const cb = await h.emulator.press(message, customId, reader('fuzz')).callback();
        expect(cb.data).toMatchObject({ content: MESSAGES.expired, flags: MessageFlags.Ephemeral });
      }),
      { numRuns: 25 },
    );
    expect(h.bot.app.engine.build).toBe(build);
    expect(h.queryLog().filter((l) => l.command === 'reload' && l.outcome === 'answered')).toEqual([]);
  });

  test('a select menu or autocomplete aimed at /reload does nothing but log', async () => {
    const actor = reader('select');
    const message = await h.emulator.slash('help', {}, reader()).response();
    const button = h.emulator.press(message, 'reload', actor).payload as APIInteraction & { data: Record<string, unknown> };
    const select = { ...button, id: snowflake(), token: `${button.token}sel`, data: { custom_id: 'reload', component_type: ComponentType.StringSelect, values: ['reload'] } };
    h.emulator.send(select as unknown as APIInteraction);
    await until(() => h.queryLog().filter((l) => l.user === actor.user.id).length === 2, 'both interactions logged');
    const auto = reader('auto');
    const choices = await h.emulator.autocomplete('reload', { x: 'y' }, 'x', auto).choices();
    expect(choices).toEqual([]);
    expect(await lastLine(auto.user.id)).toMatchObject({ command: 'reload:autocomplete', outcome: 'refused' });
    expect(h.bot.app.engine.build).toBe(build);
    expect(button.type).toBe(InteractionType.MessageComponent);
  });
});

describe('page buttons: validated and expiring', () => {
  test('only `page:` or `share:<12-character key>:<index>` parses', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (id) => {
        const ref = parsePageId(id);
        if (ref) expect(id).toMatch(/^(page|share):[A-Za-z0-9_-]{12}:\d{1,4}$/);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{12}$/), fc.nat({ max: 9999 }), (key, index) => {
        expect(parsePageId(`page:${key}:${index}`)).toEqual({ action: 'page', key, index });
        expect(new PageStore().resolve(`page:${key}:${index}`)).toBeNull(); // no such answer
      }),
      { numRuns: 300 },
    );
  });

  test('a real button works until ten minutes have passed, then answers "expired"', async () => {
    const asker = reader();
    const message = await h.emulator.slash('ask', { question: 'military aid suspended' }, asker).response();
    const more = customIdsOf(message).find((id) => parsePageId(id)?.index === 1);
    const pressed = await h.emulator.press(message, more!, asker).response();
    expect(pressed.embeds[0]?.description).toMatch(/ · ¶\d+$/);
    expect(pressed.embeds[0]?.description).not.toBe(message.embeds[0]?.description);
    clock.offset = PAGE_TTL_MS - 1_000;
    expect((await h.emulator.press(message, more!, asker).callback()).type).toBe(InteractionResponseType.UpdateMessage);
    clock.offset = PAGE_TTL_MS + 1;
    try {
      const cb = await h.emulator.press(message, more!, asker).callback();
      expect(cb.data).toMatchObject({ content: MESSAGES.expired, flags: MessageFlags.Ephemeral });
    } finally {
      clock.offset = 0;
    }
  });
});

describe('the token', () => {
  test('appears nowhere the run wrote or sent — even when Discord echoes it back in an error', async () => {
    const token = h.emulator.token;
    // A REST error whose message carries the Authorization header and the URL (with the interaction token).
    const remove = h.emulator.intercept((r) =>
      r.route === CALLBACK && (r.body as { data?: { content?: string } })?.data?.content?.startsWith('**Question:** echo')
        ? { status: 400, body: { code: 50035, message: `Invalid Form Body (auth ${r.headers.authorization}, path ${r.path})` } }
        : undefined,
    );
    const asker = reader();
    const failing = h.emulator.slash('ask', { question: 'echo military aid' }, asker);
    await until(() => h.logs().some((l) => l.msg === 'interaction failed' && l.interaction === failing.id), 'the failure to be logged', 10_000);
    remove();
    const failure = JSON.stringify(h.logs().find((l) => l.msg === 'interaction failed' && l.interaction === failing.id));
    expect(failure).toContain('[redacted]');
    expect(failure).not.toContain(token);
    expect(failure).not.toContain(failing.payload.token);

    const written = everythingWritten(h);
    expect(written.length).toBeGreaterThan(10_000);
    expect(written).not.toContain(token);
    expect(written).not.toContain(token.split('.').slice(1).join('.')); // not even the secret part alone
    // Interaction tokens are secrets too: in request paths by design, never in a log.
    const logs = h.stdout() + h.rawQueryLog();
    for (const state of h.emulator.interactions.values()) expect(logs).not.toContain(state.token);
    // Every request the bot made authenticated with the token in the header, and only there.
    expect(h.emulator.requests.filter((r) => r.headers.authorization && r.headers.authorization !== `Bot ${token}`)).toEqual([]);
    expect(requestProblems(h.emulator.requests, (r) => r.status === 400 && r.path.includes(failing.payload.token))).toEqual([]);
  });
});
