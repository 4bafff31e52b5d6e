/**
 * Renders core results as Discord pages: plain API shapes (embeds and
 * content), every page inside Discord's limits. Text from users and from the
 * articles is escaped; the answering sentence is the only bold in a quote.
 */
import type { APIEmbed } from 'discord-api-types/v10';
import type { ArticleSummary, ReloadReport } from '../engine.js';
import type { TimelineQuery } from '../queries.js';
import { dateLabel } from '../timeline/index.js';
import type { AskResult, Attribution, Passage, QuoteResult, Quotation, TimelineEvent, TimelineResult } from '../types.js';
import { LIMITS, chunkLines, fitEmbed, paginateEmbeds, trimText, trimTextStart } from './limits.js';

/** One message's worth of output. */
export interface Page {
  content?: string;
  embeds: APIEmbed[];
}

export const COLOR = 0x2b6cb0;
const MUTED = 0x718096;
const WARN = 0xc05621;

/** Lines per page of `/sources` and `/timeline`, for reading on a phone; the 4,096 limit applies too. */
export const SOURCES_PER_PAGE = 15;
export const EVENTS_PER_PAGE = 8;

/** Most characters of one passage's description, so a page of three stays well inside 6,000. */
export const PASSAGE_DESCRIPTION = 1500;

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

function attributionFields(a: Attribution, paragraph: number): NonNullable<APIEmbed['fields']> {
  return [
    { name: 'Outlet', value: escapeText(outletOf(a)), inline: true },
    { name: 'Published', value: dateOf(a), inline: true },
    { name: 'Paragraph', value: String(paragraph), inline: true },
  ];
}

/**
 * The paragraph with its answering sentence(s) in bold, trimmed around the
 * quote at sentence boundaries to fit `max` characters (escaped).
 */
export function quoteInParagraph(text: string, quote: string, max: number): string {
  const q = quote.trim();
  const at = q ? text.indexOf(q) : -1;
  const before = at >= 0 ? text.slice(0, at) : '';
  const after = at >= 0 ? text.slice(at + q.length) : '';
  const bold = `**${fitEscaped(q || text, max - 4)}**`;
  let room = max - bold.length;
  const beforeRoom = Math.min(escapeText(before).length, Math.floor(room / 2));
  let tail = fitEscaped(after, room - beforeRoom);
  room -= tail.length;
  const head = fitEscaped(before, room, trimTextStart);
  if (tail === '' && after !== '' && room - head.length > 0) tail = fitEscaped(after, room - head.length);
  return `${head}${bold}${tail}`;
}

/** One `/ask` passage as an embed: title, the quote in its paragraph, a masked link, outlet, date and paragraph. */
export function passageEmbed(p: Passage, rank: number, total: number, maxDescription = PASSAGE_DESCRIPTION): APIEmbed {
  const link = safeUrl(p.url) ? `\n\n${maskedLink(`Read it on ${outletOf(p)}`, p.url)}` : '';
  const embed: APIEmbed = {
    color: COLOR,
    title: trimText(`${rank}. ${p.title}`, LIMITS.title),
    description: quoteInParagraph(p.text, p.quote, maxDescription - link.length) + link,
    fields: attributionFields(p, p.paragraph),
    footer: { text: `Passage ${rank} of ${total} · score ${p.score.toFixed(2)}` },
  };
  const url = safeUrl(p.url);
  if (url) embed.url = url;
  return fitEmbed(embed);
}

/** The question echoed back, escaped and inside the 2,000-character content limit. */
export function questionLine(question: string): string {
  const label = '**Question:** ';
  return label + fitEscaped(question, LIMITS.content - label.length);
}

/** `/ask`: pages of `perPage` passages, or one page saying nothing was found. */
export function renderAsk(result: AskResult, perPage: number): Page[] {
  if (result.answers.length === 0) {
    const prefix = 'Nothing in the articles about “';
    return [{ content: `${prefix}${fitEscaped(result.query, LIMITS.content - prefix.length - 2)}”.`, embeds: [] }];
  }
  const embeds = result.answers.map((p, i) => passageEmbed(p, i + 1, result.answers.length));
  const content = questionLine(result.query);
  return paginateEmbeds(embeds, { maxEmbeds: perPage }).map((page) => ({ content, embeds: page }));
}

/** Lists shown one embed description per page, with "Page i of n" in the footer. */
function listPages(title: string, lines: string[], perPage: number, footerNote = '', color = COLOR): Page[] {
  const chunks = chunkLines(lines, LIMITS.description, perPage);
  if (chunks.length === 0) chunks.push('Nothing to show.');
  return chunks.map((description, i) => ({
    embeds: [
      fitEmbed({
        color,
        title: trimText(title, LIMITS.title),
        description,
        footer: { text: `${footerNote}${chunks.length > 1 ? `${footerNote ? ' · ' : ''}Page ${i + 1} of ${chunks.length}` : ''}` || 'newsquote' },
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
          '**/ask** `question` — the passages that best answer a question; the answering sentence is in **bold**. Press **More** for further passages.',
          '**/quote** `speaker` `about` — what a person or organisation was quoted as saying (start typing a name to pick one).',
          '**/timeline** `from` `to` `about` — dated events from the articles, oldest first.',
          '**/sources** — the articles in the index.',
          '**/reload** — moderators: re-read the articles; answers keep coming from the old index until the new one is ready.',
          '',
          'Ask in plain words, e.g. `/ask question: why did Pakistan suspend cooperation?`. If nothing in the articles answers, the bot says so rather than guess.',
        ].join('\n'),
        footer: { text: 'Buttons on answers expire after 10 minutes; ask again to get fresh ones.' },
      },
    ],
  };
}

/** `/quote`: each quotation in bold with who said it and where. */
export function quotationEmbed(q: Quotation, rank: number, total: number): APIEmbed {
  const link = safeUrl(q.url) ? `\n\n${maskedLink(`Read it on ${outletOf(q)}`, q.url)}` : '';
  const context = q.context && q.context.trim() !== q.text.trim() ? q.context : `“${q.text}”`;
  const embed: APIEmbed = {
    color: COLOR,
    title: trimText(`${q.speaker ?? 'Unknown speaker'} — ${q.title}`, LIMITS.title),
    description: quoteInParagraph(context, q.text, PASSAGE_DESCRIPTION - link.length) + link,
    fields: attributionFields(q, q.paragraph),
    footer: { text: `Quote ${rank} of ${total}` },
  };
  const url = safeUrl(q.url);
  if (url) embed.url = url;
  return fitEmbed(embed);
}

export function renderQuote(result: QuoteResult, about: string | undefined, perPage: number): Page[] {
  const who = fitEscaped(result.query, 200);
  if (result.speaker === null) {
    const suggestions = result.suggestions.slice(0, 10).map(escapeText);
    const hint = suggestions.length ? ` Did you mean: ${suggestions.join(', ')}?` : '';
    return [{ content: trimText(`I don’t know a speaker called “${who}” in the articles.${hint}`, LIMITS.content), embeds: [] }];
  }
  const aboutText = about ? ` about “${fitEscaped(about, 200)}”` : '';
  const speaker = fitEscaped(result.speaker, 200);
  if (result.quotes.length === 0) {
    return [{ content: `No quotation from ${speaker}${aboutText} in the articles.`, embeds: [] }];
  }
  const content = trimText(`**Quotes from ${speaker}**${aboutText}`, LIMITS.content);
  const embeds = result.quotes.map((q, i) => quotationEmbed(q, i + 1, result.quotes.length));
  return paginateEmbeds(embeds, { maxEmbeds: perPage }).map((page) => ({ content, embeds: page }));
}

function eventLine(e: TimelineEvent): string {
  const when = dateLabel(e);
  const sources = e.sources
    .slice(0, 3)
    .map((s) => maskedLink(`${outletOf(s)}, ¶${s.paragraph}`, s.url))
    .join(', ');
  return `**${when}** — ${fitEscaped(e.text, 600)}${sources ? ` — ${sources}` : ''}`;
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
