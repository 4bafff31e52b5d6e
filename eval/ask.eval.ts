/**
 * `/ask` retrieval quality on our labelled questions, side by side with
 * untuned MiniSearch (default options, prefix + fuzzy 0.2, naive paragraph
 * split of the raw files) so the gain is visible.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { buildFromSeeds } from '../src/engine.js';
import type { EvalReport } from './report.js';
import { table } from './report.js';

interface Relevant {
  articleId: string;
  contains: string;
}
interface Labelled {
  question: string;
  relevant: Relevant[];
}
interface EvalSet {
  ordinary: Labelled[];
  paraphrased: Labelled[];
  unanswerable: { question: string }[];
}

/** What a system returns for a question: article and text of each passage, best first. */
type Retrieve = (question: string) => { articleId: string; text: string }[];

const SEEDS = 'seeds';
const squash = (s: string): string => s.replace(/\s+/g, ' ');

function isRelevant(hit: { articleId: string; text: string }, relevant: Relevant[]): boolean {
  return relevant.some((r) => r.articleId === hit.articleId && squash(hit.text).includes(squash(r.contains)));
}

function score(retrieve: Retrieve, set: Labelled[]): { recall3: number; mrr: number; misses: string[] } {
  let hits = 0;
  let rr = 0;
  const misses: string[] = [];
  for (const item of set) {
    const ranked = retrieve(item.question).slice(0, 10);
    const rank = ranked.findIndex((h) => isRelevant(h, item.relevant));
    if (rank >= 0 && rank < 3) hits++;
    else misses.push(item.question);
    if (rank >= 0) rr += 1 / (rank + 1);
  }
  return { recall3: hits / set.length, mrr: rr / set.length, misses };
}

async function untunedMiniSearch(): Promise<Retrieve> {
  const files = (await readdir(SEEDS)).filter((f) => f.endsWith('.txt'));
  const docs: { id: number; articleId: string; text: string }[] = [];
  for (const file of files) {
    const raw = await readFile(join(SEEDS, file), 'utf8');
    for (const chunk of raw.split(/\n\s*\n/)) {
      if (chunk.trim()) docs.push({ id: docs.length, articleId: file.replace(/\.txt$/, ''), text: chunk.trim() });
    }
  }
  const mini = new MiniSearch<(typeof docs)[number]>({ fields: ['text'], storeFields: ['articleId', 'text'] });
  mini.addAll(docs);
  return (q) =>
    mini.search(q, { prefix: true, fuzzy: 0.2 }).map((r) => ({ articleId: r.articleId as string, text: r.text as string }));
}

export async function evaluate(): Promise<EvalReport> {
  const set = JSON.parse(await readFile('test/fixtures/ask-eval.json', 'utf8')) as EvalSet;
  const build = await buildFromSeeds({ seedsDir: SEEDS });
  const ours: Retrieve = (q) => build.search.ask(q, 10);
  const baseline = await untunedMiniSearch();

  const rows: (string | number)[][] = [];
  const results: Record<string, ReturnType<typeof score>> = {};
  for (const [name, retrieve] of [
    ['ours', ours],
    ['untuned MiniSearch', baseline],
  ] as const) {
    const ordinary = score(retrieve, set.ordinary);
    const paraphrased = score(retrieve, set.paraphrased);
    const refused = set.unanswerable.filter((u) => retrieve(u.question).length === 0).length / set.unanswerable.length;
    results[name] = ordinary;
    results[`${name} paraphrased`] = paraphrased;
    rows.push([name, ordinary.recall3, ordinary.mrr, paraphrased.recall3, paraphrased.mrr, refused]);
  }
  // Page furniture must never be quoted: every passage must come from the cleaned corpus.
  const furniture = /image copyright|image caption|copyright|in the same category|tiger woods|tampon|cocaine|paypoint|leave a comment/i;
  const all = [...set.ordinary, ...set.paraphrased, ...set.unanswerable];
  const furnitureHits = all.flatMap((q) => ours(q.question)).filter((p) => furniture.test(p.text)).length;

  const oursOrdinary = results.ours;
  const oursParaphrased = results['ours paraphrased'];
  const refusedAll = rows[0]?.[5] === 1;
  const goalsMet =
    (oursOrdinary?.recall3 ?? 0) >= 0.97 &&
    (oursOrdinary?.mrr ?? 0) >= 0.9 &&
    (oursParaphrased?.recall3 ?? 0) >= 0.67 &&
    refusedAll &&
    furnitureHits === 0;
  const lines = [
    `${set.ordinary.length} ordinary, ${set.paraphrased.length} paraphrased, ${set.unanswerable.length} unanswerable questions`,
    '',
    ...table(['system', 'recall@3', 'MRR', 'para recall@3', 'para MRR', 'refused (unanswerable)'], rows),
    '',
    `goals: recall@3 ≥ 0.97, MRR ≥ 0.90 (ordinary); recall@3 ≥ 0.67 (paraphrased); every unanswerable refused`,
    `furniture passages returned: ${furnitureHits} (goal 0)`,
  ];
  const missed = [...(oursOrdinary?.misses ?? []), ...(oursParaphrased?.misses ?? [])];
  if (missed.length) lines.push('', 'ours, not in top 3:', ...missed.map((m) => `  - ${m}`));
  const answeredUnanswerable = set.unanswerable.filter((u) => ours(u.question).length > 0).map((u) => u.question);
  if (answeredUnanswerable.length) lines.push('', 'ours, answered though unanswerable:', ...answeredUnanswerable.map((m) => `  - ${m}`));
  return { title: '/ask retrieval', lines, goalsMet };
}
