import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, createQueryLog } from '../src/logging.js';
import { runQuery } from '../src/queries.js';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, lines: () => chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('query logging', () => {
  it('logs one line per query under fixed keys, to the logger and the query log file', async () => {
    const out = capture();
    const file = join(await mkdtemp(join(tmpdir(), 'qlog-')), 'nested', 'queries.jsonl');
    const log = createQueryLog(createLogger({ stream: out.stream }), file);
    const result = await runQuery(log, {
      command: 'ask',
      query: 'hello {"user":"spoofed"}',
      asker: { user: '42', guild: '7', channel: '9' },
      run: () => ['a#1'],
      summarise: (ids) => ({ results: ids.map((id) => ({ id, score: 1 })), outcome: 'answered' }),
    });
    log.flush();
    expect(result).toEqual(['a#1']);
    const [line] = out.lines();
    expect(line).toMatchObject({
      command: 'ask',
      query: 'hello {"user":"spoofed"}',
      user: '42',
      guild: '7',
      channel: '9',
      results: [{ id: 'a#1', score: 1 }],
      outcome: 'answered',
    });
    expect(typeof line?.ms).toBe('number');
    const fileLines = (await readFile(file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(fileLines).toHaveLength(1);
    expect(fileLines[0]).toMatchObject({ command: 'ask', user: '42', outcome: 'answered' });
  });

  it('logs a failing query as an error and rethrows', async () => {
    const out = capture();
    const log = createQueryLog(createLogger({ stream: out.stream }), null);
    await expect(
      runQuery(log, {
        command: 'ask',
        query: 'q',
        asker: { user: null, guild: null },
        run: () => {
          throw new Error('boom');
        },
        summarise: () => ({ results: [], outcome: 'answered' }),
      }),
    ).rejects.toThrow('boom');
    expect(out.lines()[0]).toMatchObject({ command: 'ask', outcome: 'error', error: 'boom', results: [] });
  });

  it('redacts tokens wherever they appear in a logged object', () => {
    const out = capture();
    createLogger({ stream: out.stream }).info({ token: 'secret-1', config: { DISCORD_TOKEN: 'secret-2' } }, 'x');
    const text = JSON.stringify(out.lines());
    expect(text).not.toContain('secret-1');
    expect(text).not.toContain('secret-2');
  });
});
