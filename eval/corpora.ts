/**
 * The labelled corpora every evaluation runs on, in one label format (the one
 * `../shared/dev-corpora/bbc-politics/labels.json` uses, documented in its README),
 * and the one fixed dev/test split.
 *
 * - `seeds`: the five seed articles, labelled in test/fixtures/ (converted here).
 * - `bbc-politics`: ../shared/dev-corpora/bbc-politics (skipped with a note when absent).
 * - every folder `eval/corpora/<name>/` holding a `labels.json`: corpora we assembled
 *   from real published articles (provenance in each folder's SOURCES.md).
 *
 * Rules and knobs are chosen on the dev halves only; the README reports test halves.
 * The split is by item (question, quotation, event), decided by a hash of its text so
 * that it never moves when items are added or reordered.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AskItem {
  q: string;
  /** Snippets (whitespace-squashed) of paragraphs that answer; a hit contains any of them. */
  relevant: string[];
  paraphrase?: boolean;
}
export interface UnanswerableItem {
  q: string;
  note?: string;
}
export interface QuoteItem {
  /** A verbatim piece of the quotation. */
  text: string;
  /** Canonical full name; null when the text does not say who. */
  speaker: string | null;
  /** File name of the article, e.g. `000_x.txt`. */
  article: string;
  why?: string;
}
export interface QuotedTermItem {
  text: string;
  article: string;
}
export interface QuoteQueryItem {
  query: string;
  speaker: string;
}
export interface TimelineItem {
  label?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD at the precision the text supports. */
  date: string;
  /** Only where the precision is not what the date string shows (e.g. `decade`). */
  precision?: 'decade' | 'year' | 'month' | 'day';
  end?: string;
  snippet: string;
  article: string;
  /** Items with the same event name are one event told by several articles. */
  event?: string;
  forward?: boolean;
  approximate?: boolean;
}
/** Where the article body starts and ends in a copied page; everything outside is furniture. */
export interface BodySpanItem {
  article: string;
  first: string;
  last: string;
}
/** A furniture block between the body's first and last paragraphs (a caption, a byline…). */
export interface FurnitureItem {
  article: string;
  text: string;
  kind: string;
}
export interface CorpusLabels {
  ask: AskItem[];
  ask_unanswerable: UnanswerableItem[];
  quotes: QuoteItem[];
  quoted_terms: QuotedTermItem[];
  quote_queries: QuoteQueryItem[];
  timeline: TimelineItem[];
  body?: BodySpanItem[];
  furniture_inside?: FurnitureItem[];
}
export interface EvalCorpus {
  name: string;
  /** The folder to load as the bot's seeds. */
  seedsDir: string;
  labels: CorpusLabels;
}

export type Half = 'dev' | 'test';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** FNV-1a, 32 bits: a stable hash, so an item's half never changes. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The half an item belongs to, by its key (a question, or article + quotation/event snippet). */
export function halfOf(key: string): Half {
  return fnv1a(key.trim().toLowerCase().replace(/\s+/g, ' ')) % 2 === 0 ? 'dev' : 'test';
}

/** The items of one half (or all of them). */
export function inHalf<T>(items: readonly T[], keyOf: (item: T) => string, half: Half | 'all'): T[] {
  return half === 'all' ? [...items] : items.filter((item) => halfOf(keyOf(item)) === half);
}

/** The split keys: by question for /ask, by article and text for quotations and events. */
/** A page saved as `.html` splits as its `.txt` copy does, so one page's items share a half in both corpora. */
const pageKey = (article: string): string => article.replace(/\.html?$/i, '.txt');

export const splitKey = {
  ask: (item: { q: string }): string => item.q,
  quote: (item: { article: string; text: string }): string => `${pageKey(item.article)}\u0000${item.text}`,
  quoteQuery: (item: QuoteQueryItem): string => item.query,
  timeline: (item: TimelineItem): string => `${pageKey(item.article)}\u0000${item.snippet}`,
};

/** The halves `npm run eval` reports: `--half dev|test|all` on the command line, both halves by default. */
export function requestedHalves(argv: readonly string[] = process.argv): (Half | 'all')[] {
  const arg = argv.find((a) => a.startsWith('--half'));
  const value = arg?.includes('=') ? arg.split('=')[1] : argv[argv.indexOf('--half') + 1];
  if (value === 'dev' || value === 'test' || value === 'all') return [value];
  return ['dev', 'test'];
}

/** Whitespace-squashed containment: how every snippet label matches text. */
export function containsSnippet(text: string, snippet: string): boolean {
  const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
  return squash(text).includes(squash(snippet));
}

const EMPTY: CorpusLabels = { ask: [], ask_unanswerable: [], quotes: [], quoted_terms: [], quote_queries: [], timeline: [] };

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

/** The seed labels in test/fixtures/, written before this format existed, converted to it. */
async function seedLabels(): Promise<CorpusLabels> {
  const fixtures = join(root, 'test', 'fixtures');
  type SeedAsk = { question: string; relevant: { articleId: string; contains: string }[] };
  const ask = await readJson<{ ordinary: SeedAsk[]; paraphrased: SeedAsk[]; unanswerable: { question: string }[] }>(
    join(fixtures, 'ask-eval.json'),
  );
  const quotes = await readJson<{ labels: { paragraphId: string; text: string; speaker: string | null; why?: string }[] }>(
    join(fixtures, 'quotes-labels.json'),
  );
  const timeline = await readJson<{
    events: { articleId: string; date: string; precision: TimelineItem['precision']; end?: string; words: string; event?: string }[];
  }>(join(fixtures, 'timeline-labels.json'));
  const furniture = await readJson<Pick<CorpusLabels, 'body' | 'furniture_inside'>>(join(fixtures, 'seeds-body.json'));
  const toAsk = (item: SeedAsk, paraphrase: boolean): AskItem => ({
    q: item.question,
    relevant: item.relevant.map((r) => r.contains),
    ...(paraphrase ? { paraphrase } : {}),
  });
  return {
    ...EMPTY,
    ask: [...ask.ordinary.map((i) => toAsk(i, false)), ...ask.paraphrased.map((i) => toAsk(i, true))],
    ask_unanswerable: ask.unanswerable.map((u) => ({ q: u.question })),
    quotes: quotes.labels.map((l) => ({
      text: l.text,
      speaker: l.speaker,
      article: `${l.paragraphId.split('#')[0]}.txt`,
      ...(l.why ? { why: l.why } : {}),
    })),
    timeline: timeline.events.map((e) => ({
      date: e.date,
      precision: e.precision,
      ...(e.end ? { end: e.end } : {}),
      snippet: e.words,
      article: `${e.articleId}.txt`,
      ...(e.event ? { event: e.event } : {}),
    })),
    body: furniture.body ?? [],
    furniture_inside: furniture.furniture_inside ?? [],
  };
}

/** Every labelled corpus there is on this machine, seeds first. */
export async function evalCorpora(): Promise<EvalCorpus[]> {
  const corpora: EvalCorpus[] = [{ name: 'seeds', seedsDir: join(root, 'seeds'), labels: await seedLabels() }];
  const bbc = join(root, '..', 'shared', 'dev-corpora', 'bbc-politics');
  if (existsSync(join(bbc, 'labels.json'))) {
    corpora.push({ name: 'bbc-politics', seedsDir: bbc, labels: { ...EMPTY, ...(await readJson<CorpusLabels>(join(bbc, 'labels.json'))) } });
  } else {
    console.error(`eval: ${bbc} not found; the bbc-politics corpus is skipped`);
  }
  const own = join(root, 'eval', 'corpora');
  if (existsSync(own)) {
    for (const name of (await readdir(own)).sort()) {
      const labels = join(own, name, 'labels.json');
      if (existsSync(labels)) corpora.push({ name, seedsDir: join(own, name), labels: { ...EMPTY, ...(await readJson<CorpusLabels>(labels)) } });
    }
  }
  return corpora;
}

/** The text twin of a saved-HTML corpus: `<name>-html` is the same pages as `<name>`. */
export const htmlTwinOf = (name: string): string | null => (name.endsWith('-html') ? name.slice(0, -'-html'.length) : null);

/**
 * A saved-HTML corpus carries no furniture labels of its own (they were
 * written on the text copy's blocks); its text twin's body and furniture
 * snippets are text a reader sees on either copy, so they judge the
 * paragraphs the bot makes of it too. (Not raw-file positions: the timeline
 * eval reads the raw file's blocks, which for HTML are markup.)
 */
export async function withTwinFurnitureLabels(corpus: EvalCorpus): Promise<EvalCorpus> {
  const twinName = htmlTwinOf(corpus.name);
  const file = twinName ? join(dirname(corpus.seedsDir), twinName, 'labels.json') : null;
  if (!file || corpus.labels.body?.length || !existsSync(file)) return corpus;
  const twin = await readJson<CorpusLabels>(file);
  const toHtml = <T extends { article: string }>(item: T): T => ({ ...item, article: item.article.replace(/\.txt$/, '.html') });
  return { ...corpus, labels: { ...corpus.labels, body: (twin.body ?? []).map(toHtml), furniture_inside: (twin.furniture_inside ?? []).map(toHtml) } };
}
