/**
 * Finding a passage told twice without comparing it with every passage kept.
 *
 * Two term sets are twins when they share at least `threshold` of the smaller
 * one's terms. Then the smaller set can miss at most `n − ⌈threshold·n⌉` of its
 * n terms in the other, so any `n − ⌈threshold·n⌉ + 1` of its terms (its
 * rarest, to keep the look-ups short) include one the other holds: a twin is
 * always among the kept sets holding one of the new set's rarest terms, or
 * whose own rarest terms include one of the new set's (prefix filtering).
 * Only those are compared. `paragraphIdsAbout` keeps every matching
 * paragraph, so a scan over all kept ones was quadratic in the matches.
 * `/ask` keeps a handful: below `SCAN_UP_TO` kept sets a plain scan is
 * cheaper than sorting every new set's terms by rarity, so the index is
 * built only when the kept sets outgrow it.
 */

/** Up to this many kept sets, `find` compares with each of them instead of indexing. */
export const SCAN_UP_TO = 24;

/** Share of the smaller set's terms found in the other. */
export function overlap(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const t of small) if (large.has(t)) shared++;
  return shared / small.size;
}

export class TwinFinder {
  private readonly kept: Set<string>[] = [];
  /** Every term of every kept set → its slots. */
  private readonly byTerm = new Map<string, number[]>();
  /** The rarest terms of each kept set (its prefix) → its slots. */
  private readonly byPrefix = new Map<string, number[]>();
  /** Whether the kept sets are in `byTerm` / `byPrefix` (only once there are more than `SCAN_UP_TO`). */
  private indexed = false;

  /** `rarity`: lower is rarer (a document frequency). */
  constructor(
    private readonly threshold: number,
    private readonly rarity: (term: string) => number,
  ) {}

  /** How many sets are kept. */
  get size(): number {
    return this.kept.length;
  }

  /** The first kept slot whose set is a twin of `terms` (what a scan in slot order finds first), or -1. */
  find(terms: Set<string>): number {
    // With no lower bound on the share, the prefix argument does not hold: scan.
    if (this.threshold <= 0 || this.kept.length <= SCAN_UP_TO) return this.kept.findIndex((k) => overlap(k, terms) >= this.threshold);
    if (!this.indexed) {
      this.indexed = true;
      this.kept.forEach((kept, slot) => this.index(slot, kept));
    }
    const candidates = new Set<number>();
    for (const t of this.prefixOf(terms)) for (const slot of this.byTerm.get(t) ?? []) candidates.add(slot);
    for (const t of terms) for (const slot of this.byPrefix.get(t) ?? []) candidates.add(slot);
    let first = -1;
    for (const slot of candidates) {
      if ((first < 0 || slot < first) && overlap(this.kept[slot] ?? new Set(), terms) >= this.threshold) first = slot;
    }
    return first;
  }

  /** Keeps `terms` in a new slot (the next one). */
  add(terms: Set<string>): void {
    this.kept.push(terms);
    if (this.indexed) this.index(this.kept.length - 1, terms);
  }

  /** The passage in `slot` is now the one with `terms`. Entries of its old terms stay: every candidate is checked against what the slot holds. */
  replace(slot: number, terms: Set<string>): void {
    this.kept[slot] = terms;
    if (this.indexed) this.index(slot, terms);
  }

  private index(slot: number, terms: Set<string>): void {
    for (const t of terms) push(this.byTerm, t, slot);
    for (const t of this.prefixOf(terms)) push(this.byPrefix, t, slot);
  }

  /** The rarest `n − ⌈threshold·n⌉ + 1` terms, and one more against rounding: any superset of a valid prefix is valid. */
  private prefixOf(terms: Set<string>): string[] {
    const n = terms.size;
    const length = Math.max(0, Math.min(n, n - Math.ceil(this.threshold * n) + 2));
    return [...terms].sort((a, b) => this.rarity(a) - this.rarity(b) || (a < b ? -1 : a > b ? 1 : 0)).slice(0, length);
  }
}

function push(map: Map<string, number[]>, key: string, slot: number): void {
  const slots = map.get(key);
  if (!slots) map.set(key, [slot]);
  else if (slots[slots.length - 1] !== slot) slots.push(slot);
}
