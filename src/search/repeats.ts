/**
 * Finding a passage told twice: two term sets are twins when they share at
 * least `threshold` of the smaller one's terms. `/ask` compares each ranked
 * candidate with the few passages it keeps (at most its candidates, a few
 * dozen), so a scan in slot order is all it takes; the `about:` filters no
 * longer remove repeats, which once made this a prefix-filtering index.
 */

/** Share of the smaller set's terms found in the other. */
export function overlap(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const t of small) if (large.has(t)) shared++;
  return shared / small.size;
}

/**
 * `overlap(a, b) >= threshold`, given up as soon as the terms missed so far
 * leave the share below it (most pairs compared are not twins).
 */
function reaches(a: Set<string>, b: Set<string>, threshold: number): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0 >= threshold;
  let missed = 0;
  for (const t of small) {
    if (large.has(t)) continue;
    missed++;
    if ((small.size - missed) / small.size < threshold) return false;
  }
  return (small.size - missed) / small.size >= threshold;
}

export class TwinFinder {
  private readonly kept: Set<string>[] = [];

  constructor(private readonly threshold: number) {}

  /** The first kept slot whose set is a twin of `terms`, or -1. */
  find(terms: Set<string>): number {
    return this.kept.findIndex((kept) => reaches(kept, terms, this.threshold));
  }

  /** Keeps `terms` in a new slot (the next one). */
  add(terms: Set<string>): void {
    this.kept.push(terms);
  }

  /** The passage in `slot` is now the one with `terms`. */
  replace(slot: number, terms: Set<string>): void {
    this.kept[slot] = terms;
  }
}
