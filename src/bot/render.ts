/**
 * Renders core results as Discord pages: plain API shapes (embeds and
 * content), every page inside Discord's limits. Text from users and from the
 * articles is escaped; the answering sentence is the only bold in a quote.
 */
import type { APIEmbed } from 'discord-api-types/v10';
import type { ArticleSummary, ReloadReport } from '../engine/engine.js';
import type { TimelineQuery } from '../queries.js';
import { dateLabel } from '../timeline/index.js';
import type { AskResult, Attribution, Passage, QuoteResult, Quotation, TimelineEvent, TimelineResult } from '../types.js';
import { CONTEXT_CHARS, excerpt, readableDate } from '../queries/excerpt.js';
import { MAX_SUGGESTIONS, MESSAGES } from '../queries/input.js';
import { ASK_MESSAGES, nothingFoundMessage } from '../queries/advice.js';
import { LIMITS, chunkLines, fitEmbed, paginateEmbeds, trimText } from './limits.js';

/** One message's worth of output. */
export interface Page {
  content?: string;
  embeds: APIEmbed[];
  /** The same passages with their whole paragraphs, one click away (a Full paragraphs button). */
  full?: Page;
}

export const COLOR = 0x2b6cb0;
const MUTED = 0x718096;
const WARN = 0xc05621;

/** Lines per page of `/sources` and `/timeline`, for reading on a phone; the 4,096 limit applies too. */
export const SOURCES_PER_PAGE = 15;
export const EVENTS_PER_PAGE = 8;

/** Most embed characters of one `/ask` page: about one desktop screen. */
export const ASK_PAGE_TEXT = 1950;
/** Most embed characters of one `/ask` passage, excerpt and source line together. */
export const PASSAGE_TEXT = 650;

/**
 * A URL as Discord links it in text: left as it is by `escapeText`, since a
 * backslash inside would break the link (and Discord links it before any
 * markdown could apply).
 */
const URL_IN_TEXT = /(https?:\/\/[^\s<>\\[\]]+)/;

/**
 * Escapes Discord markdown in text that is not ours (questions, article text,
 * titles), so it shows as typed: every `\ * _ ` ~ | [ ] <` outside URLs gets
 * a backslash, and so does a line's leading `>`, `#`, `-`, `+` or `1.`.
 * Linear in the text, and exact: removing one backslash before each escaped
 * character gives the text back. (discord.js's `escapeMarkdown` was used here
 * before: it is quadratic in a line's length — 40,000 characters took 9.5 s —
 * escapes only the first of several masked links in a row, and leaves
 * markers bare in runs such as `\u200b***` repeated.)
 */
export function escapeText(text: string): string {
  return text
    .split(URL_IN_TEXT)
    .map((part, i) =>
      i % 2
        ? part
        : part.replace(/[\\*_`~|[\]<]/g, '\\$&').replace(/^([ \t]*)(?:([>#+-])|(\d+)\.)/gm, (_m, space: string, mark?: string, number?: string) =>
            mark ? `${space}\\${mark}` : `${space}${number}\\.`,
          ),
    )
    .join('');
}

/** Trims raw text with `trim`, then escapes it, shrinking until the escaped text fits `max`. */
function fitEscaped(raw: string, max: number, trim: (s: string, n: number) => string = trimText): string {
  let budget = max;
  for (let i = 0; i < 8 && budget > 0; i++) {
    const escaped = escapeText(trim(raw, budget));
    if (escaped.length <= max) return escaped;
    budget -= escaped.length - max;
  }
  return '';
}

/** `http(s)` URLs only, with parentheses encoded so a masked link cannot break. */
export function safeUrl(url: string | null): string | null {
  if (!url || !/^https?:\/\/[^\s<>]+$/i.test(url)) return null;
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** `[label](url)` with the label escaped, or the label alone when there is no usable URL. */
export function maskedLink(label: string, url: string | null): string {
  const safe = safeUrl(url);
  const text = escapeText(label);
  return safe ? `[${text}](${safe})` : text;
}

const outletOf = (a: Pick<Attribution, 'outlet'>): string => a.outlet ?? 'Outlet unknown';
const dateOf = (a: Pick<Attribution, 'published'>): string => a.published ?? 'Date unknown';

/** Context sizes tried, widest first, until an excerpt fits its budget. */
const CONTEXT_STEPS = [CONTEXT_CHARS, 100, 40, 0];

/**
 * The answering sentence(s) with a short context of whole sentences around
 * them, escaped, within `max` characters. Bold only when the quote is part
 * of a longer paragraph: a whole paragraph in bold tells the reader nothing.
 */
export function excerptText(text: string, quote: string, max: number, steps: readonly number[] = CONTEXT_STEPS): string {
  for (const context of steps) {
    const e = excerpt(text, quote, context);
    const q = escapeText(e.quote);
    const marked = e.partOfParagraph ? `**${q}**` : q;
    const out = `${escapeText(e.before)}${marked}${escapeText(e.after)}`;
    if (out.length <= max) return out;
  }
  const e = excerpt(text, quote, 0);
  return e.partOfParagraph ? `**${fitEscaped(e.quote, max - 4)}**` : fitEscaped(e.quote, max);
}

/** Most characters of an article title in a source line. */
const SOURCE_TITLE = 120;

/** The one source line under a passage: linked title, outlet, date, paragraph. */
export function sourceLine(a: Attribution, paragraph: number): string {
  return `— ${maskedLink(trimText(a.title, SOURCE_TITLE), a.url)} · ${escapeText(outletOf(a))} · ${readableDate(a.published)} · ¶${paragraph}`;
}

/**
 * One `/ask` passage as an embed: a short excerpt around the answering
 * sentence and one source line, in at most `max` characters of embed text.
 */
export function passageEmbed(p: Passage, max = PASSAGE_TEXT): APIEmbed {
  const source = sourceLine(p, p.paragraph);
  return fitEmbed({ color: COLOR, description: `${excerptText(p.text, p.quote, Math.max(80, max - source.length - 1))}\n${source}` });
}

/**
 * One `/ask` passage with its whole paragraph (the answering sentence still
 * bold), as far as `max` characters allow; the compact context when not.
 */
export function fullPassageEmbed(p: Passage, max: number): APIEmbed {
  const source = sourceLine(p, p.paragraph);
  const room = Math.min(LIMITS.description, max) - source.length - 1;
  return fitEmbed({ color: COLOR, description: `${excerptText(p.text, p.quote, Math.max(80, room), [Infinity, ...CONTEXT_STEPS])}\n${source}` }, max);
}

/**
 * Embed characters per passage on a page of `perPage`, so the whole page of
 * `/ask` stays within `ASK_PAGE_TEXT` (one desktop screen).
 */
export const passageBudget = (perPage: number): number => Math.min(PASSAGE_TEXT, Math.floor(ASK_PAGE_TEXT / Math.max(1, perPage)));

/**
 * The question echoed back, escaped and inside the 2,000-character content
 * limit; with the question as searched when misspelt words were corrected.
 */
export function questionLine(question: string, corrected?: string): string {
  const label = '**Question:** ';
  const showing = corrected ? `\n${ASK_MESSAGES.showingResultsFor(fitEscaped(corrected, 300))}` : '';
  return label + fitEscaped(question, LIMITS.content - label.length - showing.length) + showing;
}

/**
 * Items drawn as embeds and grouped into pages of at most `perPage` whose
 * embeds fit one message (text from the articles can make one embed long).
 */
function pageGroups<T>(items: T[], draw: (item: T) => APIEmbed, perPage: number): { item: T; embed: APIEmbed }[][] {
  const drawn = items.map((item) => ({ item, embed: draw(item) }));
  const grouped = paginateEmbeds(drawn.map((d) => d.embed), { maxEmbeds: Math.max(1, perPage) });
  let at = 0;
  return grouped.map((page) => drawn.slice(at, (at += page.length)).map((d, i) => ({ item: d.item, embed: page[i] ?? d.embed })));
}

/** `/ask`: pages of `perPage` passages, or one page saying nothing was found. */
export function renderAsk(result: AskResult, perPage: number): Page[] {
  if (result.answers.length === 0) {
    // The same words as the terminal and the CLI, escaped for Discord.
    // The hint can hold the question again ("Did you mean …?"): half the room each.
    const hint = result.hint ? fitEscaped(result.hint, LIMITS.content / 2) : undefined;
    const room = LIMITS.content - nothingFoundMessage({ query: '', hint }).length;
    return [{ content: nothingFoundMessage({ query: fitEscaped(result.query, room), hint }), embeds: [] }];
  }
  const budget = passageBudget(perPage);
  const content = questionLine(result.query, result.correctedQuery);
  const pages: Page[] = [];
  for (const passages of pageGroups(result.answers, (p) => passageEmbed(p, budget), perPage)) {
    const embeds = passages.map(({ embed }) => embed);
    const fullBudget = Math.floor((LIMITS.embedTotal - LIMITS.content / 10) / passages.length);
    const full = passages.map(({ item }) => fullPassageEmbed(item, fullBudget));
    // Offered only when some paragraph is longer than its excerpt.
    const longer = full.some((e, i) => e.description !== embeds[i]?.description);
    pages.push({ content, embeds, ...(longer ? { full: { content, embeds: full } } : {}) });
  }
  return pages;
}

/**
 * Lists shown one embed description per page. Where the page is ("1 / 3")
 * is said once, by the paging buttons, not again in the footer.
 */
function listPages(title: string, lines: string[], perPage: number, footerNote = '', color = COLOR): Page[] {
  const chunks = chunkLines(lines, LIMITS.description, perPage);
  if (chunks.length === 0) chunks.push('Nothing to show.');
  return chunks.map((description) => ({
    embeds: [
      fitEmbed({
        color,
        title: trimText(title, LIMITS.title),
        description,
        ...(footerNote ? { footer: { text: footerNote } } : {}),
      }),
    ],
  }));
}

/** `/sources`: the articles with outlet, date and paragraph count. */
export function renderSources(sources: ArticleSummary[]): Page[] {
  const lines = sources.map(
    (s, i) =>
      `**${i + 1}.** ${maskedLink(s.title, s.url)} — ${escapeText(outletOf(s))}, ${dateOf(s)} · ${s.paragraphs} paragraph${s.paragraphs === 1 ? '' : 's'}`,
  );
  return listPages(`Articles in the index (${sources.length})`, lines, SOURCES_PER_PAGE);
}

/** `/reload`: what changed, or why the old index is still serving. */
export function renderReload(r: ReloadReport): Page {
  if (!r.ok) {
    return {
      embeds: [
        fitEmbed({
          color: WARN,
          title: 'Reload failed — the previous index is still serving',
          description: escapeText(r.reason ?? 'unknown reason'),
          footer: { text: `${r.articles} articles, ${r.paragraphs} paragraphs still served · ${r.ms} ms` },
        }),
      ],
    };
  }
  const list = (files: string[]): string => (files.length ? trimText(files.map(escapeText).join(', '), LIMITS.fieldValue) : 'none');
  const skipped = r.skipped.map((s) => `${escapeText(s.file)}: ${escapeText(s.reason)}`);
  const warnings = r.warnings.map((s) => `${escapeText(s.file)}: ${escapeText(s.reason)}`);
  const unchanged = r.added.length + r.removed.length + r.changed.length === 0;
  const fields: NonNullable<APIEmbed['fields']> = [
    { name: 'Added', value: list(r.added), inline: true },
    { name: 'Removed', value: list(r.removed), inline: true },
    { name: 'Changed', value: list(r.changed), inline: true },
  ];
  if (skipped.length) fields.push({ name: `Skipped (${skipped.length})`, value: chunkLines(skipped, LIMITS.fieldValue)[0] ?? '' });
  if (warnings.length) fields.push({ name: `Warnings (${warnings.length})`, value: chunkLines(warnings, LIMITS.fieldValue)[0] ?? '' });
  return {
    embeds: [
      fitEmbed({
        color: COLOR,
        title: 'Reloaded',
        description: `${r.articles} articles, ${r.paragraphs} paragraphs, in ${r.ms} ms.${unchanged ? ' No article changed.' : ''}`,
        fields,
      }),
    ],
  };
}

/** `/help`. */
export function renderHelp(): Page {
  return {
    embeds: [
      {
        color: COLOR,
        title: 'newsquote — answers from the news articles, quoted word for word',
        description: [
          'Every answer is a verbatim quote from an article in the index, with its title, outlet, date, paragraph and a link to the source.',
          '',
          '**/ask** `question` — the passages that best answer a question, each with its source; the answering sentence is in **bold**. **Next ▶** shows further passages.',
          '**/quote** `speaker` `about` — what a person or organisation was quoted as saying (start typing a name to pick one).',
          '**/timeline** `from` `to` `about` — dated events from the articles, oldest first.',
          '**Find in the articles** — right-click a message → Apps: the passages that bear on what it says.',
          '**/sources** — the articles in the index.',
          '`hide: True` on /ask, /quote or /timeline shows the answer to you alone; its **Share** button posts it to the channel. **Full paragraphs** shows the whole paragraphs behind an excerpt.',
          '**👍 / 👎** under an answer tell the moderators whether it helped; press again to change your vote.',
          '**/reload** — moderators: re-read the articles; answers keep coming from the old index until the new one is ready.',
          '**/insights** `days` — moderators: the questions asked most, those nothing answered, and the answers rated worst.',
          '',
          'Ask in plain words, e.g. `/ask question: why did Pakistan suspend cooperation?`. If nothing in the articles answers, the bot says so rather than guess.',
        ].join('\n'),
        footer: { text: 'Page buttons expire after 10 minutes; ask again to get fresh ones.' },
      },
    ],
  };
}

/** Other articles reporting the same words shown in one entry. */
const ALSO_SHOWN = 3;

/** `\nAlso in: [Outlet, ¶n](url), …` naming the other articles that report the same quotation; empty when none do. */
export function alsoReportedLine(q: Pick<Quotation, 'alsoReportedBy'>): string {
  const others = q.alsoReportedBy ?? [];
  if (others.length === 0) return '';
  const shown = others.slice(0, ALSO_SHOWN).map((a) => maskedLink(`${outletOf(a)}, ¶${a.paragraph}`, a.url));
  const more = others.length > ALSO_SHOWN ? ` and ${others.length - ALSO_SHOWN} more` : '';
  return `\nAlso in: ${shown.join(', ')}${more}`;
}

/** `/quote`: one quotation in its sentence, the quoted words in bold, and its source line. */
export function quotationEmbed(q: Quotation, max = PASSAGE_TEXT): APIEmbed {
  const source = sourceLine(q, q.paragraph) + alsoReportedLine(q);
  const context = q.context.includes(q.text) ? q.context : q.text;
  return fitEmbed({ color: COLOR, description: `${excerptText(context, q.text, Math.max(80, max - source.length - 1))}\n${source}` });
}

/**
 * `/quote`: pages of `perPage` quotations. `total` is how many the speaker
 * has (on that topic) when `result.quotes` holds only the first of them, so
 * the count said here is the one autocomplete shows.
 */
export function renderQuote(result: QuoteResult, about: string | undefined, perPage: number, total = result.quotes.length): Page[] {
  const who = fitEscaped(result.query, 200);
  if (result.speaker === null) {
    const suggestions = result.suggestions.slice(0, MAX_SUGGESTIONS).map(escapeText);
    return [{ content: trimText(MESSAGES.unknownSpeaker(who, suggestions), LIMITS.content), embeds: [] }];
  }
  const aboutText = about ? ` about “${fitEscaped(about, 200)}”` : '';
  const speaker = fitEscaped(result.speaker, 200);
  if (result.quotes.length === 0) {
    return [{ content: `No quotation from ${speaker}${aboutText} in the articles.`, embeds: [] }];
  }
  const shown = result.quotes.length;
  const count = shown < total ? `the first ${shown} of ${total} quotations` : `${total} quotation${total === 1 ? '' : 's'}`;
  const content = trimText(`**Quotes from ${speaker}**${aboutText} · ${count}`, LIMITS.content);
  const budget = passageBudget(perPage);
  const embeds = result.quotes.map((q) => quotationEmbed(q, budget));
  return paginateEmbeds(embeds, { maxEmbeds: perPage }).map((page) => ({ content, embeds: page }));
}

function eventLine(e: TimelineEvent): string {
  const when = dateLabel(e);
  const sources = e.sources
    .slice(0, 3)
    .map((s) => maskedLink(`${outletOf(s)}, ¶${s.paragraph}`, s.url))
    .join(', ');
  return `**${when}** · ${fitEscaped(e.when, 60)} — ${fitEscaped(e.label, 600)}${sources ? ` — ${sources}` : ''}`;
}

export function renderTimeline(result: TimelineResult, query: TimelineQuery): Page[] {
  const range =
    query.from !== undefined || query.to !== undefined ? ` ${query.from ?? '…'}–${query.to ?? '…'}` : '';
  const about = query.about ? ` about “${fitEscaped(query.about, 150)}”` : '';
  if (result.events.length === 0) {
    return [{ content: `No dated events${range}${about} in the articles.`, embeds: [] }];
  }
  return listPages(`Timeline${range}${about}`, result.events.map(eventLine), EVENTS_PER_PAGE, `${result.events.length} events`, MUTED);
}
