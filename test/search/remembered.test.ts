/**
 * What `/ask` remembers to answer faster — a word's expansions, a misspelling's nearest word, a
 * question's cover of each paragraph — never changes an answer: it is forgotten when the corpus
 * changes, and it holds exactly what working it out afresh gives.
 */
import { describe, expect, it } from 'vitest';
import { buildArticle } from '../../src/corpus/load.js';
import { cover, holdsAnswer, QuestionCover } from '../../src/search/concepts.js';
import type { Concept, IndexedParagraph } from '../../src/search/concepts.js';
import { ANSWER_BIT } from '../../src/search/question.js';
import { SearchIndex, Synonyms, WordNet } from '../../src/search/index.js';
import { Vocabulary } from '../../src/search/spelling.js';
import type { Article } from '../../src/corpus/types.js';

const wordnet = new WordNet();

function article(id: string, paragraphs: string[]): Article {
  const built = buildArticle(`${id}.txt`, [`Story ${id}`, ...paragraphs].join('\n\n'), { title: `Title ${id}` }, 'hash');
  if (!built) throw new Error('test article is empty');
  return built;
}

describe('a word’s expansions', () => {
  it('are found again once an article brings new corpus words', () => {
    const index = SearchIndex.build([article('quay', ['The harbour master closed the quay after the storm damaged the pier.'])], new Synonyms([]), wordnet);
    const before = index.concepts('What did the senator say about the quay?').find((c) => c.term === 'senator');
    expect(before?.variants.has('senate')).toBe(false);
    index.addArticle(article('vote', ['The senate voted to pay for a new pier at the harbour.']));
    const after = index.concepts('What did the senator say about the quay?').find((c) => c.term === 'senator');
    // `senate` now meets `senator` (a related form the corpus uses), and `senator` is no longer an unmet word.
    expect(after?.variants.has('senate')).toBe(true);
    expect(after?.weight).toBeGreaterThan(before?.weight ?? Infinity);
  });

  it('give the same answers asked again, and after other questions', () => {
    const corpus = [
      article('ferry', ['The island ferry was cancelled for a week while engineers repaired its engines.', 'Passengers were offered seats on a smaller boat.']),
      article('bridge', ['Repairing the river bridge will cost four million pounds, the county engineers said.']),
    ];
    const asked = SearchIndex.build(corpus, new Synonyms([]), wordnet);
    const questions = ['why was the ferry cancelled', 'how much will the bridge repairs cost', 'who repaired the engines', 'feries cancelld'];
    const first = questions.map((q) => asked.answer(q));
    expect(first.filter((a) => a.answers.length > 0).length).toBeGreaterThan(2);
    expect(questions.map((q) => asked.answer(q))).toEqual(first);
    const fresh = SearchIndex.build(corpus, new Synonyms([]), wordnet);
    expect([...questions].reverse().map((q) => fresh.answer(q)).reverse()).toEqual(first);
  });
});

describe('a misspelling’s nearest word', () => {
  it('is looked for again once a paragraph adds or removes words, and per number of edits allowed', () => {
    const vocabulary = new Vocabulary([['harbour', 1]]);
    expect(vocabulary.nearest('lighthuose')).toBeNull();
    vocabulary.addParagraph(['lighthouse']);
    expect(vocabulary.nearest('lighthuose')).toBe('lighthouse');
    expect(vocabulary.nearest('lihthouze', 1)).toBeNull();
    expect(vocabulary.nearest('lihthouze', 2)).toBe('lighthouse');
    // A word no paragraph uses any more is no correction (a reload removed the article).
    vocabulary.removeParagraph(['lighthouse']);
    expect(vocabulary.nearest('lighthuose')).toBeNull();
  });
});

describe('QuestionCover', () => {
  const concept = (term: string, weight: number, variants: [string, number][], name = false): Concept => ({
    term,
    weight,
    variants: new Map([[term, 1], ...variants]),
    unknownName: false,
    name,
  });
  const concepts = [concept('levy', 2.1, [['tax', 0.6], ['duty', 0.9]]), concept('ferry', 1.3, [['boat', 0.4]]), concept('okafor', 3, [], true)];
  const sentence = (words: string, answers = 0) => ({ start: 0, end: 1, terms: new Set(words.split(' ')), answers });
  const paragraph = (id: string, text: string, sentences: ReturnType<typeof sentence>[]): IndexedParagraph => ({
    paragraph: { id, articleId: 'a', number: 1, kind: 'body', text },
    attribution: { articleId: 'a', title: 'A', outlet: null, published: null, url: null },
    sentences,
    terms: new Set(sentences.flatMap((s) => [...s.terms])),
  });
  const paragraphs = [
    paragraph('a#1', 'The boat tax rose.', [sentence('boat tax rise', ANSWER_BIT.amount), sentence('okafor say duty')]),
    paragraph('a#2', 'He said the levy on the ferry was 4%.', [sentence('say levy ferry 4', ANSWER_BIT.amount)]),
    paragraph('a#3', 'Nothing here.', [sentence('nothing here')]),
  ];

  it('gives cover’s and holdsAnswer’s own numbers, asked once or many times', () => {
    const covered = new QuestionCover(concepts);
    for (let round = 0; round < 2; round++) {
      for (const entry of paragraphs) {
        expect(covered.paragraph(entry)).toBe(cover(concepts, entry.terms));
        expect(covered.sentences(entry)).toEqual(entry.sentences.map((s) => cover(concepts, s.terms)));
        for (const least of [0, 2, 4]) expect(covered.holds(entry, 'amount', least)).toBe(holdsAnswer(entry, concepts, 'amount', least));
      }
    }
    // Each variant counts for its own boost, the best one held: `duty` (0.9) over `tax` (0.6).
    expect(covered.paragraph(paragraphs[0]!)).toBeCloseTo(2.1 * 0.9 + 1.3 * 0.4 + 3, 10);
    expect(covered.holds(paragraphs[1]!, 'amount', 3)).toBe(true);
    expect(covered.holds(paragraphs[1]!, 'amount', 4)).toBe(false);
  });

  it('judges a paragraph once per question however often its rankings ask', () => {
    const covered = new QuestionCover(concepts);
    let asked = 0;
    const judge = (entry: IndexedParagraph): boolean => covered.once(entry, 'inFocus', () => (asked++, entry.paragraph.id !== 'a#3'));
    expect(paragraphs.map(judge)).toEqual([true, true, false]);
    expect(paragraphs.map(judge)).toEqual([true, true, false]);
    expect(asked).toBe(3);
    expect(covered.once(paragraphs[0]!, 'inArticle', () => 1.5)).toBe(1.5);
    expect(covered.once(paragraphs[0]!, 'inArticle', () => 9)).toBe(1.5);
    // Another question's cover judges afresh.
    expect(new QuestionCover(concepts).once(paragraphs[0]!, 'inArticle', () => 9)).toBe(9);
  });

  it('counts the best variant held whatever order the variants were found in, and never one boosted 0 or less', () => {
    const naive = (cs: Concept[], terms: Set<string>): number =>
      cs.reduce((sum, c) => sum + c.weight * Math.max(0, ...[...c.variants].filter(([t]) => terms.has(t)).map(([, b]) => b)), 0);
    const shuffled = [concept('harbour', 1.7, [['quay', 0.3], ['port', 0.8], ['dock', 0.8], ['pier', 0]]), { ...concept('gull', 0.9, []), variants: new Map([['tern', -1], ['gull', 1]]) }];
    for (const words of ['quay', 'quay port', 'dock pier', 'pier', 'harbour quay', 'tern', 'tern gull', 'port gull', '']) {
      const terms = new Set(words.split(' '));
      expect(cover(shuffled, terms)).toBe(naive(shuffled, terms));
    }
  });
});
