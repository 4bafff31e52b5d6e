/**
 * `npm run load`: the real bot against the Discord API emulator, sent 1,000
 * interactions — /ask, /quote, /timeline and /quote's autocomplete in turn —
 * at 50 in flight. Prints how many were answered, the time to the first
 * callback (p50, p99, max: Discord allows 3 s), the query log lines against
 * the interactions sent, and the heap before and after (after a GC). The
 * warm-up (2,000 by default) fills the bounded caches — the page store keeps
 * up to 1,000 paged answers — so the heap figures show what keeps growing.
 * Exits 1 when any interaction failed, was late, was logged other than once,
 * broke a limit, or when the token shows up anywhere.
 *
 *   npm run load                     # 1,000 at 50 in flight
 *   npm run load -- --count 300 --concurrency 20
 */
import { parseArgs } from 'node:util';
import {
  everythingWritten,
  heapMb,
  linesPerUser,
  percentile,
  requestProblems,
  runLoad,
  startReliabilityBot,
  until,
} from '../test/reliability/harness.js';
import type { Sent } from '../test/reliability/harness.js';
import type { InteractionHandle } from '../test/discord/emulator.js';
import { PageStore } from '../src/bot/pages.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '2000' },
  },
});
const count = Number(values.count);
const concurrency = Number(values.concurrency);
const warmup = Number(values.warmup);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(concurrency) || concurrency < 1 || !Number.isInteger(warmup) || warmup < 0) {
  process.stderr.write('load: --count, --concurrency and --warmup must be whole numbers (count and concurrency at least 1)\n');
  process.exit(2);
}

const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;

async function main(): Promise<number> {
  const pages = new PageStore();
  // Log lines are checked as they are written, not kept, so the heap measured is the bot's.
  let logLines = 0;
  let failedLogs = 0;
  let tokenInLogs = false;
  let token = '';
  const onLog = (line: string): void => {
    logLines += 1;
    if (line.includes('"interaction failed"')) failedLogs += 1;
    if (token && line.includes(token)) tokenInLogs = true;
  };
  const h = await startReliabilityBot({ bot: { pages }, keepLogs: false, onLog });
  token = h.emulator.token;
  let problems: string[] = [];
  try {
    if (warmup > 0) {
      const warm = await runLoad(h.emulator, { count: warmup, concurrency, prune: true });
      if (warm.failures.length) problems.push(...warm.failures.map((f) => `warm-up #${f.i} ${f.kind}: ${f.error}`));
      await until(() => h.queryLog().length >= warmup, 'the warm-up lines', 10_000).catch(() => undefined);
    }
    const linesBefore = h.queryLog().length;
    const heapStart = heapMb();
    const pagesStart = pages.size;
    const trend: number[] = [heapStart];
    let done = 0;
    // Check each reply as it completes, then let the emulator forget it (prune), so the heap is the bot's.
    const checked: string[] = [];
    const onDone = (s: Sent, handle: InteractionHandle): void => {
      checked.push(...requestProblems(handle.requests()).map((p) => `${s.kind} ${handle.id}: ${p}`));
      done += 1;
      if (done % 200 === 0) trend.push(process.memoryUsage().heapUsed / 1024 / 1024);
    };
    const run = await runLoad(h.emulator, { count, concurrency, onDone, prune: true, timeoutMs: 15_000 });
    await until(() => h.queryLog().length >= linesBefore + count, 'a line per interaction', 10_000).catch(() => undefined);
    const heapEnd = heapMb();
    trend.push(heapEnd);

    const lines = h.queryLog().slice(linesBefore);
    const perUser = linesPerUser(lines);
    const notOnce = run.sent.filter((s) => perUser.get(s.user) !== 1);
    const first = run.sent.map((s) => s.firstMs);
    const done2 = run.sent.map((s) => s.doneMs);
    const late = first.filter((ms) => ms >= 3000).length;
    const byKind = new Map<string, number>();
    for (const s of run.sent) byKind.set(s.kind, (byKind.get(s.kind) ?? 0) + 1);
    const outcomes = new Map<string, number>();
    for (const l of lines) outcomes.set(String(l.outcome), (outcomes.get(String(l.outcome)) ?? 0) + 1);
    const tokenSeen = tokenInLogs || everythingWritten(h).includes(h.emulator.token);

    const out = [
      `load: ${count} interactions at ${concurrency} in flight (peak ${run.peakInFlight}), after ${warmup} to warm up, in ${(run.wallMs / 1000).toFixed(1)} s (${((count / run.wallMs) * 1000).toFixed(0)}/s)`,
      `  mix:                 ${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}`,
      `  answered:            ${run.sent.length} of ${count} (${run.failures.length} failed), ${run.sent.filter((s) => s.deferred).length} deferred`,
      `  first response:      p50 ${fmt(percentile(first, 50))}, p99 ${fmt(percentile(first, 99))}, max ${fmt(Math.max(0, ...first))} (${late} at or over 3 s)`,
      `  final message:       p50 ${fmt(percentile(done2, 50))}, p99 ${fmt(percentile(done2, 99))}, max ${fmt(Math.max(0, ...done2))}`,
      `  query log:           ${lines.length} lines for ${count} interactions (${notOnce.length} not logged exactly once; lost ${Math.max(0, count - lines.length)})`,
      `  outcomes:            ${[...outcomes].map(([k, n]) => `${k} ${n}`).join(', ')}`,
      `  replies checked:     ${checked.length} problems (limits, allowed_mentions, refused requests); ${failedLogs} 'interaction failed' logs`,
      `  heap (after GC):     start ${heapStart.toFixed(1)} MB, end ${heapEnd.toFixed(1)} MB (${heapEnd - heapStart >= 0 ? '+' : ''}${(heapEnd - heapStart).toFixed(1)} MB); trend ${trend.map((m) => m.toFixed(0)).join(' → ')} MB`,
      `  caches:              ${h.bot.client.users.cache.size} users, ${h.bot.client.guilds.cache.reduce((n, g) => n + g.members.cache.size, 0)} members, ${pagesStart} → ${pages.size} paged answers kept (at most 1,000, for 10 minutes)`,
      `  token in output:     ${tokenSeen ? 'YES' : 'no'} (${logLines} log lines, the query log, every request and reply checked)`,
    ];
    process.stdout.write(`${out.join('\n')}\n`);

    problems = [
      ...problems,
      ...run.failures.map((f) => `#${f.i} ${f.kind}: ${f.error}`),
      ...checked,
      ...(late ? [`${late} first responses at or over 3 s`] : []),
      ...(notOnce.length ? [`${notOnce.length} interactions not logged exactly once`] : []),
      ...(lines.length !== count ? [`${lines.length} query log lines for ${count} interactions`] : []),
      ...(failedLogs ? [`${failedLogs} interactions failed`] : []),
      ...(tokenSeen ? ['the token appears in the output'] : []),
    ];
    for (const p of problems.slice(0, 20)) process.stderr.write(`load: ${p}\n`);
    return problems.length ? 1 : 0;
  } finally {
    await h.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`load: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
