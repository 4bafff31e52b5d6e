import { join } from 'node:path';
import type { PublishedDate, SkippedFile, SourceInfo } from './types.js';
import { readJsonFile } from './data-file.js';

/** The metadata file beside the seeds. */
export const SOURCES_FILE = 'sources.json';

export class SourcesFileError extends Error {
  constructor(path: string, detail: string) {
    super(`corpus: cannot use source metadata ${path}: ${detail}`);
    this.name = 'SourcesFileError';
  }
}

export interface SourcesRead {
  /** The usable metadata, keyed by seed file name. */
  entries: Record<string, SourceInfo>;
  /** A value that could not be used (named by entry, key and value): ignored, the rest of the entry kept. */
  problems: SkippedFile[];
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
const DATE_SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const TEXT_KEYS = ['title', 'outlet', 'url', 'author', 'notes'] as const;
const PRECISIONS: readonly string[] = ['year', 'month', 'day'];

/** A value as a moderator wrote it, short enough for a report line. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Why a `published` string is not a date: only `YYYY`, `YYYY-MM` or
 * `YYYY-MM-DD` that exist on a calendar (no month 13, no 30 February, no year 0).
 */
export function dateProblem(value: string): string | null {
  const match = DATE_SHAPE.exec(value.trim());
  if (!match) return 'is not a date written YYYY, YYYY-MM or YYYY-MM-DD';
  const [year, month, day] = [Number(match[1]), match[2] === undefined ? 1 : Number(match[2]), match[3] === undefined ? 1 : Number(match[3])];
  if (year < 1000) return 'is not a possible publication year';
  if (month < 1 || month > 12) return 'has no such month';
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return 'has no such day in that month';
  return null;
}

/** One entry's usable values, and a message for each value that is not. */
function checkEntry(file: string, raw: Record<string, unknown>): { entry: SourceInfo; problems: string[] } {
  const entry: Record<string, unknown> = {};
  const problems: string[] = [];
  const refuse = (key: string, why: string): void => void problems.push(`entry "${file}", key "${key}": ${shown(raw[key])} ${why}; ignored`);
  for (const key of TEXT_KEYS) {
    const value = raw[key];
    if (value === undefined) continue;
    if (value === null || typeof value === 'string') entry[key] = value;
    else refuse(key, 'is not text (write it in quotes, or null when unknown)');
  }
  const published = raw.published;
  if (published === null) entry.published = null;
  else if (typeof published === 'string') {
    const why = dateProblem(published);
    if (why) refuse('published', why);
    else entry.published = published;
  } else if (published !== undefined) refuse('published', 'is not text: write the date in quotes, e.g. "2019" or "2019-03-01"');
  const precision = raw.precision;
  if (precision !== undefined && precision !== null) {
    if (typeof precision === 'string' && PRECISIONS.includes(precision)) entry.precision = precision;
    else refuse('precision', 'is not one of "year", "month", "day"');
  }
  return { entry: entry as SourceInfo, problems };
}

/**
 * Reads `sources.json`; a missing file means no metadata, a broken one is an
 * error the caller reports. Values of the wrong type or impossible dates are
 * reported (`problems`) and ignored, so one typo neither drops an article
 * nor reaches the index.
 */
export async function readSources(dir: string): Promise<SourcesRead> {
  const path = join(dir, SOURCES_FILE);
  const parsed = await readJsonFile(path, (detail) => new SourcesFileError(path, detail));
  if (parsed === undefined) return { entries: {}, problems: [] };
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SourcesFileError(path, 'expected an object keyed by file name');
  }
  const entries: Record<string, SourceInfo> = {};
  const problems: SkippedFile[] = [];
  for (const [file, info] of Object.entries(parsed)) {
    if (file.startsWith('$')) continue;
    if (typeof info !== 'object' || info === null || Array.isArray(info)) {
      problems.push({ file: SOURCES_FILE, reason: `entry "${file}": ${shown(info)} is not an object of title, outlet, url, published…; ignored` });
      continue;
    }
    const checked = checkEntry(file, info as Record<string, unknown>);
    entries[file] = checked.entry;
    for (const reason of checked.problems) problems.push({ file: SOURCES_FILE, reason });
  }
  return { entries, problems };
}

/**
 * Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; an impossible date is no date.
 * The precision is what the string shows unless the metadata claims less; a
 * claim of more is not believed.
 */
export function parsePublished(value: string | null | undefined, claimed?: SourceInfo['precision']): PublishedDate | null {
  if (typeof value !== 'string' || dateProblem(value)) return null;
  const match = DATE_SHAPE.exec(value.trim())!;
  const shownPrecision: PublishedDate['precision'] = match[3] ? 'day' : match[2] ? 'month' : 'year';
  const order = ['year', 'month', 'day'] as const;
  const precision = claimed && order.indexOf(claimed) < order.indexOf(shownPrecision) ? claimed : shownPrecision;
  const parts = [match[1], match[2], match[3]].slice(0, order.indexOf(precision) + 1);
  return { value: parts.join('-'), precision };
}
