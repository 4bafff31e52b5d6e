/**
 * What every test that runs the real bot against the emulator sets up: a
 * private copy of the seeds, the environment that points the bot at the
 * emulator, and the commands registered as `npm run deploy` would.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REST } from 'discord.js';
import { deployCommands } from '../../src/bot/deploy.js';
import { loadCommands } from '../../src/bot/loader.js';
import type { DiscordEmulator } from './emulator.js';

export interface BotDir {
  dir: string;
  seedsDir: string;
  queryLog: string;
}

/** A temporary folder holding a copy of `seeds/` and the place for the query log. */
export function botDir(prefix: string): BotDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const seedsDir = join(dir, 'seeds');
  cpSync('seeds', seedsDir, { recursive: true });
  return { dir, seedsDir, queryLog: join(dir, 'queries.jsonl') };
}

/** The environment that runs the bot against `emulator`, with its seeds and query log in `dir`. */
export function botEnv(emulator: DiscordEmulator, dir: BotDir, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DISCORD_TOKEN: emulator.token,
    DISCORD_CLIENT_ID: emulator.applicationId,
    DISCORD_GUILD_ID: emulator.guild.id,
    DISCORD_API_URL: emulator.apiUrl,
    SEEDS_DIR: dir.seedsDir,
    QUERY_LOG: dir.queryLog,
    LOG_LEVEL: 'info',
    ...extra,
  };
}

/** Registers the bot's commands with the emulator, so interactions carry real command ids and option types. */
export async function registerCommands(emulator: DiscordEmulator): Promise<void> {
  const rest = new REST({ api: emulator.apiUrl }).setToken(emulator.token);
  await deployCommands({ rest, applicationId: emulator.applicationId, guildId: emulator.guild.id, commands: (await loadCommands()).values() });
}
