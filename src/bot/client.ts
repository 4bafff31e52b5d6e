/**
 * The discord.js client: only the Guilds intent (slash commands need no
 * more), no mentions by default, and — when DISCORD_API_URL is set — REST
 * against that base, so the gateway URL comes from its `/gateway/bot`.
 */
import { Client, GatewayIntentBits } from 'discord.js';
import type { ClientOptions } from 'discord.js';
import type { Config } from '../config.js';
import { NO_MENTIONS } from './command.js';

export function clientOptions(config: Pick<Config, 'DISCORD_API_URL'>): ClientOptions {
  return {
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    ...(config.DISCORD_API_URL ? { rest: { api: config.DISCORD_API_URL.replace(/\/+$/, '') } } : {}),
  };
}

export function createClient(config: Pick<Config, 'DISCORD_API_URL'>): Client {
  return new Client(clientOptions(config));
}
