/**
 * How far apart two spellings are, as typing goes: an edit distance that counts a swap of neighbouring letters as one
 * mistake, and which one-letter differences in a short name make another name rather than a typing mistake.
 */

/** Edit distance counting a swap of two neighbouring letters as one mistake; stops early past `cap`. */
export function editDistance(a: string, b: string, cap = Infinity): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] ?? 0) + 1);
      row.push(value);
      if (value < best) best = value;
    }
    if (best > cap) return cap + 1;
    before = prev;
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** Longest word in which one letter changed makes another name (`Wong`/`Wang`, `Chen`/`Chan`), not a typing mistake. */
const SHORT_NAME = 5;

const VOWELS = /^[aeiouy]$/;

/**
 * Whether a typed word is a short name that the closest word of the matched aliases spells with one vowel for
 * another (`wong` for `wang`, `chen` for `chan`): most likely another person, so offered as a suggestion, never
 * answered. A slip to a neighbouring key (`trunp`), a swap (`kahn`), a letter left out or doubled is still a typing mistake.
 */
export function anotherShortName(typedWords: readonly string[], aliases: readonly string[]): boolean {
  const words = [...new Set(aliases.flatMap((a) => a.split(' ')))];
  return typedWords.some((w) => {
    if (w.length > SHORT_NAME || words.includes(w)) return false;
    const closest = Math.min(...words.map((x) => editDistance(w, x, 2)));
    return words.some((x) => {
      if (x.length !== w.length || editDistance(w, x, 2) !== closest) return false;
      const changed = [...x].flatMap((ch, i) => (ch !== w[i] ? [[ch, w[i]!]] : []));
      return changed.length === 1 && changed[0]!.every((ch) => VOWELS.test(ch));
    });
  });
}
