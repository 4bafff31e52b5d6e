/**
 * `npx tsx bench/reload.ts [--size 10k] [--reloads 3] [--cache]`: what a moderator's edit
 * costs. Opens an engine on a generated corpus (with a cache folder under `--cache`, as the app does), then edits one
 * article and reloads, `--reloads` times; prints the full build, each reload and
 * their ratio from the same run (the machine may be loaded: the ratio travels),
 * with the process's CPU time beside each (both threads; nothing else runs in
 * it meanwhile, so on a busy machine it is the nearer figure to an idle one).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../src/engine/engine.js';
import { readArguments } from './args.js';
import { generateCorpus } from './generate.js';

const values = readArguments('reload', 'usage: npx tsx bench/reload.ts [--size 10k] [--reloads 3] [--cache]', { size: { type: 'string', default: '10k' }, reloads: { type: 'string', default: '3' }, cache: { type: 'boolean', default: false } });
const size = /^(\d+)(k?)$/i.exec(values.size);
if (!size) throw new Error(`bench/reload: --size takes a number or 10k, not "${values.size}"`);
const paragraphs = Number(size[1]) * (size[2] ? 1000 : 1);
const corpus = await generateCorpus({ seedsDir: 'seeds', paragraphs, seed: 42 });
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};
const started = performance.now();
const buildCpu = process.cpuUsage();
const engine = await Engine.open({ seedsDir: corpus.dir, ...(values.cache ? { cacheDir: await mkdtemp(join(tmpdir(), 'reload-bench-cache-')) } : {}) });
const buildMs = performance.now() - started;
const buildCpuMs = cpuMs(buildCpu);
const articles = engine.build.corpus.articles;
const edited = join(corpus.dir, articles[Math.floor(articles.length / 2)]!.file);
const original = await readFile(edited);
const reloads: number[] = [];
const reloadCpu: number[] = [];
try {
  for (let i = 0; i < Number(values.reloads); i++) {
    await writeFile(edited, Buffer.concat([original, Buffer.from(`\n\nAn edit number ${i + 1} was made to this article.\n`)]));
    // The worker writes the last reload's cache file after handing it over: a moderator's next edit comes later than that.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const at = performance.now();
    const cpu = process.cpuUsage();
    const report = await engine.reload();
    reloads.push(performance.now() - at);
    reloadCpu.push(cpuMs(cpu));
    if (!report.ok || report.changed.length !== 1) throw new Error(`bench/reload: unexpected report ${JSON.stringify({ ...report, skipped: report.skipped.length, warnings: report.warnings.length })}`);
  }
} finally {
  await writeFile(edited, original);
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
console.log(
  `${engine.build.search.size} paragraphs, ${articles.length} articles: full build ${Math.round(buildMs)} ms (CPU ${Math.round(buildCpuMs)} ms); ` +
    `reloads ${reloads.map(Math.round).join(', ')} ms (CPU ${reloadCpu.map(Math.round).join(', ')} ms); ` +
    `median ${Math.round(median(reloads))} ms = ${(median(reloads) / buildMs).toFixed(3)} of a build (CPU ${Math.round(median(reloadCpu))} ms = ${(median(reloadCpu) / buildCpuMs).toFixed(3)})`,
);
