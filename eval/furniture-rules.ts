/**
 * What each kind of block the classifier names holds, on every page with body
 * labels: how many labelled body blocks and furniture blocks it took, and which
 * body blocks it removed. A rule's precision, measured on all pages of a half
 * together, shows which rules are too broad before a held-out page does.
 *
 *   npx tsx eval/furniture-rules.ts [--half dev|test|all] [--kind <kind>]
 *
 * `--kind` lists every block taken for that kind. Choose rules on the dev half.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { classifyBlocks } from '../src/corpus/classify.js';
import { withoutMarkers } from '../src/corpus/clean.js';
import { pageUnitsOf } from '../src/corpus/page.js';
import { readSources } from '../src/corpus/sources.js';
import { evalCorpora, halfOf, withTwinFurnitureLabels } from './corpora.js';
import { labelBlocks } from './furniture.eval.js';

const option = (name: string): string | null => (process.argv.includes(name) ? (process.argv[process.argv.indexOf(name) + 1] ?? null) : null);
const half = option('--half') ?? 'dev';
const listed = option('--kind');
/** Blocks a reader keeps: the body, and headings as the labels of the paragraphs under them. */
const KEPT = new Set(['body', 'heading', 'headline']);

const counts = new Map<string, { body: number; furniture: number }>();
const bodyRemoved: string[] = [];
const ofListedKind: string[] = [];
for (const corpus of await Promise.all((await evalCorpora()).map(withTwinFurnitureLabels))) {
  const { entries: sources } = await readSources(corpus.seedsDir);
  for (const { article: file } of corpus.labels.body ?? []) {
    if (half !== 'all' && halfOf(file.replace(/\.html?$/, '.txt')) !== half) continue;
    const units = pageUnitsOf(await readFile(join(corpus.seedsDir, file), 'utf8'), file);
    const labels = labelBlocks(units.map((u) => u.text), corpus.labels, file);
    if (!labels) continue;
    const labelled = withoutMarkers(units.map((u, i) => ({ ...u, furniture: labels[i]!.furniture })));
    const blocks = classifyBlocks(labelled, sources[file]?.title);
    blocks.forEach(({ kind }, i) => {
      const { furniture } = labelled[i]!;
      const row = counts.get(kind) ?? { body: 0, furniture: 0 };
      row[furniture ? 'furniture' : 'body']++;
      counts.set(kind, row);
      const line = `${corpus.name}/${file.slice(0, 28)}: ${labelled[i]!.text.slice(0, 120)}`;
      if (kind === listed) ofListedKind.push(`${furniture ? 'furniture' : 'body     '} ${line}`);
      if (!furniture && !KEPT.has(kind)) bodyRemoved.push(`${kind.padEnd(12)} ${line}`);
    });
  }
}
console.log(`${half} half\nkind           body  furniture`);
for (const [kind, row] of [...counts].sort()) console.log(`${kind.padEnd(12)} ${String(row.body).padStart(6)} ${String(row.furniture).padStart(10)}`);
console.log(`\nbody blocks removed (${bodyRemoved.length}):`, ...bodyRemoved.sort().map((l) => `\n  ${l}`));
if (listed) console.log(`\nblocks taken for ${listed}:`, ...ofListedKind.map((l) => `\n  ${l}`));
