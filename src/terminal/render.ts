/**
 * Renders core results for a terminal: plain text, the answering sentence
 * highlighted (bold when colours are on, **marked** otherwise).
 */
import type { ArticleSummary, ReloadReport } from '../engine.js';
import { dateLabel } from '../timeline/index.js';
import type { AskResult, Attribution, Passage, QuoteResult, Speaker, TimelineResult } from '../types.js';

export interface RenderOptions {
  /** ANSI colours and bold. */
  color: boolean;
}

const bold = (s: string, o: RenderOptions): string => (o.color ? `\x1b[1m${s}\x1b[22m` : `**${s}**`);
const dim = (s: string, o: RenderOptions): string => (o.color ? `\x1b[2m${s}\x1b[22m` : s);

/** `Title — Outlet, 2018-01-09` with unknowns said as such. */
export function attributionLine(a: Pick<Attribution, 'title' | 'outlet' | 'published'>): string {
  return `${a.title} — ${a.outlet ?? 'outlet unknown'}, ${a.published ?? 'date unknown'}`;
}

/** The paragraph with its answering sentence(s) highlighted in place. */
export function highlight(p: Passage, mark: (s: string) => string): string {
  const at = p.text.indexOf(p.quote);
  if (at < 0 || p.quote === p.text) return mark(p.text);
  return p.text.slice(0, at) + mark(p.quote) + p.text.slice(at + p.quote.length);
}

export function renderAsk(result: AskResult, o: RenderOptions): string {
  if (result.answers.length === 0) return 'Nothing in the articles answers that.';
  return result.answers
    .map((p, i) => {
      const head = `${i + 1}. ${attributionLine(p)} · paragraph ${p.paragraph}`;
      const url = p.url ? `\n   ${dim(p.url, o)}` : '';
      return `${bold(head, o)}${url}\n   “${highlight(p, (s) => bold(s, o))}”\n   ${dim(`score ${p.score}`, o)}`;
    })
    .join('\n\n');
}

export function renderSources(sources: ArticleSummary[]): string {
  return sources.map((s) => `- ${attributionLine(s)} (${s.paragraphs} paragraphs)${s.url ? `\n  ${s.url}` : ''}`).join('\n');
}

export function renderReload(r: ReloadReport): string {
  if (!r.ok) return `Reload failed; the previous index is still serving.\nReason: ${r.reason ?? 'unknown'}`;
  const list = (label: string, files: string[]): string => (files.length ? `\n${label}: ${files.join(', ')}` : '');
  const skipped = r.skipped.map((s) => `\n  skipped ${s.file}: ${s.reason}`).join('');
  const warned = r.warnings.map((s) => `\n  warning ${s.file}: ${s.reason}`).join('');
  return (
    `Reloaded in ${r.ms} ms: ${r.articles} articles, ${r.paragraphs} paragraphs.` +
    list('Added', r.added) +
    list('Removed', r.removed) +
    list('Changed', r.changed) +
    (r.added.length + r.removed.length + r.changed.length === 0 ? '\nNo article changed.' : '') +
    skipped +
    warned
  );
}

export function renderQuotes(result: QuoteResult, o: RenderOptions): string {
  if (result.speaker === null) {
    const close = result.suggestions.length ? ` Did you mean: ${result.suggestions.join(', ')}?` : '';
    return `No speaker called “${result.query}” in the articles.${close}`;
  }
  if (result.quotes.length === 0) return `${result.speaker} is not quoted on that in the articles.`;
  const lines = result.quotes.map(
    (q, i) => `${i + 1}. “${bold(q.text, o)}”\n   ${dim(`${attributionLine(q)} · paragraph ${q.paragraph}`, o)}`,
  );
  return `${bold(result.speaker, o)} — ${result.quotes.length} quotation(s), in article-date order:\n\n${lines.join('\n\n')}`;
}

export function renderSpeakers(list: Speaker[]): string {
  if (list.length === 0) return 'No quoted speakers in the articles.';
  return list.map((s) => `- ${s.name} (${s.kind}, ${s.quoteCount} quotation(s))${s.aliases.length ? `: ${s.aliases.join(', ')}` : ''}`).join('\n');
}

export function renderTimeline(result: TimelineResult, o: RenderOptions): string {
  if (result.events.length === 0) return 'No dated events in the articles match that.';
  return result.events
    .map((e) => {
      const cites = e.sources.map((s) => `${attributionLine(s)} · paragraph ${s.paragraph}`).join('\n   ');
      return `${bold(dateLabel(e), o)}  ${e.text}\n   ${dim(cites, o)}`;
    })
    .join('\n\n');
}
