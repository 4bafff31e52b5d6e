/** `.env.example`, copied to `.env` by a new user: valid as it is, every variable explained, quiet by default. */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parseConfig } from '../../src/config.js';

const lines = readFileSync('.env.example', 'utf8').split('\n');
const variables = lines.flatMap((line, i) => {
  const m = /^([A-Z_]+)=(.*)$/.exec(line);
  return m ? [{ name: m[1] as string, value: m[2] as string, comment: lines[i - 1] ?? '' }] : [];
});

test('holds every setting the bot reads, each with a comment above it, and parses as it is', () => {
  const names = variables.map((v) => v.name);
  for (const key of [...Object.keys(parseConfig({})), 'DISCORD_TOKEN', 'DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL']) expect(names, key).toContain(key);
  for (const v of variables) expect(v.comment, v.name).toMatch(/^#/);
  expect(() => parseConfig(Object.fromEntries(variables.map((v) => [v.name, v.value])))).not.toThrow();
});

test('leaves the log quiet: LOG_LEVEL empty (warn for the terminal) or warn and above', () => {
  expect(variables.find((v) => v.name === 'LOG_LEVEL')?.value).toMatch(/^(|warn|error|fatal|silent)$/);
});
