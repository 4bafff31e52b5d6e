/**
 * Issue 13 row 5: a `/reload` of 10,000 small files while `/ask` arrives
 * every 0.5 s. The build runs in a worker thread, so the event loop keeps
 * acknowledging every interaction inside Discord's 3 s while it builds, the
 * old index answers until the new one is swapped in, and the reload reports
 * every new file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { delay, startReliabilityBot } from './harness.js';
import type { ReliabilityBot } from './harness.js';

const FILES = 10_000;
const PLACES = ['Harbour', 'Valley', 'Market', 'Bridge', 'Station', 'Quarry', 'Orchard', 'Canal'];
const ACTS = ['voted to rebuild', 'postponed the repair of', 'opened a new', 'closed the old', 'sold the'];

/** Small made-up articles, each a headline and a short paragraph, no two alike. */
function addSmallFiles(seedsDir: string): void {
  for (let i = 0; i < FILES; i++) {
    const place = PLACES[i % PLACES.length] as string;
    const text = [
      `${place} council news`,
      `The council ${ACTS[i % ACTS.length]} footbridge ${codename(i)} near the ${place.toLowerCase()}.`,
    ].join('\n\n');
    writeFileSync(join(seedsDir, `small-${String(i).padStart(5, '0')}.txt`), text);
  }
}

/** A made-up word only file `i` holds: `zq` and `i` in letters. */
const codename = (i: number): string => `zq${i.toString(26).replace(/./g, (d) => String.fromCharCode(97 + parseInt(d, 26)))}`;

let h: ReliabilityBot;

beforeAll(async () => {
  h = await startReliabilityBot();
});

afterAll(async () => {
  await h?.stop();
}, 60_000);

describe('a /reload of 10,000 files while /ask arrives every 0.5 s', () => {
  test('every interaction is acknowledged inside 3 s, answered from the old index until the swap', async () => {
    addSmallFiles(h.seedsDir);
    const mod = h.emulator.actor('mod-big-reload', { roles: [h.emulator.moderatorRole] });
    const started = performance.now();
    const reload = h.emulator.slash('reload', {}, mod);
    let done = false;
    const reloaded = reload.response(240_000).finally(() => {
      done = true;
    });
    const asks: { firstMs: number; answers: number }[] = [];
    const pending: Promise<void>[] = [];
    for (let i = 0; !done; i++) {
      const t0 = performance.now();
      const handle = h.emulator.slash('ask', { question: 'Why did Pakistan suspend military cooperation with the US?' }, h.emulator.actor(`asker${i}`));
      pending.push(
        handle.callback(10_000).then(async () => {
          const firstMs = performance.now() - t0;
          const message = await handle.response(10_000);
          asks.push({ firstMs, answers: message.embeds.length });
        }),
      );
      await delay(500);
    }
    const message = await reloaded;
    await Promise.all(pending);
    const reloadMs = performance.now() - started;

    expect(reload.requests()[0]?.status).toBe(204);
    expect(message.embeds[0]?.title).toBe('Reloaded');
    expect(h.bot.app.engine.sources().length).toBeGreaterThanOrEqual(FILES);
    // The reload took long enough for the asks to mean something.
    expect(asks.length).toBeGreaterThanOrEqual(Math.floor(reloadMs / 1000));
    expect(asks.length).toBeGreaterThan(3);
    const late = asks.filter((a) => a.firstMs >= 3000);
    expect(late, `slowest acknowledgement ${Math.round(Math.max(...asks.map((a) => a.firstMs)))} ms`).toEqual([]);
    expect(asks.every((a) => a.answers > 0)).toBe(true);

    const after = await h.emulator.slash('ask', { question: `Which council footbridge is ${codename(4321)}?` }, h.emulator.actor('asker-after')).response(10_000);
    expect(JSON.stringify(after.embeds)).toContain(codename(4321));
  }, 300_000);
});
