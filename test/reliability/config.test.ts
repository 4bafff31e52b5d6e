/**
 * Config refuses what cannot work (issue 13 rows 8, 9): `ANSWER_LIMIT=0` made
 * every /ask say "Nothing in the articles", `MAX_FILE_BYTES=0` silently meant
 * 1 MB, and the server's own id in `MODERATOR_ROLE_IDS` (its @everyone role)
 * let every member /reload.
 */
import { describe, expect, test } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.js';
import { moderatorVerdict } from '../../src/bot/moderators.js';

const GUILD = '123456789012345678';
const problemsOf = (env: Record<string, string>): string[] => {
  try {
    parseConfig(env);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
};

describe('numeric settings have bounds', () => {
  test.each([
    ['ANSWER_LIMIT', '0'],
    ['ANSWER_LIMIT', '11'],
    ['MAX_FILE_BYTES', '0'],
    ['MAX_FILE_BYTES', '100000000000'],
    ['COOLDOWN_SECONDS', '86400'],
    ['COOLDOWN_SECONDS', '-1'],
  ])('%s=%s is refused with a message naming the variable and the bounds', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: must be`));
  });

  test('values inside the bounds are taken as given', () => {
    expect(parseConfig({ ANSWER_LIMIT: '1', MAX_FILE_BYTES: '1', COOLDOWN_SECONDS: '0' })).toMatchObject({ ANSWER_LIMIT: 1, MAX_FILE_BYTES: 1, COOLDOWN_SECONDS: 0 });
    expect(parseConfig({ ANSWER_LIMIT: '10', MAX_FILE_BYTES: '100000000' })).toMatchObject({ ANSWER_LIMIT: 10, MAX_FILE_BYTES: 100_000_000 });
  });
});

describe('the server id is not a moderator role', () => {
  test('MODERATOR_ROLE_IDS holding DISCORD_GUILD_ID is refused, saying it is @everyone', () => {
    const problems = problemsOf({ DISCORD_GUILD_ID: GUILD, MODERATOR_ROLE_IDS: `223456789012345678,${GUILD}` });
    expect(problems).toEqual([expect.stringMatching(/^MODERATOR_ROLE_IDS: .*@everyone/)]);
  });

  test('and at run time a role with the id of the server asked in never counts (commands deployed globally)', () => {
    const member = { inGuild: true, permissions: 0n, roles: [GUILD], guildId: GUILD };
    expect(moderatorVerdict(member, [GUILD]).ok).toBe(false);
    expect(moderatorVerdict({ ...member, roles: [GUILD, '223456789012345678'] }, [GUILD, '223456789012345678'])).toEqual({ ok: true, via: 'role' });
  });
});
