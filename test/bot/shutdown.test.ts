/** Graceful stop: no new interactions, those in flight finish, logs flushed, gateway closed. */
import { expect, test } from 'vitest';
import { MessageFlags } from 'discord-api-types/v10';
import { MESSAGES } from '../../src/bot/dispatch.js';
import { startBot } from './harness.js';

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('stopping finishes the interaction in flight, turns new ones away, then closes the gateway', async () => {
  const h = await startBot();
  try {
    // Hold the bot's first callback for a moment, so the interaction is in flight when the stop begins.
    let held = false;
    let holding!: () => void;
    const started = new Promise<void>((resolve) => (holding = resolve));
    h.emulator.intercept(async (r) => {
      if (!held && r.route === 'POST /interactions/:id/:token/callback') {
        held = true;
        holding();
        await delay(500);
      }
      return undefined;
    });
    const inFlight = h.emulator.slash('help', {}, h.emulator.actor('early'));
    await started;
    expect(h.bot.handler.pending).toBe(1);

    const stopping = h.bot.stop('test');
    const late = h.emulator.slash('help', {}, h.emulator.actor('late'));
    const lateAnswer = await late.callback();
    expect(lateAnswer.data).toMatchObject({ content: MESSAGES.closing, flags: MessageFlags.Ephemeral });

    await stopping;
    const answered = inFlight.requests().find((r) => r.route === 'POST /interactions/:id/:token/callback');
    expect(answered?.status).toBe(204);
    expect((await inFlight.response()).embeds[0]?.title).toMatch(/^newsquote/);
    await h.emulator.waitFor(() => h.emulator.sessions.every((s) => !s.open), 'the gateway to close');

    const messages = h.logs().map((l) => l.msg);
    expect(messages.indexOf('stopped')).toBeGreaterThan(messages.indexOf('shutting down: no new interactions'));
    const outcomes = h.queryLog().map((l) => [l.command, l.outcome, l.error]);
    expect(outcomes).toEqual(expect.arrayContaining([['help', 'answered', undefined], ['help', 'refused', 'shutting down']]));
  } finally {
    await h.stop();
  }
});
