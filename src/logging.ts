/**
 * pino set-up and the query log. The logger is created once by an entry
 * point and passed in; nothing else creates loggers.
 */
import { randomBytes } from 'node:crypto';
import { writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import pino from 'pino';
import type { DestinationStream, Logger } from 'pino';
import type PinoPretty from 'pino-pretty';
import { LineFile } from './log-file.js';
import type { LineFileEvent } from './log-file.js';

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

/** Most bytes the main log holds while its output refuses writes; past it new lines are dropped. */
const MAIN_LOG_HELD_BYTES = 4_000_000;

/**
 * The main log's destination (SonicBoom on stdout or stderr). If that output
 * refuses writes (stdout sent to a file on a full disk), SonicBoom would throw
 * from whatever was logging — a dispatcher writing an answer's line — so the
 * failure is said once on stderr instead, and what waits is bounded.
 */
function mainDestination(fd: 1 | 2): ReturnType<typeof pino.destination> {
  const destination = pino.destination({ dest: fd, sync: true, maxLength: MAIN_LOG_HELD_BYTES });
  let said = false;
  destination.on('error', (error: NodeJS.ErrnoException) => {
    if (said || fd === 2) return;
    said = true;
    try {
      writeSync(2, `log: writing the main log failed (${error.code ?? error.message}); lines are held, then dropped past ${MAIN_LOG_HELD_BYTES} bytes\n`);
    } catch {
      // stderr is gone too: nothing left to tell
    }
  });
  return destination;
}

/** pino-pretty, loaded only when a log is read by a person: piped output (and every start that logs nothing) does not pay its ~50 ms import. */
const prettyStream = (): typeof PinoPretty => createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;

export function createLogger(options: LoggerOptions = {}): Logger {
  const fd: 1 | 2 = options.stderr ? 2 : 1;
  const isTty = fd === 2 ? process.stderr.isTTY : process.stdout.isTTY;
  const stream =
    options.stream ??
    ((options.pretty ?? isTty)
      ? prettyStream()({ colorize: isTty, destination: fd, sync: true, ignore: 'pid,hostname' })
      : mainDestination(fd));
  return pino({ level: options.level ?? 'info', redact: { paths: REDACT, censor: '[redacted]' } }, stream);
}

/**
 * How an interaction or query ended, as far as the person asking is
 * concerned: `reply-failed` when the answer was ready but Discord refused
 * (or never accepted) the reply.
 */
export type Outcome = 'answered' | 'nothing-found' | 'refused' | 'error' | 'cooldown' | 'reply-failed';

/** Who asked, for the log. */
export interface Asker {
  user: string | null;
  guild: string | null;
  channel?: string | null;
}

/** What a query found, as its use case reports it: result ids and how it ended. */
export interface QuerySummary {
  results: QueryLogEntry['results'];
  outcome: Outcome;
  error?: string;
  /** A 👍 / 👎 press: the query it rates. */
  feedback?: Feedback;
}

/** A vote on an answer, logged on the press's own line: `rates` is the `queryId` of the answer's line. */
export interface Feedback {
  rates: string;
  vote: 'up' | 'down';
}

/** A fresh query id: 12 URL-safe characters, so it fits a button's custom id. */
const newQueryId = (): string => randomBytes(9).toString('base64url');

/** What was asked, as the adapter saw it. */
export interface Asked {
  command: string;
  query: string;
  options?: Record<string, unknown>;
}

/** One query, as logged: user input stays under `query`/`options`, never spread. */
export interface QueryLogEntry {
  /** One per interaction or query; feedback lines name it in `feedback.rates`. */
  queryId: string;
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
  feedback?: Feedback;
}

export interface QueryLog {
  record(entry: QueryLogEntry): void;
  /** Writes everything held back; call before exit. */
  flush(): void;
  /** Opens the file at its path again (after logrotate moved it; `SIGHUP`); false when it could not. */
  reopen(): boolean;
}

/** What the main log says when the query log file fails or recovers. */
function reportLineFile(logger: Logger, path: string, e: LineFileEvent): void {
  switch (e.event) {
    case 'failing':
      return logger.error({ err: e.err, path, held: e.held }, 'query log write failed: lines are held in memory and written once the file takes them');
    case 'dropped':
      return logger.error({ path, dropped: e.dropped }, 'query log still failing: the oldest held lines were dropped (they are in this log)');
    case 'recovered':
      return logger.warn({ path, written: e.written, dropped: e.dropped }, 'query log writable again: held lines written');
    case 'reopen-failed':
      return logger.error({ err: e.err, path }, 'query log could not be reopened: lines are held in memory until the path can be opened');
  }
}

/**
 * Logs each query as one line to the main logger and appends it to the
 * query log file (JSON lines) through a `LineFile`: synchronous, whole lines
 * only, and a failing file never throws into the caller — the line is in the
 * main log either way.
 */
export function createQueryLog(logger: Logger, path: string | null): QueryLog {
  const lineFile = path ? new LineFile(path, { report: (e) => reportLineFile(logger, path, e) }) : null;
  const file = lineFile
    ? pino({ base: null, timestamp: pino.stdTimeFunctions.isoTime, redact: { paths: REDACT, censor: '[redacted]' } }, lineFile)
    : null;
  return {
    record(entry) {
      logger.info(entry, 'query');
      file?.info(entry);
    },
    flush() {
      lineFile?.flush();
      if (lineFile?.pending) logger.error({ path, lines: lineFile.pending }, 'query log: lines the file would not take are lost from it (they are in this log)');
      logger.flush?.();
    },
    reopen() {
      return lineFile?.reopen() ?? true;
    },
  };
}

/**
 * One interaction's one log line. The adapter's dispatcher opens it when the
 * interaction arrives (the clock starts), hands `report` to the use case or
 * command, and writes it once, after the reply, with what really happened:
 * the reported outcome, or the dispatcher's own when the run or the reply failed.
 */
export class QueryLine {
  /** This interaction's query id: in its log line, and in the feedback buttons under its answer. */
  readonly id = newQueryId();
  private readonly started = performance.now();
  private summary: QuerySummary | null = null;
  private written = false;

  constructor(
    private readonly log: QueryLog,
    private readonly asker: Asker,
    private asked: Asked,
  ) {}

  /** What the query found; a later report replaces an earlier one (a command refines what its query said). */
  readonly report = (summary: QuerySummary & { query?: string }): void => {
    const { query, ...rest } = summary;
    if (query !== undefined) this.asked = { ...this.asked, query };
    this.summary = rest;
  };

  /** True once something was reported. */
  get reported(): boolean {
    return this.summary !== null;
  }

  /** Writes the line; `override` (a failed run or reply) wins over what was reported. Only the first call writes. */
  write(override?: { outcome: Outcome; error?: string }, fallback: Outcome = 'answered'): void {
    if (this.written) return;
    this.written = true;
    const outcome = override?.outcome ?? this.summary?.outcome ?? fallback;
    const error = override?.error ?? (override ? undefined : this.summary?.error);
    const feedback = this.summary?.feedback;
    this.log.record({
      queryId: this.id,
      command: this.asked.command,
      query: this.asked.query,
      ...(this.asked.options ? { options: this.asked.options } : {}),
      user: this.asker.user,
      guild: this.asker.guild,
      ...(this.asker.channel !== undefined ? { channel: this.asker.channel } : {}),
      results: this.summary?.results ?? [],
      ms: Math.round((performance.now() - this.started) * 100) / 100,
      outcome,
      ...(error ? { error } : {}),
      ...(feedback ? { feedback } : {}),
    });
  }
}
