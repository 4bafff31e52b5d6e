/**
 * A seed file's blocks, whatever its format: a copied page as text (`.txt`)
 * is cut by its layout; a saved web page (`.html`) by its markup, after
 * Readability has found the article in it.
 */
import { extname } from 'node:path';
import type { PageUnit } from './classify.js';
import type { PageMetadata } from './html.js';
import { readHtmlPage } from './html.js';
import { splitUnits } from './layout.js';

export const HTML_EXTENSIONS = ['.html', '.htm'];

export const isHtmlFile = (file: string): boolean => HTML_EXTENSIONS.includes(extname(file).toLowerCase());

export interface ReadPage {
  units: PageUnit[];
  /** What the page says about itself (saved web pages only). */
  metadata: PageMetadata;
}

/** The page's blocks and metadata; null when a saved web page holds no article Readability can find. */
export function readPage(raw: string, file: string): ReadPage | null {
  if (isHtmlFile(file)) return readHtmlPage(raw);
  return { units: splitUnits(raw).map((text) => ({ text })), metadata: {} };
}

export const pageUnitsOf = (raw: string, file: string): PageUnit[] => readPage(raw, file)?.units ?? [];
