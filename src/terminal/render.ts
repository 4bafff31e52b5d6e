/**
 * Renders core results for a terminal: plain text styled with terminal
 * escapes (bold, dim) when colours are on, and no markup at all otherwise —
 * never Discord's `**` — with links written out as text.
 */
import type { ArticleSummary, ReloadReport } from '../engine/engine.js';
import { ASK_MESSAGES, nothingFoundMessage } from '../queries/advice.js';
import { excerpt, readableDate } from '../queries/excerpt.js';
import { MAX_SUGGESTIONS, MESSAGES } from '../queries/input.js';
import { dateLabel } from '../timeline/index.js';
import type { Attribution } from '../corpus/types.js';
import type { AskResult } from '../search/types.js';
import type { QuoteResult, Speaker } from '../quotes/types.js';
import type { TimelineResult } from '../timeline/types.js';

export interface RenderOptions {
  /** ANSI bold and dim. */
  color: boolean;
}

/** Styles only on a terminal that takes them (`hasColors` honours NO_COLOR and FORCE_COLOR). */
export function terminalColors(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY && stream.hasColors?.());
}

const bold = (s: string, o: RenderOptions): string => (o.color && s ? `\x1b[1m${s}\x1b[22m` : s);
const dim = (s: string, o: RenderOptions): string => (o.color && s ? `\x1b[2m${s}\x1b[22m` : s);

/** `Title — Outlet, 2018-01-09` with unknowns said as such. */
export function attributionLine(a: Pick<Attribution, 'title' | 'outlet' | 'published'>): string {
  return `${a.title} — ${a.outlet ?? 'outlet unknown'}, ${a.published ?? 'date unknown'}`;
}

/** `Outlet · 9 Jan 2018 · ¶3`. */
function sourceDetails(a: Pick<Attribution, 'outlet' | 'published'>, paragraph: number): string {
  return `${a.outlet ?? 'outlet unknown'} · ${readableDate(a.published)} · ¶${paragraph}`;
}

/** The answering words with a short context, the words bold and the context dim when colours are on. */
export function styledExcerpt(text: string, quote: string, o: RenderOptions): string {
  const e = excerpt(text, quote);
  return e.partOfParagraph ? `${dim(e.before, o)}${bold(e.quote, o)}${dim(e.after, o)}` : e.quote;
}

export function renderAsk(result: AskResult, o: RenderOptions): string {
  if (result.answers.length === 0) return nothingFoundMessage(result);
  const showing = result.correctedQuery ? `${ASK_MESSAGES.showingResultsFor(result.correctedQuery)}\n\n` : '';
  return (
    showing +
    result.answers
      .map((p, i) => {
        const source = dim(`${sourceDetails(p, p.paragraph)}${p.url ? ` · ${p.url}` : ''}`, o);
        return `${i + 1}. ${bold(p.title, o)}\n   ${source}\n   ${styledExcerpt(p.text, p.quote, o)}`;
      })
      .join('\n\n')
  );
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
    return MESSAGES.unknownSpeaker(result.query, result.suggestions.slice(0, MAX_SUGGESTIONS));
  }
  if (result.quotes.length === 0) return `${result.speaker} is not quoted on that in the articles.`;
  const lines = result.quotes.map((q, i) => {
    // A sentence that adds only quotation marks or punctuation to the words tells the reader nothing more.
    const inSentence = q.context.includes(q.text) && /\p{L}/u.test(q.context.replace(q.text, ''));
    // Without styles the quoted words could not be told from their sentence: say them first.
    const said = !inSentence ? `“${bold(q.text, o)}”` : o.color ? styledExcerpt(q.context, q.text, o) : `“${q.text}” — in: ${q.context}`;
    const also = (q.alsoReportedBy ?? []).map((a) => `${a.title} · ${sourceDetails(a, a.paragraph)}`);
    const alsoLines = also.length ? `\n   ${dim(`also in: ${also.join('; ')}`, o)}` : '';
    return `${i + 1}. ${said}\n   ${dim(`${q.title} · ${sourceDetails(q, q.paragraph)}`, o)}${alsoLines}`;
  });
  const count = `${result.quotes.length} quotation${result.quotes.length === 1 ? '' : 's'}`;
  return `${bold(result.speaker, o)} — ${count}, in article-date order:\n\n${lines.join('\n\n')}`;
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
      return `${bold(dateLabel(e), o)}  ${dim(`(${e.when})`, o)} ${e.label}\n   ${dim(cites, o)}`;
    })
    .join('\n\n');
}
