/**
 * What the reliability tests and `npm run load` share: the real bot
 * (`runBot`, the `npm start` path) against the Discord API emulator with a
 * distinctive fake token, a temp seeds copy and query log; a load driver that
 * keeps N interactions in flight and times the first callback of each; and
 * the checks every run ends with (one query log line per interaction, every
 * reply inside Discord's limits and pinging no one, the token nowhere).
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { InteractionResponseType } from 'discord-api-types/v10';
import type { APIMessage } from 'discord-api-types/v10';
import { parseConfig } from '../../src/config.js';
import type { Config } from '../../src/config.js';
import { createLogger } from '../../src/logging.js';
import { runBot } from '../../src/bot/run.js';
import type { Bot, BotOptions } from '../../src/bot/run.js';
import { botDir, botEnv, registerCommands } from '../discord/bot-env.js';
import type { BotDir } from '../discord/bot-env.js';
import { DiscordEmulator } from '../discord/emulator.js';
import type { EmulatorOptions, InteractionHandle, RecordedRequest } from '../discord/emulator.js';
import type { OptionValue } from '../discord/payloads.js';

export type LogLine = Record<string, unknown>;

/** A fake bot token nobody could mistake for anything else, so a grep for it means something. */
export function fakeToken(): string {
  const rand = Math.random().toString(36).slice(2, 10);
  return `MTAwMDAwMDAwMDAwMDAwMDAw.RELIAB.fake-bot-token-${rand}-never-log-me`;
}

export interface ReliabilityBot {
  emulator: DiscordEmulator;
  bot: Bot;
  config: Config;
  /** The temp folder: `seeds/` (a copy, safe to change) and `queries.jsonl`. */
  dir: string;
  seedsDir: string;
  /** Every line the bot logged (its stdout logger), raw. */
  stdout(): string;
  logs(): LogLine[];
  /** The query log file, raw and parsed. */
  rawQueryLog(): string;
  queryLog(): LogLine[];
  stop(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  emulator?: EmulatorOptions;
  bot?: Omit<BotOptions, 'logger'>;
  /** Keep every log line in memory (default); when false, only `onLog` sees them (long load runs). */
  keepLogs?: boolean;
  onLog?: (line: string) => void;
  /** Called with the seeds copy before the bot starts, to break it. */
  prepareSeeds?: (seedsDir: string) => void;
}

export async function startReliabilityBot(options: StartOptions = {}): Promise<ReliabilityBot> {
  const emulator = await DiscordEmulator.start({ token: fakeToken(), ...options.emulator });
  const paths = botDir('newsquote-reliability-');
  const { dir, seedsDir } = paths;
  options.prepareSeeds?.(seedsDir);
  const queryLogPath = paths.queryLog;
  const config = parseConfig(
    botEnv(emulator, paths, { MODERATOR_ROLE_IDS: emulator.moderatorRole, COOLDOWN_SECONDS: '3', ...options.env }),
  );
  await registerCommands(emulator);

  const lines: string[] = [];
  const logger = createLogger({ level: config.LOG_LEVEL, stream: {
      write: (s: string) => {
        options.onLog?.(s);
        if (options.keepLogs ?? true) lines.push(s);
      },
    },
  });
  let bot: Bot;
  try {
    bot = await runBot(config, { handleSignals: false, ...options.bot, logger });
  } catch (error) {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const rawQueryLog = (): string => {
    try {
      return readFileSync(queryLogPath, 'utf8');
    } catch {
      return '';
    }
  };
  let stopped = false;
  return {
    emulator,
    bot,
    config,
    dir,
    seedsDir,
    stdout: () => lines.join(''),
    logs: () => lines.map((l) => JSON.parse(l) as LogLine),
    rawQueryLog,
    queryLog: () =>
      rawQueryLog()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as LogLine),
    async stop() {
      if (stopped) return;
      stopped = true;
      await bot.stop('test finished');
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The bot's real entry point (`node --import tsx src/main.ts`; `npm start` runs it compiled) in its own process, against `emulator`. */
export interface BotProcess {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** The main log's lines (stdout), parsed. */
  logs(): LogLine[];
  /** Resolves with the exit code (null after a signal). */
  exited: Promise<number | null>;
}

/** Starts the real entry point in a child process and waits until it says it is ready. */
export async function spawnBot(
  emulator: DiscordEmulator,
  dir: BotDir,
  env: Record<string, string> = {},
  command: string[] = [],
  /** Called with the child as soon as it exists, before it is ready (signals during start-up). */
  onSpawn?: (child: ChildProcessWithoutNullStreams) => void,
): Promise<BotProcess> {
  const [program, ...args] = [...command, process.execPath, '--import', 'tsx', 'src/main.ts'];
  const child = spawn(program!, args, {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...botEnv(emulator, dir, env) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  onSpawn?.(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));
  await emulator.waitForIdentify(60_000);
  await until(() => gone || stdout.includes('"bot ready"'), 'the bot to be ready', 60_000);
  if (gone) throw new Error(`the bot exited before it was ready: ${stderr}`);
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    logs: () =>
      stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as LogLine),
    exited,
  };
}

/** The real process against its own emulator and temp folder, as the process tests use it. */
export interface ProcessRun {
  emu: DiscordEmulator;
  dir: BotDir;
  bot: BotProcess;
  /** Kills the process if it still runs, closes the emulator, removes the folder. */
  cleanup(): Promise<void>;
}

/** An emulator with the commands registered, a copy of the seeds, and the bot started in its own process. */
export async function startBotProcess(prefix: string, emulatorOptions: EmulatorOptions = {}): Promise<ProcessRun> {
  const emu = await DiscordEmulator.start({ token: fakeToken(), ...emulatorOptions });
  const dir = botDir(prefix);
  const cleanupFolder = async (): Promise<void> => {
    await emu.close();
    rmSync(dir.dir, { recursive: true, force: true });
  };
  let bot: BotProcess;
  try {
    await registerCommands(emu);
    bot = await spawnBot(emu, dir);
  } catch (error) {
    await cleanupFolder();
    throw error;
  }
  return {
    emu,
    dir,
    bot,
    async cleanup() {
      if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
      await cleanupFolder();
    },
  };
}

/** The query log file's lines, parsed; throws on a line that is not whole JSON. */
export function readLines(path: string): LogLine[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  if (text !== '' && !text.endsWith('\n')) throw new Error(`${path} ends in an unterminated line: ${text.slice(-80)}`);
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as LogLine);
}

export const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until `check` holds, re-checking every 10 ms, at most `timeoutMs`.
 * A check that throws counts as "not yet": a file read while the bot writes
 * it can end mid-line (the kernel grows a file page by page during one
 * write), so a strict reader may only judge it once the waiting is over; the
 * last error is reported if time runs out.
 */
export async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (check()) return;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last check failed: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await delay(10);
  }
}

// ——— the load driver ———

export type Kind = 'ask' | 'quote' | 'timeline' | 'autocomplete';

export const QUESTIONS = [
  'Why did Pakistan suspend military cooperation with the US?',
  'military aid suspended',
  'What did Trump say about Pakistan?',
  'How much security assistance was frozen?',
  'Who is the defence minister?',
  'What happened to the Coalition Support Fund?',
  'intelligence sharing',
  'zxqv flurbo quantum knitting',
];
export const SPEAKERS = ['Khurram Dastgir Khan', 'Khwaja Asif', 'Donald Trump', 'State Department', 'Nobody Atall'];
export const PREFIXES = ['', 'K', 'Kh', 'Do', 'Sta', 'Pak', 'zz'];
export const TIMELINES: Record<string, OptionValue>[] = [{}, { from: 2017, to: 2018 }, { about: 'military aid' }, { from: 2018 }];

/** The i-th interaction of a mixed load: /ask, /quote, /timeline and /quote's autocomplete in turn. */
export function mixed(i: number): { kind: Kind; name: string; options: Record<string, OptionValue> } {
  const kind = (['ask', 'quote', 'timeline', 'autocomplete'] as const)[i % 4]!;
  const n = Math.floor(i / 4);
  switch (kind) {
    case 'ask':
      return { kind, name: 'ask', options: { question: QUESTIONS[n % QUESTIONS.length]! } };
    case 'quote':
      return { kind, name: 'quote', options: { speaker: SPEAKERS[n % SPEAKERS.length]!, ...(n % 3 === 0 ? { about: 'military' } : {}) } };
    case 'timeline':
      return { kind, name: 'timeline', options: TIMELINES[n % TIMELINES.length]! };
    case 'autocomplete':
      return { kind, name: 'quote', options: { speaker: PREFIXES[n % PREFIXES.length]! } };
  }
}

/** Sends the i-th interaction of a mixed load from the user named `userName`. */
export function sendMixed(emu: DiscordEmulator, i: number, userName: string): InteractionHandle {
  const { kind, name, options } = mixed(i);
  const actor = emu.actor(userName);
  return kind === 'autocomplete' ? emu.autocomplete(name, options, 'speaker', actor) : emu.slash(name, options, actor);
}

/** The user id an emulated interaction came from (a member in a server, a user in a DM). */
export const userOf = (h: InteractionHandle): string => {
  const p = h.payload as { member?: { user: { id: string } }; user?: { id: string } };
  return (p.member?.user ?? p.user)!.id;
};

export const CALLBACK = 'POST /interactions/:id/:token/callback';

/** Holds every callback for `ms` before the emulator answers it, so interactions are in flight when a fault lands; returns the undo. */
export function holdCallbacks(emu: DiscordEmulator, ms: number): () => void {
  return emu.intercept(async (r) => {
    if (r.route === CALLBACK) await delay(ms);
    return undefined;
  });
}

/** Answers every try of the first interaction's reply that arrives with a 500: a reply Discord refuses for good. Returns the undo. */
export function refuseFirstReply(emu: DiscordEmulator): () => void {
  let target: string | null = null;
  return emu.intercept((r) => {
    if (r.route !== CALLBACK) return undefined;
    target ??= r.path.split('/')[3] ?? null;
    return r.path.split('/')[3] === target ? { status: 500, body: { message: '500: Internal Server Error', code: 0 } } : undefined;
  });
}

/**
 * Whether Discord (the emulator) accepted everything the user was meant to
 * see for this interaction: its callback, and the edit when it was deferred.
 */
export function replyAccepted(h: InteractionHandle): boolean {
  const first = h.state.callbacks[0];
  if (!first) return false;
  if (first.type !== InteractionResponseType.DeferredChannelMessageWithSource) return true;
  return h.state.edits.length > 0 || h.state.followUps.length > 0;
}

export interface Sent {
  kind: Kind;
  /** The emulator's handle; dropped when the run prunes, so a long run keeps no replies. */
  handle?: InteractionHandle;
  /** The user who sent it (each interaction of a run has its own). */
  user: string;
  /** ms from dispatch to the bot's first callback (reply, deferral or choices). */
  firstMs: number;
  /** ms from dispatch to the final message (after an edit when deferred). */
  doneMs: number;
  deferred: boolean;
}

export interface LoadOptions {
  count: number;
  concurrency: number;
  /** Which interaction to send i-th. Default: `mixed`. */
  next?: (i: number) => { kind: Kind; name: string; options: Record<string, OptionValue> };
  /** Per interaction, after it completed: checks. */
  onDone?: (sent: Sent, handle: InteractionHandle) => void;
  /** Drop the emulator's records of each completed interaction, so a long run measures the bot's heap, not the emulator's. */
  prune?: boolean;
  /** How long to wait for one interaction to complete. Default: 10 s. */
  timeoutMs?: number;
}

export interface LoadResult {
  sent: Sent[];
  failures: { i: number; kind: Kind; error: string }[];
  wallMs: number;
  /** Most interactions in flight at once. */
  peakInFlight: number;
}

/** Percentile (0–100) of a list of numbers, nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Sends `count` interactions, `concurrency` in flight, each from a fresh user; never throws for one that fails. */
export async function runLoad(emu: DiscordEmulator, options: LoadOptions): Promise<LoadResult> {
  const next = options.next ?? mixed;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const sent: Sent[] = [];
  const failures: LoadResult['failures'] = [];
  let index = 0;
  let inFlight = 0;
  let peakInFlight = 0;
  const finishedTokens = new Set<string>();
  const started = performance.now();

  async function one(i: number): Promise<void> {
    const { kind, name, options: values } = next(i);
    const actor = emu.actor(`load${i}`);
    const t0 = performance.now();
    const handle = kind === 'autocomplete' ? emu.autocomplete(name, values, 'speaker', actor) : emu.slash(name, values, actor);
    const first = await handle.callback(timeoutMs);
    const firstMs = performance.now() - t0;
    const deferred = first.type === InteractionResponseType.DeferredChannelMessageWithSource;
    if (kind !== 'autocomplete') await handle.response(timeoutMs);
    const s: Sent = { kind, user: actor.user.id, firstMs, doneMs: performance.now() - t0, deferred, ...(options.prune ? {} : { handle }) };
    sent.push(s);
    options.onDone?.(s, handle);
    if (options.prune) {
      finishedTokens.add(handle.state.token);
      emu.interactions.delete(handle.id);
      if (handle.state.originalId) emu.messages.delete(handle.state.originalId);
      for (const id of handle.state.followUps) emu.messages.delete(id);
      if (finishedTokens.size >= 50) pruneRequests(emu, finishedTokens);
    }
  }

  async function worker(): Promise<void> {
    for (;;) {
      const i = index++;
      if (i >= options.count) return;
      inFlight += 1;
      peakInFlight = Math.max(peakInFlight, inFlight);
      try {
        await one(i);
      } catch (error) {
        failures.push({ i, kind: next(i).kind, error: (error as Error).message });
      } finally {
        inFlight -= 1;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(options.concurrency, options.count) }, worker));
  if (options.prune) pruneRequests(emu, finishedTokens);
  return { sent, failures, wallMs: performance.now() - started, peakInFlight };
}

function pruneRequests(emu: DiscordEmulator, tokens: Set<string>): void {
  const keep = emu.requests.filter((r) => ![...tokens].some((t) => r.path.includes(t)));
  emu.requests.splice(0, emu.requests.length, ...keep);
  tokens.clear();
}

// ——— checks ———

/** The message-carrying body of a request (callback data, edit or follow-up), if any. */
export function messageBody(r: RecordedRequest): Record<string, unknown> | null {
  const body = r.body as ({ type?: number; data?: Record<string, unknown> } & Record<string, unknown>) | undefined;
  if (!body || typeof body !== 'object') return null;
  if (r.route.endsWith('/callback')) {
    if (body.type === InteractionResponseType.ApplicationCommandAutocompleteResult) return null;
    if (body.type === InteractionResponseType.DeferredChannelMessageWithSource || body.type === InteractionResponseType.DeferredMessageUpdate) return null;
    return body.data ?? null;
  }
  return 'content' in body || 'embeds' in body || 'components' in body ? body : null;
}

/** What is wrong with a message the bot sent, against Discord's documented limits and the no-mentions rule. */
export function replyProblems(body: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const content = typeof body.content === 'string' ? body.content : '';
  if (content.length > 2000) problems.push(`content is ${content.length} characters`);
  const embeds = (Array.isArray(body.embeds) ? body.embeds : []) as {
    title?: string;
    description?: string;
    footer?: { text: string };
    author?: { name: string };
    fields?: { name: string; value: string }[];
  }[];
  if (embeds.length > 10) problems.push(`${embeds.length} embeds`);
  let total = 0;
  for (const e of embeds) {
    if ((e.title?.length ?? 0) > 256) problems.push(`embed title ${e.title?.length}`);
    if ((e.description?.length ?? 0) > 4096) problems.push(`embed description ${e.description?.length}`);
    for (const f of e.fields ?? []) {
      if (f.value.length > 1024) problems.push(`field value ${f.value.length}`);
      if (f.name.length > 256) problems.push(`field name ${f.name.length}`);
      if (f.value.length === 0 || f.name.length === 0) problems.push('empty field');
    }
    total += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
    total += (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  if (total > 6000) problems.push(`embeds total ${total}`);
  const mentions = body.allowed_mentions as { parse?: unknown[]; users?: unknown[]; roles?: unknown[] } | undefined;
  if (!mentions || !Array.isArray(mentions.parse) || mentions.parse.length !== 0) problems.push(`allowed_mentions ${JSON.stringify(mentions)}`);
  if (mentions?.users?.length || mentions?.roles?.length) problems.push(`allowed_mentions lists ${JSON.stringify(mentions)}`);
  return problems;
}

/** Every problem with every message-carrying request the bot made (limits, mentions), plus any request Discord refused. */
export function requestProblems(requests: readonly RecordedRequest[], expectedFailures: (r: RecordedRequest) => boolean = () => false): string[] {
  const out: string[] = [];
  for (const r of requests) {
    if ((r.status ?? 0) >= 400 && !expectedFailures(r)) out.push(`${r.route} → ${r.status} ${JSON.stringify(r.response)}`);
    const body = messageBody(r);
    if (body) for (const p of replyProblems(body)) out.push(`${r.route}: ${p}`);
  }
  return out;
}

/** Query log lines per user id. */
export function linesPerUser(lines: readonly LogLine[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(String(l.user), (counts.get(String(l.user)) ?? 0) + 1);
  return counts;
}

/** Everything a run wrote or sent that the token must not be in (request headers excepted: they carry it by design). */
export function everythingWritten(bot: Pick<ReliabilityBot, 'stdout' | 'rawQueryLog' | 'emulator'>, extra = ''): string {
  const requests = bot.emulator.requests.map((r) => JSON.stringify({ path: r.path, query: r.query, body: r.body, response: r.response }));
  const messages = [...bot.emulator.messages.values()].map((m: APIMessage) => JSON.stringify(m));
  return [bot.stdout(), bot.rawQueryLog(), ...requests, ...messages, extra].join('\n');
}

// ——— heap ———

let gcFn: (() => void) | null | undefined;

/** A full GC when one can be had (`--expose-gc`, or V8's flag set at run time); false when not. */
export function collectGarbage(): boolean {
  if (gcFn === undefined) {
    const global = globalThis as { gc?: () => void };
    if (typeof global.gc === 'function') gcFn = global.gc;
    else {
      try {
        setFlagsFromString('--expose-gc');
        gcFn = runInNewContext('gc') as () => void;
      } catch {
        gcFn = null;
      }
    }
  }
  if (!gcFn) return false;
  gcFn();
  gcFn();
  return true;
}

/** Heap in use, in MB, after a GC when one is possible. */
export function heapMb(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}
