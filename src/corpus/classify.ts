/**
 * Body or furniture, block by block: the jusText idea (Pomikálek 2011), on the
 * text of a copied page.
 *
 * 1. Each block is first judged alone: furniture of a recognised kind
 *    (furniture.ts), `good` (long prose: many words, function words, ends like
 *    a sentence), `bad` (navigation or share vocabulary), `title` (a short line
 *    without sentence punctuation), or undecided: `short` prose, `near` (long
 *    but thin on function words).
 * 2. The undecided take the class of their neighbours: a short sentence
 *    between two paragraphs of prose is prose; the same sentence among menus
 *    is furniture. A title between prose is a section heading; a run of titles
 *    elsewhere is a menu or a list of other stories.
 * 3. The body is one run of prose: what follows a heading that announces
 *    other stories ("Related coverage", "News latest") is sidebar, and a bio
 *    or a date line is believed only outside the body.
 */
import type { FurnitureKind } from './furniture.js';
import { isAgencyCredit, isSidebarHeading, isStorySource, isWireCredit, isSummaryHeading, judgeCaption, looksLikeBio, recogniseFurniture } from './furniture.js';
import type { BlockSignals } from './signals.js';
import { DATED_LIST_ITEM } from '../nlp/calendar.js';
import { holdsWholeSentence, sentenceCount, signalsOf } from './signals.js';
import { comparable, copyGroups, printedTwiceOver } from './copies.js';
import { LONG_RUN, NAMES_A_DAY, PICTURE_KINDS, markAfterWireCredit, markStampedTeasers, markTailIslands, nextBesidePictures, proseRunsOn } from './story-end.js';
import { markCommentThread } from './comments.js';

/** What a block of a page is. Only `body` and `caption` become paragraphs. */
export type BlockKind = 'body' | 'caption' | 'headline' | 'heading' | 'standfirst' | 'sidebar' | 'duplicate' | FurnitureKind;

export interface Block {
  kind: BlockKind;
  /** The block as it appears on the page (a kept caption without its credit). */
  text: string;
}

/** What the page's markup says about a block, when it has markup (a saved `.html` page). */
export type BlockHint = 'caption' | 'heading';

export interface PageUnit {
  text: string;
  hint?: BlockHint;
}

/** The knobs of the first, context-free judgement. */
export const BLOCK_THRESHOLDS = {
  /** A block of at least this many words that reads as prose is `good` on its own. */
  goodWords: 15,
  /** …and at least this share of function words. */
  goodStopShare: 0.2,
  /** A title (heading, menu item, headline) has at most this many words. */
  titleWords: 14,
} as const;

type Judgement = 'good' | 'bad' | 'short' | 'near' | 'title' | 'caption';

interface Working {
  text: string;
  signals: BlockSignals;
  judgement: Judgement;
  kind: BlockKind | null;
}

/**
 * A question or exclamation with every content word capitalised is a headline (`Did the Council Cut Ferry Fares?`,
 * `These Pictures Are Unmissable!`), another story's title; a sentence of prose capitalises its names only.
 */
function asksInHeadlineCase(text: string, signals: BlockSignals): boolean {
  return /[?!]["”’)]*$/.test(text) && !/["“”]/.test(text) && signals.capitalShare >= 0.8 && signals.contentShare * signals.words >= 3;
}

function judgeAlone(text: string, signals: BlockSignals): Judgement {
  const t = BLOCK_THRESHOLDS;
  if (signals.words >= t.goodWords && signals.stopShare >= t.goodStopShare && (signals.endsSentence || signals.words >= 2 * t.goodWords)) {
    return 'good';
  }
  if ((!signals.endsSentence || asksInHeadlineCase(text, signals)) && signals.words <= t.titleWords) return 'title';
  if (signals.words < t.goodWords) return 'short';
  return 'near';
}

/** A summary lists a few points; past that, prose under the heading is the story. */
const MAX_SUMMARY_POINTS = 5;

/** A caption runs to at most this many words. */
const CAPTION_WORDS = 60;

/** A credit line on its own runs to at most this many words (`Jane Roe/Harbour News via Getty Images`). */
const CREDIT_WORDS = 12;

/** A block printed this many times on one page is furniture, first copy included. */
const MANY_COPIES = 3;

/** Kinds a page inserts into the body as well as around it (adverts, share bars, credits): they say nothing of where the body is. */
const INSERTED = new Set<BlockKind>(['duplicate', 'advert', 'share', 'credit', 'byline', 'dateline', 'signoff', 'copyright', 'caption', 'post-signature']);

/** The judgement of the nearest block before (`step` -1) or after (+1) that is decided, skipping captions and headings. */
function neighbour(blocks: Working[], from: number, step: 1 | -1, skip: ReadonlySet<Judgement>): Judgement | null {
  for (let i = from + step; i >= 0 && i < blocks.length; i += step) {
    const b = blocks[i]!;
    // The story ends at its wire credit: what follows is not rescued by the paragraph above it.
    if (step === -1 && b.kind === 'credit' && isWireCredit(b.text)) return 'bad';
    if (b.judgement === 'caption' || (b.kind !== null && INSERTED.has(b.kind))) continue;
    // A title in a run of titles is a menu or a list of stories: furniture, whatever is skipped.
    if (b.judgement === 'title' && (blocks[i - 1]?.judgement === 'title' || blocks[i + 1]?.judgement === 'title')) return 'bad';
    if (skip.has(b.judgement)) continue;
    return b.judgement;
  }
  return null;
}

/** Classifies every block of a page, in order. */
export function classifyBlocks(units: readonly PageUnit[], title?: string): Block[] {
  const groups = copyGroups(units.map((u) => u.text));
  const seen = new Set<number>();
  const copies = new Map<number, number>();
  for (const group of groups) copies.set(group, (copies.get(group) ?? 0) + 1);
  const titleKey = title ? comparable(title) : null;
  const blocks: Working[] = units.map(({ text, hint }, i) => {
    const group = groups[i]!;
    const signals = signalsOf(text);
    const key = comparable(text);
    if (seen.has(group) || printedTwiceOver(key)) return { text, signals, judgement: 'bad', kind: 'duplicate' };
    seen.add(group);
    // The page's title where the page shows it; copies of it are share widgets and story lists.
    if (key === titleKey) return { text, signals, judgement: 'title', kind: 'headline' };
    // Prose is never printed three times on one page; a teaser, a caption in a gallery or a widget is.
    if ((copies.get(group) ?? 0) >= MANY_COPIES) return { text, signals, judgement: 'bad', kind: 'navigation' };
    // A figure's caption element may hold only the picture's credit (`Jane Roe | Bloomberg`).
    if (hint === 'caption') {
      const credit = recogniseFurniture(text, signals) === 'credit' || judgeCaption(text).kind === 'drop';
      return credit ? { text, signals, judgement: 'bad', kind: 'credit' } : { text, signals, judgement: 'caption', kind: 'caption' };
    }
    // `Source: news agencies` reads like a picture credit but closes the story.
    if (isStorySource(text)) return { text, signals, judgement: 'bad', kind: 'signoff' };
    const caption = judgeCaption(text);
    if (caption.kind === 'keep') return { text: caption.text, signals, judgement: 'caption', kind: 'caption' };
    if (caption.kind === 'drop') return { text, signals, judgement: 'bad', kind: 'credit' };
    const furniture = recogniseFurniture(text, signals);
    if (furniture) return { text, signals, judgement: 'bad', kind: furniture };
    if (hint === 'heading') return { text, signals, judgement: 'title', kind: null };
    return { text, signals, judgement: judgeAlone(text, signals), kind: null };
  });

  // A long headline is still a headline: the first block that is not furniture, if it is not a sentence.
  const first = blocks.find((b) => b.kind === null && b.judgement !== 'caption');
  if (first && !first.signals.endsSentence && first.signals.words <= 30) first.judgement = 'title';

  const anyGood = blocks.some((b) => b.judgement === 'good');
  // A page of short paragraphs only (a brief) is still an article: its sentences are its body.
  if (!anyGood) for (const b of blocks) if (b.kind === null && b.judgement !== 'title' && b.signals.endsSentence) b.judgement = 'good';

  const undecided = new Set<Judgement>(['short', 'near', 'title']);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.judgement !== 'short' && b.judgement !== 'near') continue;
    const before = neighbour(blocks, i, -1, undecided);
    const after = neighbour(blocks, i, 1, undecided);
    if (b.judgement === 'near') {
      // A line of 15–29 words that is no sentence is the headline of another story set in the page ("Staffers 'don't care': …").
      // A paragraph leading into a quotation or a list ends with a colon or a dash: that is prose running on.
      const runsOn = /[:;,\u2013\u2014-]$/.test(b.text);
      // Between paragraphs of prose, a block that holds a whole sentence is prose whatever it ends with (a post quoted with its link and date).
      const amidProse = before === 'good' && after === 'good' && holdsWholeSentence(b.text, BLOCK_THRESHOLDS.goodStopShare);
      const teaser = !b.signals.endsSentence && !runsOn && !amidProse && b.signals.words < 2 * BLOCK_THRESHOLDS.goodWords;
      b.kind = teaser || (before === 'bad' && after === 'bad') ? 'navigation' : 'body';
    } else if (before === 'good' || after === 'good') {
      // Beside prose, a short block that is a sentence is prose; a fragment is prose only between prose.
      b.kind = b.signals.endsSentence || (before === 'good' && after === 'good') ? 'body' : 'navigation';
    } else {
      b.kind = 'navigation';
    }
  }
  for (const b of blocks) {
    if (b.kind === 'body') b.judgement = 'good';
    else if (b.judgement === 'good') b.kind = 'body';
  }

  markListsInBody(blocks);
  markCaptionsBeforeCredits(blocks);
  markTitles(blocks);
  markStandfirst(blocks);
  markOutsideBody(blocks);
  markCommentThread(blocks);
  markTailIslands(blocks);
  return blocks.map((b) => ({ kind: b.kind ?? 'body', text: b.text }));
}

/** A list set in a story holds at most this many items, each at most this many words. */
const MAX_LIST_ITEMS = 12;
const LIST_ITEM_WORDS = 30;

/**
 * A list inside the story: a line of the story that ends with a colon
 * (`Here is what we know so far:`) and the short items under it, when the
 * story goes on after them. The items are fragments, like a menu's, but a
 * menu is not announced by a sentence of the story.
 */
function markListsInBody(blocks: Working[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const intro = blocks[i]!;
    if (intro.kind !== null && intro.kind !== 'body' && intro.kind !== 'navigation') continue;
    // `Key dates`: a chronology's heading, over items that each open with a date.
    const chronology = CHRONOLOGY_HEADING.test(intro.text);
    if (!chronology && (!intro.text.endsWith(':') || isSidebarHeading(intro.text, intro.signals) || intro.signals.stopShare === 0)) continue;
    if (neighbour(blocks, i, -1, new Set()) !== 'good') continue;
    let end = i + 1;
    while (end < blocks.length && end - i <= MAX_LIST_ITEMS && blocks[end]!.judgement !== 'good') {
      const item = blocks[end]!;
      const fragment = (item.kind === null || item.kind === 'navigation') && item.signals.words <= LIST_ITEM_WORDS;
      if (!fragment || (chronology && !DATED_LIST_ITEM.test(item.text))) break;
      end++;
    }
    // The story must go on after the list: a list that runs to the end of the page, or into furniture, is a menu.
    if (end === i + 1 || blocks[end]?.judgement !== 'good') continue;
    for (let j = i; j < end; j++) {
      blocks[j]!.kind = chronology && j === i ? 'heading' : 'body';
      blocks[j]!.judgement = 'good';
    }
  }
}

/** The heading of a chronology set in the story: `Key dates`, `Timeline:`, `How the dispute unfolded`. */
const CHRONOLOGY_HEADING = /^(?:key (?:dates|events|moments)|timeline|chronology|(?:a )?timeline of [\p{L} ]{1,40}|how (?:it|the [\p{L}]+) unfolded)\s*:?$/iu;

/** A credit on its own line (`(Jane Roe/AFP)`, `Photograph: Jane Roe`) belongs to the block just before it: a caption. */
function markCaptionsBeforeCredits(blocks: Working[]): void {
  for (let i = 1; i < blocks.length; i++) {
    const credit = blocks[i]!;
    // `Image copyright X` comes before its caption on the pages that print it; attribution-style credits come after.
    const before = blocks[i - 1]!;
    // A picture's alt text and its caption: the same words twice in a row.
    const printedTwice = credit.kind === 'duplicate' && comparable(credit.text) === comparable(before.text);
    if (!printedTwice && !creditsPictureAbove(blocks, i)) continue;
    // A caption is a sentence or two about a picture, never a quotation; alt text printed twice may run to a cut-off summary.
    const maxWords = printedTwice ? 2 * CAPTION_WORDS : CAPTION_WORDS;
    const captionLike = before.signals.words <= maxWords && !/["“”]/.test(before.text) && sentenceCount(before.text) <= 2;
    if (captionLike && (before.kind === 'body' || (before.kind === null && before.judgement !== 'title'))) {
      before.kind = 'caption';
      before.judgement = 'caption';
    }
  }
}

/** Whether the block at `i` is a picture credit on its own line, which makes the block above it a caption. */
function creditsPictureAbove(blocks: Working[], i: number): boolean {
  const credit = blocks[i]!;
  // A credit is a name or two; a longer block dropped as a credit is a picture's own caption.
  const shaped =
    credit.kind === 'credit' &&
    credit.signals.words <= CREDIT_WORDS &&
    !/^(?:image|photo|picture|media)\b|\b(?:reporting|editing|writing|contributed|compiled)\b/i.test(credit.text) &&
    /^\(.*\)$|[/|,]|^(?:photo|photograph|picture|credit|source)\b/i.test(credit.text);
  // `Source: Harbour Statistics Office` after the last paragraph names where the story came from, not a picture's (a line
  // naming agencies, `Source: news agencies`, is a sign-off already: isStorySource).
  const sourcesStory = /^source\b/i.test(credit.text) && neighbour(blocks, i, 1, new Set()) !== 'good';
  if (shaped) return !sourcesStory;
  // A bare agency name (`Getty Images`, `Reuters`) may also sign off the story: it credits a caption only inside the body.
  const agencyOnly = (credit.kind === 'credit' || credit.kind === 'signoff') && isAgencyCredit(credit.text);
  return agencyOnly && neighbour(blocks, i - 1, -1, new Set()) === 'good' && neighbour(blocks, i, 1, new Set()) === 'good';
}

/**
 * A summary printed above the byline or date line (a standfirst) repeats the
 * story: the body starts after the byline when a longer run of prose follows it.
 */
function markStandfirst(blocks: Working[]): void {
  // The points listed under a `Key points` heading, up to the next block that is not prose.
  blocks.forEach((heading, i) => {
    if (!isSummaryHeading(heading.text)) return;
    // Points printed again further down are points, and the later copies the story.
    let repeated = 0;
    for (let j = i + 1; j < blocks.length && blocks[j]!.kind === 'body' && repeated < MAX_SUMMARY_POINTS; j++, repeated++) {
      const point = blocks[j]!;
      const pointKey = comparable(point.text);
      const copy = blocks.findIndex((b, k) => k > j && b.kind === 'duplicate' && comparable(b.text) === pointKey);
      if (copy < 0) break;
      point.kind = 'standfirst';
      blocks[copy]!.kind = 'body';
    }
    if (repeated > 0) return;
    let end = i + 1;
    while (end < blocks.length && blocks[end]!.kind === 'body') end++;
    // Only a list that ends before the story does (at a picture, a byline): run on into prose and it is the story.
    if (end - i - 1 > MAX_SUMMARY_POINTS || end >= blocks.length) return;
    for (let j = i + 1; j < end; j++) blocks[j]!.kind = 'standfirst';
  });
  const firstBody = blocks.findIndex((b) => b.kind === 'body');
  // An update note that gives only a time (`Updated 3:45 PM`) may stand anywhere in a story; the stamp of the byline names a day.
  const isStamp = (b: Working): boolean => b.kind === 'byline' || (b.kind === 'dateline' && NAMES_A_DAY.test(b.text));
  const byline = blocks.findIndex((b, i) => i > firstBody && isStamp(b));
  if (firstBody < 0 || byline < 0) return;
  // Under a byline already, the first paragraphs are the story's lead, not a summary above it. Only a byline
  // below the headline counts: a menu's `Reporter's Notebook` above it reads as one too.
  let headline = firstBody - 1;
  while (headline >= 0 && blocks[headline]!.kind !== 'headline') headline--;
  if (blocks.slice(headline + 1, firstBody).some((b) => b.kind === 'byline')) return;
  // Stamps over the entries further down are a live page's time stamps: its first entry is news, not a summary.
  const bodyAfter = blocks.findIndex((b, i) => i > byline && b.kind === 'body');
  // An entry may have a title of its own between its stamp and its text.
  const entryAt = (i: number): boolean => blocks[i]?.kind === 'body' || (blocks[i]?.kind === 'heading' && blocks[i + 1]?.kind === 'body');
  const stampedEntries = blocks.filter((b, i) => i > bodyAfter && isStamp(b) && entryAt(i + 1)).length;
  if (bodyAfter >= 0 && stampedEntries >= 2) return;
  const before = blocks.slice(0, byline).filter((b) => b.kind === 'body');
  const after = blocks.slice(byline).filter((b) => b.kind === 'body');
  if (before.length > 2 || after.length < 3) return;
  for (const b of before) b.kind = 'standfirst';
}

/** The page's headline, section headings, and title runs that are menus or story lists. */
function markTitles(blocks: Working[]): void {
  const firstGood = blocks.findIndex((b) => b.judgement === 'good');
  // The headline: the longest title before the body (menu items are shorter than headlines).
  let headline: Working | null = blocks.find((b) => b.kind === 'headline') ?? null;
  for (const b of headline || firstGood < 0 ? [] : blocks.slice(0, firstGood)) {
    if (b.judgement !== 'title' || b.signals.words < 2 || b.signals.allCaps || isSidebarHeading(b.text, b.signals)) continue;
    // Of titles as long, the one nearer the body: menus and page tools come first.
    if (!headline || b.signals.words >= headline.signals.words) headline = b;
  }
  if (headline) headline.kind = 'headline';
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.judgement !== 'title' || b === headline) continue;
    const inRun = blocks[i - 1]?.judgement === 'title' || blocks[i + 1]?.judgement === 'title';
    const before = neighbour(blocks, i, -1, new Set());
    const after = neighbour(blocks, i, 1, new Set());
    // A heading names something; a word or two of function words only (`By`, `And more`) is a fragment of a byline or a menu
    // (`What happens next` asks a question of the story).
    const names = (b.signals.stopShare < 1 || b.signals.words >= 3) && /\p{L}/u.test(b.text);
    b.kind = i > firstGood && before === 'good' && after === 'good' && !inRun && names ? 'heading' : 'navigation';
  }
}

/** A box of links to other stories set inside the story holds at most this many links (its pictures aside). */
const MAX_BOX_LINKS = 6;
/** A teaser the page cut short: it ends in an ellipsis. */
const CUT_SHORT = /(?:\.{3}|…)["”’]?$/;


/**
 * Whether the story goes on at block `i`: it and the next block that is not a
 * picture are both paragraphs of prose, or a section heading comes between
 * them and two paragraphs follow it. A list of other stories never holds two
 * paragraphs in a row: each teaser has its own headline or date.
 */
function proseResumes(blocks: Working[], i: number): boolean {
  if (blocks[i]?.kind !== 'body') return false;
  const next = nextBesidePictures(blocks, i);
  if (blocks[next]?.kind === 'body') return true;
  if (blocks[next]?.kind !== 'heading') return false;
  const afterHeading = nextBesidePictures(blocks, next);
  return blocks[afterHeading]?.kind === 'body' && blocks[nextBesidePictures(blocks, afterHeading)]?.kind === 'body';
}





/** Sidebars after the body, and bios and date lines outside it. */
function markOutsideBody(blocks: Working[]): void {
  const firstBody = blocks.findIndex((b) => b.kind === 'body');
  for (let i = firstBody + 1; firstBody >= 0 && i < blocks.length; i++) {
    if (!isSidebarHeading(blocks[i]!.text, blocks[i]!.signals)) continue;
    // A box of a few links set inside the story ends where paragraphs of prose follow one another again;
    // teasers right under the heading, or prose after a long list, are other stories.
    // A longer box (a widget of the page set into the copied text) ends only where a run of paragraphs takes the story up again.
    const resumesAt = (k: number): boolean => {
      // Teasers cut short one after another are more of the box, however long each is.
      if (CUT_SHORT.test(blocks[k]!.text) || CUT_SHORT.test(blocks[nextBesidePictures(blocks, k)]?.text ?? '')) return false;
      const links = blocks.slice(i + 1, k).filter((b) => !PICTURE_KINDS.has(b.kind)).length;
      return links <= MAX_BOX_LINKS ? proseResumes(blocks, k) : proseRunsOn(blocks, k, LONG_RUN);
    };
    // Prose right under the heading is a teaser's summary: a list of other stories. A teaser cut short by the
    // page (`… as Hurri...`) is one of the box's links, and the story resumes at the first run of paragraphs after them.
    const under = blocks[i + 1];
    const summaryUnder = under?.kind === 'body' && !CUT_SHORT.test(under.text);
    const resume = summaryUnder ? -1 : blocks.findIndex((b, k) => k > i + 1 && b.kind === 'body' && resumesAt(k));
    const boxEnd = resume > 0 ? resume : blocks.length;
    let j = i;
    for (; j < boxEnd; j++) {
      const b = blocks[j]!;
      if (b.kind === 'body' || b.kind === 'caption' || b.kind === 'heading' || b.kind === 'navigation') b.kind = 'sidebar';
    }
    i = j;
  }
  markAfterWireCredit(blocks);
  markStampedTeasers(blocks);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    // A bio inside the body is news about a journalist; before or after it, or as a lone block, it is furniture.
    if ((b.kind === 'body' || b.kind === 'navigation') && looksLikeBio(b.text, b.signals)) {
      const alone = neighbour(blocks, i, -1, new Set()) !== 'good' || neighbour(blocks, i, 1, new Set()) !== 'good';
      if (alone) b.kind = 'bio';
    }
  }
}
