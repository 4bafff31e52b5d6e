/** "Find in the articles" (a message context-menu command), through the Discord API emulator. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MessageFlags } from 'discord-api-types/v10';
import { parseVoteId } from '../../src/bot/feedback.js';
import { FIND_MESSAGES } from '../../src/queries/find.js';
import { startBot } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startBot();
});
afterAll(async () => {
  await h?.stop();
});

let users = 0;
const reader = (name = 'finder') => h.emulator.actor(`${name}${++users}`);
const SOURCE_LINE = /^— .+ · .+ · .+ · ¶\d+$/;

describe('Find in the articles', () => {
  test('is registered as a message command', () => {
    const command = h.emulator.command('Find in the articles');
    expect(command).toMatchObject({ type: 3, name: 'Find in the articles' });
  });

  test('answers a claim someone posted with quoted, sourced passages, and logs it once with the message text', async () => {
    const claim = h.emulator.userMessage('Apparently <@123456789012345678> says Pakistan has **suspended** intelligence sharing?');
    const finder = reader();
    const find = h.emulator.messageCommand('Find in the articles', claim, finder);
    const reply = await find.response();
    expect(reply.content).toMatch(/^\*\*In the articles, on\*\* “Apparently says Pakistan has suspended intelligence sharing\?”$/);
    expect(reply.embeds.length).toBeGreaterThan(0);
    for (const embed of reply.embeds) expect(embed.description?.split('\n').at(-1)).toMatch(SOURCE_LINE);
    const line = await h.waitForQuery((l) => l.user === finder.user.id);
    expect(line).toMatchObject({ command: 'Find in the articles', outcome: 'answered', options: { message: claim.id }, query: claim.content });
    expect(h.queryLog().filter((l) => l.user === finder.user.id)).toHaveLength(1);
    const customIds = (reply.components ?? []).flatMap((row) => ('components' in row ? row.components.flatMap((c) => ('custom_id' in c ? [c.custom_id] : [])) : []));
    const votes = customIds.map(parseVoteId);
    expect(votes.filter(Boolean)).toEqual([
      { rates: line.queryId, vote: 'up' },
      { rates: line.queryId, vote: 'down' },
    ]);
  });

  test('a long message is searched by its content words and still answered', async () => {
    const filler = 'I was reading about this over the weekend and honestly I am not sure what to believe any more, people keep saying different things. ';
    const claim = h.emulator.userMessage(`${filler}${filler}Someone told me that Pakistan suspended intelligence sharing with the United States after the aid was cut. Is that true?`);
    const reply = await h.emulator.messageCommand('Find in the articles', claim, reader()).response();
    expect(reply.content).toMatch(/^\*\*In the articles, on\*\* “I was reading about this/);
    expect(reply.embeds.length).toBeGreaterThan(0);
  });

  test('a message with no text is refused ephemerally', async () => {
    const finder = reader();
    const cb = await h.emulator.messageCommand('Find in the articles', h.emulator.userMessage('https://example.com/a-picture.png'), finder).callback();
    expect(cb.data).toMatchObject({ content: FIND_MESSAGES.empty, flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } });
    expect(await h.waitForQuery((l) => l.user === finder.user.id)).toMatchObject({ command: 'Find in the articles', outcome: 'refused' });
  });
});
