import { readFile } from 'node:fs/promises';

/**
 * Reads a moderator-edited JSON file beside the seeds (`sources.json`,
 * `synonyms.json`, `speakers.json`). A missing file is `undefined`: the
 * feature runs without it. Any other problem throws the caller's own error,
 * built from a detail in words, so the message names the file and the feature.
 */
export async function readJsonFile(path: string, fail: (detail: string) => Error): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw fail((error as NodeJS.ErrnoException).code ?? (error as Error).message);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw fail(`not valid JSON (${(error as Error).message})`);
  }
}
