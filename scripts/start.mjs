/**
 * `npm start`: runs the compiled app (`dist/`) with plain node, compiling it
 * first when it is missing or older than any of its inputs. `npm install` and
 * `npm ci` compile through `prepare`, but a clone installed with
 * `--ignore-scripts`, a pulled commit or an edited source would otherwise run
 * stale code. `--build` compiles when stale and exits (what `prepare` runs).
 *
 * Plain JavaScript on purpose: it runs before anything is compiled.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
/** Written after a successful compile, dated when that compile started. */
const stamp = join(dist, '.built');
const INPUTS = ['src', 'commands', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** Latest change under a path; a folder's own time counts, so a deleted file makes it newer. */
function newestChange(path) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  let newest = stats.mtimeMs;
  if (stats.isDirectory()) {
    for (const name of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, name)));
  }
  return newest;
}

function builtAt() {
  try {
    return statSync(stamp).mtimeMs;
  } catch {
    return -Infinity;
  }
}

function compile() {
  const started = new Date();
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    process.stderr.write('start: dist/ is missing or stale and TypeScript is not installed: run `npm install` first\n');
    process.exit(1);
  }
  // From scratch: a stale output of a deleted source (a removed command) must not survive.
  rmSync(dist, { recursive: true, force: true });
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    process.stderr.write('start: the TypeScript build failed (see above)\n');
    process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, '');
  utimesSync(stamp, started, started);
}

const stale = INPUTS.some((input) => newestChange(join(root, input)) > builtAt());
if (stale) compile();
if (!process.argv.includes('--build')) await import(pathToFileURL(join(dist, 'src', 'main.js')).href);
