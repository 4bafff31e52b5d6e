/**
 * Issue 13 row 3: the query log's disk fills or its file cannot be written.
 * The line must never turn into an error for the caller, never be left torn
 * in the file, never be written twice; the failure goes to the main log, and
 * once the file takes writes again the held lines follow, in order, once.
 * Failures are real where the kernel gives them to anyone (/dev/full) and
 * injected into the `fs` calls SonicBoom makes where it needs root (a full
 * disk's short write, a path that cannot be opened).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createLogger, createQueryLog, QueryLine } from '../../src/logging.js';
import type { QueryLog } from '../../src/logging.js';

type Line = Record<string, unknown>;

function mainLog(): { logger: ReturnType<typeof createLogger>; lines: () => Line[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ stream }), lines: () => chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line) };
}

const dirs: string[] = [];
function tempLog(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qlog-fail-'));
  dirs.push(dir);
  return join(dir, 'queries.jsonl');
}

afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Records one made-up answered query for user `user`; returns what the caller would see (nothing, or a throw). */
function answer(log: QueryLog, user: string): void {
  const line = new QueryLine(log, { user, guild: 'g' }, { command: 'ask', query: `a question from ${user} ${'padding '.repeat(20)}` });
  line.report({ results: [{ id: 'some-article.txt#3', score: 2.5 }], outcome: 'answered' });
  line.write();
}

const fileLines = (path: string): string[] => readFileSync(path, 'utf8').split('\n');
const errorOf = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: injected`), { code });

/**
 * Makes SonicBoom's writes fail as a full disk does: the first write takes
 * `fit` bytes and returns short, every later one throws ENOSPC.
 */
function fillTheDisk(fit: number): () => void {
  const real = fs.writeSync.bind(fs) as (fd: number, data: Buffer) => number;
  let room = fit;
  const spy = vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: string | Buffer, ...rest: unknown[]) => {
    if (fd <= 2) return (real as (...a: unknown[]) => number)(fd, data, ...rest);
    const bytes = Buffer.isBuffer(data) ? data : Buffer.from(String(data), 'utf8');
    if (room <= 0) throw errorOf('ENOSPC');
    const n = Math.min(room, bytes.length);
    room -= n;
    return real(fd, bytes.subarray(0, n));
  }) as typeof fs.writeSync);
  return () => spy.mockRestore();
}

describe('row 3: the query log cannot be written', () => {
  test('/dev/full (ENOSPC on every write): no line throws, the main log has every query and reports the failure once', () => {
    const main = mainLog();
    const log = createQueryLog(main.logger, '/dev/full');
    for (const user of ['u1', 'u2', 'u3']) expect(() => answer(log, user)).not.toThrow();
    expect(() => log.flush()).not.toThrow();
    const lines = main.lines();
    // On the way out, what the file never took is counted in the main log.
    expect(lines.find((l) => String(l.msg).startsWith('query log: lines the file would not take'))).toMatchObject({ lines: 3 });
    expect(lines.filter((l) => l.msg === 'query').map((l) => [l.user, l.outcome])).toEqual([
      ['u1', 'answered'],
      ['u2', 'answered'],
      ['u3', 'answered'],
    ]);
    const failures = lines.filter((l) => String(l.msg).startsWith('query log write failed'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ level: 50, path: '/dev/full', err: { code: 'ENOSPC' } });
  });

  test('a short write then ENOSPC: no torn line is left; once space is back every line is there once, in order', () => {
    const main = mainLog();
    const path = tempLog();
    const log = createQueryLog(main.logger, path);
    answer(log, 'before');
    const freeSpace = fillTheDisk(40); // part of the next line fits, then the disk is full
    answer(log, 'during1');
    answer(log, 'during2');
    // While the disk is full the file holds whole lines only: the fragment was cut back off.
    expect(fileLines(path).filter(Boolean).map((l) => (JSON.parse(l) as Line).user)).toEqual(['before']);
    expect(readFileSync(path, 'utf8').endsWith('\n')).toBe(true);
    freeSpace();
    answer(log, 'after');
    log.flush();
    const text = readFileSync(path, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const written = text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);
    expect(written.map((l) => [l.user, l.outcome])).toEqual([
      ['before', 'answered'],
      ['during1', 'answered'],
      ['during2', 'answered'],
      ['after', 'answered'],
    ]);
    const messages = main.lines().map((l) => l.msg);
    expect(messages.filter((m) => String(m).startsWith('query log write failed'))).toHaveLength(1);
    expect(main.lines().find((l) => String(l.msg).startsWith('query log writable again'))).toMatchObject({ written: 3, dropped: 0 });
    expect(messages.filter((m) => m === 'query')).toHaveLength(4);
  });

  test('space freed while nobody asks anything: the held lines come out on their own, once', async () => {
    const main = mainLog();
    const path = tempLog();
    const log = createQueryLog(main.logger, path);
    const freeSpace = fillTheDisk(10);
    answer(log, 'held1');
    answer(log, 'held2');
    freeSpace();
    await new Promise((r) => setTimeout(r, 1_300));
    expect(fileLines(path).filter(Boolean).map((l) => (JSON.parse(l) as Line).user)).toEqual(['held1', 'held2']);
    expect(main.lines().find((l) => String(l.msg).startsWith('query log writable again'))).toMatchObject({ written: 2 });
  });

  test('a path that cannot be opened (EACCES): start-up and answers go on, lines follow once it can be', () => {
    const main = mainLog();
    const path = tempLog();
    const realOpen = fs.openSync.bind(fs);
    const spy = vi.spyOn(fs, 'openSync').mockImplementation(((p: fs.PathLike, ...rest: unknown[]) => {
      if (String(p) === path) throw errorOf('EACCES');
      return (realOpen as (...a: unknown[]) => number)(p, ...rest);
    }) as typeof fs.openSync);
    let log!: QueryLog;
    expect(() => (log = createQueryLog(main.logger, path))).not.toThrow();
    answer(log, 'first');
    answer(log, 'second');
    expect(main.lines().find((l) => String(l.msg).startsWith('query log write failed'))).toMatchObject({ err: { code: 'EACCES' } });
    spy.mockRestore();
    answer(log, 'third');
    const written = fileLines(path).filter(Boolean).map((l) => (JSON.parse(l) as Line).user);
    expect(written).toEqual(['first', 'second', 'third']);
  });

  test('held lines are bounded: past the bound the oldest are dropped, said once, and no line is written twice', () => {
    const main = mainLog();
    const path = tempLog();
    const log = createQueryLog(main.logger, path);
    const freeSpace = fillTheDisk(0);
    // Each line is ~400 bytes; 3,000 of them are over the 1 MB held in memory.
    for (let i = 0; i < 3000; i++) answer(log, `u${i}`);
    freeSpace();
    log.flush();
    const users = fileLines(path).filter(Boolean).map((l) => (JSON.parse(l) as Line).user as string);
    expect(users.length).toBeGreaterThan(1000);
    expect(users.length).toBeLessThan(3000);
    expect(new Set(users).size).toBe(users.length);
    expect(users.at(-1)).toBe('u2999');
    const numbers = users.map((u) => Number(u.slice(1)));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(main.lines().filter((l) => String(l.msg).startsWith('query log still failing'))).toHaveLength(1);
    expect(main.lines().find((l) => String(l.msg).startsWith('query log writable again'))).toMatchObject({ dropped: 3000 - users.length });
  });
});

describe('row 4: reopening after logrotate', () => {
  test('the file moved, then reopened: later lines go to a new file at the path, earlier ones stay in the moved one', () => {
    const main = mainLog();
    const path = tempLog();
    const log = createQueryLog(main.logger, path);
    answer(log, 'before');
    renameSync(path, `${path}.1`);
    answer(log, 'moved'); // written before the signal: still to the open (moved) file
    expect(log.reopen()).toBe(true);
    answer(log, 'after');
    expect(fileLines(`${path}.1`).filter(Boolean).map((l) => (JSON.parse(l) as Line).user)).toEqual(['before', 'moved']);
    expect(fileLines(path).filter(Boolean).map((l) => (JSON.parse(l) as Line).user)).toEqual(['after']);
  });

  test('a path that cannot be opened at the reopen: reported, lines held, and written once when it can be', () => {
    const main = mainLog();
    const path = tempLog();
    const folder = join(path, '..', 'logs');
    const inFolder = join(folder, 'queries.jsonl');
    const log = createQueryLog(main.logger, inFolder);
    answer(log, 'before');
    renameSync(folder, `${folder}.old`);
    writeFileSync(folder, 'a file where the folder was');
    expect(log.reopen()).toBe(false);
    answer(log, 'held1');
    answer(log, 'held2');
    expect(main.lines().find((l) => String(l.msg).startsWith('query log could not be reopened'))).toBeDefined();
    rmSync(folder);
    mkdirSync(folder);
    answer(log, 'after');
    expect(fileLines(`${folder}.old/queries.jsonl`).filter(Boolean).map((l) => (JSON.parse(l) as Line).user)).toEqual(['before']);
    expect(fileLines(inFolder).filter(Boolean).map((l) => (JSON.parse(l) as Line).user)).toEqual(['held1', 'held2', 'after']);
  });
});

describe('the main log cannot be written either', () => {
  test('stdout on a full disk (/dev/full): no log call throws, the query log still gets its lines, stderr says so once', () => {
    const path = tempLog();
    const script = [
      "import { createLogger, createQueryLog, QueryLine } from './src/logging.ts';",
      "const log = createQueryLog(createLogger({ pretty: false }), process.argv[1]);",
      "for (let i = 0; i < 5; i++) new QueryLine(log, { user: 'u' + i, guild: null }, { command: 'ask', query: 'q' }).write();",
      "log.flush();",
      "process.stderr.write('still running\\n');",
    ].join('\n');
    const out = fs.openSync('/dev/full', 'w');
    try {
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, path], { stdio: ['ignore', out, 'pipe'], encoding: 'utf8' });
      expect(child.stderr).toContain('still running');
      expect(child.stderr.match(/writing the main log failed \(ENOSPC\)/g)).toHaveLength(1);
      expect(child.status).toBe(0);
    } finally {
      fs.closeSync(out);
    }
    expect(fileLines(path).filter(Boolean).map((l) => (JSON.parse(l) as Line).user)).toEqual(['u0', 'u1', 'u2', 'u3', 'u4']);
  });
});
