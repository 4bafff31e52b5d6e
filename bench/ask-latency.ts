/**
 * `npx tsx bench/ask-latency.ts [--sizes 1k,10k] [--questions 300] [--rounds 3] [--answers out.json] [--only-ours]`
 *
 * `/ask` alone, quickly: builds the search index (no quote book, no timeline) over the bench's
 * generated corpora, then times `SearchIndex.answer` against stop-word MiniSearch on the same
 * paragraphs, question by question, interleaved (so machine noise hits both alike), and prints
 * p50/p99 of each, their ratio, mean CPU time per query (less disturbed by other processes than wall time), recall@3 and answered counts. `--answers` writes every answer
 * (ids, scores, quotes) so two versions of the code can be compared for identical output;
 * `--only-ours` skips the peer (for a CPU profile of our path alone).
 */
import { writeFile } from 'node:fs/promises';
import { loadCorpus } from '../src/corpus/load.js';
import { SearchIndex, Synonyms, WordNet } from '../src/search/index.js';
import { readSynonyms } from '../src/search/synonyms.js';
import { readArguments } from './args.js';
import { generateCorpus } from './generate.js';
import { miniSearchPeer } from './peers.js';
import { makeQuestions } from './questions.js';
import { Rng } from './rng.js';
import { summarise } from './stats.js';

const values = readArguments('ask-latency', 'usage: npx tsx bench/ask-latency.ts [--sizes 1k,10k] [--questions 300] [--rounds 3] [--seed 42] [--answers out.json] [--only-ours]', {
  sizes: { type: 'string', default: '1k,10k' },
  questions: { type: 'string', default: '300' },
  rounds: { type: 'string', default: '3' },
  seed: { type: 'string', default: '42' },
  answers: { type: 'string' },
  'only-ours': { type: 'boolean', default: false },
});
const say = (msg: string): void => void process.stdout.write(`${msg}\n`);
const seed = Number(values.seed);
const dump: Record<string, unknown> = {};

for (const label of values.sizes.split(',')) {
  const m = /^(\d+(?:\.\d+)?)(k?)$/i.exec(label);
  if (!m) throw new Error(`ask-latency: --sizes takes sizes like 1k or 2500, not "${label}"`);
  const corpus = await generateCorpus({ seedsDir: 'seeds', paragraphs: Math.round(Number(m[1]) * (m[2] ? 1000 : 1)), seed });
  const { articles } = await loadCorpus(corpus.dir);
  let started = performance.now();
  const index = SearchIndex.build(articles, new Synonyms(await readSynonyms(corpus.dir)), new WordNet().warm());
  say(`${label}: ${index.size} paragraphs, index built in ${Math.round(performance.now() - started)} ms`);
  const peer = miniSearchPeer();
  if (!values['only-ours']) peer.build(articles.flatMap((a) => a.paragraphs.map((p) => ({ id: p.id, text: p.text }))));

  const systems = [
    { name: 'ours', run: (q: string) => index.answer(q).answers.map((a) => a.paragraphId), times: [] as number[], cpu: 0, answered: 0, found: 0 },
    ...(values['only-ours'] ? [] : [{ name: 'minisearch', run: (q: string) => peer.search(q), times: [] as number[], cpu: 0, answered: 0, found: 0 }]),
  ];
  for (const q of makeQuestions(articles, 50, seed + 7).ask) for (const s of systems) s.run(q);
  const questions = makeQuestions(articles, Number(values.questions), seed);
  const label_ = new Map(questions.ask.map((q, i) => [q, questions.answers[i] ?? null]));
  const rng = new Rng(seed + 1);
  started = performance.now();
  for (let r = 0; r < Number(values.rounds); r++) {
    const order = rng.shuffled(questions.ask);
    order.forEach((q, qi) => {
      for (let k = 0; k < systems.length; k++) {
        const s = systems[(qi + k) % systems.length]!;
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        const hits = s.run(q);
        s.times.push(performance.now() - t0);
        const cpu = process.cpuUsage(cpu0);
        s.cpu += (cpu.user + cpu.system) / 1000;
        if (r > 0) continue;
        if (hits.length > 0) s.answered++;
        const source = label_.get(q);
        if (source && hits.slice(0, 3).includes(source)) s.found++;
      }
    });
  }
  const labelled = questions.answers.filter((a) => a !== null).length;
  const stats = systems.map((s) => ({ ...s, lat: summarise(s.times) }));
  for (const s of stats) {
    say(`  ${s.name.padEnd(10)} p50 ${s.lat.p50.toFixed(3)} ms  p99 ${s.lat.p99.toFixed(3)} ms  mean CPU ${(s.cpu / s.times.length).toFixed(3)} ms  answered ${s.answered}/${questions.ask.length}  recall@3 ${(s.found / labelled).toFixed(3)}`);
  }
  const [ours, base] = stats;
  if (ours && base) say(`  ours ÷ minisearch: p50 ${(ours.lat.p50 / base.lat.p50).toFixed(2)}×  p99 ${(ours.lat.p99 / base.lat.p99).toFixed(2)}×  mean CPU ${(ours.cpu / base.cpu).toFixed(2)}×`);
  if (values.answers) dump[label] = questions.ask.map((q) => ({ q, ...index.answer(q) }));
}
if (values.answers) await writeFile(values.answers, JSON.stringify(dump, null, 1));
