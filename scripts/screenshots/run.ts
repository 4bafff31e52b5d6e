/**
 * `npm run screenshots`: runs the real bot against the Discord API emulator,
 * sends /ask, /quote and /timeline as a user would, and keeps the messages
 * the bot sent (docs/screenshots/*.json); draws each as Discord does
 * (discord-html.ts, in a temporary folder: the pages are made from the
 * payloads kept) and photographs the page with headless Chromium
 * (docs/screenshots/*.png). Not part of `npm test` or CI: it needs Chromium
 * (`apt-get install chromium`, or CHROMIUM=/path/to/chrome).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIMessage } from 'discord-api-types/v10';
import { startBot } from '../../test/bot/harness.js';
import type { OptionValue } from '../../test/discord/payloads.js';
import { DISCORD_CSS, discordPage } from './discord-html.js';
import type { DrawnMessage } from './discord-html.js';

const OUT = 'docs/screenshots';
const DESKTOP = 760;
const PHONE = 390;

interface Shot {
  name: string;
  command: string;
  options: Record<string, OptionValue>;
  widths: Record<string, number>;
}

const SHOTS: Shot[] = [
  { name: 'ask', command: 'ask', options: { question: 'why did Pakistan suspend intelligence sharing' }, widths: { '': DESKTOP, '-phone': PHONE } },
  { name: 'quote', command: 'quote', options: { speaker: 'Khan' }, widths: { '': DESKTOP } },
  { name: 'timeline', command: 'timeline', options: { from: 2017, to: 2020 }, widths: { '': DESKTOP } },
  { name: 'ask-hidden', command: 'ask', options: { question: 'what did Trump say about Pakistan', hide: true }, widths: { '': DESKTOP } },
];

function chromium(): string {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {
      // try the next name
    }
  }
  throw new Error('Chromium not found: apt-get install chromium, or set CHROMIUM=/path/to/chrome');
}

const BROWSER_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--force-device-scale-factor=2', '--default-background-color=313338ff'];

/** Photographs an HTML file at `width`, as tall as its content (measured by the page itself). */
function photograph(browser: string, html: string, png: string, width: number): void {
  const url = pathToFileURL(resolve(html)).href;
  const dom = execFileSync(browser, [...BROWSER_FLAGS, `--window-size=${width},2000`, '--dump-dom', url], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const height = Number(/data-height="(\d+)"/.exec(dom)?.[1] ?? 1200);
  execFileSync(browser, [...BROWSER_FLAGS, `--window-size=${width},${height}`, `--screenshot=${resolve(png)}`, url], { stdio: 'ignore' });
}

async function main(): Promise<void> {
  const browser = chromium();
  mkdirSync(OUT, { recursive: true });
  const pagesDir = mkdtempSync(join(tmpdir(), 'newsquote-screenshots-'));
  writeFileSync(join(pagesDir, 'discord.css'), DISCORD_CSS);
  const h = await startBot({ env: { ANSWER_LIMIT: '3' } });
  try {
    for (const shot of SHOTS) {
      const reader = h.emulator.actor('reader');
      const message: APIMessage = await h.emulator.slash(shot.command, shot.options, reader).response();
      writeFileSync(join(OUT, `${shot.name}.json`), `${JSON.stringify(message, null, 2)}\n`);
      const drawn: DrawnMessage = { message, invokedBy: reader.user.username, command: shot.command };
      for (const [suffix, width] of Object.entries(shot.widths)) {
        const html = join(pagesDir, `${shot.name}${suffix}.html`);
        writeFileSync(html, discordPage([drawn], width));
        photograph(browser, html, join(OUT, `${shot.name}${suffix}.png`), width);
        process.stdout.write(`${shot.name}${suffix}.png\n`);
      }
    }
  } finally {
    await h.stop();
    rmSync(pagesDir, { recursive: true, force: true });
  }
}

await main();
