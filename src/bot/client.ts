/**
 * The discord.js client: only the Guilds intent (slash commands need no
 * more), no mentions by default, and — when DISCORD_API_URL is set — REST
 * against that base, so the gateway URL comes from its `/gateway/bot`.
 * Users and members are cached at most `MEMBER_CACHE` each: every interaction
 * brings its user and member, and an unbounded cache grows with every
 * distinct user the bot ever answers (`npm run load` showed it).
 */
import { Client, GatewayIntentBits, Options } from 'discord.js';
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
