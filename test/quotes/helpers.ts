import type { Article } from '../../src/corpus/types.js';

/** A synthetic article whose paragraphs are the given texts. */
export function article(articleId: string, paragraphs: string[], published: string | null = '2020-01-01'): Article {
  return {
    articleId,
    file: `${articleId}.txt`,
    title: `Title of ${articleId}`,
    outlet: 'Test Outlet',
    published,
    publishedDate: published ? { value: published, precision: 'day' } : null,
    url: null,
    hash: articleId,
    warnings: [],
    paragraphs: paragraphs.map((text, i) => ({ id: `${articleId}#${i + 1}`, articleId, number: i + 1, kind: 'body', text })),
  };
}
