import { join } from 'node:path';
import type { PublishedDate, SourceInfo } from '../types.js';
import { readJsonFile } from './data-file.js';

/** The metadata file beside the seeds. */
export const SOURCES_FILE = 'sources.json';

export class SourcesFileError extends Error {
  constructor(path: string, detail: string) {
    super(`corpus: cannot use source metadata ${path}: ${detail}`);
    this.name = 'SourcesFileError';
  }
}

/** Reads `sources.json`; a missing file means no metadata, a broken one is an error the caller reports. */
export async function readSources(dir: string): Promise<Record<string, SourceInfo>> {
  const path = join(dir, SOURCES_FILE);
  const parsed = await readJsonFile(path, (detail) => new SourcesFileError(path, detail));
  if (parsed === undefined) return {};
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SourcesFileError(path, 'expected an object keyed by file name');
  }
  const out: Record<string, SourceInfo> = {};
  for (const [file, info] of Object.entries(parsed)) {
    if (file.startsWith('$') || typeof info !== 'object' || info === null) continue;
    out[file] = info as SourceInfo;
  }
  return out;
}

/**
 * Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. The precision is what the string
 * shows unless the metadata claims less; a claim of more is not believed.
 */
export function parsePublished(value: string | null | undefined, claimed?: SourceInfo['precision']): PublishedDate | null {
  if (!value) return null;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!match) return null;
  const shown: PublishedDate['precision'] = match[3] ? 'day' : match[2] ? 'month' : 'year';
  const order = ['year', 'month', 'day'] as const;
  const precision = claimed && order.indexOf(claimed) < order.indexOf(shown) ? claimed : shown;
  const parts = [match[1], match[2], match[3]].slice(0, order.indexOf(precision) + 1);
  return { value: parts.join('-'), precision };
}
