/**
 * The best `k` paragraphs for a set of query terms, scored over MiniSearch's
 * own postings without building a result object for every match.
 *
 * `MiniSearch.search` materialises and sorts every paragraph holding any
 * query term — at 100k paragraphs most of `/ask`'s time — while `rank()`
 * keeps only the first few dozen. This computes the same numbers in the same
 * order of floating-point operations (BM25 per field, summed per term, then
 * across terms, times the number of terms met) into typed arrays, and keeps
 * the `k` best with MiniSearch's tie order (first met first). A test holds
 * it to `search()`'s answers; an index it cannot read that way (another
 * MiniSearch version, removed documents) is searched the ordinary way.
 */
import type MiniSearch from 'minisearch';
import { postingsOf, readable, scratch } from './postings.js';
import type { FieldPostings, Postings, Scratch } from './postings.js';

export interface TermMatch {
  id: string;
  score: number;
}

/**
 * What `mini.search({ combineWith: 'OR', queries }, { boostTerm })` returns
 * first — the `k` best ids with their scores, best first — for an index built
 * with exact terms (no prefix, no fuzzy search, no document boost, no filter).
 */
export function topMatches<T>(
  mini: MiniSearch<T>,
  queries: string[],
  boostTerm: (term: string) => number,
  k: number,
  rank: Int32Array | null = null,
  skip?: (id: string) => boolean,
): TermMatch[] {
  const matcher = new TopMatcher(mini, rank);
  try {
    return matcher.top(queries, boostTerm, k, skip);
  } finally {
    matcher.release();
  }
}

/**
 * `topMatches` for a query that grows: asked again with more terms after the
 * same first ones (pseudo-relevance feedback adds its terms to the question's),
 * it adds the new terms' scores to the sums it holds instead of scoring the
 * first ones again — the same operations in the same order, so the same
 * numbers. It borrows the index's accumulators: one matcher per index at a
 * time, and `release()` when done.
 */
export class TopMatcher<T> {
  private readonly p: Postings | null;
  /** The terms summed so far, with their boosts, in order. */
  private readonly summed: { term: string; boost: number }[] = [];
  private readonly metTerms = new Set<string>();
  private count = 0;
  /** (term, field) postings read so far (see `Scratch.metIn`). */
  private groups = 0;

  /** `rank`: each short id's place in corpus order, when it is not the short id itself (see `settleInCorpusOrder`). */
  constructor(
    private readonly mini: MiniSearch<T>,
    private readonly rank: Int32Array | null = null,
  ) {
    this.p = readable(mini);
  }

  /** `skip`: ids never among the `k` (they take no place from another). */
  top(queries: string[], boostTerm: (term: string) => number, k: number, skip?: (id: string) => boolean): TermMatch[] {
    const p = this.p;
    if (!p) {
      return this.mini
        .search({ combineWith: 'OR', queries }, { boostTerm, ...(skip ? { filter: (r) => !skip(r.id as string) } : {}) })
        .slice(0, k)
        .map((r) => ({ id: r.id as string, score: r.score }));
    }
    const s = scratch(this.mini, p);
    const terms = queries.flatMap((query) => p._options.tokenize(query).flatMap((t) => p._options.processTerm(t) || []));
    const wanted = terms.filter((term): term is string => Boolean(term)).map((term) => ({ term, boost: boostTerm(term) }));
    const continues = this.summed.length <= wanted.length && this.summed.every((t, i) => t.term === wanted[i]?.term && t.boost === wanted[i]?.boost);
    if (!continues) this.release();
    for (const next of wanted.slice(this.summed.length)) {
      this.add(p, s, next.term, next.boost);
      this.summed.push(next);
    }
    const { total, termsMet, touched } = s;
    const skipped = skip ? (doc: number): boolean => skip(p._documentIds.get(doc) as string) : null;
    const best = bestPositions(s, this.count, k, this.rank, skipped);
    return best.map((i) => {
      const doc = touched[i] ?? 0;
      return { id: p._documentIds.get(doc) as string, score: (total[doc] ?? 0) * (termsMet[doc] || 1) };
    });
  }

  /** Clears the sums (the index's accumulators are free for another matcher). */
  release(): void {
    const p = this.p;
    if (p) {
      const { total, termsMet, seen, touched } = scratch(this.mini, p);
      // Only touched paragraphs hold anything: past an eighth of them, clearing the arrays through is cheaper than one by one.
      if (this.count * 8 > total.length) {
        total.fill(0);
        termsMet.fill(0);
        seen.fill(0);
      } else {
        for (let i = 0; i < this.count; i++) {
          const doc = touched[i] ?? 0;
          total[doc] = 0;
          termsMet[doc] = 0;
          seen[doc] = 0;
        }
      }
    }
    this.count = 0;
    this.groups = 0;
    this.summed.length = 0;
    this.metTerms.clear();
  }

  private add(p: Postings, s: Scratch, term: string, termBoost: number): void {
    const { total, perTerm, termsMet, seen, touched, termTouched, termGroup, metIn } = s;
    const fields = postingsOf(p, s, term);
    if (!fields) return;
    const fieldBoost = p._options.searchOptions.boost ?? {};
    const countsOnce = !this.metTerms.has(term);
    this.metTerms.add(term);
    if (fields.length === 1) {
      this.addOneField(s, fields[0]!, termBoost * (fieldBoost[fields[0]!.field] || 1), countsOnce);
      return;
    }
    let termCount = 0;
    for (const [f, { field, docs, part }] of fields.entries()) {
      // The same operations in the same order as MiniSearch's calcBM25Score and termResults.
      const weight = 1 * termBoost * (fieldBoost[field] || 1) * 1;
      const group = this.groups++;
      if (f === 0) {
        // The first field meets each paragraph once, before any other: `0 + x` is `x`.
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i]!;
          seen[doc]! |= TERM_MARK;
          termGroup[termCount] = group;
          termTouched[termCount++] = doc;
          perTerm[doc] = weight * part[i]!;
        }
        continue;
      }
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        if (!(seen[doc]! & TERM_MARK)) {
          seen[doc]! |= TERM_MARK;
          termGroup[termCount] = group;
          termTouched[termCount++] = doc;
        }
        perTerm[doc]! += weight * part[i]!;
      }
    }
    for (let i = 0; i < termCount; i++) {
      const doc = termTouched[i] ?? 0;
      if (!(seen[doc]! & QUERY_MARK)) {
        seen[doc]! |= QUERY_MARK;
        metIn[this.count] = termGroup[i]!;
        touched[this.count++] = doc;
      }
      total[doc]! += perTerm[doc]!;
      if (countsOnce) termsMet[doc]!++;
      perTerm[doc] = 0;
      seen[doc]! &= ~TERM_MARK;
    }
  }

  /**
   * `add` for a term found in one field only: each paragraph is met once, so its part goes straight
   * into the sums (`0 + x` is `x`: the same numbers as going through `perTerm`), in the same order.
   */
  private addOneField(s: Scratch, { docs, part }: FieldPostings, boost: number, countsOnce: boolean): void {
    const { total, termsMet, seen, touched, metIn } = s;
    // The same operations as MiniSearch's calcBM25Score and termResults (see `add`).
    const weight = 1 * boost * 1;
    const group = this.groups++;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      if (!(seen[doc]! & QUERY_MARK)) {
        seen[doc]! |= QUERY_MARK;
        metIn[this.count] = group;
        touched[this.count++] = doc;
      }
      total[doc]! += weight * part[i]!;
      if (countsOnce) termsMet[doc]!++;
    }
  }
}

const TERM_MARK = 1;
const QUERY_MARK = 2;

/**
 * Positions in `touched` of the `k` best final scores, best first; equal
 * scores in the order the paragraphs were first met (MiniSearch's stable
 * sort): by the (term, field) postings they were first met in, then by short
 * id, the order postings list them in. With `rank` (after an `update` added
 * paragraphs under later short ids) by corpus order instead of short id: the
 * order a build from nothing would have given them.
 */
function bestPositions(
  { touched, total, termsMet, scores, metIn }: Scratch,
  count: number,
  k: number,
  rank: Int32Array | null,
  skipped: ((doc: number) => boolean) | null,
): number[] {
  // Met first in earlier postings, or in the same postings earlier: postings list paragraphs by short id.
  const before = rank
    ? (a: number, b: number): boolean => metIn[a]! < metIn[b]! || (metIn[a] === metIn[b] && rank[touched[a]!]! < rank[touched[b]!]!)
    : (a: number, b: number): boolean => a < b;
  const better = (a: number, b: number): boolean => scores[a]! > scores[b]! || (scores[a] === scores[b] && before(a, b));
  if (count <= k) {
    for (let i = 0; i < count; i++) scores[i] = total[touched[i]!]! * (termsMet[touched[i]!] || 1);
    const all = Array.from({ length: count }, (_, i) => i);
    return (skipped ? all.filter((i) => !skipped(touched[i]!)) : all).sort((a, b) => (better(a, b) ? -1 : 1));
  }
  // A min-heap of the k best so far: its root is the worst of them.
  const heap: number[] = [];
  const siftDown = (from: number): void => {
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && better(heap[worst]!, heap[l]!)) worst = l;
      if (r < heap.length && better(heap[worst]!, heap[r]!)) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  };
  // The worst kept score: most paragraphs score below it, and are turned away by one comparison.
  let floor = -Infinity;
  for (let i = 0; i < count; i++) {
    const doc = touched[i]!;
    const score = (scores[i] = total[doc]! * (termsMet[doc] || 1));
    if (score < floor) continue;
    // Asked only of the few that would be kept: most are turned away above.
    if (skipped?.(doc)) continue;
    if (heap.length < k) {
      heap.push(i);
      let c = heap.length - 1;
      while (c > 0) {
        const parent = (c - 1) >> 1;
        if (!better(heap[parent]!, heap[c]!)) break;
        [heap[parent], heap[c]] = [heap[c]!, heap[parent]!];
        c = parent;
      }
      if (heap.length === k) floor = scores[heap[0]!]!;
    } else if (better(i, heap[0]!)) {
      heap[0] = i;
      siftDown(0);
      floor = scores[heap[0]!]!;
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : 1));
}
