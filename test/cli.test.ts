import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

async function cli(args: string[], input?: string): Promise<{ stdout: string; stderr: string; log: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'cli-'));
  const log = join(dir, 'queries.jsonl');
  const child = run('node', ['--import', 'tsx', 'src/cli.ts', ...args], {
    env: { ...process.env, QUERY_LOG: log, LOG_LEVEL: 'warn', DISCORD_TOKEN: '' },
  });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  const { stdout, stderr } = await child;
  return { stdout, stderr, log: await readFile(log, 'utf8').catch(() => '') };
}

describe('cli quote --json', () => {
  it('says which rule gave each quotation its speaker', async () => {
    const { stdout } = await cli(['quote', 'Khan', '--json', '--limit', '3']);
    const result = JSON.parse(stdout) as { speaker: string; quotes: { speaker: string; rule: string }[] };
    expect(result.quotes.length).toBeGreaterThan(0);
    for (const q of result.quotes) {
      expect(q.speaker).toBe(result.speaker);
      expect(q.rule).toMatch(/^(said-(before|after)|according-to|speech-noun|continues|introduced|override)/);
    }
  });
});

describe('cli ask --json', () => {
  it('prints one JSON object with attribution fields and nothing else on stdout', async () => {
    const { stdout, log } = await cli(['ask', 'why did Pakistan suspend intelligence sharing', '--json', '--limit', '2']);
    const result = JSON.parse(stdout) as { query: string; answers: Record<string, unknown>[] };
    expect(result.query).toBe('why did Pakistan suspend intelligence sharing');
    expect(result.answers.length).toBeGreaterThan(0);
    expect(result.answers.length).toBeLessThanOrEqual(2);
    for (const a of result.answers) {
      expect(Object.keys(a).sort()).toEqual(['articleId', 'outlet', 'paragraph', 'published', 'quote', 'score', 'text', 'title', 'url']);
      expect(a.text).toContain(a.quote);
    }
    expect(log.trim().split('\n')).toHaveLength(1);
  });

  it('answers one JSON line per stdin line, in order, hostile lines included', async () => {
    const questions = ['what is the capital of France', '', 'x'.repeat(12_000), '"*~^:()', '<@123456789012345678> **bold**', '\u0007\u001b[2J', '巴基斯坦 🚀'];
    const { stdout, stderr, log } = await cli(['ask', '--json'], `${questions.join('\n')}\n`);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { query: string; answers: unknown[] });
    expect(lines.map((l) => l.query)).toEqual(questions);
    expect(lines[0]?.answers).toEqual([]);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(log.trim().split('\n')).toHaveLength(questions.length);
  });

  it('explains a bad option without a stack trace', async () => {
    const error = (await cli(['ask', 'x', '--limit', 'many']).catch((e: { stderr: string; code: number }) => e)) as {
      stderr: string;
      code: number;
    };
    expect(error.code).toBe(2);
    expect(error.stderr).toMatch(/--limit must be a whole number/);
    expect(error.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
