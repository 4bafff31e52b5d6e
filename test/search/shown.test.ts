import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.js';
import { makeQuestions } from '../../bench/questions.js';
import { buildArticle, loadCorpus } from '../../src/corpus/load.js';
import { SearchIndex, Synonyms, WordNet } from '../../src/search/index.js';
import type { Article } from '../../src/corpus/types.js';

const wordnet = new WordNet();

function article(id: string, paragraphs: string[]): Article {
  const built = buildArticle(`${id}.txt`, [`${id} story`, ...paragraphs].join('\n\n'), { title: `Title ${id}` }, 'hash');
  if (!built) throw new Error('test article is empty');
  return built;
}

describe('ranking only the passages shown', () => {
  // A summary above the story repeats its body; another outlet's lead scores between them.
  const corpus = [
    article('ferry', [
      'The island ferry company has ordered two electric ferries from a Danish yard to replace its diesel fleet.',
      'Electric ferries already cross the fjords of Norway.',
      'The company ordered electric ferries last year too.',
      'Passengers on the island want quieter crossings and cheaper tickets.',
      'The island ferry company has ordered two electric ferries from a Danish yard to replace its diesel fleet by the end of the decade, its chief executive said on Tuesday.',
    ]),
    article('wales', ['A Welsh island ferry company chose a Danish yard for its electric ferries, officials confirmed.']),
  ];
  const question = 'island ferry company electric ferries Danish yard';

  it('still quotes the body, not the summary, when the body ranks below the passages shown', () => {
    const index = SearchIndex.build(corpus, new Synonyms([]), wordnet);
    const unfiltered = SearchIndex.build(corpus, new Synonyms([]), wordnet, { repeatOverlap: 1 });
    // The shape this test needs: summary first, the other outlet second, the body third.
    expect(unfiltered.rank(unfiltered.concepts(question)).map((h) => h.id).slice(0, 3)).toEqual(['ferry#1', 'wales#1', 'ferry#5']);
    expect(index.rank(index.concepts(question), 40, null, null, 1).map((h) => h.id)).toEqual(['ferry#5']);
    expect(index.ask(question, 1).map((p) => p.paragraphId)).toEqual(['ferry#5']);
    expect(index.ask(question, 2).map((p) => p.paragraphId)).toEqual(['ferry#5', 'wales#1']);
  });

  it('counts both copies of a text told twice as about its words (about: filters), and no paragraph that only shares a word', () => {
    const about = SearchIndex.build(corpus, new Synonyms([]), wordnet).about(question);
    expect(['ferry#1', 'ferry#2', 'ferry#3', 'ferry#4', 'ferry#5', 'wales#1'].filter((id) => about.has(id))).toEqual(['ferry#1', 'ferry#3', 'ferry#5', 'wales#1']);
  });
});

describe('a bounded ranking on a generated corpus and the bench questions', () => {
  let root = '';
  let articles: Article[] = [];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'keep-'));
    const corpus = await generateCorpus({ seedsDir: 'seeds', paragraphs: 600, seed: 42, cacheRoot: root });
    articles = (await loadCorpus(corpus.dir)).articles;
  }, 120_000);
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('keeps exactly the first passages of the unbounded ranking, for every question and bound', () => {
    const index = SearchIndex.build(articles, new Synonyms([]), wordnet);
    let ranked = 0;
    for (const question of makeQuestions(articles, 150, 42).ask) {
      const concepts = index.concepts(question);
      const all = index.rank(concepts);
      if (all.length > 3) ranked++;
      for (const keep of [0, 1, 3, 5, 15]) expect(index.rank(concepts, undefined, null, null, keep), question).toEqual(all.slice(0, keep));
    }
    // Most questions must have more passages than the smaller bounds for this to test anything.
    expect(ranked).toBeGreaterThan(50);
  }, 120_000);

  it('filters about: topics to exactly the paragraphs a ranking of every match finds, repeats included', () => {
    const index = SearchIndex.build(articles, new Synonyms([]), wordnet);
    // about: reads a paragraph's own words only, never names its article gives elsewhere.
    const everyCopy = SearchIndex.build(articles, new Synonyms([]), wordnet, { repeatOverlap: 1, contextNames: 0 });
    const ids = articles.flatMap((a) => a.paragraphs.map((p) => p.id));
    let found = 0;
    for (const topic of makeQuestions(articles, 150, 42).topics) {
      const about = index.about(topic);
      const expected = everyCopy.rank(everyCopy.concepts(topic), Infinity).map((h) => h.id).sort();
      expect(ids.filter((id) => about.has(id)).sort(), topic).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(150);
  }, 120_000);
});
