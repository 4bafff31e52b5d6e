/**
 * "Full paragraphs" through the Discord API emulator, on a made-up article
 * whose paragraphs are longer than an answer's excerpt: the button shows the
 * page's passages whole to whoever presses it, ephemerally, and the answer
 * in the channel stays compact.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { buttonsOf } from '../discord/buttons.js';
import { startBot } from './harness.js';
import type { Harness } from './harness.js';

const LONG_PARAGRAPH = [
  'The council met on Thursday evening in the old library to discuss the state of the river crossing, which has carried traffic between the two halves of the town since the late nineteenth century.',
  'Engineers told the meeting that the iron supports had rusted far faster than expected after three wet winters in a row.',
  'The council closed the Millbrook footbridge because inspectors found cracks in two of its iron supports.',
  'Residents who cross it every morning to reach the station will have to walk an extra mile around the weir until repairs are finished, which the engineers expect to take most of the spring.',
  'A temporary ferry was suggested by one member but rejected on cost, and the council agreed instead to ask the county for an emergency grant before the end of the month.',
].join(' ');

let h: Harness;
let seeds: string;
beforeAll(async () => {
  seeds = mkdtempSync(join(tmpdir(), 'full-paragraphs-'));
  writeFileSync(
    join(seeds, 'bridge.txt'),
    ['Millbrook footbridge closed', '', LONG_PARAGRAPH, '', 'The footbridge reopened briefly last year after a repainting that cost the town a modest sum.'].join('\n'),
  );
  writeFileSync(
    join(seeds, 'sources.json'),
    JSON.stringify({ 'bridge.txt': { title: 'Millbrook footbridge closed', outlet: 'Millbrook Gazette', url: 'https://example.org/bridge', published: '2021-03-04', precision: 'day' } }),
  );
  h = await startBot({ env: { SEEDS_DIR: seeds } });
});
afterAll(async () => {
  await h?.stop();
  rmSync(seeds, { recursive: true, force: true });
});

test('Full paragraphs shows the whole paragraph to the presser only; the answer stays compact', async () => {
  const asker = h.emulator.actor('asker');
  const answer = await h.emulator.slash('ask', { question: 'why did the council close the footbridge' }, asker).response();
  const compact = answer.embeds[0]?.description ?? '';
  expect(compact).toContain('**The council closed the Millbrook footbridge because inspectors found cracks in two of its iron supports.**');
  expect(compact).not.toContain('temporary ferry'); // the excerpt is cut around the answer
  const full = buttonsOf(answer).find((b) => b.label === 'Full paragraphs');
  expect(full).toBeDefined();
  const before = structuredClone(h.emulator.messages.get(answer.id));

  for (const presser of [asker, h.emulator.actor('bystander')]) {
    const press = h.emulator.press(answer, full?.customId ?? '', presser);
    expect((await press.callback()).type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const shown = await press.response();
    expect((shown.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const text = shown.embeds[0]?.description ?? '';
    expect(text).toContain('The council met on Thursday evening');
    expect(text).toContain('before the end of the month.');
    expect(text).toContain('**The council closed the Millbrook footbridge because inspectors found cracks in two of its iron supports.**');
    expect(text.split('\n').at(-1)).toBe(compact.split('\n').at(-1)); // the same source line
    expect(h.emulator.messages.get(answer.id)).toEqual(before);
    expect(await h.waitForQuery((l) => l.command === 'button' && l.user === presser.user.id)).toMatchObject({ outcome: 'answered', query: 'ask page 1 full paragraphs' });
  }
});
