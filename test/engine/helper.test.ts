import { describe, expect, it } from 'vitest';
import { needsWork, storeArticleWork, workOnArticle } from '../../src/engine/article-work.js';
import { analyseSeeds } from '../../src/engine/build.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { endBuild } from '../../src/nlp/memo.js';
import { seedsFolder } from '../helpers/seeds.js';

/** Two builds in a row forget everything remembered before them. */
const forgetEverything = (): void => {
  endBuild();
  endBuild();
};

const corpus = (): Promise<string> =>
  seedsFolder({
    'bridge.txt': [
      'Old bridge to close',
      '"The bridge cannot carry another winter of lorries," the county engineer Mara Quell said on 2 February 2021.',
      'The county voted to close it in April 2021, and repairs began in May.',
      'Quell said the repair bill had tripled since 2016.',
    ].join('\n\n'),
    'ferry.txt': [
      'Island ferry bought',
      'The island council bought a second ferry from a yard in Leith in 2019, councillor Ivo Brant said.',
      '"Two boats mean no more cancelled crossings," Brant told the meeting on Tuesday. Islanders cheered.',
    ].join('\n\n'),
    'school.txt': ['School roof repaired', 'Builders finished the roof of Hollin school on 9 August 2021, the head teacher Rosa Venn said.'].join('\n\n'),
  });

describe('a build read on two threads', () => {
  it('builds the same payload from shares made apart and copied between threads as from reading alone', async () => {
    const dir = await corpus();
    forgetEverything();
    const alone = JSON.stringify(await analyseSeeds({ seedsDir: dir }, Number.POSITIVE_INFINITY));
    forgetEverything();
    const { articles } = await loadCorpus(dir);
    expect(articles.every(needsWork)).toBe(true);
    // What a helper thread sends arrives as a structured clone.
    for (const article of articles) storeArticleWork(article, structuredClone(workOnArticle(article)));
    expect(articles.some(needsWork)).toBe(false);
    expect(JSON.stringify(await analyseSeeds({ seedsDir: dir }, Number.POSITIVE_INFINITY))).toBe(alone);
  });

  it('builds the same payload with a helper thread as without', async () => {
    const dir = await corpus();
    forgetEverything();
    const alone = JSON.stringify(await analyseSeeds({ seedsDir: dir }, Number.POSITIVE_INFINITY));
    forgetEverything();
    expect(JSON.stringify(await analyseSeeds({ seedsDir: dir }, 0))).toBe(alone);
  }, 60_000);
});
