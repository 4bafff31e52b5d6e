/**
 * `/quote` attribution: precision and recall per speaker against the hand
 * labels in test/fixtures/quotes-labels.json, and whether `/quote Khan` shows
 * anything someone else said.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../src/corpus/load.js';
import { buildQuoteBook, normaliseName, readSpeakerOverrides } from '../src/quotes/index.js';
import type { QuoteBook } from '../src/quotes/index.js';
import type { Quotation } from '../src/types.js';
import { table } from './report.js';
import type { EvalReport } from './report.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SEEDS = join(root, 'seeds');
const LABELS = join(root, 'test', 'fixtures', 'quotes-labels.json');

export interface QuoteLabel {
  paragraphId: string;
  /** The first words of the quotation. */
  text: string;
  speaker: string | null;
}

export async function readLabels(file = LABELS): Promise<QuoteLabel[]> {
  return (JSON.parse(await readFile(file, 'utf8')) as { labels: QuoteLabel[] }).labels;
}

/** The quotation a label is about: same paragraph, text starting with the label's words. */
export function findLabelled(quotations: Quotation[], label: QuoteLabel): Quotation | undefined {
  const start = normaliseName(label.text);
  return quotations.find((q) => q.paragraphId === label.paragraphId && normaliseName(q.text).startsWith(start));
}

interface Row {
  speaker: string;
  labelled: number;
  predicted: number;
  correct: number;
}

export interface QuoteScores {
  rows: Row[];
  /** Labels with no quotation extracted for them. */
  missing: QuoteLabel[];
  /** Quotations extracted that no label is about. */
  unlabelled: Quotation[];
  /** Quotations in `/quote Khan` that the labels give to someone else (or nobody). */
  foreignInKhan: Quotation[];
  nullKept: number;
  nullLabelled: number;
}

/** Scores a quote book against the labels; label names are matched through the book's own resolver. */
export function score(book: QuoteBook, labels: QuoteLabel[]): QuoteScores {
  const truth = new Map<Quotation, string | null>();
  const canonical = (name: string | null): string | null => (name === null ? null : (book.resolve(name).speaker ?? name));
  const missing: QuoteLabel[] = [];
  for (const label of labels) {
    const q = findLabelled(book.quotations, label);
    if (q && !truth.has(q)) truth.set(q, canonical(label.speaker));
    else missing.push(label);
  }
  const unlabelled = book.quotations.filter((q) => !truth.has(q));
  const rows = new Map<string, Row>();
  const row = (speaker: string): Row => {
    let r = rows.get(speaker);
    if (!r) rows.set(speaker, (r = { speaker, labelled: 0, predicted: 0, correct: 0 }));
    return r;
  };
  for (const label of missing) if (label.speaker) row(canonical(label.speaker) ?? label.speaker).labelled++;
  for (const q of book.quotations) {
    const want = truth.get(q);
    if (want) row(want).labelled++;
    if (q.speaker) {
      row(q.speaker).predicted++;
      if (want === q.speaker) row(q.speaker).correct++;
    }
  }
  const khan = book.resolve('Khan').speaker;
  const khanTruth = canonical('Khurram Dastgir Khan');
  const foreignInKhan = khan ? book.quotesOf(khan).filter((q) => truth.get(q) !== khanTruth) : [];
  const nullLabels = [...truth].filter(([, s]) => s === null);
  return {
    rows: [...rows.values()].sort((a, b) => b.labelled - a.labelled || a.speaker.localeCompare(b.speaker)),
    missing,
    unlabelled,
    foreignInKhan,
    nullLabelled: nullLabels.length + missing.filter((l) => l.speaker === null).length,
    nullKept: nullLabels.filter(([q]) => q.speaker === null).length,
  };
}

const ratio = (a: number, b: number): number | string => (b === 0 ? '-' : a / b);

export async function evaluate(): Promise<EvalReport> {
  const { articles } = await loadCorpus(SEEDS);
  const book = buildQuoteBook(articles, await readSpeakerOverrides(SEEDS));
  const labels = await readLabels();
  const s = score(book, labels);
  const total = s.rows.reduce((t, r) => ({ labelled: t.labelled + r.labelled, predicted: t.predicted + r.predicted, correct: t.correct + r.correct }), { labelled: 0, predicted: 0, correct: 0 });
  const lines = table(
    ['speaker', 'labelled', 'attributed', 'correct', 'precision', 'recall'],
    [
      ...s.rows.map((r) => [r.speaker, r.labelled, r.predicted, r.correct, ratio(r.correct, r.predicted), ratio(r.correct, r.labelled)]),
      ['(overall, attributed)', total.labelled, total.predicted, total.correct, ratio(total.correct, total.predicted), ratio(total.correct, total.labelled)],
    ],
  );
  lines.push('');
  lines.push(`quotations extracted: ${book.quotations.length}; labelled: ${labels.length}; labels not found: ${s.missing.length}; extracted but unlabelled: ${s.unlabelled.length}`);
  lines.push(`labelled unattributed (null) and kept null: ${s.nullKept} of ${s.nullLabelled}`);
  lines.push(`/quote Khan: ${book.resolve('Khan').speaker ?? '(unknown)'}, ${book.quotesOf(book.resolve('Khan').speaker ?? '').length} quotations, by someone else: ${s.foreignInKhan.length}`);
  for (const l of s.missing) lines.push(`  label not found: ${l.paragraphId} "${l.text}"`);
  for (const q of s.unlabelled) lines.push(`  unlabelled: ${q.paragraphId} "${q.text.slice(0, 40)}" → ${q.speaker}`);
  for (const q of book.quotations) {
    const label = labels.find((l) => findLabelled([q], l));
    const want = label ? (label.speaker === null ? null : (book.resolve(label.speaker).speaker ?? label.speaker)) : undefined;
    if (label && want !== q.speaker) lines.push(`  wrong: ${q.paragraphId} "${q.text.slice(0, 40)}" → ${q.speaker}, labelled ${label.speaker}`);
  }
  const goalsMet =
    s.rows.filter((r) => r.labelled >= 2).every((r) => r.predicted > 0 && r.correct / r.predicted >= 0.95 && r.correct / r.labelled >= 0.8) &&
    s.foreignInKhan.length === 0 &&
    book.resolve('Khan').speaker !== null;
  return { title: '/quote attribution', lines, goalsMet };
}
