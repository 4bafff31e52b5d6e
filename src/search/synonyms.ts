/**
 * Synonym sets a moderator can edit (`seeds/synonyms.json`): a question that
 * uses one phrase of a set also finds paragraphs using another.
 */
import { join } from 'node:path';
import { readJsonFile } from '../corpus/data-file.js';
import { sharingTokenAnalyses } from '../nlp/index.js';
import { termsOf } from './terms.js';

export const SYNONYMS_FILE = 'synonyms.json';

export class SynonymsFileError extends Error {
  constructor(path: string, detail: string) {
    super(`search: cannot use synonyms file ${path}: ${detail}`);
    this.name = 'SynonymsFileError';
  }
}

/** The single token a multi-word phrase is indexed as, beside its words: `united_states`. */
export const phraseToken = (terms: string[]): string => terms.join('_');

export class Synonyms {
  /** token (a word, or a phrase's token) → the tokens of the other phrases in its sets. */
  private readonly related = new Map<string, Set<string>>();
  /** Multi-word phrases as word lists, longest first, to find them in running text. */
  private readonly phrases: string[][] = [];

  constructor(groups: string[][]) {
    const seen = new Set<string>();
    for (const group of groups) {
      // Tokens and lemmas are all a phrase's terms need: the tokens-only wink-nlp pass that reads questions, so a
      // start from the cache makes one wink-nlp instance, not a whole one for these few phrases beside it.
      const tokens = sharingTokenAnalyses(() => group.map((p) => termsOf(p))).filter((t) => t.length > 0);
      for (const terms of tokens) {
        const token = phraseToken(terms);
        if (terms.length > 1 && !seen.has(token)) {
          seen.add(token);
          this.phrases.push(terms);
        }
        const set = this.related.get(token) ?? new Set<string>();
        for (const other of tokens) if (phraseToken(other) !== token) set.add(phraseToken(other));
        this.related.set(token, set);
      }
    }
    this.phrases.sort((a, b) => b.length - a.length);
  }

  /** Tokens of the multi-word phrases that occur, word for word, in `terms`. */
  phrasesIn(terms: string[]): { token: string; words: string[] }[] {
    const found: { token: string; words: string[] }[] = [];
    for (const phrase of this.phrases) {
      for (let i = 0; i + phrase.length <= terms.length; i++) {
        if (phrase.every((w, j) => terms[i + j] === w)) {
          found.push({ token: phraseToken(phrase), words: phrase });
          break;
        }
      }
    }
    return found;
  }

  /** Tokens that share a set with `token`. */
  synonymsOf(token: string): Iterable<string> {
    return this.related.get(token) ?? [];
  }
}

/** Reads the synonym sets beside the seeds; a missing file means none. */
export async function readSynonyms(dir: string): Promise<string[][]> {
  const path = join(dir, SYNONYMS_FILE);
  const parsed = await readJsonFile(path, (detail) => new SynonymsFileError(path, detail));
  if (parsed === undefined) return [];
  const groups = (parsed as { groups?: unknown }).groups;
  if (!Array.isArray(groups) || !groups.every((g) => Array.isArray(g) && g.every((p) => typeof p === 'string'))) {
    throw new SynonymsFileError(path, 'expected { "groups": [["word", "phrase", …], …] }');
  }
  return groups as string[][];
}
