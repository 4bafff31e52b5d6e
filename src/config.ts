/**
 * Configuration, read once from the environment (and `.env` when present)
 * and validated, so a bad value is reported in words before anything starts.
 * Every variable is documented in `.env.example`.
 */
import { existsSync } from 'node:fs';

/** Bounds: what the bot can honour. */
export const LIMITS = {
  /** Passages per page; a Discord message holds at most 10 embeds. */
  ANSWER_LIMIT: { min: 1, max: 10 },
  /** 1 byte to 100 MB: a seed larger than that is not an article. */
  MAX_FILE_BYTES: { min: 1, max: 100_000_000 },
  /** The same bounds for a saved web page. */
  MAX_HTML_BYTES: { min: 1, max: 100_000_000 },
  /** 0 (no cooldown) to an hour. */
  COOLDOWN_SECONDS: { min: 0, max: 3600 },
} as const;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface Config {
  DISCORD_TOKEN: string | undefined;
  DISCORD_CLIENT_ID: string | undefined;
  DISCORD_GUILD_ID: string | undefined;
  MODERATOR_ROLE_IDS: string[];
  DISCORD_API_URL: string | undefined;
  SEEDS_DIR: string;
  QUERY_LOG: string;
  LOG_LEVEL: (typeof LOG_LEVELS)[number];
  MAX_FILE_BYTES: number;
  MAX_HTML_BYTES: number;
  COOLDOWN_SECONDS: number;
  ANSWER_LIMIT: number;
}

/**
 * Reads one variable after another, collecting every problem instead of
 * stopping at the first. Plain checks, not a schema library: this runs on
 * every start, and importing one cost about a tenth of a second.
 */
class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Record<string, string | undefined>) {}

  /** The trimmed value; undefined when unset or blank. */
  text(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  problem(name: string, message: string): void {
    this.problems.push(`${name}: ${message}`);
  }

  discordId(name: string): string | undefined {
    const value = this.text(name);
    if (value !== undefined && !/^\d{17,20}$/.test(value)) this.problem(name, 'must be a Discord id (17–20 digits)');
    return value;
  }

  /** A comma-separated list of Discord role ids. */
  roleIds(name: string): string[] {
    const value = this.text(name);
    const ids = value ? value.split(',').map((s) => s.trim()).filter(Boolean) : [];
    for (const id of ids) if (!/^\d{17,20}$/.test(id)) this.problem(name, `"${id}" is not a Discord role id`);
    return ids;
  }

  url(name: string, message: string): string | undefined {
    const value = this.text(name);
    if (value !== undefined && !URL.canParse(value)) this.problem(name, message);
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.text(name) ?? fallback;
    if (!(allowed as readonly string[]).includes(value)) this.problem(name, `must be one of ${allowed.join(', ')}`);
    return value as T;
  }

  /** A whole number from `min` to `max`; a value outside is refused, never clamped or read as the default. */
  wholeNumber(name: keyof typeof LIMITS, fallback: number, why: string): number {
    const value = this.text(name);
    if (value === undefined) return fallback;
    const { min, max } = LIMITS[name];
    if (!/^\d+$/.test(value)) this.problem(name, 'must be a whole number');
    else if (Number(value) < min || Number(value) > max) this.problem(name, `must be from ${min} to ${max} (${why})`);
    return Number(value);
  }
}

/** Every variable with its default; problems are listed in this order. */
function readConfig(read: EnvReader): Config {
  return {
    DISCORD_TOKEN: read.text('DISCORD_TOKEN'),
    DISCORD_CLIENT_ID: read.discordId('DISCORD_CLIENT_ID'),
    DISCORD_GUILD_ID: read.discordId('DISCORD_GUILD_ID'),
    MODERATOR_ROLE_IDS: read.roleIds('MODERATOR_ROLE_IDS'),
    DISCORD_API_URL: read.url('DISCORD_API_URL', 'must be a URL such as http://127.0.0.1:8080/api'),
    SEEDS_DIR: read.text('SEEDS_DIR') ?? 'seeds',
    QUERY_LOG: read.text('QUERY_LOG') ?? 'logs/queries.jsonl',
    LOG_LEVEL: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    MAX_FILE_BYTES: read.wholeNumber('MAX_FILE_BYTES', 1_000_000, 'bytes'),
    MAX_HTML_BYTES: read.wholeNumber('MAX_HTML_BYTES', 8_000_000, 'bytes'),
    COOLDOWN_SECONDS: read.wholeNumber('COOLDOWN_SECONDS', 3, 'seconds; 0 turns the cooldown off'),
    ANSWER_LIMIT: read.wholeNumber('ANSWER_LIMIT', 3, 'passages per reply; Discord shows at most 10 embeds'),
  };
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`config: invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Validates an environment. Throws a `ConfigError` listing every bad value. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const read = new EnvReader(env);
  const config = readConfig(read);
  // A server's @everyone role has the server's own id: as a moderator role it would let every member /reload.
  if (read.problems.length === 0 && config.DISCORD_GUILD_ID && config.MODERATOR_ROLE_IDS.includes(config.DISCORD_GUILD_ID)) {
    read.problem(
      'MODERATOR_ROLE_IDS',
      `${config.DISCORD_GUILD_ID} is the server's id, i.e. its @everyone role: every member could /reload; list only moderator roles`,
    );
  }
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}

/** Reads `.env` (if there is one) into `process.env`, then validates it. */
export function loadConfig(envFile = '.env'): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(process.env);
}
