/**
 * Which blocks of a page are copies of one another: a page prints a teaser, a
 * caption or a headline more than once, whole or cut short, and prose is
 * printed once.
 */

/** A block's words, lower-cased, without punctuation: what two copies share. */
export const comparable = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** A block cut short by the page, with a toggle to open or close it: `… more`, `less`, `Read more`. */
const CUT_SHORT = /(?:…|\.{3}|\b(?:read |show |see )?(?:more|less))\s*$/i;
const TOGGLE = /\s*\b(?:read |show |see )?(?:more|less)$/;

/** A cut copy must keep this many letters to be told for a copy of a longer block. */
const MIN_CUT_COPY = 40;

/**
 * Which blocks are copies of one text, as a group number per block: printed
 * again word for word, or cut short with a toggle (a gallery prints a caption
 * whole, then with `less`, then cut with `… more`). A caption that opens with
 * a sentence of the story but is not cut short is no copy of it.
 */
export function copyGroups(texts: readonly string[]): number[] {
  const groups: number[] = [];
  const byKey = new Map<string, number>();
  const keys: string[] = [];
  // Cut copies are few: only they are compared letter by letter with the others.
  const cutKeys: { key: string; group: number }[] = [];
  texts.forEach((text, i) => {
    const key = comparable(text).replace(TOGGLE, '');
    const cut = CUT_SHORT.test(text) && key.length >= MIN_CUT_COPY;
    let group = byKey.get(key);
    if (group === undefined && cut) {
      const longer = keys.findIndex((other) => other.startsWith(key));
      if (longer >= 0) group = groups[longer];
    }
    if (group === undefined) group = cutKeys.find((c) => key.startsWith(c.key))?.group;
    group ??= i;
    groups.push(group);
    keys.push(key);
    if (!byKey.has(key)) byKey.set(key, group);
    if (cut) cutKeys.push({ key, group });
  });
  return groups;
}

/** A linked headline copied with its alt text: the same words twice in one block ("Ferry plan approvedFerry plan approved"). */
export function printedTwiceOver(key: string): boolean {
  const words = key.split(' ');
  if (words.length < 6 || words.length % 2 !== 0) {
    // Glued copies share a word at the seam ("approvedferry"): compare the halves of the letters instead.
    const letters = key.replace(/ /g, '');
    const half = letters.length / 2;
    return words.length >= 5 && Number.isInteger(half) && letters.slice(0, half) === letters.slice(half);
  }
  return words.slice(0, words.length / 2).join(' ') === words.slice(words.length / 2).join(' ');
}

