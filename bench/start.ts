/**
 * Cached start to the first answer, alone (the full bench measures it too, with
 * everything else): the compiled start script (`node scripts/start.mjs`, what
 * `npm start` runs) answering one question piped on its stdin, from a cache an
 * earlier start wrote, beside the bare floor (`bench/bare.mjs`: node loading
 * MiniSearch's saved index and answering one query). Prints the median wall
 * time and, where `/usr/bin/time` exists, the median CPU time (user + system,
 * steadier than wall time on a shared machine).
 *
 * `npx tsx bench/start.ts [--sizes seeds,1k,10k] [--runs 5] [--seed 42]`
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../src/corpus/load.js';
import { readArguments } from './args.js';
import { generateCorpus } from './generate.js';
import { miniSearchPeer } from './peers.js';

const USAGE = 'usage: npx tsx bench/start.ts [--sizes seeds,1k,10k] [--runs 5] [--seed 42]';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const QUESTION = 'why did Pakistan suspend intelligence sharing';
const TIME = '/usr/bin/time';

const values = readArguments('start', USAGE, { sizes: { type: 'string', default: 'seeds,1k,10k' }, runs: { type: 'string', default: '5' }, seed: { type: 'string', default: '42' } });

interface Sample {
  wallMs: number;
  /** User + system CPU of the process, when `/usr/bin/time` can say it. */
  cpuMs: number | null;
}

/** Spawn → exit of a process that answers the question on its stdin, with its CPU time. */
function once(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, stdin = ''): Promise<Sample> {
  const timed = existsSync(TIME);
  const command = timed ? [TIME, '-f', 'cpu %U %S', ...args] : args;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command[0] as string, command.slice(1), { cwd, env: { ...process.env, DISCORD_TOKEN: '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => void (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => void (err += chunk.toString()));
    child.stdin.end(stdin);
    child.on('exit', (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0 || out.trim() === '') return reject(new Error(`${args.join(' ')} exited with ${code}: ${err.slice(-500)}`));
      const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(err);
      resolve({ wallMs, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : null });
    });
  });
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};

function summary(samples: Sample[]): string {
  const cpu = samples.map((s) => s.cpuMs).filter((c): c is number => c !== null);
  return `wall ${Math.round(median(samples.map((s) => s.wallMs)))} ms${cpu.length > 0 ? `, cpu ${Math.round(median(cpu))} ms` : ''}`;
}

/** The bare floor's index: MiniSearch as the bench's peer sets it up, over the corpus's paragraphs. */
async function bareIndex(seedsDir: string, file: string): Promise<void> {
  const { articles } = await loadCorpus(seedsDir);
  const peer = miniSearchPeer();
  peer.build(articles.flatMap((a) => a.paragraphs.map((p) => ({ id: p.id, text: p.text }))));
  await writeFile(file, peer.persist() as string);
}

if (spawnSync(process.execPath, [join(root, 'scripts/start.mjs'), '--build'], { cwd: root, stdio: 'inherit' }).status !== 0) {
  throw new Error('bench: the TypeScript build failed');
}
const runs = Number(values.runs);
for (const label of values.sizes.split(',').map((s) => s.trim()).filter(Boolean)) {
  const seedsDir =
    label === 'seeds'
      ? join(root, 'seeds')
      : (await generateCorpus({ seedsDir: join(root, 'seeds'), paragraphs: Number(label.replace(/k$/, '000')), seed: Number(values.seed) })).dir;
  const folder = await mkdtemp(join(tmpdir(), 'newsquote-bench-start-'));
  try {
    const start = [process.execPath, join(root, 'scripts/start.mjs')];
    const env = { SEEDS_DIR: seedsDir };
    const first = await once(start, folder, env, `${QUESTION}\n`);
    const cached: Sample[] = [];
    for (let i = 0; i < runs; i++) cached.push(await once(start, folder, env, `${QUESTION}\n`));
    const index = join(folder, 'bare.json');
    await bareIndex(seedsDir, index);
    const bare: Sample[] = [];
    for (let i = 0; i < runs; i++) bare.push(await once([process.execPath, join(root, 'bench/bare.mjs'), index, QUESTION], root));
    const ratio = median(cached.map((s) => s.wallMs)) / median(bare.map((s) => s.wallMs));
    process.stdout.write(`${label}: first start (builds) ${summary([first])}; cached ×${runs}: ${summary(cached)}; bare ×${runs}: ${summary(bare)}; cached ÷ bare (wall) ${ratio.toFixed(2)}×\n`);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
