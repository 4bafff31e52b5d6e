/**
 * An index changed in place (`SearchIndex.update`: an article edited, one added, one removed) answers
 * exactly as an index built from nothing over the same articles: same passages, scores and order,
 * ties included, and the same spelling corrections.
 */
import { describe, expect, it } from 'vitest';
import { buildArticle } from '../../src/corpus/load.js';
import { SearchIndex, Synonyms, WordNet } from '../../src/search/index.js';
import type { Article } from '../../src/corpus/types.js';

const wordnet = new WordNet();
const synonyms = (): Synonyms => new Synonyms([['lifeboat', 'rescue boat']]);

function article(file: string, title: string, paragraphs: string[]): Article {
  const built = buildArticle(file, [title, ...paragraphs].join('\n\n'), { title }, `hash-${paragraphs.join('').length}`);
  if (!built) throw new Error('test article is empty');
  return built;
}

/** Two outlets running the same wire copy: equal scores, so the order of the tie shows. */
const WIRE = 'The harbour board voted on Tuesday to close the old ferry pier for repairs costing £2m.';

const start = [
  article('a-board.txt', 'Harbour board vote', [WIRE, 'Fishermen said the closure would cost them a season of landings at the pier.']),
  article('b-lifeboat.txt', 'Lifeboat station', ['Volunteers launched the rescue boat twice in one night to reach a stranded yacht.', 'The lifeboat crew were thanked by the coastguard.']),
  article('c-wire.txt', 'Pier closure', [WIRE, 'Ferry passengers will board at the north quay from March.']),
  article('d-library.txt', 'Library hours', ['The town library will open on Sundays after volunteers offered to staff the desk.']),
];

const questions = [
  'Why will the ferry pier close?',
  'How much will the pier repairs cost?',
  'Who launched the lifeboat?',
  'When does the library open on Sundays?',
  'Where will ferry passengers board?',
  'Who thanked the rescue boat crew?',
  'What did the fishermen say about the closure?',
  'When did the harbour board vote?',
  'What did the volunters offer?',
  'How deep is the harbour?',
];

const answersOf = (index: SearchIndex): string[] => questions.map((q) => JSON.stringify(index.answer(q)));
const fresh = (articles: Article[]): SearchIndex => SearchIndex.build(articles, synonyms(), wordnet);

/** `before` changed into `after` in place: what a reload does with the articles it found changed. */
function updated(index: SearchIndex, before: Article[], after: Article[]): SearchIndex {
  const now = new Map(after.map((a) => [a.file, a]));
  const then = new Map(before.map((a) => [a.file, a]));
  const gone = before.filter((a) => now.get(a.file)?.hash !== a.hash);
  const come = after.filter((a) => then.get(a.file)?.hash !== a.hash);
  index.update(
    gone.flatMap((a) => index.documentsOf(a) ?? []),
    come.map((a) => [a, index.indexArticle(a)]),
    after,
  );
  return index;
}

describe('SearchIndex.update', () => {
  it('answers as a fresh build after an edit, an addition and a removal, one after another', () => {
    const index = fresh(start);
    // The first wire copy is edited: its new paragraphs come last in MiniSearch, first in the corpus.
    const edited = [
      article('a-board.txt', 'Harbour board vote', [WIRE, 'Fishermen said the closure would cost them a season of landings at the pier, and asked for help.']),
      ...start.slice(1),
    ];
    expect(answersOf(updated(index, start, edited))).toEqual(answersOf(fresh(edited)));

    const added = [
      ...edited.slice(0, 1),
      article('aa-wire.txt', 'Pier to close', [WIRE, 'The harbour is eleven metres deep at the old pier.']),
      ...edited.slice(1),
    ];
    expect(answersOf(updated(index, edited, added))).toEqual(answersOf(fresh(added)));

    const removed = added.filter((a) => a.file !== 'b-lifeboat.txt');
    expect(answersOf(updated(index, added, removed))).toEqual(answersOf(fresh(removed)));
    expect(index.size).toBe(fresh(removed).size);
    // The tie between the wire copies is in the answers being compared.
    expect(index.ask('Why will the ferry pier close?').map((p) => p.text)).toContain(WIRE);
  });

  it('refuses a change that does not fit the index and leaves it answering as before', () => {
    const index = fresh(start);
    const before = answersOf(index);
    const stranger = article('z-stranger.txt', 'Stranger', ['A paragraph the index never held.']);
    expect(() => index.update(fresh([stranger]).documentsOf(stranger) ?? [], [], start)).toThrow(/not in the index/);
    expect(() => index.update([], [[start[0]!, index.indexArticle(start[0]!)]], start)).toThrow(/already in the index/);
    expect(answersOf(index)).toEqual(before);
  });
});
