/**
 * Hostile input, property-based (fast-check): arbitrary unicode, 6,000-character
 * strings, search syntax, mentions, markdown and control characters in every
 * command's options. Never an exception; every reply inside Discord's limits
 * (content 2,000; embed description 4,096; field 1,024; 6,000 in all; 10
 * embeds); no mention allowed; user text escaped. The renderer takes many
 * cases cheaply; the real bot through the emulator takes a few dozen.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ReloadReport } from '../../src/engine/engine.js';
import { escapeText, questionLine } from '../../src/bot/render.js';
import { renderAsk } from '../../commands/ask.js';
import { renderQuote } from '../../commands/quote.js';
import { renderReload } from '../../commands/reload.js';
import { renderSources } from '../../commands/sources.js';
import { renderTimeline } from '../../commands/timeline.js';
import type { Page } from '../../src/bot/render.js';
import type { Passage } from '../../src/search/types.js';
import type { Quotation } from '../../src/quotes/types.js';
import type { TimelineEvent } from '../../src/timeline/types.js';
import { linesPerUser, replyProblems, requestProblems, startReliabilityBot, until } from './harness.js';
import type { ReliabilityBot } from './harness.js';

// ——— what hostile text is made of ———

const PIECES = [
  '*', '**', '***', '_', '__', '`', '```', '~~', '||', '> ', '>>> ', '# ', '-# ', '- ', '1. ', '\\', '[x](https://evil.example)',
  '[a](https://a.example)[b](https://phish.example)', '<@123456789012345678>', '<@!1>', '<@&1>', '<#1>', '@everyone', '@here',
  '<:emoji:1>', '<t:0:R>', 'AND', 'OR', 'NOT', '"exact phrase"', 'title:x', 'a*', '?', '~', '^2', '(', ')', '+', '-', '|',
  '\n', '\r\n', '\t', '\u0000', '\u0007', '\u001b[31m', '\u007f', '\u200b', '\u202e', '\ufeff', '\ud800', '\udfff', '😀', '👩‍👩‍👧',
  'é', 'ß', 'İ', 'ﷺ', '𝕏', 'Pakistan', 'military aid', 'Khurram', 'Trump', ' ', '  ', 'toString', 'constructor', '__proto__', 'hasOwnProperty',
];
const piece = fc.constantFrom(...PIECES);
/** Markdown, mentions, search syntax, control and odd characters, mixed with words the corpus knows. */
const tokens = (max: number) => fc.array(piece, { maxLength: max }).map((a) => a.join(''));
const unicode = (max: number) => fc.string({ unit: 'binary', maxLength: max });
/** Any of the above, and sometimes 6,000 characters of it. */
const hostile = fc.oneof(
  { weight: 4, arbitrary: tokens(40) },
  { weight: 2, arbitrary: unicode(120) },
  { weight: 1, arbitrary: fc.tuple(tokens(12), fc.integer({ min: 5_000, max: 6_500 })).map(([t, n]) => (t || '*_`').repeat(Math.ceil(n / Math.max(1, (t || '*_`').length))).slice(0, n)) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u0000', '*'.repeat(6000), 'a'.repeat(6000), '[x](https://e.x)'.repeat(400)) },
);
/** Like `hostile` but with no URL in it: there discord.js's escaping leaves markers bare on purpose (a backslash would break the link). */
const noUrl = hostile.filter((s) => !/https?:\/\//.test(s));

// ——— checks ———

const unescape = (s: string): string => s.replace(/\\([\s\S])/g, '$1');
/** Escaped pairs replaced by a placeholder, so what is left is what Discord would read as markup. */
const bare = (s: string): string => s.replace(/\\[\s\S]/g, '\u0001');
/** Markup that could format or link: emphasis, code, strikethrough, spoilers, masked links. */
const LIVE_MARKDOWN = /[*_`]|~~|\|\||\[[^\]]*\]\(/;

function pageProblems(page: Page): string[] {
  return replyProblems({ content: page.content ?? '', embeds: page.embeds, allowed_mentions: { parse: [] } });
}

/** The user's text as echoed between `open` and `close` in `content`: escaped, and the raw text (or a trimmed start of it) underneath. */
function expectEchoed(content: string, raw: string, open: string, close: string): void {
  const start = content.indexOf(open);
  const end = content.lastIndexOf(close);
  expect(start, content).toBeGreaterThanOrEqual(0);
  const echoed = content.slice(start + open.length, end);
  if (!/https?:\/\//.test(raw)) expect(bare(echoed)).not.toMatch(LIVE_MARKDOWN);
  const plain = unescape(echoed).replace(/ ?…$/, '');
  expect(raw.startsWith(plain) || raw.trimEnd().startsWith(plain), JSON.stringify({ raw: raw.slice(0, 80), plain: plain.slice(0, 80) })).toBe(true);
}

// ——— the renderer, many cases ———

const url = fc.oneof(fc.constant(null), fc.webUrl(), unicode(40), fc.constantFrom('https://e.x/a_(b)*c', 'javascript:alert(1)', 'https://e.x/ x'));
const date = fc.oneof(fc.constant(null), fc.constantFrom('2018', '2018-01', '2018-01-05'), unicode(12));
const attribution = fc.record({ articleId: unicode(20), title: hostile, outlet: fc.option(hostile), published: date, url });

const passage: fc.Arbitrary<Passage> = fc
  .tuple(attribution, hostile, fc.nat(), fc.nat(), fc.double({ noNaN: true }), fc.nat({ max: 999 }))
  .map(([a, text, from, len, score, paragraph]) => {
    const start = text.length ? from % text.length : 0;
    return { ...a, paragraphId: `${a.articleId}#${paragraph}`, paragraph, text, quote: text.slice(start, start + (len % 400)), score };
  });

const quotation: fc.Arbitrary<Quotation> = fc
  .tuple(attribution, hostile, hostile, fc.option(hostile), fc.nat({ max: 999 }))
  .map(([a, text, context, speaker, paragraph]) => ({ ...a, text, context, speaker, rule: speaker === null ? null : 'said-after', paragraphId: `${a.articleId}#${paragraph}`, paragraph }));

const event: fc.Arbitrary<TimelineEvent> = fc.record({
  date: fc.constantFrom('2018', '2018-01', '2018-01-05', '1990'),
  precision: fc.constantFrom('year', 'month', 'day', 'decade'),
  approximate: fc.boolean(),
  label: hostile,
  when: hostile,
  text: hostile,
  sources: fc.array(
    fc.record({ articleId: unicode(10), title: hostile, outlet: fc.option(hostile), published: date, paragraph: fc.nat(), paragraphId: unicode(10), url }),
    { maxLength: 5 },
  ),
}) as fc.Arbitrary<TimelineEvent>;

const file = fc.record({ file: hostile, reason: hostile });
const report: fc.Arbitrary<ReloadReport> = fc.record({
  ok: fc.boolean(),
  reason: fc.option(hostile, { nil: undefined }),
  added: fc.array(hostile, { maxLength: 30 }),
  removed: fc.array(hostile, { maxLength: 30 }),
  changed: fc.array(hostile, { maxLength: 30 }),
  articles: fc.nat(),
  paragraphs: fc.nat(),
  skipped: fc.array(file, { maxLength: 40 }),
  warnings: fc.array(file, { maxLength: 10 }),
  ms: fc.nat(),
}) as fc.Arbitrary<ReloadReport>;

const RUNS = { numRuns: 150 };

describe('the renderer, over hostile text (fast-check)', () => {
  test('escaping: nothing can format, link or be lost — the text comes back exactly when unescaped', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        expect(unescape(escapeText(s))).toBe(s);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(noUrl, (s) => {
        expect(bare(escapeText(s))).not.toMatch(LIVE_MARKDOWN);
      }),
      { numRuns: 500 },
    );
  });

  test('the question echoed back: inside 2,000 characters, escaped, its start intact', () => {
    fc.assert(
      fc.property(hostile, (q) => {
        const line = questionLine(q);
        expect(line.length).toBeLessThanOrEqual(2000);
        expectEchoed(line, q, '**Question:** ', '');
        const [nothing] = renderAsk({ query: q, answers: [] }, 3);
        expect(pageProblems(nothing!)).toEqual([]);
        expectEchoed(nothing!.content ?? '', q, 'Nothing in the articles about “', '”.');
      }),
      { numRuns: 300 },
    );
  });

  test('/ask answers with hostile titles, paragraphs, outlets and URLs: every page inside the limits', () => {
    fc.assert(
      fc.property(hostile, fc.array(passage, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 10 }), (q, answers, perPage) => {
        const pages = renderAsk({ query: q, answers }, perPage);
        expect(pages.length).toBeGreaterThan(0);
        for (const page of pages) expect(pageProblems(page)).toEqual([]);
        for (const e of pages.flatMap((p) => p.embeds)) if (e.url) expect(e.url).toMatch(/^https?:\/\/[^\s()<>]+$/);
      }),
      RUNS,
    );
  });

  test('/quote with hostile names, topics, quotations and suggestions: inside the limits, names escaped', () => {
    fc.assert(
      fc.property(hostile, fc.option(hostile, { nil: undefined }), fc.option(hostile), fc.array(quotation, { maxLength: 10 }), fc.array(hostile, { maxLength: 15 }), (query, about, speaker, quotes, suggestions) => {
        const pages = renderQuote({ query, speaker, quotes, suggestions }, about, 3);
        for (const page of pages) expect(pageProblems(page)).toEqual([]);
        if (speaker === null && !/https?:\/\//.test(query)) expectEchoed(pages[0]!.content ?? '', query, 'I don’t know a speaker called “', '” in the articles.');
      }),
      RUNS,
    );
  });

  test('/timeline with hostile events and topics: every page inside the limits', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), fc.option(hostile, { nil: undefined }), fc.option(fc.integer(), { nil: undefined }), (events, about, from) => {
        const pages = renderTimeline({ events }, { ...(about !== undefined ? { about } : {}), ...(from !== undefined ? { from } : {}) });
        for (const page of pages) expect(pageProblems(page)).toEqual([]);
      }),
      RUNS,
    );
  });

  test('/reload and /sources with hostile file names, reasons and titles: inside the limits', () => {
    fc.assert(
      fc.property(report, (r) => {
        expect(pageProblems(renderReload(r))).toEqual([]);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.array(fc.record({ articleId: unicode(10), title: hostile, outlet: fc.option(hostile), published: date, url, paragraphs: fc.nat() }), { maxLength: 40 }), (list) => {
        for (const page of renderSources(list)) expect(pageProblems(page)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

// ——— the real bot, a few dozen cases ———

describe('the real bot through the emulator, over hostile options (fast-check)', () => {
  let h: ReliabilityBot;
  let users = 0;

  beforeAll(async () => {
    h = await startReliabilityBot();
  });

  afterAll(async () => {
    await h?.stop();
  });

  test('/ask, /quote, /timeline and autocomplete: always answered, inside the limits, pinging no one, logged once', async () => {
    const sent: string[] = [];
    const year = fc.oneof(fc.integer({ min: 1900, max: 2100 }), fc.integer());
    await fc.assert(
      fc.asyncProperty(hostile, hostile, fc.option(hostile, { nil: undefined }), year, year, hostile, async (question, speaker, about, from, to, prefix) => {
        const actor = () => h.emulator.actor(`hostile${++users}`);
        const handles = [
          h.emulator.slash('ask', { question }, actor()),
          h.emulator.slash('quote', { speaker, ...(about !== undefined ? { about } : {}) }, actor()),
          h.emulator.slash('timeline', { from, to, ...(about !== undefined ? { about } : {}) }, actor()),
          h.emulator.slash('timeline', {}, actor()),
          h.emulator.autocomplete('quote', { speaker: prefix }, 'speaker', actor()),
        ];
        const [ask] = handles;
        for (const handle of handles) {
          await handle.callback(5_000);
          if (handle !== handles[4]) await handle.response(5_000);
          sent.push((handle.payload as { member?: { user: { id: string } } }).member!.user.id);
          expect(requestProblems(handle.requests())).toEqual([]);
        }
        const answer = await ask!.response();
        if (answer.embeds.length === 0) expectEchoed(answer.content, question, 'Nothing in the articles about “', '”.');
        // A corrected question is said on its own line after the one echoed.
        else if (!/https?:\/\//.test(question)) expectEchoed(answer.content.replace(/\nShowing results for “[^\n]*”\.$/, ''), question, '**Question:** ', '');
      }),
      { numRuns: 40 },
    );
    expect(h.logs().filter((l) => l.msg === 'interaction failed')).toEqual([]);
    await until(() => h.queryLog().length >= sent.length, 'a line per interaction');
    const counts = linesPerUser(h.queryLog());
    for (const user of sent) expect(counts.get(user)).toBe(1);
    console.info(`hostile: ${sent.length} interactions with hostile options through the emulator, all answered`);
  }, 60_000);
});
