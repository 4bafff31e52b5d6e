import { describe, expect, it, vi } from 'vitest';
import { analyseSeeds, assembleBuild } from '../../src/engine/build.js';
import { restoreQuoteBook } from '../../src/quotes/index.js';
import { WordNet } from '../../src/search/index.js';
import { seedsFolder } from '../helpers/seeds.js';

/** Quote books restored so far. */
const restores = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/quotes/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/quotes/index.js')>();
  return {
    ...real,
    restoreQuoteBook: (...args: Parameters<typeof real.restoreQuoteBook>) => {
      restores.count++;
      return real.restoreQuoteBook(...args);
    },
  };
});

const ARTICLE = [
  'Harbour vote',
  'The council voted on Monday to rebuild the harbour wall.',
  '"We will rebuild it stone by stone," said mayor Ann Roe.',
  'Councillor Tom Hale said: "The ferry must keep running while we build."',
].join('\n\n');

describe('a build assembled from its payload', () => {
  it('restores the quote book when it is first used, once, as the eager restore would', async () => {
    const payload = await analyseSeeds({ seedsDir: await seedsFolder({ 'harbour.txt': ARTICLE }) });
    const eager = restoreQuoteBook(JSON.parse(JSON.stringify(payload.quotes)), payload.corpus.articles);
    restores.count = 0;
    const parts = assembleBuild(payload, {}, new WordNet());
    expect(parts.search.answer('harbour wall').answers.length).toBeGreaterThan(0);
    expect(restores.count).toBe(0);

    expect(parts.quotes.speakers).toEqual(eager.speakers);
    expect(parts.quotes.speakers.length).toBeGreaterThan(0);
    for (const s of eager.speakers) expect(parts.quotes.quotesOf(s.name)).toEqual(eager.quotesOf(s.name));
    expect(parts.quotes.resolve('Ann')).toEqual(eager.resolve('Ann'));
    expect(parts.quotes.complete('to')).toEqual(eager.complete('to'));
    expect(parts.quotes.quotations).toEqual(eager.quotations);
    expect(JSON.parse(JSON.stringify(parts.quotes))).toEqual(JSON.parse(JSON.stringify(eager)));
    expect(restores.count).toBe(1);
  });
});
