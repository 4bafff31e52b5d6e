/**
 * `npm run deploy`: registers the slash commands in `commands/` — to one
 * guild when DISCORD_GUILD_ID is set (instant, for development), globally
 * otherwise — and only when their definitions changed: it GETs what is
 * registered, compares, and PUTs only on a difference.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ApplicationCommandType, REST, Routes } from 'discord.js';
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ConfigError, loadConfig } from '../config.js';
import type { Command } from './command.js';
import { commandTypeOf } from './command.js';
import { loadCommands } from './loader.js';
import { scrubText } from './scrub.js';

type Json = Record<string, unknown>;
type Definition = RESTPostAPIApplicationCommandsJSONBody;

const OPTION_KEYS = [
  'type',
  'name',
  'description',
  'required',
  'autocomplete',
  'choices',
  'options',
  'channel_types',
  'min_value',
  'max_value',
  'min_length',
  'max_length',
] as const;

function normaliseOption(o: Json): Json {
  const out: Json = {};
  for (const key of OPTION_KEYS) {
    const v = o[key];
    if (v === undefined || v === null) continue;
    if (key === 'options' && Array.isArray(v)) {
      if (v.length) out.options = v.map((x) => normaliseOption(x as Json));
    } else if (key === 'choices' && Array.isArray(v)) {
      if (v.length) out.choices = v.map((c) => ({ name: (c as Json).name, value: (c as Json).value }));
    } else out[key] = v;
  }
  out.required ??= false;
  out.autocomplete ??= false;
  return out;
}

/**
 * The parts of a definition that matter for "has it changed": what we send
 * (name, description, type, options, permissions, and any other field we
 * set), with Discord's defaults filled in, ignoring what Discord adds (ids,
 * versions). Fields a local definition leaves unset are not compared.
 */
export function normaliseCommand(local: Json, remote?: Json): Json {
  const source = remote ?? local;
  const out: Json = {
    type: source.type ?? 1,
    name: source.name,
    // A context-menu command has none: Discord stores "".
    description: source.description ?? '',
    options: Array.isArray(source.options) ? source.options.map((o) => normaliseOption(o as Json)) : [],
    default_member_permissions: source.default_member_permissions ?? null,
  };
  for (const [key, value] of Object.entries(local)) {
    if (key in out || value === undefined) continue;
    out[key] = source[key] ?? null;
  }
  return out;
}

const sortKeys = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sortKeys)
    : v && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sortKeys(x)]))
      : v;

/** True when the registered commands already match the local definitions. */
export function sameCommands(local: Definition[], registered: Json[]): boolean {
  if (local.length !== registered.length) return false;
  const byName = new Map(registered.map((r) => [r.name, r]));
  return local.every((def) => {
    const remote = byName.get(def.name);
    if (!remote) return false;
    const l = normaliseCommand(def as unknown as Json);
    const r = normaliseCommand(def as unknown as Json, remote);
    return JSON.stringify(sortKeys(l)) === JSON.stringify(sortKeys(r));
  });
}

export interface DeployResult {
  scope: 'guild' | 'global';
  changed: boolean;
  names: string[];
}

export interface DeployOptions {
  rest: REST;
  applicationId: string;
  guildId?: string | undefined;
  commands: Iterable<Command>;
}

export async function deployCommands(options: DeployOptions): Promise<DeployResult> {
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const local = [...options.commands].map((c) => c.data.toJSON());
  const names = local.map((c) => c.name);
  const scope = options.guildId ? 'guild' : 'global';
  const registered = (await options.rest.get(route)) as Json[];
  if (sameCommands(local, registered)) return { scope, changed: false, names };
  await options.rest.put(route, { body: local });
  return { scope, changed: true, names };
}

export class DeployError extends Error {
  constructor(message: string) {
    super(`deploy: ${message}`);
    this.name = 'DeployError';
  }
}

/** Runs the deployment from the environment; returns the line to print. */
export async function deployFromEnv(): Promise<string> {
  const config = loadConfig();
  const missing = [!config.DISCORD_TOKEN && 'DISCORD_TOKEN', !config.DISCORD_CLIENT_ID && 'DISCORD_CLIENT_ID'].filter(Boolean);
  if (missing.length > 0 || !config.DISCORD_TOKEN || !config.DISCORD_CLIENT_ID) {
    throw new DeployError(
      `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set. Put ${missing.length > 1 ? 'them' : 'it'} in .env (see .env.example): ` +
        'DISCORD_TOKEN is the bot token (Developer Portal → Bot → Reset Token), DISCORD_CLIENT_ID the application id (General Information → Application ID).',
    );
  }
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL.replace(/\/+$/, '') } : {}).setToken(config.DISCORD_TOKEN);
  const commands = await loadCommands();
  let result: DeployResult;
  try {
    result = await deployCommands({ rest, applicationId: config.DISCORD_CLIENT_ID, guildId: config.DISCORD_GUILD_ID, commands: commands.values() });
  } catch (error) {
    const status = (error as { status?: number }).status;
    const hint = status === 401 ? ' (Discord rejected DISCORD_TOKEN)' : status === 403 || status === 404 ? ' (check DISCORD_CLIENT_ID and DISCORD_GUILD_ID, and that the bot is in the guild)' : '';
    throw new DeployError(`${scrubText((error as Error).message, [config.DISCORD_TOKEN])}${hint}`);
  }
  const where = result.scope === 'guild' ? `guild ${config.DISCORD_GUILD_ID}` : 'all guilds (global commands can take up to an hour to appear)';
  const types = new Map([...commands.values()].map((c) => [c.data.name, commandTypeOf(c)]));
  const list = result.names.map((n) => (types.get(n) === ApplicationCommandType.Message ? `“${n}” (message menu)` : `/${n}`)).join(', ');
  return result.changed ? `Registered ${result.names.length} commands to ${where}: ${list}` : `Commands unchanged in ${where}; nothing to do (${list}).`;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  deployFromEnv().then(
    (line) => process.stdout.write(`${line}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof ConfigError || error instanceof DeployError ? (error as Error).message : `deploy: ${(error as Error).message}`}\n`);
      process.exitCode = 1;
    },
  );
}
