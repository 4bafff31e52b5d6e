/**
 * `npx tsx eval/ask-compare.ts`: per DEV-half question, the rank of the first answering passage in
 * our `/ask` and in plain MiniSearch over the same paragraphs, listing the questions where the
 * baseline ranks an answer higher than we do (or answers where we do not). Dev halves only: reading
 * the test halves' questions would be tuning on them.
 */
import { evalCorpora, inHalf, splitKey } from './corpora.js';
import { ourRetrieve, ourSearch, plainMiniSearch, rankOf } from './ask.eval.js';

const show = (rank: number): string => (rank < 0 ? '–' : String(rank + 1));

for (const corpus of await evalCorpora()) {
  const { articles, index } = await ourSearch(corpus.seedsDir);
  if (articles.length === 0) continue;
  const ours = ourRetrieve(index);
  const baseline = plainMiniSearch(articles);
  let worse = 0;
  let better = 0;
  const lines: string[] = [];
  for (const item of inHalf(corpus.labels.ask, splitKey.ask, 'dev')) {
    const our = rankOf(ours(item.q), item);
    const base = rankOf(baseline(item.q), item);
    const oursBetter = our >= 0 && (base < 0 || our < base);
    const baseBetter = base >= 0 && (our < 0 || base < our);
    if (oursBetter) better++;
    if (baseBetter) {
      worse++;
      lines.push(`  ours ${show(our)}  plain ${show(base)}  ${item.paraphrase ? '(paraphrase) ' : ''}${item.q}`);
    }
  }
  console.log(`${corpus.name}: plain ranks an answer higher on ${worse}, ours on ${better}`);
  for (const line of lines) console.log(line);
}
