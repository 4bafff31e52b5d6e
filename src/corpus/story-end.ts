/**
 * Where the story ends, read from what follows it: its wire credit, a list of
 * other stories printed as teasers (a headline, one sentence or two of
 * summary, and the date it was published), and short islands of prose. The
 * body is one run of prose; a teaser list never holds two paragraphs in a row,
 * and its dates are other stories' — left in, they make timeline events.
 */
import type { BlockKind } from './classify.js';
import { isWireCredit } from './furniture.js';
import { CALENDAR_WORD, type BlockSignals } from './signals.js';

/** What the rules of the page's end (here and in comments.ts) read and rewrite of a classified block. */
export interface EndBlock {
  text: string;
  signals: BlockSignals;
  kind: BlockKind | null;
}

/**
 * Kinds a picture or an embedded post puts between two paragraphs of one story: a post quoted from a
 * network ends with its signature line (`— Name (@handle) date`), which is no sign that the story ended.
 */
export const PICTURE_KINDS = new Set<BlockKind | null>(['caption', 'credit', 'duplicate', 'advert', 'post-signature']);

/** The index of the next block after `i` that is not part of a picture. */
export function nextBesidePictures(blocks: readonly EndBlock[], i: number): number {
  let next = i + 1;
  while (next < blocks.length && PICTURE_KINDS.has(blocks[next]!.kind)) next++;
  return next;
}

/** The index of the block before `i` that is not part of a picture (-1 when none). */
function previousBesidePictures(blocks: readonly EndBlock[], i: number): number {
  let previous = i - 1;
  while (previous >= 0 && PICTURE_KINDS.has(blocks[previous]!.kind)) previous--;
  return previous;
}

/** Whether `count` paragraphs of prose follow one another from block `i`, pictures aside. */
export function proseRunsOn(blocks: readonly EndBlock[], i: number, count: number): boolean {
  for (let k = 0, at = i; k < count; k++, at = nextBesidePictures(blocks, at)) if (blocks[at]?.kind !== 'body') return false;
  return true;
}

/** Paragraphs in a row that are the story taken up again after a long box of links. */
export const LONG_RUN = 3;

/** A month, a weekday, a year or a numeric date: what a byline's stamp gives and an update note may not. */
export const NAMES_A_DAY = new RegExp(`\\b${CALENDAR_WORD.source}|\\b(?:19|20)\\d{2}\\b|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}`, 'i');

/**
 * The story ends at its wire credit (`Reporting by X; Editing by Y`, `X contributed to this report.`): a lone sentence
 * after it is the page's small print (`All quotes delayed a minimum of 15 minutes.`), unless a run of paragraphs takes
 * a story up again.
 */
export function markAfterWireCredit(blocks: EndBlock[]): void {
  const firstBody = blocks.findIndex((b) => b.kind === 'body');
  const credit = blocks.findIndex((b, i) => i > firstBody && b.kind === 'credit' && isWireCredit(b.text));
  if (firstBody < 0 || credit < 0) return;
  for (let i = credit + 1; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'body' && proseRunsOn(blocks, i, LONG_RUN)) return;
    if (b.kind === 'body' || b.kind === 'caption' || b.kind === 'heading') b.kind = 'sidebar';
  }
}

/** A stamp that dates a story by its age (`3 hours ago`, `2d ago`). */
const AGO = /\bago\b/i;

/** Kinds a teaser's headline is given: a title alone on its line, between prose or not. */
const TITLE_KINDS = new Set<BlockKind | null>(['heading', 'navigation', 'headline', 'sidebar']);

/** Teasers enough on one page to be a list of other stories. */
const MIN_TEASERS = 2;

/**
 * A teaser: a headline, one paragraph, and a date stamp after it. A live page
 * stamps each entry above it, and with the time of day; a teaser list dates
 * each story below its summary, with the day.
 */
function isTeaser(blocks: readonly EndBlock[], i: number): boolean {
  if (blocks[i]?.kind !== 'body') return false;
  const before = blocks[previousBesidePictures(blocks, i)];
  const after = blocks[nextBesidePictures(blocks, i)];
  return before !== undefined && TITLE_KINDS.has(before.kind) && after?.kind === 'dateline' && (NAMES_A_DAY.test(after.text) || AGO.test(after.text));
}

/** Teasers of other stories after the story's own run of paragraphs: the page's list of other stories. */
export function markStampedTeasers(blocks: EndBlock[]): void {
  const storyRun = blocks.findIndex((b, i) => b.kind === 'body' && proseRunsOn(blocks, i, 2));
  if (storyRun < 0) return;
  const teasers = blocks.map((_, i) => i).filter((i) => i > storyRun && isTeaser(blocks, i));
  if (teasers.length < MIN_TEASERS) return;
  // A live page's entries each sit under their stamp: the first of them too. The first teaser's headline follows the story.
  const firstTitle = previousBesidePictures(blocks, teasers[0]!);
  if (blocks[previousBesidePictures(blocks, firstTitle)]?.kind === 'dateline') return;
  // The list's last story may go undated: a headline and one paragraph right after the last dated teaser.
  const lastStamp = nextBesidePictures(blocks, teasers[teasers.length - 1]!);
  const lastTitle = nextBesidePictures(blocks, lastStamp);
  const last = nextBesidePictures(blocks, lastTitle);
  if (TITLE_KINDS.has(blocks[lastTitle]?.kind ?? null) && blocks[last]?.kind === 'body' && blocks[nextBesidePictures(blocks, last)]?.kind !== 'body') {
    teasers.push(last);
  }
  for (const i of teasers) {
    blocks[i]!.kind = 'sidebar';
    const title = blocks[previousBesidePictures(blocks, i)]!;
    if (title.kind === 'heading' || title.kind === 'headline') title.kind = 'sidebar';
  }
}

/*
 * A page's tail — newsletter pitches, the site's description of itself,
 * trademark and privacy notices, another story's teaser — also holds
 * sentences, but as short islands cut off from the story by menus, share bars
 * and link lists. jusText reads a page the same way: a good block far from the
 * main run, among bad ones, is bad.
 */
const ISLAND_RULES = {
  /** Blocks of page furniture (pictures aside) that end a run of the story's paragraphs. */
  gap: 4,
  /** A run after the story holding fewer words than this share of the story's is an island. */
  share: 0.2,
};

interface Run {
  from: number;
  to: number;
  words: number;
}

/** Runs of body blocks, split where `gap` or more other blocks (pictures aside) stand between two. */
function bodyRuns(blocks: readonly EndBlock[], gap: number): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  let apart = 0;
  blocks.forEach((b, i) => {
    if (b.kind === 'body') {
      if (current && apart < gap) {
        current.to = i;
        current.words += b.signals.words;
      } else {
        current = { from: i, to: i, words: b.signals.words };
        runs.push(current);
      }
      apart = 0;
    } else if (!PICTURE_KINDS.has(b.kind)) {
      apart++;
    }
  });
  return runs;
}

/** Marks short runs of prose after the story, cut off from it by furniture, as sidebar. */
export function markTailIslands(blocks: EndBlock[]): void {
  const runs = bodyRuns(blocks, ISLAND_RULES.gap);
  if (runs.length < 2) return;
  const story = runs.reduce((best, run) => (run.words > best.words ? run : best));
  for (const run of runs) {
    if (run.from <= story.to || run.words >= ISLAND_RULES.share * story.words) continue;
    for (let i = run.from; i <= run.to; i++) if (blocks[i]!.kind === 'body') blocks[i]!.kind = 'sidebar';
  }
}
