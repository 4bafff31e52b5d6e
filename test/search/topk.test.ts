import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateCorpus } from '../../bench/generate.js';
import { makeQuestions } from '../../bench/questions.js';
import { Rng } from '../../bench/rng.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { SearchIndex, Synonyms, WordNet } from '../../src/search/index.js';
import type { Article } from '../../src/corpus/types.js';

/** While set, `/ask` ranks with MiniSearch's own `search()`, as it did before the top-k scorer. */
const reference = vi.hoisted(() => ({ on: false }));

vi.mock('../../src/search/topk.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/search/topk.js')>();
  const viaSearch = <T>(mini: MiniSearch<T>, queries: string[], boostTerm: (term: string) => number, k: number) =>
    mini
      .search({ combineWith: 'OR', queries }, { boostTerm })
      .slice(0, k)
      .map((r) => ({ id: r.id as string, score: r.score }));
  class ReferenceMatcher<T> extends real.TopMatcher<T> {
    constructor(private readonly index: MiniSearch<T>) {
      super(index);
    }
    override top(queries: string[], boostTerm: (term: string) => number, k: number) {
      return reference.on ? viaSearch(this.index, queries, boostTerm, k) : super.top(queries, boostTerm, k);
    }
  }
  return {
    ...real,
    TopMatcher: ReferenceMatcher,
    topMatches: <T>(mini: MiniSearch<T>, queries: string[], boostTerm: (term: string) => number, k: number) =>
      reference.on ? viaSearch(mini, queries, boostTerm, k) : real.topMatches(mini, queries, boostTerm, k),
  };
});

const { TopMatcher, topMatches } = await vi.importActual<typeof import('../../src/search/topk.js')>('../../src/search/topk.js');

interface Doc {
  id: string;
  body: string;
  title: string;
  section: string;
}

const OPTIONS = {
  fields: ['body', 'title', 'section'],
  tokenize: (text: string) => text.split(' ').filter(Boolean),
  processTerm: (term: string) => term,
  searchOptions: { boost: { body: 1, title: 0.35, section: 0.5 }, prefix: false, fuzzy: false },
};

function searched(mini: MiniSearch<Doc>, queries: string[], boosts: Map<string, number>, k: number): { id: string; score: number }[] {
  return mini
    .search({ combineWith: 'OR', queries }, { boostTerm: (t) => boosts.get(t) ?? 1 })
    .slice(0, k)
    .map((r) => ({ id: r.id as string, score: r.score }));
}

describe('topMatches over made-up paragraphs', () => {
  // Most words are in every field; a few only in paragraphs' bodies, whose postings are summed the short way.
  const bodyOnly = ['lighthouse', 'pier'];
  const everywhere = 'harbour tariff ferry council budget strike vote bridge river mayor union port levy'.split(' ');
  const words = [...everywhere, ...bodyOnly];
  const rng = new Rng(7);
  const docs: Doc[] = Array.from({ length: 400 }, (_, i) => ({
    id: `a${i % 37}#${i}`,
    body: Array.from({ length: rng.int(0, 30) }, () => rng.pick(words)).join(' '),
    title: Array.from({ length: rng.int(0, 4) }, () => rng.pick(everywhere)).join(' '),
    section: rng.chance(0.3) ? rng.pick(everywhere) : '',
  }));
  // Identical paragraphs score the same: their order must be MiniSearch's (first met first).
  for (let i = 0; i < 20; i++) docs.push({ id: `twin#${i}`, body: 'harbour levy levy', title: 'port', section: '' });
  const mini = new MiniSearch<Doc>(OPTIONS);
  mini.addAll(docs);

  it('returns exactly what search() ranks first, scores and tie order included, for any k and boosts', () => {
    for (let round = 0; round < 200; round++) {
      const queries = [...new Set(Array.from({ length: rng.int(1, 6) }, () => rng.pick([...words, 'absent'])))];
      const boosts = new Map(queries.map((q) => [q, rng.pick([1, 0.9, 0.6, 0.4, 0.3, 0.95])]));
      const k = rng.pick([1, 3, 40, 1000]);
      const expected = searched(mini, queries, boosts, k);
      const search = vi.spyOn(mini, 'search');
      expect(topMatches(mini, queries, (t) => boosts.get(t) ?? 1, k)).toEqual(expected);
      // Over the postings, not through search() itself.
      expect(search).not.toHaveBeenCalled();
      search.mockRestore();
    }
    const all = topMatches(mini, ['harbour', 'levy'], () => 1, Infinity);
    expect(all).toEqual(searched(mini, ['harbour', 'levy'], new Map(), Infinity));
    expect(all.filter((m) => m.id.startsWith('twin#')).map((m) => m.id)).toEqual(Array.from({ length: 20 }, (_, i) => `twin#${i}`));
  });

  it('gives, asked again with more terms after the same first ones, what a fresh search for all of them gives', () => {
    const matcher = new TopMatcher(mini);
    for (let round = 0; round < 100; round++) {
      const first = [...new Set(Array.from({ length: rng.int(1, 4) }, () => rng.pick(words)))];
      const more = [...new Set(Array.from({ length: rng.int(1, 4) }, () => rng.pick([...words, 'absent'])))].filter((w) => !first.includes(w));
      const boosts = new Map([...first, ...more].map((q) => [q, rng.pick([1, 0.9, 0.6, 0.3])]));
      const boost = (t: string): number => boosts.get(t) ?? 1;
      const k = rng.pick([1, 3, 40]);
      expect(matcher.top(first, boost, k)).toEqual(searched(mini, first, boosts, k));
      expect(matcher.top([...first, ...more], boost, k)).toEqual(searched(mini, [...first, ...more], boosts, k));
      // Other first terms, or other boosts for them, start again.
      boosts.set(first[0] ?? '', 0.45);
      expect(matcher.top([...first, ...more], boost, k)).toEqual(searched(mini, [...first, ...more], boosts, k));
      if (round % 2 === 0) matcher.release();
    }
    matcher.release();
  });

  it('matches an index restored from its JSON, reads it after a removal, and falls back to search() once a paragraph is discarded', () => {
    const restored = MiniSearch.loadJS<Doc>(JSON.parse(JSON.stringify(mini)), OPTIONS);
    const boosts = new Map([['ferry', 1], ['mayor', 0.6]]);
    expect(topMatches(restored, ['ferry', 'mayor'], (t) => boosts.get(t) ?? 1, 40)).toEqual(searched(mini, ['ferry', 'mayor'], boosts, 40));
    // `remove` takes a paragraph out of the postings: the scorer still reads them, and agrees with search().
    restored.remove({ id: 'twin#3', body: 'harbour levy levy', title: 'port', section: '' });
    const search = vi.spyOn(restored, 'search');
    const removed = topMatches(restored, ['harbour', 'levy'], () => 1, 40);
    expect(search).toHaveBeenCalledTimes(0);
    search.mockRestore();
    expect(removed).toEqual(searched(restored, ['harbour', 'levy'], new Map(), 40));
    expect(removed.map((m) => m.id)).not.toContain('twin#3');
    // `discard` leaves the paragraph in the postings for MiniSearch to skip: then search() answers.
    const discarded = removed[0]?.id as string;
    restored.discard(discarded);
    const fallback = vi.spyOn(restored, 'search');
    const after = topMatches(restored, ['harbour', 'levy'], () => 1, 40);
    expect(fallback).toHaveBeenCalledTimes(1);
    fallback.mockRestore();
    expect(after.map((m) => m.id)).not.toContain(discarded);
  });
});

describe('/ask with the top-k scorer, on a generated corpus and the bench questions', () => {
  let root = '';
  let articles: Article[] = [];
  const wordnet = new WordNet();

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'topk-'));
    const corpus = await generateCorpus({ seedsDir: 'seeds', paragraphs: 600, seed: 42, cacheRoot: root });
    articles = (await loadCorpus(corpus.dir)).articles;
  }, 120_000);
  afterAll(async () => {
    reference.on = false;
    await rm(root, { recursive: true, force: true });
  });

  it('gives the same top-3 answers as MiniSearch search() did, for every question', () => {
    const index = SearchIndex.build(articles, new Synonyms([]), wordnet);
    const questions = makeQuestions(articles, 150, 42).ask;
    let answered = 0;
    for (const question of questions) {
      reference.on = false;
      const fast = index.answer(question);
      reference.on = true;
      const before = index.answer(question);
      expect(fast, question).toEqual(before);
      if (fast.answers.length > 0) answered++;
    }
    // The comparison means something only if most questions are answered.
    expect(answered).toBeGreaterThan(questions.length / 2);
  }, 120_000);
});
