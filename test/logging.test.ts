import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, createQueryLog, QueryLine } from '../src/logging.js';

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
  it('writes one line per interaction under fixed keys, to the logger and the query log file, only when told to', async () => {
    const out = capture();
    const file = join(await mkdtemp(join(tmpdir(), 'qlog-')), 'nested', 'queries.jsonl');
    const log = createQueryLog(createLogger({ stream: out.stream }), file);
    const line = new QueryLine(log, { user: '42', guild: '7', channel: '9' }, { command: 'ask', query: 'hello {"user":"spoofed"}' });
    line.report({ results: [{ id: 'a#1', score: 1 }], outcome: 'answered' });
    log.flush();
    expect(out.lines()).toEqual([]);
    line.write();
    line.write({ outcome: 'error', error: 'a second write is ignored' });
    log.flush();
    expect(out.lines()).toHaveLength(1);
    const [written] = out.lines();
    expect(written).toMatchObject({
      command: 'ask',
      query: 'hello {"user":"spoofed"}',
      user: '42',
      guild: '7',
      channel: '9',
      results: [{ id: 'a#1', score: 1 }],
      outcome: 'answered',
    });
    expect(typeof written?.ms).toBe('number');
    const fileLines = (await readFile(file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(fileLines).toHaveLength(1);
    expect(fileLines[0]).toMatchObject({ command: 'ask', user: '42', outcome: 'answered' });
  });

  it('a failed reply overrides the outcome the query reported, keeping what it found', () => {
    const out = capture();
    const log = createQueryLog(createLogger({ stream: out.stream }), null);
    const line = new QueryLine(log, { user: null, guild: null }, { command: 'quote', query: 'q' });
    line.report({ results: [{ id: 'b#2' }], outcome: 'answered' });
    line.write({ outcome: 'reply-failed', error: 'Unknown interaction' });
    expect(out.lines()[0]).toMatchObject({ command: 'quote', outcome: 'reply-failed', error: 'Unknown interaction', results: [{ id: 'b#2' }] });
  });

  it('with nothing reported, the line says answered unless the dispatcher says otherwise', () => {
    const out = capture();
    const log = createQueryLog(createLogger({ stream: out.stream }), null);
    new QueryLine(log, { user: 'u', guild: null }, { command: 'help', query: '' }).write();
    new QueryLine(log, { user: 'u', guild: null }, { command: 'ask', query: 'x' }).write({ outcome: 'error', error: 'boom' });
    expect(out.lines().map((l) => [l.command, l.outcome, l.error])).toEqual([
      ['help', 'answered', undefined],
      ['ask', 'error', 'boom'],
    ]);
  });

  it('redacts tokens wherever they appear in a logged object', () => {
    const out = capture();
    createLogger({ stream: out.stream }).info({ token: 'secret-1', config: { DISCORD_TOKEN: 'secret-2' } }, 'x');
    const text = JSON.stringify(out.lines());
    expect(text).not.toContain('secret-1');
    expect(text).not.toContain('secret-2');
  });
});
