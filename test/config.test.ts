import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.js';

describe('parseConfig', () => {
  it('fills defaults for an empty environment', () => {
    expect(parseConfig({}).DISCORD_TOKEN).toBeUndefined();
    expect(parseConfig({})).toMatchObject({
      SEEDS_DIR: 'seeds',
      QUERY_LOG: 'logs/queries.jsonl',
      LOG_LEVEL: 'info',
      MAX_FILE_BYTES: 1_000_000,
      MAX_HTML_BYTES: 8_000_000,
      MODERATOR_ROLE_IDS: [],
    });
  });

  it('bounds the saved-page size limit like the text-file one', () => {
    expect(parseConfig({ MAX_HTML_BYTES: '5000000' }).MAX_HTML_BYTES).toBe(5_000_000);
    expect(() => parseConfig({ MAX_HTML_BYTES: '0' })).toThrow(/MAX_HTML_BYTES/);
    expect(() => parseConfig({ MAX_HTML_BYTES: '100000000000' })).toThrow(/MAX_HTML_BYTES/);
  });

  it('reads a list of moderator role ids', () => {
    expect(parseConfig({ MODERATOR_ROLE_IDS: '123456789012345678, 223456789012345678' }).MODERATOR_ROLE_IDS).toEqual([
      '123456789012345678',
      '223456789012345678',
    ]);
  });

  it('names every bad value in one error', () => {
    let error: unknown;
    try {
      parseConfig({ LOG_LEVEL: 'loud', MAX_FILE_BYTES: 'big', DISCORD_CLIENT_ID: 'abc', MODERATOR_ROLE_IDS: 'mods', DISCORD_API_URL: 'not a url' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['LOG_LEVEL', 'MAX_FILE_BYTES', 'DISCORD_CLIENT_ID', 'MODERATOR_ROLE_IDS', 'DISCORD_API_URL']) {
      expect(problems).toContain(name);
    }
  });

  it('says what each bad value should be, in words', () => {
    let problems: string[] = [];
    try {
      parseConfig({ LOG_LEVEL: 'loud', COOLDOWN_SECONDS: 'soon', DISCORD_GUILD_ID: '12', MODERATOR_ROLE_IDS: '123456789012345678,mods' });
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(problems).toEqual([
      'DISCORD_GUILD_ID: must be a Discord id (17–20 digits)',
      'MODERATOR_ROLE_IDS: "mods" is not a Discord role id',
      'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent',
      'COOLDOWN_SECONDS: must be a whole number',
    ]);
  });

  it('trims values and reads a blank one as unset', () => {
    expect(parseConfig({ SEEDS_DIR: '  corpus ', DISCORD_TOKEN: '   ', ANSWER_LIMIT: ' 5 ' })).toMatchObject({ SEEDS_DIR: 'corpus', DISCORD_TOKEN: undefined, ANSWER_LIMIT: 5 });
  });
});
