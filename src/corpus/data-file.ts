import { basename, dirname } from 'node:path';
import { openInside, realFolder } from './boundary.js';
import type { Opened } from './boundary.js';

/**
 * Reads a moderator-edited JSON file beside the seeds (`sources.json`,
 * `synonyms.json`, `speakers.json`). A missing file is `undefined`: the
 * feature runs without it. Any other problem throws the caller's own error,
 * built from a detail in words, so the message names the file and the feature.
 * The file must stay inside its folder (see `boundary.ts`): a JSON parse error
 * quotes the text, so a link to `../.env` would otherwise post the token.
 */
export async function readJsonFile(path: string, fail: (detail: string) => Error): Promise<unknown> {
  const failure = (error: unknown): Error => fail((error as NodeJS.ErrnoException).code ?? (error as Error).message);
  let opened: Opened;
  try {
    opened = await openInside(await realFolder(dirname(path)), basename(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw failure(error);
  }
  if (!opened.ok) throw fail(opened.reason);
  let text: string;
  try {
    text = await opened.handle.readFile('utf8');
  } catch (error) {
    throw failure(error);
  } finally {
    await opened.handle.close();
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw fail(`not valid JSON (${(error as Error).message})`);
  }
}
