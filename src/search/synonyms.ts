/**
 * Synonym sets a moderator can edit (`seeds/synonyms.json`): a question that
 * uses one phrase of a set also finds paragraphs using another.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { termsOf } from './terms.js';

export const SYNONYMS_FILE = 'synonyms.json';

export class SynonymsFileError extends Error {
  constructor(path: string, detail: string) {
    super(`search: cannot use synonyms file ${path}: ${detail}`);
    this.name = 'SynonymsFileError';
  }
}

/** A phrase as index terms, and the other phrases of its set. */
interface Entry {
  terms: string[];
  others: string[][];
}

export class Synonyms {
  private readonly entries: Entry[] = [];

  constructor(groups: string[][]) {
    for (const group of groups) {
      const phrases = group.map((p) => termsOf(p)).filter((t) => t.length > 0);
      for (const phrase of phrases) {
        this.entries.push({ terms: phrase, others: phrases.filter((p) => p !== phrase) });
      }
    }
  }

  /**
   * For each query term, the terms of every phrase that shares a set with a
   * phrase the query contains (all of whose terms are in the query).
   */
  expand(queryTerms: string[]): Map<string, Set<string>> {
    const present = new Set(queryTerms);
    const out = new Map<string, Set<string>>();
    for (const entry of this.entries) {
      if (!entry.terms.every((t) => present.has(t))) continue;
      for (const term of entry.terms) {
        const set = out.get(term) ?? new Set<string>();
        for (const other of entry.others) for (const t of other) if (!present.has(t)) set.add(t);
        out.set(term, set);
      }
    }
    return out;
  }
}

/** Reads the synonym sets beside the seeds; a missing file means none. */
export async function readSynonyms(dir: string): Promise<string[][]> {
  const path = join(dir, SYNONYMS_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new SynonymsFileError(path, (error as Error).message);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SynonymsFileError(path, `not valid JSON (${(error as Error).message})`);
  }
  const groups = (parsed as { groups?: unknown }).groups;
  if (!Array.isArray(groups) || !groups.every((g) => Array.isArray(g) && g.every((p) => typeof p === 'string'))) {
    throw new SynonymsFileError(path, 'expected { "groups": [["word", "phrase", …], …] }');
  }
  return groups as string[][];
}
