/**
 * A build on both cores: while the build's thread reads articles, a helper
 * thread reads others, taking them from one shared counter so each thread
 * takes the next article as soon as it is free (no fixed split to balance).
 * The helper's shares are then stored where the build's remembered functions
 * find them (`article-work.ts`), and the build goes on as if it had read every
 * article itself. A helper that fails or is slow to start costs nothing but
 * time: whatever it did not send back is read by the build as usual.
 */
import type { Worker } from 'node:worker_threads';
import type { Article } from '../corpus/types.js';
import { needsWork, rememberArticle, storeArticleWork } from './article-work.js';
import type { ArticleWork } from './article-work.js';
import { startWorker } from './thread.js';

/** Fewer paragraphs to read than this and the build reads them alone: starting and feeding a helper would cost more than it saves. */
export const PARALLEL_FROM_PARAGRAPHS = 2000;

export interface HelperRequest {
  id: number;
  articles: Article[];
  /** One Int32: the index of the next article to take, shared with the build's thread. */
  counter: SharedArrayBuffer;
}

export type HelperResponse = { id: number; index: number; work: ArticleWork } | { id: number; done: true };

/** One helper per process, kept between builds (its loaded model makes the next build's start cheaper); it never holds the process open. */
let helper: Worker | null = null;
let nextId = 1;

function helperThread(): Worker {
  if (helper) return helper;
  const worker = startWorker('helper-worker');
  worker.unref();
  const forget = (): void => {
    if (helper === worker) helper = null;
  };
  worker.on('error', forget);
  worker.on('exit', forget);
  helper = worker;
  return worker;
}

/**
 * Reads the articles a build still needs to read, on this thread and a helper
 * thread at once, leaving every share remembered for the build. Does nothing
 * when there is too little to read (`parallelFrom` paragraphs).
 */
export async function readArticlesOnTwoThreads(articles: Article[], parallelFrom = PARALLEL_FROM_PARAGRAPHS): Promise<void> {
  const todo = articles.filter(needsWork);
  if (todo.reduce((n, a) => n + a.paragraphs.length, 0) < parallelFrom) return;
  let worker: Worker;
  try {
    worker = helperThread();
  } catch {
    return;
  }
  const id = nextId++;
  const counter = new SharedArrayBuffer(4);
  const next = new Int32Array(counter);
  const shares = new Map<number, ArticleWork>();
  const finished = new Promise<void>((resolve) => {
    const onMessage = (response: HelperResponse): void => {
      if (response.id !== id) return;
      if ('work' in response) shares.set(response.index, response.work);
      else stop();
    };
    const stop = (): void => {
      worker.unref();
      worker.off('message', onMessage);
      worker.off('error', stop);
      worker.off('exit', stop);
      resolve();
    };
    worker.on('message', onMessage);
    worker.on('error', stop);
    worker.on('exit', stop);
  });
  // Held open only while it works for a build.
  worker.ref();
  worker.postMessage({ id, articles: todo, counter } satisfies HelperRequest);
  let readHere = 0;
  for (let i = Atomics.add(next, 0, 1); i < todo.length; i = Atomics.add(next, 0, 1)) {
    rememberArticle(todo[i] as Article);
    readHere++;
  }
  // Read everything here (the helper was still starting): its late "done" is not worth waiting for.
  if (readHere < todo.length) await finished;
  for (const [index, work] of shares) storeArticleWork(todo[index] as Article, work);
}
