/**
 * Page furniture on every labelled corpus of the registry (eval/corpora.ts)
 * that has body labels (`body` first/last snippets and `furniture_inside`),
 * per corpus and half (the split is by article):
 * - blocks: furniture blocks kept as body text, body blocks lost, captions kept
 *   as captions; ours beside the old pattern list (frozen in eval/furniture/)
 *   and beside keeping everything;
 * - what reaches the answers: quotations and timeline events taken from
 *   furniture (the /ask top 5 is counted by ask.eval.ts).
 * A block is a unit of the page as the loader cuts it; furniture is what lies
 * before the body's first or after its last labelled paragraph, or a labelled
 * furniture block inside it.
 */
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { cleanPage } from '../src/corpus/clean.js';
import { loadCorpus } from '../src/corpus/load.js';
import { readSources } from '../src/corpus/sources.js';
import { pageUnitsOf } from '../src/corpus/page.js';
import { buildQuoteBook, readSpeakerOverrides } from '../src/quotes/index.js';
import { buildTimeline } from '../src/timeline/index.js';
import { furnitureJudge } from './ask.eval.js';
import type { CorpusLabels, EvalCorpus, Half } from './corpora.js';
import { containsSnippet, htmlTwinOf, inHalf, requestedHalves, withTwinFurnitureLabels } from './corpora.js';
import { cleanPageWithOldRules } from './furniture/old-rules.js';
import type { EvalReport } from './report.js';
import { onEveryCorpus, table } from './report.js';

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

interface LabelledBlock {
  text: string;
  furniture: boolean;
}

/** The page's blocks, each labelled body or furniture; null when the body's snippets are not found. */
export function labelBlocks(units: string[], labels: CorpusLabels, file: string): LabelledBlock[] | null {
  const span = labels.body?.find((b) => b.article === file);
  if (!span) return null;
  const first = units.findIndex((u) => containsSnippet(u, span.first));
  const last = units.length - 1 - [...units].reverse().findIndex((u) => containsSnippet(u, span.last));
  if (first < 0 || last >= units.length || last < first) return null;
  const inside = (labels.furniture_inside ?? []).filter((f) => f.article === file);
  return units.map((text, i) => ({
    text,
    furniture: i < first || i > last || inside.some((f) => containsSnippet(text, f.text) || containsSnippet(f.text, text)),
  }));
}

/** Whether a block came through as a paragraph: its text holds one, or one holds it (markers and credits are stripped). */
function keptIn(paragraphs: string[], block: string): boolean {
  const b = squash(block);
  // A short block (`Home`, a name) counts only when it is a paragraph of its own, not when a paragraph mentions it.
  if (b.length < 40) return paragraphs.includes(b);
  return paragraphs.some((p) => p.length > 0 && (b.includes(p) || p.includes(b) || b.includes(p.slice(0, 60))));
}

interface BlockFigures {
  articles: number;
  furniture: number;
  furnitureKept: number;
  body: number;
  bodyLost: number;
  captions: number;
  examples: string[];
}

type System = (raw: string, file: string, title?: string) => { body: string[]; captions: string[] };

const systems: Record<string, System> = {
  ours: (raw, file, title) => {
    const page = cleanPage(raw, file, title);
    const of = (kind: string): string[] => page.paragraphs.filter((p) => p.kind === kind).map((p) => squash(p.text));
    // A section heading is kept as the label of the paragraphs under it.
    const headings = [...new Set(page.paragraphs.flatMap((p) => (p.section ? [squash(p.section)] : [])))];
    return { body: [...of('body'), ...headings], captions: of('caption') };
  },
  'old rules': (raw) => {
    const page = cleanPageWithOldRules(raw);
    const of = (kind: string): string[] => page.paragraphs.filter((p) => p.kind === kind).map((p) => squash(p.text));
    // A section heading is kept as the label of the paragraphs under it.
    const headings = [...new Set(page.paragraphs.flatMap((p) => (p.section ? [squash(p.section)] : [])))];
    return { body: [...of('body'), ...headings], captions: of('caption') };
  },
  'keep everything': (raw, file) => ({ body: pageUnitsOf(raw, file).map((u) => squash(u.text)), captions: [] }),
};

async function blockFigures(corpus: EvalCorpus, files: string[], system: System): Promise<BlockFigures> {
  const { entries: sources } = await readSources(corpus.seedsDir);
  const figures: BlockFigures = { articles: 0, furniture: 0, furnitureKept: 0, body: 0, bodyLost: 0, captions: 0, examples: [] };
  for (const file of files) {
    const raw = await readFile(join(corpus.seedsDir, file), 'utf8');
    const blocks = labelBlocks(pageUnitsOf(raw, file).map((u) => u.text), corpus.labels, file);
    if (!blocks) continue;
    figures.articles++;
    const { body, captions } = system(raw, file, sources[file]?.title);
    for (const block of blocks) {
      const asBody = keptIn(body, block.text);
      if (block.furniture) {
        figures.furniture++;
        if (asBody) figures.furnitureKept++;
        else if (keptIn(captions, block.text)) figures.captions++;
        if (asBody) figures.examples.push(`kept ${file}: ${block.text.slice(0, 90)}`);
      } else {
        figures.body++;
        // Body text taken for a caption is lost too: captions are never quoted and rank below the body.
        if (!asBody) {
          figures.bodyLost++;
          figures.examples.push(`lost${keptIn(captions, block.text) ? ' (as caption)' : ''} ${file}: ${block.text.slice(0, 90)}`);
        }
      }
    }
  }
  return figures;
}

/** Quotations and events our build takes from furniture, over the articles of one half. */
async function downstream(corpus: EvalCorpus, files: Set<string>): Promise<{ quotes: number; events: number; examples: string[] }> {
  const { articles } = await loadCorpus(corpus.seedsDir);
  const isFurniture = furnitureJudge(articles, corpus.labels);
  const examples: string[] = [];
  if (!isFurniture) return { quotes: 0, events: 0, examples };
  const byId = new Map(articles.map((a) => [a.articleId, a]));
  const inHalfArticle = (articleId: string): boolean => files.has(byId.get(articleId)?.file ?? '');
  const paragraphText = (id: string): string => {
    const [articleId] = id.split('#');
    return byId.get(articleId ?? '')?.paragraphs.find((p) => p.id === id)?.text ?? '';
  };
  const book = buildQuoteBook(articles, await readSpeakerOverrides(corpus.seedsDir));
  let quotes = 0;
  for (const q of book.quotations) {
    if (!inHalfArticle(q.articleId)) continue;
    if (isFurniture({ articleId: q.articleId, paragraph: q.paragraph, text: paragraphText(q.paragraphId) })) {
      quotes++;
      examples.push(`quotation from furniture ${q.articleId}#${q.paragraph}: ${q.text.slice(0, 80)}`);
    }
  }
  let events = 0;
  for (const e of buildTimeline(articles)) {
    for (const s of e.sources) {
      if (!inHalfArticle(s.articleId)) continue;
      if (isFurniture({ articleId: s.articleId, paragraph: s.paragraph, text: paragraphText(s.paragraphId) })) {
        events++;
        examples.push(`event from furniture ${s.paragraphId}: ${e.text.slice(0, 80)}`);
      }
    }
  }
  return { quotes, events, examples };
}

/** The key that puts a page in its half: a saved-HTML page goes where its text twin does. */
const halfKey = (file: string): string => file.replace(/\.html?$/, '.txt');

async function evaluateCorpus(original: EvalCorpus, halves: (Half | 'all')[]): Promise<{ lines: string[]; missed: string[] }> {
  // A saved-HTML corpus is judged by its text twin's labels, its pages in the twin's halves.
  const corpus = await withTwinFurnitureLabels(original);
  const twin = corpus === original ? null : htmlTwinOf(corpus.name);
  const labelled = [...new Set((corpus.labels.body ?? []).map((b) => b.article))].filter((f) => ['.txt', '.html', '.htm'].includes(extname(f)));
  if (labelled.length === 0) return { lines: [`### ${corpus.name}: no body labels, blocks not scored`, ''], missed: [] };
  const rows: (string | number)[][] = [];
  const notes: string[] = [];
  const missed: string[] = [];
  for (const half of halves) {
    const files = inHalf(labelled, halfKey, half);
    for (const [name, system] of Object.entries(systems)) {
      const f = await blockFigures(corpus, files, system);
      const down = name === 'ours' ? await downstream(corpus, new Set(files)) : null;
      rows.push([
        half,
        name,
        f.articles,
        `${f.furnitureKept} of ${f.furniture}`,
        `${f.bodyLost} of ${f.body}`,
        name === 'keep everything' ? '–' : f.captions,
        down ? down.quotes : '–',
        down ? down.events : '–',
      ]);
      if (name === 'ours' && half === 'dev') notes.push(...f.examples.map((e) => `  - ${e}`), ...(down?.examples ?? []).map((e) => `  - ${e}`));
      if (name === 'ours' && (half !== 'dev' || halves.length === 1)) {
        if (f.furnitureKept > 0) missed.push(`${corpus.name} (${half}): ${f.furnitureKept} furniture blocks kept as body`);
        if (down && down.quotes + down.events > 0) missed.push(`${corpus.name} (${half}): ${down.quotes} quotations, ${down.events} events from furniture`);
      }
    }
  }
  return {
    lines: [
      `### ${corpus.name}: ${labelled.length} pages with body labels${twin ? ` (${twin}'s, by snippet)` : ''}`,
      '',
      ...table(['half', 'system', 'pages', 'furniture kept as body', 'body lost', 'captions kept as caption', 'furniture quotations', 'furniture events'], rows),
      ...(notes.length ? ['', 'ours, dev half:', ...notes] : []),
      '',
    ],
    missed,
  };
}

export async function evaluate(): Promise<EvalReport> {
  const halves = requestedHalves();
  const { lines, missed } = await onEveryCorpus((corpus) => evaluateCorpus(corpus, halves));
  lines.push('goals per corpus (test half): 0 furniture blocks kept as body, 0 quotations and 0 events from furniture', ...(missed.length ? ['missed:', ...missed.map((m) => `  - ${m}`)] : ['all met']));
  return { title: 'page furniture (blocks, quotations, events)', lines, goalsMet: missed.length === 0 };
}
