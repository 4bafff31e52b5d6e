/**
 * Whose answer a button acts on, through the Discord API emulator: an
 * answer's buttons page it for its asker only (anyone else gets their own
 * ephemeral copy), and `hide:` answers only the asker, with a Share button
 * that posts the answer to the channel.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import type { APIMessage } from 'discord-api-types/v10';
import { parseConfig } from '../../src/config.js';
import { embedLength } from '../../src/bot/limits.js';
import { buttonsOf as allButtons } from '../discord/buttons.js';
import { startBot } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startBot({ env: { ANSWER_LIMIT: String(parseConfig({}).ANSWER_LIMIT) } }); // the default passages per page
});
afterAll(async () => {
  await h?.stop();
});

let users = 0;
const someone = (name: string) => h.emulator.actor(`${name}${++users}`);

/** The answer's own buttons (paging, Full paragraphs, Share), leaving out the 👍 / 👎 row. */
const buttonsOf = (m: APIMessage) => allButtons(m, ['page:', 'full:', 'share:']);
const answerButtons = (m: APIMessage) => allButtons(m);
const button = (m: APIMessage, label: string) => {
  const found = buttonsOf(m).find((b) => b.label === label);
  if (!found) throw new Error(`no ${label} button on the message`);
  return found.customId;
};
const isEphemeral = (m: APIMessage) => Boolean((m.flags ?? 0) & MessageFlags.Ephemeral);

test('page 1 of the mission question at the default passages per page: at most 2,000 characters of embed text, no score', async () => {
  const answer = await h.emulator.slash('ask', { question: 'why did Pakistan suspend intelligence sharing' }, someone('asker')).response();
  expect(answer.embeds).toHaveLength(parseConfig({}).ANSWER_LIMIT);
  expect(answer.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(2000);
  for (const embed of answer.embeds) {
    expect(embed.footer).toBeUndefined();
    expect(embed.fields ?? []).toEqual([]);
    expect(JSON.stringify(embed)).not.toMatch(/score|\b\d\.\d{2,}\b/i);
  }
});

describe("another user's press", () => {
  test('gets the presser an ephemeral copy of that page and leaves the original unchanged', async () => {
    const asker = someone('asker');
    const original = await h.emulator.slash('ask', { question: 'military aid suspended' }, asker).response();
    expect(buttonsOf(original).map((b) => b.label).slice(0, 3)).toEqual(['◀ Prev', expect.stringMatching(/^1 \/ \d$/), 'Next ▶']);
    const before = structuredClone(h.emulator.messages.get(original.id));

    const other = someone('bystander');
    const press = h.emulator.press(original, button(original, 'Next ▶'), other);
    expect((await press.callback()).type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const copy = await press.response();
    expect(copy.id).not.toBe(original.id);
    expect(isEphemeral(copy)).toBe(true);
    expect(copy.embeds[0]?.description).not.toBe(original.embeds[0]?.description);
    expect(buttonsOf(copy).map((b) => b.label)).toEqual(['◀ Prev', expect.stringMatching(/^2 \/ \d$/), 'Next ▶']);
    expect(h.emulator.messages.get(original.id)).toEqual(before);
    const votes = (m: APIMessage) => answerButtons(m).filter((b) => b.customId.startsWith('vote:')).map((b) => b.customId);
    expect(votes(copy)).toEqual(votes(original)); // a vote on the copy rates the query that found it
    expect(votes(copy)).toHaveLength(2);
    expect(await h.waitForQuery((l) => l.command === 'button' && l.user === other.user.id)).toMatchObject({ outcome: 'answered', query: 'ask page 2 (own copy)' });

    // The copy is the presser's own: its buttons page it in place, and still leave the original alone.
    const back = h.emulator.press(copy, button(copy, '◀ Prev'), other);
    expect((await back.callback()).type).toBe(InteractionResponseType.UpdateMessage);
    const paged = await back.response();
    expect(paged.id).toBe(copy.id);
    expect(paged.embeds).toEqual(original.embeds);
    expect(h.emulator.messages.get(original.id)).toEqual(before);
  });

  test("the asker's own press still pages the answer in place", async () => {
    const asker = someone('asker');
    const original = await h.emulator.slash('ask', { question: 'military aid suspended' }, asker).response();
    const press = h.emulator.press(original, button(original, 'Next ▶'), asker);
    expect((await press.callback()).type).toBe(InteractionResponseType.UpdateMessage);
    expect((await press.response()).id).toBe(original.id);
  });
});

describe('hide:', () => {
  test('/ask hide:true answers the asker only, with Share; Share posts the page to the channel', async () => {
    const asker = someone('asker');
    const hidden = await h.emulator.slash('ask', { question: 'military aid suspended', hide: true }, asker).response();
    expect(isEphemeral(hidden)).toBe(true);
    expect(hidden.embeds.length).toBeGreaterThan(0);
    expect(buttonsOf(hidden).map((b) => b.label)).toEqual(['◀ Prev', expect.stringMatching(/^1 \/ \d$/), 'Next ▶', 'Share']);

    // Page on, then share what is shown: the channel gets that page, public, without a Share button.
    const page2 = await h.emulator.press(hidden, button(hidden, 'Next ▶'), asker).response();
    expect(page2.id).toBe(hidden.id);
    const share = h.emulator.press(page2, button(page2, 'Share'), asker);
    expect((await share.callback()).type).toBe(InteractionResponseType.UpdateMessage);
    // The asker's message says it is shared, so it is not posted twice …
    const marked = await share.response();
    expect(marked.id).toBe(hidden.id);
    expect(buttonsOf(marked).at(-1)).toMatchObject({ label: 'Shared ✓', disabled: true });
    // … and the channel gets that page, public, without a Share button.
    const shared = await share.followUp(1);
    expect(shared.id).not.toBe(hidden.id);
    expect(isEphemeral(shared)).toBe(false);
    expect(shared.embeds).toEqual(page2.embeds);
    expect(shared.content).toBe(page2.content);
    expect(buttonsOf(shared).map((b) => b.label)).toEqual(['◀ Prev', expect.stringMatching(/^2 \/ \d$/), 'Next ▶']);
    // Paging back to page 1 offers Share for it still.
    const back = await h.emulator.press(marked, button(marked, '◀ Prev'), asker).response();
    expect(buttonsOf(back).at(-1)).toMatchObject({ label: 'Share', disabled: false });
    expect(await h.waitForQuery((l) => l.command === 'button' && l.user === asker.user.id && l.outcome === 'answered' && String(l.query).includes('shared'))).toMatchObject({
      query: 'ask shared page 2',
    });
  });

  test('only the asker can share: anyone else pressing Share is refused, and nothing is posted', async () => {
    const asker = someone('asker');
    const hidden = await h.emulator.slash('ask', { question: 'why did Pakistan suspend intelligence sharing', hide: true }, asker).response();
    const before = h.emulator.messages.size;
    const other = someone('bystander');
    const press = h.emulator.press(hidden, button(hidden, 'Share'), other);
    const cb = await press.callback();
    expect(cb.data).toMatchObject({ content: 'Only the person who asked can share this answer.', flags: MessageFlags.Ephemeral });
    expect(h.emulator.messages.size).toBe(before + 1); // the refusal only
    expect(await h.waitForQuery((l) => l.command === 'button' && l.user === other.user.id)).toMatchObject({ outcome: 'refused' });
  });

  test('/quote and /timeline take hide: too, with Share even on a single page', async () => {
    const quote = await h.emulator.slash('quote', { speaker: 'Khan', hide: true }, someone('asker')).response();
    expect(isEphemeral(quote)).toBe(true);
    expect(buttonsOf(quote).at(-1)?.label).toBe('Share');
    const timeline = await h.emulator.slash('timeline', { from: 2019, to: 2019, hide: true }, someone('asker')).response();
    expect(isEphemeral(timeline)).toBe(true);
    expect(buttonsOf(timeline).at(-1)?.label).toBe('Share');
    const open = await h.emulator.slash('timeline', { from: 2019, to: 2019 }, someone('asker')).response();
    expect(isEphemeral(open)).toBe(false);
    expect(buttonsOf(open).map((b) => b.label)).not.toContain('Share');
  });
});
