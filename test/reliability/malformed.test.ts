/**
 * No packet kills the process (issue 13 row 2) and every interaction type
 * gets an answer (row 11). Each malformed INTERACTION_CREATE below once threw
 * inside discord.js and killed the bot; now each is logged and refused
 * politely when it carries what a reply needs, and the bot keeps serving.
 * Select menus, modal submits and context-menu commands, which the bot does
 * not offer, get an ephemeral "not supported" instead of silence.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApplicationCommandType, ComponentType, InteractionResponseType, InteractionType, MessageFlags } from 'discord-api-types/v10';
import type { APIInteraction } from 'discord-api-types/v10';
import { MESSAGES } from '../../src/bot/dispatch.js';
import { interactionToken, snowflake, user } from '../discord/payloads.js';
import { delay, startReliabilityBot, until } from './harness.js';
import type { LogLine, ReliabilityBot } from './harness.js';

let h: ReliabilityBot;
let users = 0;
const processErrors: unknown[] = [];
const onProcessError = (error: unknown): void => void processErrors.push(error);

beforeAll(async () => {
  process.on('uncaughtException', onProcessError);
  process.on('unhandledRejection', onProcessError);
  h = await startReliabilityBot();
});

afterAll(async () => {
  await h?.stop();
  process.off('uncaughtException', onProcessError);
  process.off('unhandledRejection', onProcessError);
});

type Raw = Record<string, unknown>;

/** A well-formed /help interaction from a fresh user, as raw JSON to break. */
function helpPayload(): Raw & { member: Raw & { user: Raw }; data: Raw } {
  // Only its shape is wanted (the probe itself is answered as usual); the copy gets its own id, token and user.
  const handle = h.emulator.slash('help', {}, h.emulator.actor(`probe${++users}`));
  const payload = structuredClone(handle.payload) as unknown as Raw & { member: Raw & { user: Raw }; data: Raw };
  return { ...payload, id: snowflake(), token: interactionToken(), member: { ...payload.member, user: user(`broken${++users}`) as unknown as Raw } };
}

const linesOf = (userId: string): LogLine[] => h.queryLog().filter((l) => l.user === userId);

const MALFORMED: Record<string, (p: ReturnType<typeof helpPayload>) => Raw> = {
  'no entitlements': ({ entitlements: _e, ...rest }) => rest,
  'no authorizing_integration_owners': ({ authorizing_integration_owners: _a, ...rest }) => rest,
  'no data': ({ data: _d, ...rest }) => rest,
  'member without user': (p) => ({ ...p, member: { ...p.member, user: undefined } }),
  'member.permissions not a number': (p) => ({ ...p, member: { ...p.member, permissions: 'abc' } }),
  'data.type unknown': (p) => ({ ...p, data: { ...p.data, type: 99 } }),
  'type unknown': (p) => ({ ...p, type: 42 }),
};

describe('malformed interactions never kill the bot', () => {
  for (const [kind, breakIt] of Object.entries(MALFORMED)) {
    test(`${kind}: dropped or refused, logged once, and the bot answers the next one`, async () => {
      const fresh = helpPayload();
      const userId = String(fresh.member.user.id);
      const payload = breakIt(fresh);
      const handle = h.emulator.send(payload as unknown as APIInteraction);
      // Each carries an id and a token, so each is refused politely, and the main log says what was wrong.
      const cb = await handle.callback();
      expect(cb).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } } });
      expect([MESSAGES.malformed, MESSAGES.unsupported]).toContain(cb.data?.content);
      await until(() => h.logs().some((l) => l.interaction === payload.id && /^(malformed|unsupported) interaction$/.test(String(l.msg))), 'the main log line');
      await delay(50);
      expect(handle.state.callbacks).toHaveLength(1);
      // One query log line, refused — except when the packet names no user, which no line can be matched by.
      if (kind !== 'member without user') expect(linesOf(userId)).toEqual([expect.objectContaining({ outcome: 'refused' })]);
      const next = await h.emulator.slash('help', {}, h.emulator.actor(`after${++users}`)).response();
      expect(next.embeds.length + next.content.length).toBeGreaterThan(0);
      expect(processErrors).toEqual([]);
    });
  }

  test('50 in flight, one malformed among them: the other 49 answered, each logged once with its own outcome', async () => {
    const handles = Array.from({ length: 50 }, (_, i) => {
      if (i === 25) return { bad: true, handle: h.emulator.send(MALFORMED['member.permissions not a number']!(helpPayload()) as unknown as APIInteraction) };
      return { bad: false, handle: h.emulator.slash('ask', { question: 'military aid suspended' }, h.emulator.actor(`flight${++users}`)) };
    });
    const good = handles.filter((x) => !x.bad);
    await Promise.all(good.map((x) => x.handle.response(15_000)));
    const users49 = new Set(good.map((x) => (x.handle.payload as unknown as { member: { user: { id: string } } }).member.user.id));
    await until(() => h.queryLog().filter((l) => users49.has(String(l.user))).length === 49, '49 lines');
    const lines = h.queryLog().filter((l) => users49.has(String(l.user)));
    expect(lines.map((l) => l.outcome)).toEqual(Array(49).fill('answered'));
    expect(processErrors).toEqual([]);
  });
});

describe('every interaction type gets an answer', () => {
  const unsupported: Record<string, (p: ReturnType<typeof helpPayload>) => Raw> = {
    'a string select menu': (p) => ({ ...p, type: InteractionType.MessageComponent, message: messageOf(p), data: { custom_id: 'pick', component_type: ComponentType.StringSelect, values: ['a'] } }),
    'a modal submit': (p) => ({ ...p, type: InteractionType.ModalSubmit, data: { custom_id: 'form', components: [] } }),
    'a user context-menu command': (p) => ({
      ...p,
      data: { id: snowflake(), name: 'Quote this user', type: ApplicationCommandType.User, target_id: p.member.user.id, resolved: { users: { [String(p.member.user.id)]: p.member.user } } },
    }),
  };
  for (const [kind, make] of Object.entries(unsupported)) {
    test(`${kind}: an ephemeral "not supported", logged once as refused`, async () => {
      const payload = make(helpPayload());
      const handle = h.emulator.send(payload as unknown as APIInteraction);
      const cb = await handle.callback();
      expect(cb).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource, data: { content: MESSAGES.unsupported, flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } } });
      const userId = String((payload.member as { user: { id: string } }).user.id);
      await until(() => linesOf(userId).length > 0, 'its line');
      await delay(50);
      expect(linesOf(userId)).toEqual([expect.objectContaining({ outcome: 'refused' })]);
      expect(processErrors).toEqual([]);
    });
  }
});

function messageOf(p: Raw): Raw {
  return { id: snowflake(), channel_id: p.channel_id, author: { id: h.emulator.applicationId, username: 'bot', discriminator: '0', global_name: null, avatar: null, bot: true }, content: 'x', timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], embeds: [], pinned: false, type: 0, flags: 0, components: [] };
}
