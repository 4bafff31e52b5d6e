/** The furniture rules before issue 12 (a list of patterns), frozen as the baseline eval/furniture.eval.ts prints beside ours. */
import type { ParagraphKind } from '../../src/corpus/types.js';
import {
  isFurnitureLine,
  isHeading,
  judgeCaption,
  sourceUrlIn,
  startsTrailingSidebar,
  stripInlineMarkers,
} from './old-furniture.js';
import { splitUnits } from '../../src/corpus/layout.js';

export interface CleanParagraph {
  kind: ParagraphKind;
  text: string;
  /** The section heading the paragraph sits under, if the article has headings. */
  section?: string;
}

export interface CleanedPage {
  /** The page's own headline, when its first line looks like one. */
  headline: string | null;
  paragraphs: CleanParagraph[];
  /** A source URL the page states itself, if any. */
  url: string | null;
  /** What was removed, by kind, for a moderator's report and for tests. */
  removed: { furniture: number; captions: number; duplicates: number; sidebar: number };
}

const comparable = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function looksLikeHeadline(unit: string): boolean {
  const words = unit.split(/\s+/).length;
  return words >= 2 && words <= 30 && !/[.!?]$/.test(unit) && judgeCaption(unit).kind === 'not-caption';
}

/** Turns the text of a copied web page into its headline and clean paragraphs. */
export function cleanPageWithOldRules(raw: string): CleanedPage {
  const units = splitUnits(raw);
  const removed = { furniture: 0, captions: 0, duplicates: 0, sidebar: 0 };
  const paragraphs: CleanParagraph[] = [];
  const seen = new Set<string>();
  let headline: string | null = null;
  let url: string | null = null;
  let section: string | undefined;
  let sawContent = false;

  for (let i = 0; i < units.length; i++) {
    const unit = stripInlineMarkers(units[i] ?? '');
    if (unit === '') continue;
    if (startsTrailingSidebar(unit)) {
      removed.sidebar += units.length - i;
      break;
    }
    const stated = sourceUrlIn(unit);
    if (stated) url = stated;
    if (stated || isFurnitureLine(unit)) {
      removed.furniture++;
      continue;
    }
    const key = comparable(unit);
    if (seen.has(key)) {
      removed.duplicates++;
      continue;
    }
    seen.add(key);
    // The headline is the first line after navigation furniture, before any caption or text.
    if (headline === null && !sawContent && looksLikeHeadline(unit)) {
      headline = unit;
      continue;
    }
    sawContent = true;
    const caption = judgeCaption(unit);
    if (caption.kind === 'drop') {
      removed.captions++;
      continue;
    }
    if (caption.kind === 'keep') {
      paragraphs.push({ kind: 'caption', text: caption.text, ...(section ? { section } : {}) });
      continue;
    }
    if (paragraphs.length > 0 && isHeading(unit)) {
      section = unit;
      continue;
    }
    paragraphs.push({ kind: 'body', text: unit, ...(section ? { section } : {}) });
  }
  return { headline, paragraphs, url, removed };
}
