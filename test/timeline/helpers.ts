import type { Article, ParagraphKind, PublishedDate } from '../../src/corpus/types.js';

/** A small synthetic article: each paragraph is body text, or `{ kind, text }`. */
export function article(
  articleId: string,
  published: PublishedDate | null,
  paragraphs: (string | { kind: ParagraphKind; text: string })[],
): Article {
  return {
    articleId,
    file: `${articleId}.txt`,
    title: `Title of ${articleId}`,
    outlet: 'Test Outlet',
    published: published?.value ?? null,
    publishedDate: published,
    url: null,
    hash: articleId,
    warnings: [],
    paragraphs: paragraphs.map((p, i) => {
      const { kind, text } = typeof p === 'string' ? { kind: 'body' as const, text: p } : p;
      return { id: `${articleId}#${i + 1}`, articleId, number: i + 1, kind, text };
    }),
  };
}

export const day = (value: string): PublishedDate => ({ value, precision: 'day' });
export const month = (value: string): PublishedDate => ({ value, precision: 'month' });
