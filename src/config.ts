/**
 * Configuration, read once from the environment (and `.env` when present)
 * and validated, so a bad value is reported in words before anything starts.
 * Every variable is documented in `.env.example`.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));
/** A whole number from `min` to `max`; a value outside is refused, never clamped or read as the default. */
const wholeNumber = (fallback: number, min: number, max: number, why: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? String(fallback) : v.trim()))
    .pipe(
      z
        .string()
        .regex(/^\d+$/, 'must be a whole number')
        .transform(Number)
        .refine((n) => n >= min && n <= max, { message: `must be from ${min} to ${max} (${why})` }),
    );

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

const schema = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_CLIENT_ID: optionalText.pipe(snowflake.optional()),
  DISCORD_GUILD_ID: optionalText.pipe(snowflake.optional()),
  MODERATOR_ROLE_IDS: optionalText.transform((v, ctx) => {
    const ids = v ? v.split(',').map((s) => s.trim()).filter(Boolean) : [];
    for (const id of ids) {
      if (!/^\d{17,20}$/.test(id)) ctx.addIssue({ code: 'custom', message: `"${id}" is not a Discord role id` });
    }
    return ids;
  }),
  DISCORD_API_URL: optionalText.pipe(z.url({ message: 'must be a URL such as http://127.0.0.1:8080/api' }).optional()),
  SEEDS_DIR: optionalText.transform((v) => v ?? 'seeds'),
  QUERY_LOG: optionalText.transform((v) => v ?? 'logs/queries.jsonl'),
  LOG_LEVEL: optionalText
    .transform((v) => v ?? 'info')
    .pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  MAX_FILE_BYTES: wholeNumber(1_000_000, LIMITS.MAX_FILE_BYTES.min, LIMITS.MAX_FILE_BYTES.max, 'bytes'),
  MAX_HTML_BYTES: wholeNumber(8_000_000, LIMITS.MAX_HTML_BYTES.min, LIMITS.MAX_HTML_BYTES.max, 'bytes'),
  COOLDOWN_SECONDS: wholeNumber(3, LIMITS.COOLDOWN_SECONDS.min, LIMITS.COOLDOWN_SECONDS.max, 'seconds; 0 turns the cooldown off'),
  ANSWER_LIMIT: wholeNumber(3, LIMITS.ANSWER_LIMIT.min, LIMITS.ANSWER_LIMIT.max, 'passages per reply; Discord shows at most 10 embeds'),
}).superRefine((config, ctx) => {
  // A server's @everyone role has the server's own id: as a moderator role it would let every member /reload.
  if (config.DISCORD_GUILD_ID && config.MODERATOR_ROLE_IDS.includes(config.DISCORD_GUILD_ID)) {
    ctx.addIssue({
      code: 'custom',
      path: ['MODERATOR_ROLE_IDS'],
      message: `${config.DISCORD_GUILD_ID} is the server's id, i.e. its @everyone role: every member could /reload; list only moderator roles`,
    });
  }
});

export type Config = z.output<typeof schema>;

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
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
  }
  return result.data;
}

/** Reads `.env` (if there is one) into `process.env`, then validates it. */
export function loadConfig(envFile = '.env'): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(process.env);
}
