import { describe, expect, it } from 'vitest';
import { buildArticle } from '../../src/corpus/load.js';
import { SearchIndex, Synonyms, WordNet } from '../../src/search/index.js';
import type { Article } from '../../src/corpus/types.js';

const wordnet = new WordNet();

function article(id: string, text: string, meta: { outlet?: string; published?: string; url?: string } = {}): Article {
  const built = buildArticle(`${id}.txt`, text, { title: `Title ${id}`, ...meta }, 'hash');
  if (!built) throw new Error('test article is empty');
  return built;
}

const corpus = [
  article(
    'harbour',
    'Harbour story\n\nThe city council voted on Monday to rebuild the old harbour wall. The vote was close.\n\nFishermen said the storm last winter destroyed their boats.',
    { outlet: 'The Coast Gazette', published: '2019-03-04', url: 'https://gazette.test/harbour' },
  ),
  article(
    'trade',
    'Trade story\n\nThe United States and Canada signed a new trade agreement. Officials praised it.\n\nThe government purchased three new ferries from a Norwegian shipyard.',
  ),
];

function index(groups: string[][] = []): SearchIndex {
  return SearchIndex.build(corpus, new Synonyms(groups), wordnet);
}

describe('SearchIndex.ask', () => {
  it('quotes the paragraph that answers, with its attribution', () => {
    const [best] = index().ask('why did the council vote to rebuild the harbour wall');
    expect(best).toMatchObject({
      articleId: 'harbour',
      title: 'Title harbour',
      outlet: 'The Coast Gazette',
      published: '2019-03-04',
      url: 'https://gazette.test/harbour',
      paragraph: 1,
      paragraphId: 'harbour#1',
    });
    expect(best?.score).toBeGreaterThan(0);
  });

  it('highlights the answering sentence, verbatim from the paragraph', () => {
    const [best] = index().ask('rebuild the harbour wall');
    expect(best?.quote).toBe('The city council voted on Monday to rebuild the old harbour wall.');
    expect(best?.text).toContain(best?.quote);
  });

  it('says nothing rather than quote an unrelated paragraph', () => {
    expect(index().ask('what is the capital of France')).toEqual([]);
    expect(index().ask('who won the football match')).toEqual([]);
  });

  it('refuses a question about a name the corpus has never seen', () => {
    expect(index().ask('what did Obama say about the harbour')).toEqual([]);
  });

  it('matches lemmas, so bought finds purchased through WordNet', () => {
    const [best] = index().ask('which boats did the government buy');
    expect(best?.paragraphId).toBe('trade#2');
  });

  it('expands a moderator synonym set, phrases included', () => {
    expect(index().ask('America trade deal').map((p) => p.paragraphId)).not.toContain('trade#1');
    const withSynonyms = index([['United States', 'America']]);
    expect(withSynonyms.ask('America trade deal')[0]?.paragraphId).toBe('trade#1');
  });

  it('forgives a small misspelling', () => {
    expect(index().ask('fishermen boats destroyed by the strom')[0]?.paragraphId).toBe('harbour#2');
  });

  it('returns at most the asked number of passages', () => {
    expect(index().ask('the', 5)).toEqual([]);
    expect(index().ask('council harbour storm boats ferries trade', 1)).toHaveLength(1);
  });

  it('never throws on hostile questions', () => {
    const hostile = ['', '   ', 'a'.repeat(12_000), '"*~^:()[]{}+-', '<@123456789012345678> @everyone **bold**', '\u0000\u0007\u001b[31m', 'Пакистан 巴基斯坦 🚀🔥'];
    for (const q of hostile) expect(() => index().ask(q)).not.toThrow();
  });
});

describe('SearchIndex.about', () => {
  it('tells the paragraphs about some words from the others', () => {
    const about = index().about('storm boats');
    expect(about.has('harbour#2')).toBe(true);
    expect(['harbour#1', 'trade#1', 'trade#2', 'nowhere#1'].filter((id) => about.has(id))).toEqual([]);
    expect(index().about('what did Obama say').has('harbour#2')).toBe(false);
  });
});

describe('WordNet senses', () => {
  it('takes synonyms from the most common sense only, unless asked for more', () => {
    // `stay` is first "remain"; its second sense ("stop, halt, arrest") is another verb altogether.
    expect(new WordNet().related('stay').synonyms).toContain('remain');
    expect(new WordNet().related('stay').synonyms).not.toContain('arrest');
    expect(new WordNet({ senses: 2 }).related('stay').synonyms).toContain('arrest');
  });

  it('reads a name only from senses WordNet writes as a name', () => {
    const wordnet = new WordNet();
    expect(wordnet.related('brown').synonyms).toContain('brownish');
    expect([...wordnet.related('brown', { name: true }).synonyms]).toEqual([]);
    expect(wordnet.related('american', { name: true }).derived).toContain('america');
  });
});
