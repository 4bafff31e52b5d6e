/**
 * Runs one query against the core and logs it, once, under fixed keys:
 * every adapter (CLI, terminal, Discord) goes through here so none can forget.
 */
import type { ArticleSummary, Engine, ReloadReport } from './engine.js';
import type { Outcome, QueryLog, QueryLogEntry } from './logging.js';
import type { AskResult, QuoteResult, Speaker, TimelineResult } from './types.js';

export interface Asker {
  user: string | null;
  guild: string | null;
  channel?: string | null;
}

export interface QueryRun<T> {
  command: string;
  query: string;
  options?: Record<string, unknown>;
  asker: Asker;
  run: () => T | Promise<T>;
  /** What the result returned, for the log: ids and scores, and how it ended. */
  summarise: (result: T) => { results: QueryLogEntry['results']; outcome: Outcome };
}

/** Runs the query, logs it (errors too, then rethrows) and returns its result. */
export async function runQuery<T>(log: QueryLog, q: QueryRun<T>): Promise<T> {
  const started = performance.now();
  const base = {
    command: q.command,
    query: q.query,
    ...(q.options ? { options: q.options } : {}),
    user: q.asker.user,
    guild: q.asker.guild,
    ...(q.asker.channel !== undefined ? { channel: q.asker.channel } : {}),
  };
  try {
    const result = await q.run();
    const { results, outcome } = q.summarise(result);
    log.record({ ...base, results, ms: elapsed(started), outcome });
    return result;
  } catch (error) {
    log.record({ ...base, results: [], ms: elapsed(started), outcome: 'error', error: (error as Error).message });
    throw error;
  }
}

const elapsed = (started: number): number => Math.round((performance.now() - started) * 100) / 100;

/** What the queries below need: the engine and where to log. */
export interface QueryContext {
  engine: Engine;
  queryLog: QueryLog;
}

export function ask(ctx: QueryContext, question: string, asker: Asker, limit?: number): Promise<AskResult> {
  return runQuery(ctx.queryLog, {
    command: 'ask',
    query: question,
    ...(limit !== undefined ? { options: { limit } } : {}),
    asker,
    run: () => ctx.engine.ask(question, limit),
    summarise: (r) => ({
      results: r.answers.map((a) => ({ id: a.paragraphId, score: a.score })),
      outcome: r.answers.length > 0 ? 'answered' : 'nothing-found',
    }),
  });
}

export function reload(ctx: QueryContext, asker: Asker): Promise<ReloadReport> {
  return runQuery(ctx.queryLog, {
    command: 'reload',
    query: '',
    asker,
    run: () => ctx.engine.reload(),
    summarise: (r) => ({
      results: [...r.skipped.map((s) => ({ id: `skipped:${s.file}` }))],
      outcome: r.ok ? 'answered' : 'error',
    }),
  });
}

export function sources(ctx: QueryContext, asker: Asker): Promise<ArticleSummary[]> {
  return runQuery(ctx.queryLog, {
    command: 'sources',
    query: '',
    asker,
    run: () => ctx.engine.sources(),
    summarise: (r) => ({ results: r.map((s) => ({ id: s.articleId })), outcome: 'answered' }),
  });
}

export function quote(
  ctx: QueryContext,
  speaker: string,
  about: string | undefined,
  asker: Asker,
  limit?: number,
): Promise<QuoteResult> {
  return runQuery(ctx.queryLog, {
    command: 'quote',
    query: speaker,
    options: { ...(about !== undefined ? { about } : {}), ...(limit !== undefined ? { limit } : {}) },
    asker,
    run: () => ctx.engine.quote(speaker, about, limit),
    summarise: (r) => ({
      results: r.quotes.map((q) => ({ id: q.paragraphId })),
      outcome: r.quotes.length > 0 ? 'answered' : 'nothing-found',
    }),
  });
}

export function speakers(ctx: QueryContext, prefix: string, asker: Asker, limit = 25): Promise<Speaker[]> {
  return runQuery(ctx.queryLog, {
    command: 'speakers',
    query: prefix,
    options: { limit },
    asker,
    run: () => ctx.engine.speakers(prefix, limit),
    summarise: (r) => ({ results: r.map((s) => ({ id: s.name })), outcome: r.length > 0 ? 'answered' : 'nothing-found' }),
  });
}

export interface TimelineQuery {
  from?: number;
  to?: number;
  about?: string;
}

export function timeline(ctx: QueryContext, filter: TimelineQuery, asker: Asker): Promise<TimelineResult> {
  return runQuery(ctx.queryLog, {
    command: 'timeline',
    query: filter.about ?? '',
    options: { ...filter },
    asker,
    run: () => ctx.engine.timeline(filter),
    summarise: (r) => ({
      results: r.events.map((e) => ({ id: `${e.date}:${e.sources[0]?.paragraphId ?? ''}` })),
      outcome: r.events.length > 0 ? 'answered' : 'nothing-found',
    }),
  });
}
