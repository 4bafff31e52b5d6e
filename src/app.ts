/**
 * What every entry point starts from: the engine built from the configured
 * seeds, the query log, and a report of the files that were skipped.
 */
import type { Config } from './config.js';
import { Engine } from './engine/engine.js';
import { createQueryLog } from './logging.js';
import type { Logger, QueryLog } from './logging.js';

/** Where the built index is persisted between starts (git-ignored). */
export const CACHE_DIR = '.cache';

export interface App {
  engine: Engine;
  queryLog: QueryLog;
  logger: Logger;
  config: Config;
}

export async function openApp(config: Config, logger: Logger): Promise<App> {
  const engine = await Engine.open({ seedsDir: config.SEEDS_DIR, maxFileBytes: config.MAX_FILE_BYTES, maxHtmlBytes: config.MAX_HTML_BYTES, cacheDir: CACHE_DIR });
  const { corpus, search, ms } = engine.build;
  for (const s of corpus.skipped) logger.warn({ file: s.file, reason: s.reason }, 'seed file skipped');
  for (const w of corpus.warnings) logger.warn({ file: w.file, reason: w.reason }, 'seed file loaded with a warning');
  logger.info({ articles: corpus.articles.length, paragraphs: search.size, ms }, 'corpus loaded');
  return { engine, queryLog: createQueryLog(logger, config.QUERY_LOG), logger, config };
}
