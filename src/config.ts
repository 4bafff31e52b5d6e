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
const positiveInt = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? String(fallback) : v.trim()))
    .pipe(z.string().regex(/^\d+$/, 'must be a whole number').transform(Number));

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
  MAX_FILE_BYTES: positiveInt(1_000_000),
  COOLDOWN_SECONDS: positiveInt(3),
  ANSWER_LIMIT: positiveInt(3),
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
