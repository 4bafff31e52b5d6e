/**
 * What every command's Discord renderer is made of: the page shape, escaping,
 * links, the excerpt and source line of a passage, paging into messages that
 * fit Discord's limits. Each command renders its own embeds in its file in
 * `commands/`. Text from users and from the articles is escaped; the
 * answering sentence is the only bold in a quote.
 */
import type { APIEmbed } from 'discord-api-types/v10';
import type { Attribution } from '../corpus/types.js';
import { CONTEXT_CHARS, excerpt, readableDate } from '../queries/excerpt.js';
import { ASK_MESSAGES } from '../queries/advice.js';
import { LIMITS, chunkLines, fitEmbed, paginateEmbeds, trimText } from './limits.js';

/** One message's worth of output. */
export interface Page {
  content?: string;
  embeds: APIEmbed[];
  /** The same passages with their whole paragraphs, one click away (a Full paragraphs button). */
  full?: Page;
}

export const COLOR = 0x2b6cb0;
export const MUTED = 0x718096;
export const WARN = 0xc05621;

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
export function fitEscaped(raw: string, max: number, trim: (s: string, n: number) => string = trimText): string {
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

export const outletOf = (a: Pick<Attribution, 'outlet'>): string => a.outlet ?? 'Outlet unknown';
export const dateOf = (a: Pick<Attribution, 'published'>): string => a.published ?? 'Date unknown';

/** Context sizes tried, widest first, until an excerpt fits its budget. */
export const CONTEXT_STEPS = [CONTEXT_CHARS, 100, 40, 0];

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
export function pageGroups<T>(items: T[], draw: (item: T) => APIEmbed, perPage: number): { item: T; embed: APIEmbed }[][] {
  const drawn = items.map((item) => ({ item, embed: draw(item) }));
  const grouped = paginateEmbeds(drawn.map((d) => d.embed), { maxEmbeds: Math.max(1, perPage) });
  let at = 0;
  return grouped.map((page) => drawn.slice(at, (at += page.length)).map((d, i) => ({ item: d.item, embed: page[i] ?? d.embed })));
}

/**
 * Lists shown one embed description per page. Where the page is ("1 / 3")
 * is said once, by the paging buttons, not again in the footer.
 */
export function listPages(title: string, lines: string[], perPage: number, footerNote = '', color = COLOR): Page[] {
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

