import type { ParagraphKind } from './types.js';
import type { Block, BlockKind, PageUnit } from './classify.js';
import { classifyBlocks } from './classify.js';
import { isWireCredit, sourceUrlIn, stripInlineMarkers, stripTrailingSignOff } from './furniture.js';
import { pageUnitsOf } from './page.js';

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
  /** Every block of the page with its kind, in order: what was kept and what was removed, and why. */
  blocks: Block[];
  /** What was removed, by kind, for a moderator's report and for tests. */
  removed: Partial<Record<BlockKind, number>>;
}

/** Turns a copied web page (text, or a saved `.html` page when `file` says so) into its headline and clean paragraphs. */
export function cleanPage(raw: string, file = 'page.txt', title?: string): CleanedPage {
  return cleanUnits(pageUnitsOf(raw, file), title);
}

/** A page's blocks without the markers and sign-offs glued into them; a block that was nothing else is gone. */
export function withoutMarkers<U extends PageUnit>(units: readonly U[]): U[] {
  return units
    .map((u) => {
      const text = stripTrailingSignOff(stripInlineMarkers(u.text));
      // A wire credit on its own line (`(Reporting by X)`) stays a block: it tells the classifier where the story ends.
      return { ...u, text: text === '' && isWireCredit(u.text) ? u.text.trim() : text };
    })
    .filter((u) => u.text !== '');
}

/** Cleans a page already cut into blocks (a `.html` page's paragraphs, with what its markup says). */
export function cleanUnits(units: readonly PageUnit[], title?: string): CleanedPage {
  const blocks = classifyBlocks(withoutMarkers(units), title);
  const paragraphs: CleanParagraph[] = [];
  const removed: CleanedPage['removed'] = {};
  let headline: string | null = null;
  let url: string | null = null;
  let section: string | undefined;
  for (const block of blocks) {
    url ??= sourceUrlIn(block.text);
    if (block.kind === 'headline') headline ??= block.text;
    if (block.kind === 'heading') section = block.text;
    if (block.kind === 'body' || block.kind === 'caption') {
      paragraphs.push({ kind: block.kind, text: block.text, ...(section ? { section } : {}) });
    } else if (block.kind !== 'headline' && block.kind !== 'heading') {
      removed[block.kind] = (removed[block.kind] ?? 0) + 1;
    }
  }
  return { headline, paragraphs, url, blocks, removed };
}
