import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Article, LoadedCorpus, SkippedFile, SourceInfo } from './types.js';
import { openInside, realFolder } from './boundary.js';
import { cleanUnits } from './clean.js';
import { withPageMetadata } from './html.js';
import { HTML_EXTENSIONS, isHtmlFile, readPage } from './page.js';
import { parsePublished, readSources } from './sources.js';

export interface LoadOptions {
  /** Text files larger than this many bytes are skipped. Default: 1 MB. */
  maxFileBytes?: number;
  /** Saved web pages larger than this many bytes are skipped. Default: 8 MB (markup, scripts and styles make a page many times its text). */
  maxHtmlBytes?: number;
  /** File name endings that are articles. Default: `.txt`, `.html`, `.htm`. */
  extensions?: string[];
}

export const DEFAULT_LOAD_OPTIONS: Required<LoadOptions> = {
  maxFileBytes: 1_000_000,
  maxHtmlBytes: 8_000_000,
  extensions: ['.txt', ...HTML_EXTENSIONS],
};

/** Whether the loader reads `file` as an article: one of the article endings, and not a dotfile (`.env`, an editor's `.draft.txt`). */
export function isCandidate(file: string, extensions: readonly string[] = DEFAULT_LOAD_OPTIONS.extensions): boolean {
  return !file.startsWith('.') && extensions.includes(extname(file).toLowerCase());
}

/** The size over which a seed file is skipped unread: a saved web page is allowed more than a text file. */
export function sizeLimitOf(file: string, options: LoadOptions = {}): number {
  return isHtmlFile(file)
    ? (options.maxHtmlBytes ?? DEFAULT_LOAD_OPTIONS.maxHtmlBytes)
    : (options.maxFileBytes ?? DEFAULT_LOAD_OPTIONS.maxFileBytes);
}

export class SeedsFolderError extends Error {
  constructor(dir: string, detail: string) {
    super(`corpus: cannot read seeds folder ${dir}: ${detail}`);
    this.name = 'SeedsFolderError';
  }
}

type Decoded = { ok: true; text: string; warning?: string } | { ok: false; reason: string };

/** Tells a text file from one that is not, in words a moderator understands. */
export function decodeSeed(bytes: Buffer): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes), not text' };
  let control = 0;
  for (const byte of sample) if (byte < 9 || (byte > 13 && byte < 32)) control++;
  if (control / sample.length > 0.1) return { ok: false, reason: 'binary file (mostly control bytes), not text' };
  let text: string;
  let warning: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('utf-8').decode(bytes);
    const bad = (text.match(/\uFFFD/g) ?? []).length;
    warning = `not valid UTF-8: ${bad} bad byte sequence(s) replaced with �`;
  }
  if (text.trim() === '') return { ok: false, reason: 'empty file (only white space)' };
  return warning ? { ok: true, text, warning } : { ok: true, text };
}

const articleIdOf = (file: string): string => file.slice(0, file.length - extname(file).length);

/** Builds an article from a seed's text and its metadata; null when cleaning leaves nothing. */
export function buildArticle(file: string, text: string, entry: SourceInfo | undefined, hash: string): Article | null {
  const read = readPage(text, file);
  if (!read) return null;
  // A saved web page says what it is; sources.json only corrects it.
  const info = isHtmlFile(file) ? withPageMetadata(read.metadata, entry) : entry;
  const page = cleanUnits(read.units, info?.title);
  const articleId = articleIdOf(file);
  if (page.paragraphs.length === 0) return null;
  const publishedDate = parsePublished(info?.published, info?.precision);
  const firstLine = page.headline ?? page.paragraphs[0]?.text.split(/(?<=[.!?])\s/)[0] ?? articleId;
  return {
    articleId,
    file,
    title: info?.title?.trim() || firstLine,
    outlet: info?.outlet?.trim() || null,
    published: publishedDate?.value ?? null,
    publishedDate,
    url: info?.url?.trim() || page.url,
    ...(info?.author?.trim() ? { author: info.author.trim() } : {}),
    hash,
    warnings: [],
    paragraphs: page.paragraphs.map((p, i) => ({
      id: `${articleId}#${i + 1}`,
      articleId,
      number: i + 1,
      kind: p.kind,
      text: p.text,
      ...(p.section ? { section: p.section } : {}),
    })),
  };
}

/**
 * Reads every article in a seeds folder. A file that cannot be used is
 * reported in `skipped` and the rest load as usual; only an unreadable folder
 * (or broken `sources.json`) throws.
 */
export async function loadCorpus(dir: string, options: LoadOptions = {}): Promise<LoadedCorpus> {
  const opts = { ...DEFAULT_LOAD_OPTIONS, ...options };
  let entries: string[];
  let root: string;
  try {
    root = await realFolder(dir);
    entries = (await readdir(root)).sort();
  } catch (error) {
    throw new SeedsFolderError(dir, (error as NodeJS.ErrnoException).code ?? (error as Error).message);
  }
  const { entries: sources, problems } = await readSources(dir);
  // Files whose version has not changed since the last load of this folder are not read again.
  const lastRead = lastReads.get(root);
  const read = new Map<string, { version: string; outcome: FileOutcome }>();
  const articles: Article[] = [];
  const skipped: SkippedFile[] = [];
  // A value sources.json got wrong is ignored and said, beside the files loaded with a warning.
  const warnings: SkippedFile[] = [...problems];

  for (const file of entries) {
    if (!isCandidate(file, opts.extensions)) continue;
    const skip = (reason: string): void => void skipped.push({ file, reason });
    try {
      const opened = await openInside(root, file);
      if (!opened.ok) {
        skip(opened.reason);
        continue;
      }
      let outcome: FileOutcome;
      try {
        const limit = sizeLimitOf(file, opts);
        if (opened.size > limit) {
          skip(`too large: ${opened.size} bytes, over the limit of ${limit}`);
          continue;
        }
        // The metadata is part of the article: a corrected title or date is a change a reload reports.
        const version = opened.version && `${opened.version} ${JSON.stringify(sources[file] ?? null)}`;
        const known = lastRead?.get(file);
        outcome = version && known?.version === version ? known.outcome : readArticle(file, await opened.handle.readFile(), sources[file]);
        if (version) read.set(file, { version, outcome });
      } finally {
        await opened.handle.close();
      }
      if ('skip' in outcome) {
        skip(outcome.skip);
        continue;
      }
      if (outcome.warning) warnings.push({ file, reason: outcome.warning });
      articles.push(outcome.article);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      skip(code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `unreadable (${code ?? (error as Error).message})`);
    }
  }
  lastReads.delete(root);
  lastReads.set(root, read);
  if (lastReads.size > REMEMBERED_FOLDERS) lastReads.delete(lastReads.keys().next().value as string);
  return { articles, skipped, warnings };
}

/** What one seed file gave: an article (with the decoder's warning, if any), or why it was skipped. */
type FileOutcome = { article: Article; warning?: string } | { skip: string };

/** Folders whose last load is remembered (a process serving one corpus needs one; eval reads a few). */
const REMEMBERED_FOLDERS = 4;
/** Per folder (real path), per file: the version it was read at and what it gave. Articles are shared, read-only. */
const lastReads = new Map<string, Map<string, { version: string; outcome: FileOutcome }>>();

function readArticle(file: string, bytes: Buffer, entry: SourceInfo | undefined): FileOutcome {
  const decoded = decodeSeed(bytes);
  if (!decoded.ok) return { skip: decoded.reason };
  const hash = createHash('sha256').update(bytes).update(JSON.stringify(entry ?? null)).digest('hex');
  const article = buildArticle(file, decoded.text, entry, hash);
  if (!article) {
    return { skip: isHtmlFile(file) ? 'no article found in the page (Readability found none, or only page furniture)' : 'no article text left after removing page furniture' };
  }
  if (!decoded.warning) return { article };
  article.warnings.push(decoded.warning);
  return { article, warning: decoded.warning };
}
