/**
 * pino set-up and the query log. The logger is created once by an entry
 * point and passed in; nothing else creates loggers.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pino from 'pino';
import type { DestinationStream, Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger } from 'pino';

/** Paths whose values are replaced with `[redacted]` wherever they appear. */
const REDACT = ['token', '*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'headers.authorization', '*.headers.authorization'];

export interface LoggerOptions {
  level?: string;
  /** Human-readable output (default: when the stream is a terminal). */
  pretty?: boolean;
  /** Where log lines go (default: stdout). Tests pass a capture stream. */
  stream?: DestinationStream;
  /** Use stderr instead of stdout (the CLI keeps stdout for its JSON). */
  stderr?: boolean;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const fd = options.stderr ? 2 : 1;
  const isTty = fd === 2 ? process.stderr.isTTY : process.stdout.isTTY;
  const stream =
    options.stream ??
    ((options.pretty ?? isTty)
      ? pretty({ colorize: isTty, destination: fd, sync: true, ignore: 'pid,hostname' })
      : pino.destination({ dest: fd, sync: true }));
  return pino({ level: options.level ?? 'info', redact: { paths: REDACT, censor: '[redacted]' } }, stream);
}

/** How an interaction or query ended. */
export type Outcome = 'answered' | 'nothing-found' | 'refused' | 'error' | 'cooldown';

/** One query, as logged: user input stays under `query`/`options`, never spread. */
export interface QueryLogEntry {
  command: string;
  query: string;
  options?: Record<string, unknown>;
  user: string | null;
  guild: string | null;
  channel?: string | null;
  /** Ids of what was returned (paragraph ids, speaker names, event dates) with scores when there are any. */
  results: { id: string; score?: number }[];
  ms: number;
  outcome: Outcome;
  error?: string;
}

export interface QueryLog {
  record(entry: QueryLogEntry): void;
  /** Writes everything buffered; call before exit. */
  flush(): void;
}

/**
 * Logs each query as one line to the main logger and appends it to the
 * query log file (JSON lines). Writes are synchronous so a crash or a
 * SIGTERM loses no line.
 */
export function createQueryLog(logger: Logger, path: string | null): QueryLog {
  let file: Logger | null = null;
  if (path) {
    mkdirSync(dirname(path), { recursive: true });
    file = pino(
      { base: null, timestamp: pino.stdTimeFunctions.isoTime, redact: { paths: REDACT, censor: '[redacted]' } },
      pino.destination({ dest: path, sync: true, mkdir: true }),
    );
  }
  return {
    record(entry) {
      logger.info(entry, 'query');
      file?.info(entry);
    },
    flush() {
      logger.flush?.();
      file?.flush?.();
    },
  };
}
