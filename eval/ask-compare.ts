/**
 * `npx tsx eval/ask-compare.ts`: per DEV-half question, the rank of the first answering passage in
 * our `/ask` and in plain MiniSearch over the same paragraphs, listing the questions where the
 * baseline ranks an answer higher than we do (or answers where we do not). Dev halves only: reading
 * the test halves' questions would be tuning on them.
 */
import { containsSnippet, evalCorpora, inHalf, splitKey } from './corpora.js';
import { ourSearch, plainMiniSearch } from './ask.eval.js';
import type { Hit } from './ask.eval.js';

const TOP = 5;
const rankOf = (hits: Hit[], relevant: string[]): number =>
  hits.slice(0, TOP).findIndex((h) => relevant.some((s) => containsSnippet(h.text, s)));
const show = (rank: number): string => (rank < 0 ? '–' : String(rank + 1));

for (const corpus of await evalCorpora()) {
  const { articles, index } = await ourSearch(corpus.seedsDir);
  if (articles.length === 0) continue;
  const baseline = plainMiniSearch(articles);
  let worse = 0;
  let better = 0;
  const lines: string[] = [];
  for (const item of inHalf(corpus.labels.ask, splitKey.ask, 'dev')) {
    const ours = rankOf(index.ask(item.q, TOP).map((p) => ({ articleId: p.articleId, paragraph: p.paragraph, text: p.text })), item.relevant);
    const base = rankOf(baseline(item.q), item.relevant);
    const oursBetter = ours >= 0 && (base < 0 || ours < base);
    const baseBetter = base >= 0 && (ours < 0 || base < ours);
    if (oursBetter) better++;
    if (baseBetter) {
      worse++;
      lines.push(`  ours ${show(ours)}  plain ${show(base)}  ${item.paraphrase ? '(paraphrase) ' : ''}${item.q}`);
    }
  }
  console.log(`${corpus.name}: plain ranks an answer higher on ${worse}, ours on ${better}`);
  for (const line of lines) console.log(line);
}
