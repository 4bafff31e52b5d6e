import type { Article, Attribution } from './types.js';

/** The fields every answer carries about its article: what a reader needs to find and check it. */
export function attributionOf(article: Article): Attribution {
  const { articleId, title, outlet, published, url } = article;
  return { articleId, title, outlet, published, url };
}
