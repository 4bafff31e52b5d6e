/**
 * Article extraction on pages nobody here labelled: 124 English pages of
 * Zyte's article-extraction benchmark (eval/extraction/SOURCES.md), each with
 * its article body as the benchmark's annotators wrote it. Scored as the
 * benchmark scores (`evaluate.py`: precision and recall of 4-word shingles
 * per page, averaged over pages, F1 of the two), so Readability.js's row can
 * be checked against the benchmark's own published figure for it.
 *
 * Two inputs per page, as a moderator would add it: the saved `.html`, and
 * the text a browser's "select all, copy" gives (`select-all.ts`). Beside
 * ours: Readability.js alone over the same DOM (the peer for `.html`) and
 * the copied text kept whole (what a cleaner starts from). Pages split into
 * dev and test halves by their id, once.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { buildArticle } from '../src/corpus/load.js';
import { halfOf, requestedHalves, type Half } from './corpora.js';
import { table, type EvalReport } from './report.js';
import { selectAllText } from './extraction/select-all.js';

const folder = join(dirname(fileURLToPath(import.meta.url)), 'extraction');
const SHINGLE = 4;

interface Page {
  id: string;
  html: string;
  truth: string;
}

/** Word tokens as the benchmark cuts them (`\w+`). */
const tokens = (text: string): string[] => text.match(/[\p{L}\p{N}_]+/gu) ?? [];

function shingles(text: string): Map<string, number> {
  const words = tokens(text);
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, words.length - SHINGLE + 1); i++) {
    const key = words.slice(i, i + SHINGLE).join(' ');
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The benchmark's per-page precision and recall over shingles (`string_shingle_matching`). */
function pageScores(truth: string, predicted: string): { precision: number | null; recall: number | null } {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const a = t.get(key) ?? 0;
    const b = p.get(key) ?? 0;
    tp += Math.min(a, b);
    fp += Math.max(0, b - a);
    fn += Math.max(0, a - b);
  }
  const score = (hit: number, miss: number): number => (fp === 0 && fn === 0 ? 1 : hit === 0 && miss === 0 ? 0 : hit / (hit + miss));
  return { precision: tp + fp > 0 ? score(tp, fp) : null, recall: tp + fn > 0 ? score(tp, fn) : null };
}

/** Share of a passage's shingles found in the page's true body: below half, the passage is furniture. */
function inBody(passage: string, body: Map<string, number>): boolean {
  const own = shingles(passage);
  let found = 0;
  let all = 0;
  for (const [key, n] of own) {
    all += n;
    if (body.has(key)) found += n;
  }
  return all > 0 && found / all >= 0.5;
}

interface Figures {
  pages: number;
  precision: number;
  recall: number;
  f1: number;
  /** Passages of 8 words or more mostly outside the true body, of all such passages. */
  furniture: number;
  passages: number;
  /** Pages where nothing was extracted. */
  empty: number;
}

type System = (page: Page) => string[] | null;

/** The passages of 8 words or more a system keeps outside a page's true body. */
function furnitureOf(page: Page, out: string[]): string[] {
  const body = shingles(page.truth);
  return out.filter((passage) => tokens(passage).length >= 8 && !inBody(passage, body));
}

function measure(pages: Page[], system: System): Figures {
  const precisions: number[] = [];
  const recalls: number[] = [];
  let furniture = 0;
  let passages = 0;
  let empty = 0;
  for (const page of pages) {
    const out = system(page);
    if (!out || out.length === 0) empty++;
    const { precision, recall } = pageScores(page.truth, (out ?? []).join('\n\n'));
    if (precision !== null) precisions.push(precision);
    if (recall !== null) recalls.push(recall);
    if (out === null) continue;
    passages += out.filter((passage) => tokens(passage).length >= 8).length;
    furniture += furnitureOf(page, out).length;
  }
  const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  const precision = mean(precisions);
  const recall = mean(recalls);
  return { pages: pages.length, precision, recall, f1: (2 * precision * recall) / (precision + recall), furniture, passages, empty };
}

/** The story paragraphs the bot answers and quotes from (a kept photo caption is neither: it may only date a timeline event). */
const paragraphsOf = (file: string, text: string): string[] =>
  buildArticle(file, text, undefined, '')?.paragraphs.filter((p) => p.kind === 'body').map((p) => p.text) ?? [];

const SYSTEMS: { name: string; run: System }[] = [
  { name: 'ours, saved .html', run: (p) => paragraphsOf(`${p.id}.html`, p.html) },
  {
    name: 'Readability.js alone',
    run: (p) => {
      const { document } = parseHTML(p.html);
      const text = new Readability(document as unknown as Document).parse()?.textContent ?? '';
      return text.split(/\n\s*\n|\n/).map((s) => s.trim()).filter(Boolean);
    },
  },
  { name: 'ours, copied text', run: (p) => paragraphsOf(`${p.id}.txt`, selectAllText(p.html)) },
  { name: 'copied text, whole', run: (p) => selectAllText(p.html).split(/\n+/).filter(Boolean) },
];

function loadPages(): Page[] {
  const truth = JSON.parse(readFileSync(join(folder, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  return readdirSync(join(folder, 'pages'))
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => {
      const id = f.slice(0, -'.html.gz'.length);
      return { id, html: gunzipSync(readFileSync(join(folder, 'pages', f))).toString('utf8'), truth: truth[id]?.articleBody ?? '' };
    })
    .filter((p) => p.truth !== '');
}

/** The dev pages where our copied-text path keeps the most furniture, each with its first such passage. */
function worstPages(pages: Page[], count = 8): string[] {
  const copied = SYSTEMS.find((s) => s.name === 'ours, copied text')!;
  const worst = pages
    .map((page) => ({ page, kept: furnitureOf(page, copied.run(page) ?? []) }))
    .filter((w) => w.kept.length > 0)
    .sort((a, b) => b.kept.length - a.kept.length)
    .slice(0, count);
  return [
    `ours, copied text, dev pages keeping the most furniture (eval/extraction/pages/<id>.html.gz):`,
    ...worst.map((w) => `  - ${w.page.id} ${w.kept.length} passages, e.g. "${w.kept[0]!.slice(0, 90)}"`),
  ];
}

export async function evaluate(): Promise<EvalReport> {
  const halves = requestedHalves();
  const pages = loadPages();
  const rows: (string | number)[][] = [];
  const missed: string[] = [];
  const notes: string[] = [];
  for (const half of halves) {
    const mine = half === 'all' ? pages : pages.filter((p) => halfOf(p.id) === (half as Half));
    const figures = SYSTEMS.map((s) => ({ name: s.name, f: measure(mine, s.run) }));
    for (const { name, f } of figures) {
      rows.push([half, name, f.pages, f.precision, f.recall, f.f1, `${f.furniture} of ${f.passages}`, f.empty]);
    }
    const [html, readability, copied] = figures.map((x) => x.f);
    if (half === 'dev') notes.push(...worstPages(mine));
    if (half !== 'dev' || halves.length === 1) {
      if (html!.f1 < readability!.f1) missed.push(`${half}: ours on saved .html below Readability.js alone (F1 ${html!.f1.toFixed(3)} < ${readability!.f1.toFixed(3)})`);
      if (copied!.f1 < readability!.f1) missed.push(`${half}: ours on copied text below Readability.js on the page (F1 ${copied!.f1.toFixed(3)} < ${readability!.f1.toFixed(3)})`);
    }
  }
  return {
    title: 'article extraction on the Zyte benchmark pages (124 English pages, labels by the benchmark)',
    lines: [
      ...table(['half', 'system', 'pages', 'precision', 'recall', 'F1', 'furniture passages (≥ 8 words)', 'empty pages'], rows),
      ...(notes.length ? ['', ...notes] : []),
      '',
      'Scored as the benchmark scores (4-word shingles per page, averaged; its README gives Readability.js 0.6.0 F1 0.947 on all 181 pages, our scorer 0.949 on the 150 English ones).',
      'goal: ours at least Readability.js alone, on saved pages and on copied text',
      ...(missed.length ? ['missed:', ...missed.map((m) => `  - ${m}`)] : ['all met']),
    ],
    goalsMet: missed.length === 0,
  };
}
