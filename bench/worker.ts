/**
 * Measures one corpus size in a fresh process (so heap figures are its own):
 * our engine end to end, then each peer on the same paragraphs, then query
 * latency interleaved question by question across all of them (so machine
 * noise hits every system alike). Started by `bench/run.ts` with
 * `--expose-gc`; writes its result as JSON to `--out`.
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cacheFileOf, decodeEntry, encodeEntry } from '../src/engine/cache.js';
import { loadCorpus } from '../src/corpus/load.js';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseConfig } from '../src/config.js';
import type { Engine as EngineType } from '../src/engine/engine.js';
import { buildQuoteBook, readSpeakerOverrides } from '../src/quotes/index.js';
import { SearchIndex, Synonyms, WordNet } from '../src/search/index.js';
import type { SearchIndexJSON } from '../src/search/index.js';
import { readSynonyms } from '../src/search/synonyms.js';
import { termsOf } from '../src/search/terms.js';
import { buildTimeline } from '../src/timeline/index.js';
import type { Article } from '../src/corpus/types.js';
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
  quality: Quality;
}

/** What a system finds, on the first timed pass over the questions. */
export interface Quality {
  /** Questions given at least one hit. */
  answered: number;
  /** Share of the questions made from a paragraph that get that paragraph in their first three hits. */
  recallAt3: number;
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
  /**
   * The persisted build. `engine`: `Engine.open` with a valid cache (read,
   * check, parse, restore the index, rebuild the quote book).
   * `index` (parts mode): read, check, parse and restore the corpus and index only.
   */
  persisted: {
    scope: 'engine' | 'index';
    bytes: number;
    loadMs: number;
    /** Time to serialise the build. */
    encodeMs: number;
    /** Part of `loadMs` spent rebuilding the quote book. */
    quotesMs: number | null;
    /** What `loadMs` is compared with: the full build, or in parts mode load + search index. */
    rebuildMs: number;
    /** Answers from the restored build that differ from the built one, over the first 50 questions. */
    mismatches: number;
  } | null;
  /** Reload when a cache is configured and the seeds did not change (a cache hit). */
  reloadCachedMs: number | null;
  /** The cache folder the worker filled, for the cold-start runs (engine mode). */
  cacheDir: string | null;
  ask: Latency;
  answered: number;
  quality: Quality;
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
    'latency-budget-s': { type: 'string', default: '60' },
  },
});
const mode = values.mode === 'parts' ? 'parts' : 'engine';

/**
 * The engine as `npm start` runs it: the compiled code in `dist/` when it is there (`bench/run.ts` compiles
 * it first), so the cache it writes is one the start script can load; the sources otherwise.
 */
const compiledEngine = fileURLToPath(new URL('../dist/src/engine/engine.js', import.meta.url));
const { Engine } = (await import(existsSync(compiledEngine) ? pathToFileURL(compiledEngine).href : '../src/engine/engine.js')) as typeof import('../src/engine/engine.js');
type Engine = EngineType;
/** The file limits the app opens its engine with (their defaults), so the cache key is the one `npm start` computes. */
const appDefaults = parseConfig({});
const appLimits = { maxFileBytes: appDefaults.MAX_FILE_BYTES, maxHtmlBytes: appDefaults.MAX_HTML_BYTES };
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
let cacheDir: string | null = null;
if (mode === 'engine') {
  // Built with a cache folder, as the app is, so the persisted figures below need no second full build (its write is in the build time).
  cacheDir = await mkdtemp(join(tmpdir(), 'newsquote-bench-cache-'));
  const [opened, openMs] = await time(() => Engine.open({ seedsDir: dir, ...appLimits, cacheDir: cacheDir as string }));
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
    // For the cold-start floor: a bare node process loading this and answering one query.
    if (peer.name === 'minisearch') await writeFile(`${values.out as string}.minisearch.json`, data);
  } catch (error) {
    notes.push(`${peer.name}: persisting failed (${(error as Error).message}); its queries ran on the built index`);
    peerPersist.set(peer.name, { bytes: null, restoreMs: null });
    peer.build(docs);
  }
}
log('peers persisted and restored');

let quote: Latency | null = null;
let timeline: Latency | null = null;
let reloadMs: number | null = null;
let reloadCachedMs: number | null = null;
let persisted: OursResult['persisted'] = null;
const samples = new Map<string, number[]>([['ours', []], ...peers.map((p): [string, number[]] => [p.name, []])]);
let answered = 0;
const quality = new Map<string, Quality>();
const qualityOf = (name: string): Quality => quality.get(name) ?? { answered: 0, recallAt3: 0 };
await save();

if (mode === 'parts') {
  // The persisted corpus and index (first, as the later parts may not finish): written, then read back, checked, parsed and restored.
  const key = 'bench-parts';
  const [encoded, encodeMs] = await time(() => encodeEntry(Buffer.from(JSON.stringify({ corpus, search })), key));
  const folder = await mkdtemp(join(tmpdir(), 'newsquote-bench-cache-'));
  await mkdir(folder, { recursive: true });
  await writeFile(cacheFileOf(folder, key), encoded);
  const [restored, loadMs] = await time(async () => {
    const payload = JSON.parse(decodeEntry(await readFile(cacheFileOf(folder, key)), key).toString('utf8')) as { corpus: typeof corpus; search: SearchIndexJSON };
    return SearchIndex.fromJSON(payload.search, payload.corpus.articles, new Synonyms(await readSynonyms(dir)), new WordNet().warm());
  });
  let mismatches = 0;
  for (const q of questions.ask.slice(0, 50)) if (JSON.stringify(restored.ask(q)) !== JSON.stringify(search.ask(q))) mismatches++;
  persisted = {
    scope: 'index',
    bytes: encoded.length,
    loadMs: round(loadMs, 1),
    encodeMs: round(encodeMs, 1),
    quotesMs: null,
    rebuildMs: round(loadCorpusMs + (partsMs.search ?? 0), 1),
    mismatches,
  };
  log(`persisted ${mb(encoded.length)} MB; loaded in ${Math.round(loadMs)} ms`);
  await save();
}

// Latency: a warm-up on other questions (so the timed ones meet cold WordNet and
// fuzzy caches in round one, as new questions do), then `rounds` passes in a
// shuffled order; each question is timed on every system back to back,
// starting with a different one each time. A system that has spent its time
// budget sits out the rest (noted), so one slow peer cannot stall the run.
type System = { name: string; run: (q: string) => string[]; spent: number; answered: number; found: number };
const systems: System[] = [
  {
    name: 'ours',
    run: (q) => (engine ? engine.ask(q).answers : search.ask(q)).map((a) => a.paragraphId),
    spent: 0,
    answered: 0,
    found: 0,
  },
  ...peers.map((p: Peer) => ({ name: p.name, run: (q: string) => p.search(q), spent: 0, answered: 0, found: 0 })),
];
const labelled = questions.answers.filter((a) => a !== null).length;
const label = new Map(questions.ask.map((q, i) => [q, questions.answers[i] ?? null]));
const budgetMs = Number(values['latency-budget-s']) * 1000;
for (const q of makeQuestions(articles, 50, seed + 7).ask) {
  for (const s of systems) {
    // The warm-up gets a quarter of the budget; it is not counted in the samples.
    if (s.spent > budgetMs / 4) continue;
    const started = performance.now();
    s.run(q);
    s.spent += performance.now() - started;
  }
}
for (const s of systems) s.spent = 0;
const rng = new Rng(seed + 1);
for (let r = 0; r < rounds; r++) {
  const order = rng.shuffled(questions.ask);
  order.forEach((q, qi) => {
    for (let k = 0; k < systems.length; k++) {
      const s = systems[(qi + k) % systems.length] as System;
      if (s.spent > budgetMs) continue;
      const started = performance.now();
      const hits = s.run(q);
      const took = performance.now() - started;
      s.spent += took;
      samples.get(s.name)?.push(took);
      if (r === 0 && hits.length > 0) s.answered++;
      const source = label.get(q);
      if (r === 0 && source && hits.slice(0, 3).includes(source)) s.found++;
    }
  });
  log(`ask latency round ${r + 1}/${rounds} done`);
  await save();
}
answered = systems[0]?.answered ?? 0;
for (const s of systems) quality.set(s.name, { answered: s.answered, recallAt3: labelled > 0 ? round(s.found / labelled, 3) : 0 });
await save();
for (const s of systems) {
  const n = samples.get(s.name)?.length ?? 0;
  if (n < questions.ask.length * rounds) notes.push(`${s.name}: latency budget (${values['latency-budget-s']} s) spent after ${n} of ${questions.ask.length * rounds} timed queries`);
}

if (engine) {
  // /quote and /timeline, when the engine has them (their signatures are probed, not assumed).
  // `about:` filters rank every matching paragraph: at the largest sizes a sample of 50 keeps the run within its time.
  const sample = paragraphs > 20_000 ? 50 : Infinity;
  if (sample < questions.speakers.length) notes.push(`/quote and /timeline timed on the first ${sample} names and topics`);
  quote = await optionalLatency(engine, 'quote', questions.speakers.slice(0, sample), (fn, q) => fn.call(engine, q));
  timeline = await optionalLatency(engine, 'timeline', questions.topics.slice(0, sample), (fn, q) => fn.call(engine, { about: q }));
  await save();
  // The first open built and wrote the cache; a second engine restores it.
  const encoded = { length: engine.build.cache?.bytes ?? 0 };
  const encodeMs = Number.NaN;
  const [cached, loadMs] = await time(() => Engine.open({ seedsDir: dir, ...appLimits, cacheDir: cacheDir as string }));
  if (cached.build.cache?.status !== 'hit') notes.push(`cache: expected a hit, got ${cached.build.cache?.status} (${cached.build.cache?.reason ?? ''})`);
  let mismatches = 0;
  for (const q of questions.ask.slice(0, 50)) if (JSON.stringify(cached.ask(q)) !== JSON.stringify(engine.ask(q))) mismatches++;
  persisted = {
    scope: 'engine',
    bytes: encoded.length,
    loadMs: round(loadMs, 1),
    encodeMs: round(encodeMs, 1),
    quotesMs: null,
    rebuildMs: round(buildMs, 1),
    mismatches,
  };
  log(`persisted ${mb(encoded.length)} MB; loaded in ${Math.round(loadMs)} ms (quote book rebuild ${persisted.quotesMs} ms)`);
  const [hit, hitMs] = await time(() => cached.reload());
  if (!hit.ok) notes.push(`cached reload failed: ${hit.reason ?? 'unknown'}`);
  reloadCachedMs = round(hitMs, 1);

  // A reload after one article changed (what a moderator's edit costs): the article is put back after each.
  const reloads: number[] = [];
  const edited = join(dir, (articles[Math.floor(articles.length / 2)] as Article).file);
  const original = await readFile(edited);
  for (let i = 0; i < Number(values.reloads); i++) {
    await writeFile(edited, Buffer.concat([original, Buffer.from(`\n\nAn edit number ${i + 1} was made to this article.\n`)]));
    try {
      const [report, ms] = await time(() => (engine as Engine).reload());
      if (!report.ok) notes.push(`reload failed: ${report.reason ?? 'unknown'}`);
      else if (report.changed.length !== 1) notes.push(`reload after one edit reported ${report.changed.length} changed articles`);
      reloads.push(ms);
    } finally {
      await writeFile(edited, original);
    }
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
  // The same time budget as /ask's latency: the warm-up may spend a quarter of it, the timed passes the rest.
  const budgetMs = Number(values['latency-budget-s']) * 1000;
  try {
    let spent = 0;
    for (const q of inputs) {
      if (spent > budgetMs / 4) break;
      const started = performance.now();
      await call(fn as (...args: unknown[]) => unknown, q);
      spent += performance.now() - started;
    }
    spent = 0;
    const times: number[] = [];
    for (let r = 0; r < rounds && spent <= budgetMs; r++) {
      for (const q of inputs) {
        if (spent > budgetMs) break;
        const started = performance.now();
        await call(fn as (...args: unknown[]) => unknown, q);
        const took = performance.now() - started;
        spent += took;
        times.push(took);
      }
    }
    if (times.length < inputs.length * rounds) notes.push(`/${method}: latency budget spent after ${times.length} of ${inputs.length * rounds} timed calls`);
    return summarise(times);
  } catch (error) {
    notes.push(`/${method}: calling engine.${method}() failed (${(error as Error).message}); not measured`);
    return null;
  }
}

function result(): SizeResult {
  return {
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
    persisted,
    reloadCachedMs,
    cacheDir,
    ask: summarise(samples.get('ours') ?? []),
    answered,
    quality: qualityOf('ours'),
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
      quality: qualityOf(p.name),
    };
  }),
};
}
async function save(): Promise<void> {
  await writeFile(values.out as string, JSON.stringify(result(), null, 2));
}
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
