/**
 * Discord's message limits and the pure helpers that keep every reply inside
 * them: trim text at sentence boundaries, fit one embed, and split many
 * embeds into pages. No discord.js import: these work on plain API shapes.
 */
import type { APIEmbed } from 'discord-api-types/v10';

/** Discord's documented limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  /** Sum of every embed's title, description, field names and values, footer text and author name in one message. */
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** Buttons' custom ids. */
  customId: 100,
  buttonLabel: 80,
  /** Autocomplete: choices per response and characters per choice name/value. */
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

export const ELLIPSIS = '…';

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Characters past the cut that sentence splitting looks at. Segmenting costs
 * time in proportion to the text (about 1 s for 100 KB), so the trims below
 * segment only the part they can keep plus this much context, not the whole
 * text (a 60 KB reload report took 3.4 s to render, blocking every answer).
 */
const SEGMENT_CONTEXT = 256;

/** Splits text into sentences, each keeping its trailing space, so joining them gives the text back. */
export function splitSentences(text: string): string[] {
  return [...sentences.segment(text)].map((s) => s.segment);
}

/**
 * Shortens `text` to at most `max` characters: whole sentences when at least
 * half the budget can be kept that way, else whole words, else characters;
 * an ellipsis marks the cut. Text that fits comes back unchanged.
 */
export function trimText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  const budget = max - ELLIPSIS.length;
  let kept = '';
  for (const sentence of splitSentences(text.slice(0, budget + SEGMENT_CONTEXT))) {
    if (kept.length + sentence.length > budget) break;
    kept += sentence;
  }
  kept = kept.trimEnd();
  if (kept.length >= budget / 2) return `${kept} ${ELLIPSIS}`.length <= max ? `${kept} ${ELLIPSIS}` : kept + ELLIPSIS;
  const cut = text.slice(0, budget + 1);
  const space = cut.lastIndexOf(' ');
  const words = (space >= budget / 2 ? cut.slice(0, space) : text.slice(0, budget)).trimEnd();
  return avoidBrokenSurrogate(words) + ELLIPSIS;
}

/** Drops a lone high surrogate left at the end by a cut, so no half character reaches Discord. */
function avoidBrokenSurrogate(s: string): string {
  const last = s.charCodeAt(s.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? s.slice(0, -1) : s;
}

/**
 * Keeps the end of `text` within `max` characters, cutting at a sentence
 * start when it can: for context *before* a quote, where the end matters.
 */
export function trimTextStart(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return '';
  const budget = max - ELLIPSIS.length - 1;
  let kept = '';
  for (const sentence of splitSentences(text.slice(-(budget + SEGMENT_CONTEXT))).reverse()) {
    if (kept.length + sentence.length > budget) break;
    kept = sentence + kept;
  }
  return kept.length > 0 ? `${ELLIPSIS} ${kept}` : '';
}

/** The characters Discord counts towards the 6,000 total for one embed. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/**
 * Returns an embed inside every per-embed limit and within `maxTotal`
 * characters overall: each part trimmed to its own limit, then, if still too
 * long, the description trimmed at a sentence boundary, then fields dropped
 * from the end. Pure: the input is not changed.
 */
export function fitEmbed(embed: APIEmbed, maxTotal: number = LIMITS.embedTotal): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = trimText(out.title, LIMITS.title);
  if (out.description !== undefined) out.description = trimText(out.description, LIMITS.description);
  if (out.footer) out.footer = { ...out.footer, text: trimText(out.footer.text, LIMITS.footer) };
  if (out.author) out.author = { ...out.author, name: trimText(out.author.name, LIMITS.authorName) };
  if (out.fields) {
    out.fields = out.fields.slice(0, LIMITS.fields).map((f) => ({
      ...f,
      name: trimText(f.name, LIMITS.fieldName) || '\u200b',
      value: trimText(f.value, LIMITS.fieldValue) || '\u200b',
    }));
  }
  let over = embedLength(out) - maxTotal;
  if (over > 0 && out.description) {
    out.description = trimText(out.description, Math.max(0, out.description.length - over));
    over = embedLength(out) - maxTotal;
  }
  while (over > 0 && out.fields && out.fields.length > 0) {
    out.fields = out.fields.slice(0, -1);
    over = embedLength(out) - maxTotal;
  }
  if (over > 0 && out.footer) {
    out.footer = { ...out.footer, text: trimText(out.footer.text, Math.max(0, out.footer.text.length - over)) };
    over = embedLength(out) - maxTotal;
  }
  if (over > 0 && out.author) {
    out.author = { ...out.author, name: trimText(out.author.name, Math.max(0, out.author.name.length - over)) };
    over = embedLength(out) - maxTotal;
  }
  if (over > 0 && out.title) out.title = trimText(out.title, Math.max(0, out.title.length - over));
  return out;
}

export interface PageOptions {
  /** Most embeds on one page (Discord: 10). */
  maxEmbeds?: number;
  /** Most embed characters on one page (Discord: 6,000). */
  maxChars?: number;
}

/**
 * Splits embeds into pages that each fit one message: at most `maxEmbeds`
 * embeds and `maxChars` characters. Every embed is fitted first; order is kept;
 * no page is empty.
 */
export function paginateEmbeds(embeds: APIEmbed[], options: PageOptions = {}): APIEmbed[][] {
  const maxEmbeds = Math.min(options.maxEmbeds ?? LIMITS.embedsPerMessage, LIMITS.embedsPerMessage);
  const maxChars = Math.min(options.maxChars ?? LIMITS.embedTotal, LIMITS.embedTotal);
  const pages: APIEmbed[][] = [];
  let page: APIEmbed[] = [];
  let chars = 0;
  for (const raw of embeds) {
    const embed = fitEmbed(raw, maxChars);
    const length = embedLength(embed);
    if (page.length > 0 && (page.length >= maxEmbeds || chars + length > maxChars)) {
      pages.push(page);
      page = [];
      chars = 0;
    }
    page.push(embed);
    chars += length;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/**
 * Splits lines into chunks of at most `max` characters joined by newlines,
 * for lists (sources, timelines) shown as one embed description per page.
 * A single line longer than `max` is trimmed; `maxLines` caps lines per chunk.
 */
export function chunkLines(lines: string[], max: number = LIMITS.description, maxLines = Infinity): string[] {
  const chunks: string[] = [];
  let current = '';
  let count = 0;
  for (const raw of lines) {
    const line = trimText(raw, max);
    if (current !== '' && (current.length + 1 + line.length > max || count >= maxLines)) {
      chunks.push(current);
      current = '';
      count = 0;
    }
    current = current === '' ? line : `${current}\n${line}`;
    count += 1;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}
