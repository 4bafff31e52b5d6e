/**
 * The discord.js client: only the Guilds intent (slash commands need no
 * more), no mentions by default, and — when DISCORD_API_URL is set — REST
 * against that base, so the gateway URL comes from its `/gateway/bot`.
 * Users and members are cached at most `MEMBER_CACHE` each: every interaction
 * brings its user and member, and an unbounded cache grows with every
 * distinct user the bot ever answers (`npm run load` showed it).
 */
import { Client, Events, GatewayIntentBits, Options } from 'discord.js';
import type { ClientOptions } from 'discord.js';
import type { Config } from '../config.js';
import { NO_MENTIONS } from './command.js';

/** Most users (and guild members) kept in discord.js's caches; slash commands need none of them later. */
export const MEMBER_CACHE = 200;

export function clientOptions(config: Pick<Config, 'DISCORD_API_URL'>): ClientOptions {
  return {
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      UserManager: { maxSize: MEMBER_CACHE, keepOverLimit: (user) => user.id === user.client.user.id },
      GuildMemberManager: { maxSize: MEMBER_CACHE, keepOverLimit: (member) => member.id === member.client.user.id },
    }),
    ...(config.DISCORD_API_URL ? { rest: { api: config.DISCORD_API_URL.replace(/\/+$/, '') } } : {}),
  };
}

export function createClient(config: Pick<Config, 'DISCORD_API_URL'>): Client {
  return new Client(clientOptions(config));
}

/** What the guard reports: a packet discord.js threw on, or one it dropped without emitting an interaction. */
export interface PacketFaults {
  malformed(data: unknown, error: unknown): void;
  ignored(data: unknown): void;
}

interface InteractionAction {
  handle(data: unknown): unknown;
}

/**
 * discord.js builds an interaction from the raw INTERACTION_CREATE packet
 * inside its gateway handler, where a throw (a packet without `entitlements`,
 * or with `member.permissions: "abc"`) is uncaught and kills the process; and
 * it drops kinds it does not know without a word, so the user sees "This
 * interaction failed". Both go to `faults` instead. This wraps the one action
 * every INTERACTION_CREATE goes through (`client.actions` is not in the
 * typings, hence the narrow cast); the packet itself is left untouched.
 */
export function guardInteractionPackets(client: Client, faults: PacketFaults): void {
  const action = (client as unknown as { actions: { InteractionCreate: InteractionAction } }).actions.InteractionCreate;
  const original = action.handle.bind(action);
  action.handle = (data: unknown) => {
    let delivered = false;
    const mark = (): void => void (delivered = true);
    client.prependOnceListener(Events.InteractionCreate, mark);
    try {
      original(data);
    } catch (error) {
      faults.malformed(data, error);
      return;
    } finally {
      client.off(Events.InteractionCreate, mark);
    }
    if (!delivered) faults.ignored(data);
  };
}
