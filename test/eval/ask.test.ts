/** The /ask evaluation's arithmetic, on a made-up system and labels. */
import { describe, expect, it } from 'vitest';
import { furnitureJudge, measure } from '../../eval/ask.eval.js';
import type { Hit, Retrieve } from '../../eval/ask.eval.js';
import { buildArticle } from '../../src/corpus/load.js';
import type { Article } from '../../src/corpus/types.js';

const hit = (paragraph: number, text: string): Hit => ({ articleId: 'mill', paragraph, text });

const answers: Record<string, Hit[]> = {
  'when did the mill close': [hit(2, 'The mill closed in 1982.'), hit(1, 'The old mill stands by the river.')],
  'who owns the mill': [hit(1, 'The old mill stands by the river.'), hit(3, 'A trust owns the mill now.')],
  'how tall is the chimney': [],
  'what does the mill sell': [hit(4, 'Photo: the mill at dusk.')],
};
const system: Retrieve = (q) => answers[q] ?? [];

describe('measure', () => {
  const figures = measure(
    system,
    [
      { q: 'when did the mill close', relevant: ['closed in 1982'] },
      { q: 'who owns the mill', relevant: ['A trust owns'] },
      { q: 'how tall is the chimney', relevant: ['feet tall'], paraphrase: true },
    ],
    [{ q: 'what does the mill sell' }, { q: 'who built the weir' }],
    (h) => h.text.startsWith('Photo:'),
  );

  it('counts recall@3 and MRR@5 over ordinary questions, paraphrases apart', () => {
    expect(figures.recall3).toBe(1);
    expect(figures.mrr5).toBeCloseTo((1 + 1 / 2) / 2);
    expect(figures.paraRecall3).toBe(0);
    expect(figures.misses).toEqual(['(paraphrase) how tall is the chimney']);
  });

  it('counts a refusal only when nothing is returned, and furniture in every top 5', () => {
    expect(figures.refused).toBe(0.5);
    expect(figures.answeredUnanswerable).toEqual(['what does the mill sell']);
    expect(figures.furniture).toBe(1);
  });
});

describe('furnitureJudge', () => {
  const page = buildArticle(
    'mill.txt',
    ['Mill page', 'Menu Home News Sport', 'The old mill stands by the river.', 'Photo: the mill at dusk.', 'A trust owns the mill now.', 'Share this story'].join('\n\n'),
    { title: 'Mill page' },
    'hash',
  ) as Article;
  const numberOf = (text: string): number => page.paragraphs.find((p) => p.text.includes(text))?.number ?? -1;
  const judge = furnitureJudge([page], {
    ask: [], ask_unanswerable: [], quotes: [], quoted_terms: [], quote_queries: [], timeline: [],
    body: [{ article: 'mill.txt', first: 'The old mill stands', last: 'A trust owns' }],
    furniture_inside: [{ article: 'mill.txt', text: 'Photo: the mill at dusk.', kind: 'caption' }],
  });

  it('tells furniture outside the body span and labelled blocks inside it', () => {
    expect(judge).not.toBeNull();
    const at = (text: string): Hit => ({ articleId: 'mill', paragraph: numberOf(text), text });
    expect(judge?.(at('The old mill stands by the river.'))).toBe(false);
    expect(judge?.(at('A trust owns the mill now.'))).toBe(false);
    expect(judge?.(at('Photo: the mill at dusk.'))).toBe(true);
    if (numberOf('Share this story') > 0) expect(judge?.(at('Share this story'))).toBe(true);
  });

  it('is null for a corpus without furniture labels', () => {
    expect(furnitureJudge([page], { ask: [], ask_unanswerable: [], quotes: [], quoted_terms: [], quote_queries: [], timeline: [] })).toBeNull();
  });
});
