/**
 * Word-by-word spelling correction of a question against the words the
 * corpus uses as written (`sharring` → `sharing`; the index holds lemmas,
 * which are too far from a misspelt inflected word to find).
 */
import SearchableMap from 'minisearch/SearchableMap';
import { analyse } from '../nlp/index.js';

/** A word is a candidate for correction only when it is at least this long. */
const MIN_LENGTH = 4;
/** From this length on, two edits are allowed; below, one. */
const TWO_EDITS_FROM = 8;
/** Misspellings whose nearest word is remembered at most; past this, the memory starts over. */
const MAX_REMEMBERED_NEAREST = 5000;

/** The corpus's words as written (lower-cased), with how many paragraphs use each. */
export class Vocabulary {
  private readonly counts: Map<string, number>;
  private map: SearchableMap<number> | null = null;
  /** `nearest` answers by word and edits, until a paragraph is added or removed (a fuzzy walk of the vocabulary per misspelt word). */
  private readonly nearestOf = new Map<string, string | null>();

  constructor(entries: Iterable<[string, number]> = []) {
    this.counts = new Map(entries);
  }

  /** Counts the distinct words of one paragraph. */
  addParagraph(words: Iterable<string>): void {
    for (const word of new Set(words)) this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
    this.map = null;
    this.nearestOf.clear();
  }

  /** Forgets one paragraph `addParagraph` counted. */
  removeParagraph(words: Iterable<string>): void {
    for (const word of new Set(words)) {
      const left = (this.counts.get(word) ?? 0) - 1;
      if (left > 0) this.counts.set(word, left);
      else this.counts.delete(word);
    }
    this.map = null;
    this.nearestOf.clear();
  }

  has(word: string): boolean {
    return this.counts.has(word.toLowerCase());
  }

  /**
   * The corpus word nearest to `word` within the edits its length allows
   * (a swap of two neighbouring letters counts as one), the most used on a tie, then the first in
   * alphabetical order (not the order the words were met, which a reload changes);
   * null when there is none. `maxEdits` overrides the length rule (a
   * suggestion offered to the reader, not applied, may reach further).
   */
  nearest(word: string, maxEdits?: number): string | null {
    const lower = word.toLowerCase();
    const edits = maxEdits ?? (lower.length >= TWO_EDITS_FROM ? 2 : 1);
    const key = `${edits} ${lower}`;
    let found = this.nearestOf.get(key);
    if (found === undefined) {
      found = this.nearestAfresh(lower, edits);
      if (this.nearestOf.size >= MAX_REMEMBERED_NEAREST) this.nearestOf.clear();
      this.nearestOf.set(key, found);
    }
    return found;
  }

  private nearestAfresh(lower: string, edits: number): string | null {
    this.map ??= SearchableMap.from(this.counts);
    let best: { word: string; distance: number; count: number } | null = null;
    const consider = (candidate: string, distance: number): void => {
      const count = this.counts.get(candidate) ?? 0;
      const better =
        !best ||
        distance < best.distance ||
        (distance === best.distance && (count > best.count || (count === best.count && candidate < best.word)));
      if (better) best = { word: candidate, distance, count };
    };
    for (const [candidate, [, distance]] of this.map.fuzzyGet(lower, edits)) consider(candidate, distance);
    for (let i = 0; i + 1 < lower.length; i++) {
      const swapped = lower.slice(0, i) + lower[i + 1] + lower[i] + lower.slice(i + 2);
      if (swapped !== lower && this.counts.has(swapped)) consider(swapped, 1);
    }
    return (best as { word: string } | null)?.word ?? null;
  }

  toJSON(): [string, number][] {
    return [...this.counts];
  }
}

/** The words of a text as the vocabulary counts them: lower-cased runs of letters. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/\p{L}+/gu) ?? [];
}

/**
 * The question with each misspelt word replaced by the nearest corpus word,
 * or null when nothing was changed. A word is left alone when the corpus or
 * the dictionary (`isKnown`, given the word and its lemma) knows it, when it is
 * a stop word, short, or holds anything but letters.
 */
export function correctSpelling(
  question: string,
  vocabulary: Vocabulary,
  isKnown: (word: string, lemma: string) => boolean,
  { minLength = MIN_LENGTH, maxEdits }: { minLength?: number; maxEdits?: number } = {},
): string | null {
  let out = '';
  let cursor = 0;
  let changed = false;
  // `analyse`, not `tokensOf`: inside `sharingAnalyses` the question's later analysis reuses this one.
  const tokens = analyse(question).flatMap((s) => s.tokens);
  for (const [i, token] of tokens.entries()) {
    const word = token.value;
    if (token.stop || word.length < minLength || !/^\p{L}+$/u.test(word)) continue;
    // A word of a full name is more likely a name the corpus lacks than a typo: "Imran Khan" is not "Iran Khan".
    if (isCapitalised(word) && [tokens[i - 1], tokens[i + 1]].some((t) => t && isCapitalised(t.value))) continue;
    const lower = word.toLowerCase();
    if (vocabulary.has(lower) || isKnown(lower, token.lemma)) continue;
    const fix = vocabulary.nearest(lower, maxEdits);
    if (!fix || token.start < cursor) continue;
    out += question.slice(cursor, token.start) + matchCase(fix, word);
    cursor = token.start + word.length;
    changed = true;
  }
  return changed ? out + question.slice(cursor) : null;
}

const isCapitalised = (word: string): boolean => /^\p{Lu}\p{L}/u.test(word);

/** `fix` written the way `original` was: capitalised, upper-case or lower-case. */
function matchCase(fix: string, original: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return fix.toUpperCase();
  if (original[0] && original[0] === original[0].toUpperCase()) return fix[0]?.toUpperCase() + fix.slice(1);
  return fix;
}
