import { evalCorpora } from './corpora.js';
import type { EvalCorpus } from './corpora.js';

/** What each evaluation returns to `npm run eval`. */
export interface EvalReport {
  /** e.g. `/ask retrieval`. */
  title: string;
  /** The figures, already formatted for a terminal (a table). */
  lines: string[];
  /** Whether every goal the issue sets was met. */
  goalsMet: boolean;
}

/** Formats rows as an aligned text table. */
export function table(header: string[], rows: (string | number)[][]): string[] {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  const line = (r: string[]): string => r.map((c, i) => String(c ?? '').padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(cells[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)];
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(3);
}

/** What one corpus's evaluation gives: its lines, and the goals it missed (one line each). */
export interface CorpusResult {
  lines: string[];
  missed: string[];
}

/** Runs one corpus's evaluation on every corpus of the registry, in order, and gathers the results. */
export async function onEveryCorpus(evaluateCorpus: (corpus: EvalCorpus) => Promise<CorpusResult>): Promise<CorpusResult> {
  const all: CorpusResult = { lines: [], missed: [] };
  for (const corpus of await evalCorpora()) {
    const result = await evaluateCorpus(corpus);
    all.lines.push(...result.lines);
    all.missed.push(...result.missed);
  }
  return all;
}
