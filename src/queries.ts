/**
 * The queries every adapter (CLI, terminal, Discord) runs against the core.
 * Each reports what it found — result ids and an outcome — to its caller's
 * context; the adapter's dispatcher writes the one log line after the reply,
 * so nothing here logs.
 */
import type { ArticleSummary, Engine, ReloadReport } from './engine/engine.js';
import type { QuerySummary } from './logging.js';
import { askAdvice } from './queries/advice.js';
import type { AskResult } from './search/types.js';
import type { QuoteResult, Speaker } from './quotes/types.js';
import type { TimelineResult } from './timeline/types.js';

/** What the queries below need: the engine, and where to report what they found. */
export interface QueryContext {
  engine: Engine;
  report(summary: QuerySummary): void;
}

/** `/ask`: the passages that answer; when none does, `hint` says how to ask instead, if there is a way. */
export function ask(ctx: QueryContext, question: string, limit?: number): AskResult {
  const found = ctx.engine.ask(question, limit);
  const hint = found.answers.length === 0 && !found.hint ? askAdvice(ctx.engine, question) : undefined;
  const result = hint ? { ...found, hint } : found;
  ctx.report({
    results: result.answers.map((a) => ({ id: a.paragraphId, score: a.score })),
    outcome: result.answers.length > 0 ? 'answered' : 'nothing-found',
  });
  return result;
}

export async function reload(ctx: QueryContext): Promise<ReloadReport> {
  const report = await ctx.engine.reload();
  ctx.report({
    results: report.skipped.map((s) => ({ id: `skipped:${s.file}` })),
    outcome: report.ok ? 'answered' : 'error',
    ...(report.ok ? {} : { error: report.reason ?? 'reload failed' }),
  });
  return report;
}

export function sources(ctx: QueryContext): ArticleSummary[] {
  const list = ctx.engine.sources();
  ctx.report({ results: list.map((s) => ({ id: s.articleId })), outcome: 'answered' });
  return list;
}

export function quote(ctx: QueryContext, speaker: string, about: string | undefined, limit?: number): QuoteResult {
  const result = ctx.engine.quote(speaker, about, limit);
  ctx.report({ results: result.quotes.map((q) => ({ id: q.paragraphId })), outcome: result.quotes.length > 0 ? 'answered' : 'nothing-found' });
  return result;
}

export function speakers(ctx: QueryContext, prefix: string, limit = 25): Speaker[] {
  const list = ctx.engine.speakers(prefix, limit);
  ctx.report({ results: list.map((s) => ({ id: s.name })), outcome: list.length > 0 ? 'answered' : 'nothing-found' });
  return list;
}

export interface TimelineQuery {
  from?: number;
  to?: number;
  about?: string;
}

export function timeline(ctx: QueryContext, filter: TimelineQuery): TimelineResult {
  const result = ctx.engine.timeline(filter);
  ctx.report({
    results: result.events.map((e) => ({ id: `${e.date}:${e.sources[0]?.paragraphId ?? ''}` })),
    outcome: result.events.length > 0 ? 'answered' : 'nothing-found',
  });
  return result;
}
