/**
 * `npm run eval`: runs every `eval/*.eval.ts` and prints its figures.
 * Exits 1 when a goal is missed, so it can gate a release, not the test suite.
 */
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EvalReport } from './report.js';

const here = dirname(fileURLToPath(import.meta.url));
// Module names only: `--half dev` (and its value) chooses halves, not modules (`npm run eval -- --half dev` runs them all).
const args = process.argv.slice(2);
const only = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--half');
const files = (await readdir(here)).filter((f) => f.endsWith('.eval.ts')).sort();
let allMet = true;
for (const file of files) {
  if (only.length > 0 && !only.some((o) => file.includes(o))) continue;
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { evaluate: () => Promise<EvalReport> };
  const report = await mod.evaluate();
  allMet &&= report.goalsMet;
  console.log(`\n## ${report.title}  (${report.goalsMet ? 'goals met' : 'GOALS MISSED'})\n`);
  for (const line of report.lines) console.log(line);
}
process.exitCode = allMet ? 0 : 1;
