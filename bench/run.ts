/**
 * `npm run bench [-- --sizes seeds,1k,10k,100k] [--json] [--questions 300] [--rounds 3] [--no-write]`
 *
 * Generates the synthetic corpora (seeded; kept in the temp folder between
 * runs), measures each size in its own process (`bench/worker.ts`), times
 * cold starts of the compiled app to its first answer, prints a table (or JSON with `--json`) and writes the
 * results into BENCHMARKS.md between the generated-section markers, keeping
 * the hand-written analysis around them. Not a test: `npm test` never runs it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArguments } from './args.js';
import { generateCorpus } from './generate.js';
import type { CorpusStats } from './generate.js';
import { versionOf } from './peers.js';
import { summarise } from './stats.js';
import type { Latency } from './stats.js';
import type { SizeResult } from './worker.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: npm run bench -- [--sizes seeds,1k,10k,100k] [--json] [--questions 300] [--rounds 3] [--seed 42] [--timeout-min 20] [--budget-min 30] [--latency-budget-s 60] [--parts-from 50000] [--cold-runs 5] [--reuse earlier.json] [--no-write]';
const values = readArguments('bench', USAGE, {
    sizes: { type: 'string', default: 'seeds,1k,10k,100k' },
    json: { type: 'boolean', default: false },
    questions: { type: 'string', default: '300' },
    rounds: { type: 'string', default: '3' },
    seed: { type: 'string', default: '42' },
    'timeout-min': { type: 'string', default: '20' },
    'budget-min': { type: 'string', default: '30' },
    'latency-budget-s': { type: 'string', default: '60' },
    'parts-from': { type: 'string', default: '50000' },
    'no-write': { type: 'boolean', default: false },
    'cold-runs': { type: 'string', default: '5' },
    reuse: { type: 'string' },
});
const say = (msg: string): void => void process.stderr.write(`${msg}\n`);
const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
const seedsDir = join(root, 'seeds');

interface ColdStart {
  /**
   * Spawn → first answer of the start script `npm start` runs (`node scripts/start.mjs`, compiled code),
   * in a fresh folder so its `.cache` starts empty: the first start is a full build, the next ones load the cache.
   */
  readyMs: Latency | null;
  cachedReadyMs: Latency | null;
  /** The same through `npm start` itself, in the project folder (seeds only; its cache is the project's). */
  npmStartMs: Latency | null;
  /** Floor: a bare `node` process loading MiniSearch's saved JSON of the same paragraphs and answering one query. */
  bareMs: Latency | null;
  /** Spawn → exit for `npx tsx src/cli.ts ask "x" --json`, median (seeds only). */
  cliMs: Latency | null;
  note?: string;
}

interface SizeReport {
  label: string;
  target: number | null;
  corpus: CorpusStats | null;
  result: SizeResult | null;
  cold: ColdStart | null;
  /** The full engine build extrapolated from the smaller sizes, ms. */
  estimateMs?: number;
  /** Set when taken from an earlier run's JSON (`--reuse`): that run's date. */
  reusedFrom?: string;
  error?: string;
}

function parseSize(label: string): number | null {
  if (label === 'seeds') return null;
  const m = /^(\d+(?:\.\d+)?)(k?)$/i.exec(label);
  if (!m) throw new Error(`bench: --sizes takes seeds, 1k, 10k, 100k or a number, not "${label}"`);
  return Math.round(Number(m[1]) * (m[2] ? 1000 : 1));
}

function runWorker(label: string, dir: string, out: string, reloads: number, timeoutMs: number, mode: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--max-old-space-size=8192',
        '--import',
        'tsx',
        join(root, 'bench/worker.ts'),
        `--dir=${dir}`,
        `--label=${label}`,
        `--out=${out}`,
        `--questions=${values.questions}`,
        `--rounds=${values.rounds}`,
        `--seed=${values.seed}`,
        `--reloads=${reloads}`,
        `--mode=${mode}`,
        `--latency-budget-s=${values['latency-budget-s']}`,
      ],
      { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out after ${Math.round(timeoutMs / 60_000)} min`));
    }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`worker exited with ${signal ?? code}`));
    });
  });
}

/**
 * Wall clock from spawn to exit of a process that answers the question on its
 * stdin (the terminal mode answers, then exits at the end of its input).
 */
function coldOnce(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; stdin?: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(args[0] as string, args.slice(1), {
      cwd: options.cwd,
      env: { ...process.env, DISCORD_TOKEN: '', ...options.env },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => void (out += chunk.toString()));
    child.stdin.end(options.stdin ?? '');
    child.on('exit', (code) => {
      if (code === 0 && out.trim() !== '') resolve(performance.now() - started);
      else reject(new Error(`${args.join(' ')} exited with ${code}`));
    });
  });
}

const COLD_QUESTION = 'why did Pakistan suspend intelligence sharing\n';

/**
 * `builtCache`: the cache folder the size's worker filled (with the same compiled code). Given, the starts
 * load it and no start builds; otherwise the first start builds and writes the cache, timed as `readyMs`.
 */
async function coldStart(dir: string, runs: number, withSeedsExtras: boolean, bareIndex: string | null, builtCache: string | null): Promise<ColdStart> {
  const folder = await mkdtemp(join(tmpdir(), 'newsquote-bench-start-'));
  const start = [process.execPath, join(root, 'scripts/start.mjs')];
  const options = { cwd: folder, env: { SEEDS_DIR: dir }, stdin: COLD_QUESTION };
  try {
    if (builtCache) await cp(builtCache, join(folder, '.cache'), { recursive: true });
    const ready = builtCache ? [] : [await coldOnce(start, options)];
    const cached: number[] = [];
    for (let i = 0; i < runs; i++) cached.push(await coldOnce(start, options));
    const bare: number[] = [];
    if (bareIndex) for (let i = 0; i < Math.max(3, runs); i++) bare.push(await coldOnce([process.execPath, join(root, 'bench/bare.mjs'), bareIndex, COLD_QUESTION.trim()], { cwd: root }));
    const npm: number[] = [];
    const cli: number[] = [];
    if (withSeedsExtras) {
      for (let i = 0; i < runs + 1; i++) npm.push(await coldOnce(['npm', 'start', '--silent'], { cwd: root, stdin: COLD_QUESTION }));
      npm.shift(); // the first may build the project's own cache
      for (let i = 0; i < Math.min(3, runs); i++) cli.push(await coldOnce(['npx', 'tsx', 'src/cli.ts', 'ask', 'x', '--json'], { cwd: root }));
    }
    return {
      readyMs: ready.length > 0 ? summarise(ready) : null,
      cachedReadyMs: cached.length > 0 ? summarise(cached) : null,
      npmStartMs: npm.length > 0 ? summarise(npm) : null,
      bareMs: bare.length > 0 ? summarise(bare) : null,
      cliMs: cli.length > 0 ? summarise(cli) : null,
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

const reports: SizeReport[] = [];
const wanted = values.sizes.split(',').map((s) => s.trim()).filter(Boolean);
// `--reuse earlier.json`: sizes of an earlier `--json` run that this run does not measure are reported from it, marked as such.
if (values.reuse) {
  const earlier = JSON.parse(await readFile(values.reuse, 'utf8')) as { date: string; sizes: SizeReport[] };
  for (const r of earlier.sizes) if (!wanted.includes(r.label)) reports.push({ ...r, reusedFrom: r.reusedFrom ?? earlier.date });
}
const work = await mkdtemp(join(tmpdir(), 'newsquote-bench-run-'));
// Compiled before anything is timed, so no cold start below includes the TypeScript build.
if (spawnSync(process.execPath, [join(root, 'scripts/start.mjs'), '--build'], { cwd: root, stdio: 'inherit' }).status !== 0) {
  throw new Error('bench: the TypeScript build failed');
}
const timeoutMs = Number(values['timeout-min']) * 60_000;
const started = new Date();
const builds: { paragraphs: number; ms: number }[] = [];

/** The engine build at `paragraphs`, extrapolated from the sizes measured so far (power law through the last two). */
function estimateBuild(paragraphs: number): number | null {
  const [a, b] = builds.slice(-2);
  if (!a) return null;
  if (!b || b.paragraphs <= a.paragraphs * 2) return (builds.at(-1) as { ms: number }).ms * (paragraphs / (b ?? a).paragraphs) * 1.15;
  const exponent = Math.max(1, Math.log(b.ms / a.ms) / Math.log(b.paragraphs / a.paragraphs));
  return b.ms * (paragraphs / b.paragraphs) ** exponent;
}

for (const r of reports) if (r.result?.ours.mode === 'engine') builds.push({ paragraphs: r.result.paragraphs, ms: r.result.ours.buildMs });
builds.sort((a, b) => a.paragraphs - b.paragraphs);

for (const label of wanted) {
  const target = parseSize(label);
  const report: SizeReport = { label, target, corpus: null, result: null, cold: null };
  reports.push(report);
  const out = join(work, `${label}.json`);
  try {
    // A copy of the seeds: the reload measurement edits an article and puts it back.
    let dir = join(work, 'seeds');
    if (target === null) await cp(seedsDir, dir, { recursive: true });
    if (target !== null) {
      say(`${label}: generating ${target} paragraphs…`);
      report.corpus = await generateCorpus({ seedsDir, paragraphs: target, seed: Number(values.seed) });
      dir = report.corpus.dir;
      say(`${label}: corpus ${report.corpus.reused ? 'reused' : 'written'} at ${dir}`);
    }
    const estimate = target === null ? null : estimateBuild(target);
    // Sizes this large run in parts mode even when nothing smaller was measured to extrapolate from.
    let mode = target !== null && target >= Number(values['parts-from']) && estimate === null ? 'parts' : 'engine';
    if (estimate !== null) {
      report.estimateMs = Math.round(estimate);
      say(`${label}: full engine build estimated at ~${Math.round(estimate / 1000)} s from the sizes before`);
      if (estimate > Number(values['budget-min']) * 60_000) {
        mode = 'parts';
        say(`${label}: over the ${values['budget-min']} min budget: timing the parts apart instead (limit ${values['timeout-min']} min)`);
      }
    }
    const big = (target ?? 0) > 20_000;
    try {
      await runWorker(label, dir, out, big ? 0 : 3, timeoutMs, mode);
    } finally {
      // A worker stopped by the time limit leaves what it measured so far.
      report.result = JSON.parse(await readFile(out, 'utf8').catch(() => 'null')) as SizeResult | null;
    }
    if (!report.result) throw new Error('the worker wrote no result');
    if (mode === 'engine') builds.push({ paragraphs: report.result.paragraphs, ms: report.result.ours.buildMs });
    if (mode === 'parts') {
      report.cold = { readyMs: null, cachedReadyMs: null, npmStartMs: null, bareMs: null, cliMs: null, note: 'not measured in parts mode (no complete build to start from)' };
      continue;
    }
    const runs = target === null ? Number(values['cold-runs']) : (target ?? 0) > 20_000 ? 2 : 3;
    // At the largest sizes a start that builds is the worker's full build again: the starts load the worker's cache instead.
    const cacheDir = report.result.ours.cacheDir;
    const builtCache = big ? cacheDir : null;
    say(`${label}: cold start: ${builtCache ? '' : 'one full build, then '}×${runs} from the cache…`);
    const bareIndex = `${out}.minisearch.json`;
    try {
      report.cold = await coldStart(dir, runs, target === null, await readFile(bareIndex).then(() => bareIndex, () => null), builtCache);
    } finally {
      if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
    }
  } catch (error) {
    report.error = (error as Error).message;
    say(`${label}: ${report.error}`);
  }
}
await rm(work, { recursive: true, force: true });

// ---------------------------------------------------------------- report

const ms = (n: number | null | undefined, digits = 0): string =>
  n === null || n === undefined || !Number.isFinite(n) ? '–' : digits === 0 && n >= 10 ? String(Math.round(n)) : n.toFixed(digits || (n < 1 ? 3 : 2));
const lat = (l: Latency | null | undefined): string => (l ? `${ms(l.p50, 2)} / ${ms(l.p99, 2)}` : '–');
const ratio = (a: number | undefined, b: number | undefined): string =>
  a === undefined || b === undefined || !(b > 0) ? '–' : `${(a / b).toFixed(2)}×`;
const kb = (bytes: number | null | undefined): string =>
  bytes === null || bytes === undefined ? '–' : bytes > 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;

function oursTable(): string[] {
  const lines = [
    '| size | articles | paragraphs | load+clean ms | build ms (all) | ms per 1k paragraphs | heap MB (Δ over model) | persisted | persisted load ms | rebuild ÷ load | /ask p50 / p99 ms | answered | recall@3 | /quote p50 / p99 | /timeline p50 / p99 | reload ms, one article changed / nothing changed | start → first answer ms: full build / cached / bare node floor |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of reports) {
    const o = r.result?.ours;
    if (!r.result || !o) {
      lines.push(`| ${r.label} | ${r.error ?? 'not run'} |||||||||||||||`);
      continue;
    }
    const p = o.persisted;
    const parts = o.mode === 'parts'
      ? ` (parts: load ${ms(o.loadCorpusMs)} + search ${ms(o.partsMs.search)} + timeline ${ms(o.partsMs.timeline)} + quotes ${o.partsMs.quotes == null ? 'unfinished' : ms(o.partsMs.quotes)})`
      : '';
    const c = r.cold;
    lines.push(
      `| ${r.label} | ${r.result.articles} | ${r.result.paragraphs} | ${ms(o.loadCorpusMs)} | ${ms(o.buildMs)}${parts} | ${ms((o.buildMs / r.result.paragraphs) * 1000)} | ${o.heapMB} (${o.heapDeltaMB}) | ${kb(p?.bytes)}${p?.scope === 'index' ? ' (corpus+index)' : ''} | ${ms(p?.loadMs)} | ${p ? ratio(p.rebuildMs, p.loadMs) : '–'} | ${lat(o.ask)} | ${o.quality?.answered ?? '–'}/${r.result.questions} | ${o.quality?.recallAt3 ?? '–'} | ${lat(o.quote)} | ${lat(o.timeline)} | ${ms(o.reloadMs)} / ${ms(o.reloadCachedMs)} | ${ms(c?.readyMs?.p50)} / ${ms(c?.cachedReadyMs?.p50)} / ${ms(c?.bareMs?.p50)} |`,
    );
  }
  return lines;
}

function peersTable(): string[] {
  const lines = [
    '| size | system | build ms | paragraphs/s | heap Δ MB | persisted | load ms | query p50 / p99 ms | answered | recall@3 | ours ÷ it, p50 | ours ÷ it, p99 | our build ÷ its build |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of reports) {
    const res = r.result;
    if (!res) continue;
    const o = res.ours;
    const n = res.questions;
    lines.push(`| ${r.label} | **ours** (engine.ask) | ${ms(o.buildMs)} | ${o.paragraphsPerSec} | ${o.heapDeltaMB} | ${kb(o.persisted?.bytes)} | ${ms(o.persisted?.loadMs)} | ${lat(o.ask)} | ${o.quality?.answered ?? '–'}/${n} | ${o.quality?.recallAt3 ?? '–'} | 1.00× | 1.00× | 1.00× |`);
    for (const p of res.peers) {
      lines.push(
        `| ${r.label} | ${p.name} ${p.version} | ${ms(p.buildMs)} | ${p.paragraphsPerSec} | ${p.heapDeltaMB} | ${kb(p.persistBytes)} | ${ms(p.restoreMs)} | ${lat(p.search)} | ${p.quality?.answered ?? '–'}/${n} | ${p.quality?.recallAt3 ?? '–'} | ${ratio(o.ask.p50, p.search.p50)} | ${ratio(o.ask.p99, p.search.p99)} | ${ratio(o.buildMs, p.buildMs)} |`,
      );
    }
  }
  return lines;
}

interface Goal {
  goal: string;
  target: string;
  measured: string;
  met: boolean | null;
}

/** Issue 14's goals, from this run's figures. */
function goals(): Goal[] {
  const out: Goal[] = [];
  const at = (label: string): SizeReport | undefined => reports.find((r) => r.label === label && r.result);
  const engineBuild = (r: SizeReport | undefined): number | undefined => (r?.result?.ours.mode === 'engine' ? r.result.ours.buildMs : undefined);
  const secs = (n: number | undefined): string => (n === undefined ? 'not run' : `${(n / 1000).toFixed(1)} s`);
  const b10 = engineBuild(at('10k'));
  const b100 = engineBuild(at('100k'));
  out.push({ goal: 'full build at 10k', target: '≤ 12 s', measured: secs(b10), met: b10 === undefined ? null : b10 <= 12_000 });
  out.push({ goal: 'full build at 100k', target: '≤ 3 min', measured: secs(b100), met: b100 === undefined ? null : b100 <= 180_000 });
  const perP = (r: SizeReport | undefined): number | undefined => {
    const b = engineBuild(r);
    return b === undefined || !r?.result ? undefined : b / r.result.paragraphs;
  };
  const p1 = perP(at('1k'));
  const p100 = perP(at('100k'));
  out.push({
    goal: 'build time per paragraph, 100k ÷ 1k',
    target: '≤ 1.5×',
    measured: p1 === undefined || p100 === undefined ? 'not run' : `${(p100 / p1).toFixed(2)}× (${p1.toFixed(2)} vs ${p100.toFixed(2)} ms per paragraph)`,
    met: p1 === undefined || p100 === undefined ? null : p100 / p1 <= 1.5,
  });
  for (const [label, limit] of [['seeds', 700], ['10k', 2000], ['100k', 6000]] as const) {
    const r = at(label);
    const cached = r?.cold?.cachedReadyMs?.p50;
    const bare = r?.cold?.bareMs?.p50;
    const npm = r?.cold?.npmStartMs?.p50;
    out.push({
      goal: `cached start to the first answer, ${label}`,
      target: `≤ ${limit / 1000} s and ≤ 6× a bare node + MiniSearch JSON`,
      measured:
        cached === undefined
          ? 'not run'
          : `${Math.round(cached)} ms (start script)${npm !== undefined ? `, ${Math.round(npm)} ms through npm start` : ''}; bare node ${ms(bare)} ms → ${ratio(cached, bare)}`,
      met: cached === undefined ? null : cached <= limit && (bare === undefined || cached <= 6 * bare),
    });
  }
  const reload = at('10k')?.result?.ours.reloadMs;
  out.push({
    goal: 'reload after one article changed, 10k',
    target: '≤ 1 s',
    measured: reload == null ? 'not run' : `${Math.round(reload)} ms`,
    met: reload == null ? null : reload <= 1000,
  });
  const faster = reports
    .filter((r) => r.result && (r.target ?? 0) >= 1000)
    .map((r) => {
      const mini = r.result?.peers.find((p) => p.name === 'minisearch');
      return { label: r.label, p50: (r.result?.ours.ask.p50 ?? NaN) / (mini?.search.p50 ?? NaN), p99: (r.result?.ours.ask.p99 ?? NaN) / (mini?.search.p99 ?? NaN) };
    });
  out.push({
    goal: '/ask faster than stop-word MiniSearch at every size ≥ 1k (ours ÷ it, p50 / p99)',
    target: '< 1×',
    measured: faster.length === 0 ? 'not run' : faster.map((f) => `${f.label} ${f.p50.toFixed(2)}× / ${f.p99.toFixed(2)}×`).join(', '),
    met: faster.length === 0 || faster.some((f) => !Number.isFinite(f.p50)) ? null : faster.every((f) => f.p50 < 1 && f.p99 < 1),
  });
  const p99 = at('100k')?.result?.ours.ask.p99;
  out.push({ goal: '/ask p99 at 100k paragraphs', target: '≤ 15 ms', measured: p99 === undefined ? 'not run' : `${p99.toFixed(2)} ms`, met: p99 === undefined ? null : p99 <= 15 });
  return out;
}

function goalsTable(): string[] {
  return [
    '| goal | target | measured | met? |',
    '|---|---|---|---|',
    ...goals().map((g) => `| ${g.goal} | ${g.target} | ${g.measured} | ${g.met === null ? 'not measured' : g.met ? 'met' : '**missed**'} |`),
  ];
}

function corpusTable(): string[] {
  const lines = ['| size | articles written | paragraphs written → loaded | word tokens | distinct words | hapax share | Heaps β |', '|---|--:|--:|--:|--:|--:|--:|'];
  for (const r of reports) {
    const c = r.corpus;
    if (!c) continue;
    lines.push(`| ${r.label} | ${c.articles} | ${c.paragraphsWritten} → ${r.result?.paragraphs ?? '–'} | ${c.tokens} | ${c.types} | ${c.hapaxShare} | ${c.heapsBeta} |`);
  }
  return lines;
}

function machine(): string[] {
  const cpu = cpus();
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
  const pkgs = ['minisearch', 'flexsearch', '@orama/orama', 'lunr', 'wink-nlp', 'wink-eng-lite-web-model', 'tsx'];
  return [
    `- Date: ${started.toISOString()} (run took ${Math.round((Date.now() - started.getTime()) / 1000)} s)`,
    `- Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 1_073_741_824)} GB RAM, ${platform()} ${release()}`,
    `- Node ${process.version}; ${pkgs.map((p) => `${p} ${versionOf(p)}`).join(', ')}`,
    `- Code: commit ${git || 'unknown'} (plus any uncommitted changes in the working tree)`,
    `- Reproduce: \`${command}\` (seed ${values.seed}, ${values.questions} questions × ${values.rounds} rounds)`,
  ];
}

const order = ['seeds', '1k', '10k', '100k'];
reports.sort((a, b) => (a.target ?? 0) - (b.target ?? 0) || order.indexOf(a.label) - order.indexOf(b.label));
const notes = reports.flatMap((r) => [
  ...(r.reusedFrom ? [`${r.label}: figures from the run of ${r.reusedFrom} (--reuse), not re-measured`] : []),
  ...(r.estimateMs !== undefined ? [`${r.label}: full engine build estimated beforehand at ${Math.round(r.estimateMs / 1000)} s (power law through the two sizes before)`] : []),
  ...(r.cold?.note ? [`${r.label}: cold start ${r.cold.note}`] : []),
  ...(r.result?.ours.notes ?? []).map((n) => `${r.label}: ${n}`),
  ...(r.error ? [`${r.label}: ${r.error}`] : []),
]);

const generated = [
  '### Machine and versions',
  '',
  ...machine(),
  '',
  '### Goals',
  '',
  ...goalsTable(),
  '',
  '### Our engine, by size',
  '',
  ...oursTable(),
  '',
  '### Side by side on the same paragraphs and questions',
  '',
  'Ratios are ours ÷ the peer, measured in the same process with questions interleaved across systems, so machine noise hits all alike. Our build covers reading, cleaning, NLP (sentences, lemmas) and indexing; a peer\'s build indexes the already-cleaned paragraph texts.',
  '',
  ...peersTable(),
  '',
  '### Synthetic corpora',
  '',
  ...corpusTable(),
  ...(notes.length > 0 ? ['', '### Notes from this run', '', ...notes.map((n) => `- ${n}`)] : []),
];

if (values.json) {
  process.stdout.write(`${JSON.stringify({ date: started.toISOString(), command, machine: machine(), goals: goals(), sizes: reports }, null, 2)}\n`);
} else {
  process.stdout.write(`\n${generated.join('\n')}\n`);
}

if (!values['no-write']) {
  const path = join(root, 'BENCHMARKS.md');
  const START = '<!-- bench:start (generated by npm run bench; edits inside are overwritten) -->';
  const END = '<!-- bench:end -->';
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    text = `# Benchmarks\n\n${START}\n${END}\n`;
  }
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  const block = `${START}\n${generated.join('\n')}\n${END}`;
  text = a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + END.length) : `${text.trimEnd()}\n\n${block}\n`;
  await writeFile(path, text);
  say(`results written to ${path}`);
}

