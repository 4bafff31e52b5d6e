/**
 * Starts the real bot (`runBot`, the `npm start` path) against the Discord
 * API emulator: a copy of the seeds in a temp folder, a temp query log, the
 * emulator's fake token, and a capture stream for the logs.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../src/config.js';
import type { Config } from '../../src/config.js';
import { createLogger } from '../../src/logging.js';
import { runBot } from '../../src/bot/run.js';
import type { Bot, BotOptions } from '../../src/bot/run.js';
import { botDir, botEnv, registerCommands } from '../discord/bot-env.js';
import { DiscordEmulator } from '../discord/emulator.js';
import type { EmulatorOptions } from '../discord/emulator.js';

export type LogLine = Record<string, unknown>;

export interface Harness {
  emulator: DiscordEmulator;
  bot: Bot;
  config: Config;
  dir: string;
  /** Every line the bot logged (stdout logger), parsed. */
  logs(): LogLine[];
  /** The raw text of every log line and the query log file, for "the token never appears". */
  rawLogs(): string;
  /** The query log file, parsed. */
  queryLog(): LogLine[];
  /** Waits for the last query log line that matches (the bot logs once the outcome is known, just after answering). */
  waitForQuery(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  emulator?: EmulatorOptions;
  bot?: Omit<BotOptions, 'logger'>;
}

export async function startBot(options: HarnessOptions = {}): Promise<Harness> {
  const emulator = await DiscordEmulator.start(options.emulator);
  const paths = botDir('newsquote-bot-');
  const { dir } = paths;
  const config = parseConfig(
    botEnv(emulator, paths, {
      MODERATOR_ROLE_IDS: emulator.moderatorRole,
      LOG_LEVEL: 'debug',
      COOLDOWN_SECONDS: '30',
      ANSWER_LIMIT: '2',
      ...options.env,
    }),
  );
  await registerCommands(emulator);

  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', stream: { write: (s: string) => void lines.push(s) } });
  const bot = await runBot(config, { handleSignals: false, ...options.bot, logger });
  const queryLogPath = paths.queryLog;
  const readQueryLog = (): string => {
    try {
      return readFileSync(queryLogPath, 'utf8');
    } catch {
      return '';
    }
  };
  const harness: Harness = {
    emulator,
    bot,
    config,
    dir,
    logs: () => lines.map((l) => JSON.parse(l) as LogLine),
    rawLogs: () => lines.join('') + readQueryLog(),
    queryLog: () =>
      readQueryLog()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as LogLine),
    async waitForQuery(match, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const line = harness.queryLog().filter(match).at(-1);
        if (line) return line;
        if (Date.now() > deadline) throw new Error(`no query log line matched within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async stop() {
      await bot.stop('test finished');
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
