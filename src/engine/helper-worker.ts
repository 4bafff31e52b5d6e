/**
 * The build's helper thread (see `helper.ts`): takes articles from the shared
 * counter of a request, reads each (`workOnArticle`) and sends its share back,
 * until the counter passes the last article.
 */
import { parentPort } from 'node:worker_threads';
import { workOnArticle } from './article-work.js';
import type { HelperRequest, HelperResponse } from './helper.js';

const port = parentPort;
if (!port) throw new Error('engine: helper-worker.ts runs as a worker thread, not on its own');

port.on('message', ({ id, articles, counter }: HelperRequest) => {
  const next = new Int32Array(counter);
  try {
    for (let i = Atomics.add(next, 0, 1); i < articles.length; i = Atomics.add(next, 0, 1)) {
      const article = articles[i];
      if (article) port.postMessage({ id, index: i, work: workOnArticle(article) } satisfies HelperResponse);
    }
  } finally {
    port.postMessage({ id, done: true } satisfies HelperResponse);
  }
});
