/**
 * Readers' comments under a story. They are prose — sentences, function
 * words, long runs of them — so the block classifier takes them for more of
 * the story. What gives them away is the thread's frame: a marker that the
 * comments begin (`34 responses to "…"`, `[ 167 comments ]`, `Top Rated
 * Comments`, `jane_doe says:`) followed by the commenters' time stamps, one
 * per comment. A liveblog's time stamps have no such marker, so they stay body.
 */
import { isCommentsHeading } from './furniture.js';
import type { EndBlock } from './story-end.js';

/** The line that opens a thread of comments, beside the plain heading (`Comments`, `Comments (12)`: isCommentsHeading). */
const THREAD_MARKER =
  /^\[?\s*\d[\d,.]*k?\s+(?:comments?|responses?|replies|reactions|thoughts)\b|^(?:(?:top|most|best|highest|newest|latest|oldest|featured|recent|popular)(?: rated| liked| recent)?\s+(?:readers?[’']?\s+|user\s+)?|readers?[’']?\s+|user\s+)comments?\s*(?:\(\d[\d,]*\))?\s*:?$/iu;
/**
 * A commenter's handle over a comment (`jane_doe says:`), with the comment's time stamp in the very next block. A story's
 * line of the same shape (`She wrote:`, `He said:`) introduces a quotation or a post, never directly a time stamp.
 */
const COMMENTER_SAYS = /^\S{1,40}\s+(?:says|said|wrote|commented):?$/iu;
/** The story has begun: at least this many body blocks come before a thread. */
const BODY_BEFORE = 3;
/** The thread's first time stamp comes within this many blocks of its marker. */
const STAMP_WITHIN = 6;

/** Where a thread of comments begins after the story, or -1. */
function threadStart(blocks: readonly EndBlock[]): number {
  let body = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'body') body++;
    if (body < BODY_BEFORE || b.signals.words > 12) continue;
    const text = b.text.trim();
    if (isCommentsHeading(text) || THREAD_MARKER.test(text)) {
      if (blocks.slice(i + 1, i + 1 + STAMP_WITHIN).some((next) => next.signals.dateOnly)) return i;
    } else if (COMMENTER_SAYS.test(text) && blocks[i + 1]?.signals.dateOnly) {
      return i;
    }
  }
  return -1;
}

/** Marks a thread of readers' comments after the story, and everything below it, as comments. */
export function markCommentThread(blocks: EndBlock[]): void {
  const start = threadStart(blocks);
  if (start < 0) return;
  for (let i = start; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === null || b.kind === 'body' || b.kind === 'caption' || b.kind === 'heading' || b.kind === 'navigation') b.kind = 'comments';
  }
}
