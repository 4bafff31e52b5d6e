/**
 * Measures one corpus size in a fresh process (so heap figures are its own):
 * our engine end to end, then each peer on the same paragraphs, then query
 * latency interleaved question by question across all of them (so machine
 * noise hits every system alike). Started by `bench/run.ts` with
 * `--expose-gc`; writes its result as JSON to `--out`.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/corpus/load.js';
import { Engine } from '../src/engine.js';
import { buildQuoteBook, readSpeakerOverrides } from '../src/quotes/index.js';
import { SearchIndex, Synonyms, WordNet } from '../src/search/index.js';
import { readSynonyms } from '../src/search/synonyms.js';
import { termsOf } from '../src/search/terms.js';
import { buildTimeline } from '../src/timeline/index.js';
import type { Article } from '../src/types.js';
import { allPeers } from './peers.js';
import type { Peer, PeerDoc } from './peers.js';
import { makeQuestions } from './questions.js';
import { Rng } from './rng.js';
import { heapUsed, mb, round, summarise, time } from './stats.js';
import type { Latency } from './stats.js';

export interface PeerResult {
  name: string;
  version: string;
  setup: string;
  buildMs: number;
  paragraphsPerSec: number;
  heapDeltaMB: number;
  persistBytes: number | null;
  restoreMs: number | null;
  search: Latency;
}

export interface OursResult {
  /**
   * `engine`: everything through `Engine.open` / `engine.ask`. `parts`: the
   * full build was estimated too slow, so the parts were built and timed one
   * by one and `/ask` went straight to `SearchIndex.ask` (which is all
   * `engine.ask` does besides wrapping the answers).
   */
  mode: 'engine' | 'parts';
  loadCorpusMs: number;
  /** Time of each part of the build, when measured apart. */
  partsMs: { search?: number; timeline?: number; quotes?: number | null };
  buildMs: number;
  paragraphsPerSec: number;
  heapMB: number;
  heapDeltaMB: number;
  persisted: { bytes: number; loadMs: number; file: string } | null;
  ask: Latency;
  answered: number;
  quote: Latency | null;
  timeline: Latency | null;
  reloadMs: number | null;
  notes: string[];
}

export interface SizeResult {
  label: string;
  dir: string;
  articles: number;
  paragraphs: number;
  questions: number;
  rounds: number;
  ours: OursResult;
  peers: PeerResult[];
}

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    label: { type: 'string' },
    out: { type: 'string' },
    questions: { type: 'string', default: '300' },
    rounds: { type: 'string', default: '3' },
    seed: { type: 'string', default: '42' },
    reloads: { type: 'string', default: '1' },
    peers: { type: 'string', default: 'minisearch,flexsearch,orama,lunr' },
    mode: { type: 'string', default: 'engine' },
  },
});
const mode = values.mode === 'parts' ? 'parts' : 'engine';
if (!values.dir || !values.out || !values.label) throw new Error('bench worker: --dir, --label and --out are needed');
const dir = values.dir;
const seed = Number(values.seed);
const rounds = Number(values.rounds);
const log = (msg: string): void => void process.stderr.write(`  [${values.label}] ${msg}\n`);

// The model is loaded before the baseline so the heap figure is the corpus and index, not wink-nlp.
termsOf('Warm the language model.');
const baseline = heapUsed();
const notes: string[] = [];

const [corpus, loadCorpusMs] = await time(() => loadCorpus(dir));
log(`loadCorpus ${Math.round(loadCorpusMs)} ms`);
const partsMs: OursResult['partsMs'] = {};
let engine: Engine | null = null;
let search: SearchIndex;
let articles: Article[];
let buildMs: number;
if (mode === 'engine') {
  const [opened, openMs] = await time(() => Engine.open({ seedsDir: dir }));
  engine = opened;
  search = opened.build.search;
  articles = opened.build.corpus.articles;
  buildMs = openMs;
} else {
  // The parts, timed one by one; quotes come last (see below) as they may not finish.
  const [groups] = await time(() => readSynonyms(dir));
  const wordnet = new WordNet().warm();
  const [built, searchMs] = await time(() => SearchIndex.build(corpus.articles, new Synonyms(groups), wordnet));
  search = built;
  articles = corpus.articles;
  partsMs.search = round(searchMs, 1);
  buildMs = loadCorpusMs + searchMs;
  notes.push('parts mode: the full build was estimated too slow; parts built and timed apart, /ask measured on SearchIndex.ask');
}
const paragraphs = search.size;
const heapAfter = heapUsed();
log(`${mode === 'engine' ? 'engine ready' : 'search index built'}: ${paragraphs} paragraphs in ${Math.round(buildMs)} ms, heap ${mb(heapAfter)} MB`);

const docs: PeerDoc[] = articles.flatMap((a) => a.paragraphs.map((p) => ({ id: p.id, text: p.text })));
const questions = makeQuestions(articles, Number(values.questions), seed);

const wanted = new Set(values.peers.split(',').filter(Boolean));
const peers = allPeers().filter((p) => wanted.has(p.name));
const peerBuild = new Map<string, { buildMs: number; heapDeltaMB: number }>();
for (const peer of peers) {
  const before = heapUsed();
  const [, ms] = await time(() => peer.build(docs));
  peerBuild.set(peer.name, { buildMs: ms, heapDeltaMB: mb(heapUsed() - before) });
  log(`${peer.name} built in ${Math.round(ms)} ms`);
}

// Persisting the peers' indexes: size and the time to load it back (into the peer, which then serves queries).
const peerPersist = new Map<string, { bytes: number | null; restoreMs: number | null }>();
for (const peer of peers) {
  try {
    const data = peer.persist();
    if (data === null) throw new Error('no serialisation');
    const [, restoreMs] = await time(() => peer.restore(data));
    peerPersist.set(peer.name, { bytes: Buffer.byteLength(data), restoreMs });
  } catch (error) {
    notes.push(`${peer.name}: persisting failed (${(error as Error).message}); its queries ran on the built index`);
    peerPersist.set(peer.name, { bytes: null, restoreMs: null });
    peer.build(docs);
  }
}

// Latency: warm up once, then `rounds` passes in a shuffled order; each
// question is timed on every system back to back, starting with a different one each time.
type System = { name: string; run: (q: string) => number };
const systems: System[] = [
  { name: 'ours', run: (q) => (engine ? engine.ask(q).answers.length : search.ask(q).length) },
  ...peers.map((p: Peer) => ({ name: p.name, run: (q: string) => p.search(q) })),
];
const samples = new Map<string, number[]>(systems.map((s) => [s.name, []]));
let answered = 0;
for (const q of questions.ask) for (const s of systems) s.run(q);
const rng = new Rng(seed + 1);
for (let r = 0; r < rounds; r++) {
  const order = [...questions.ask];
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j] as string, order[i] as string];
  }
  order.forEach((q, qi) => {
    for (let k = 0; k < systems.length; k++) {
      const s = systems[(qi + k) % systems.length] as System;
      const started = performance.now();
      const hits = s.run(q);
      samples.get(s.name)?.push(performance.now() - started);
      if (r === 0 && s.name === 'ours' && hits > 0) answered++;
    }
  });
}
log(`ask latency measured (${questions.ask.length} questions × ${rounds} rounds)`);

// /quote and /timeline, when the engine has them (their signatures are probed, not assumed).
let quote: Latency | null = null;
let timeline: Latency | null = null;
let reloadMs: number | null = null;
if (engine) {
  quote = await optionalLatency(engine, 'quote', questions.speakers, (fn, q) => fn.call(engine, q));
  timeline = await optionalLatency(engine, 'timeline', questions.topics, (fn, q) => fn.call(engine, { about: q }));
  const reloads: number[] = [];
  for (let i = 0; i < Number(values.reloads); i++) {
    const [report, ms] = await time(() => (engine as Engine).reload());
    if (!report.ok) notes.push(`reload failed: ${report.reason ?? 'unknown'}`);
    reloads.push(ms);
  }
  if (reloads.length > 0) reloadMs = summarise(reloads).p50;
  if (reloadMs !== null) log(`reload ${Math.round(reloadMs)} ms`);
}

async function optionalLatency(
  target: Engine,
  method: string,
  inputs: string[],
  call: (fn: (...args: unknown[]) => unknown, input: string) => unknown,
): Promise<Latency | null> {
  const fn = (target as unknown as Record<string, unknown>)[method];
  if (typeof fn !== 'function') {
    notes.push(`/${method}: the engine has no ${method}() yet; not measured`);
    return null;
  }
  try {
    for (const q of inputs) await call(fn as (...args: unknown[]) => unknown, q);
    const times: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const q of inputs) {
        const started = performance.now();
        await call(fn as (...args: unknown[]) => unknown, q);
        times.push(performance.now() - started);
      }
    }
    return summarise(times);
  } catch (error) {
    notes.push(`/${method}: calling engine.${method}() failed (${(error as Error).message}); not measured`);
    return null;
  }
}

const result = (): SizeResult => ({
  label: values.label as string,
  dir,
  articles: articles.length,
  paragraphs,
  questions: questions.ask.length,
  rounds,
  ours: {
    mode,
    loadCorpusMs: round(loadCorpusMs, 1),
    partsMs,
    buildMs: round(buildMs, 1),
    paragraphsPerSec: Math.round(paragraphs / (buildMs / 1000)),
    heapMB: mb(heapAfter),
    heapDeltaMB: mb(heapAfter - baseline),
    persisted: null,
    ask: summarise(samples.get('ours') ?? []),
    answered,
    quote,
    timeline,
    reloadMs: reloadMs === null ? null : round(reloadMs, 1),
    notes,
  },
  peers: peers.map((p) => {
    const b = peerBuild.get(p.name) ?? { buildMs: Number.NaN, heapDeltaMB: Number.NaN };
    const persisted = peerPersist.get(p.name) ?? { bytes: null, restoreMs: null };
    return {
      name: p.name,
      version: p.version,
      setup: p.setup,
      buildMs: round(b.buildMs, 1),
      paragraphsPerSec: Math.round(paragraphs / (b.buildMs / 1000)),
      heapDeltaMB: b.heapDeltaMB,
      persistBytes: persisted.bytes,
      restoreMs: persisted.restoreMs === null ? null : round(persisted.restoreMs, 1),
      search: summarise(samples.get(p.name) ?? []),
    };
  }),
});
const save = (): Promise<void> => writeFile(values.out as string, JSON.stringify(result(), null, 2));
await save();

if (mode === 'parts') {
  // Written after each part, so a run stopped by the time limit still reports what it measured.
  const [, timelineMs] = await time(() => buildTimeline(articles));
  partsMs.timeline = round(timelineMs, 1);
  buildMs += timelineMs;
  log(`timeline built in ${Math.round(timelineMs)} ms`);
  partsMs.quotes = null;
  notes.push('quotes: the quote book build had not finished when the run stopped (see the time limit)');
  await save();
  const overrides = await readSpeakerOverrides(dir);
  const [, quotesMs] = await time(() => buildQuoteBook(articles, overrides));
  notes.pop();
  partsMs.quotes = round(quotesMs, 1);
  buildMs += quotesMs;
  log(`quotes built in ${Math.round(quotesMs)} ms`);
  await save();
}
