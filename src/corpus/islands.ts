/**
 * The story is one long run of prose. A page's tail — newsletter pitches, the
 * site's description of itself, trademark and privacy notices, another
 * story's teaser — also holds sentences, but as short islands cut off from
 * the story by menus, share bars and link lists. jusText reads a page the
 * same way: a good block far from the main run, among bad ones, is bad.
 */
import type { BlockKind } from './classify.js';
import { PICTURE_KINDS } from './story-end.js';

interface IslandBlock {
  text: string;
  kind: BlockKind | null;
  signals: { words: number };
}

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
function bodyRuns(blocks: readonly IslandBlock[], gap: number): Run[] {
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
export function markTailIslands(blocks: IslandBlock[]): void {
  const runs = bodyRuns(blocks, ISLAND_RULES.gap);
  if (runs.length < 2) return;
  const story = runs.reduce((best, run) => (run.words > best.words ? run : best));
  for (const run of runs) {
    if (run.from <= story.to || run.words >= ISLAND_RULES.share * story.words) continue;
    for (let i = run.from; i <= run.to; i++) if (blocks[i]!.kind === 'body') blocks[i]!.kind = 'sidebar';
  }
}
