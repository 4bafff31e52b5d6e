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

export interface TermMatch {
  id: string;
  score: number;
}

interface BM25 {
  k: number;
  b: number;
  d: number;
}

/** MiniSearch 7's fields this reads (protected in its typings). */
interface Postings {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentIds: Map<number, unknown>;
  _documentCount: number;
  _nextId: number;
  _idToShortId: Map<string, number>;
  /** Documents discarded but still in the postings. */
  _dirtCount: number;
  _options: {
    fields: string[];
    /** Merged with MiniSearch's defaults when the index was made, so `bm25` is always there. */
    searchOptions: { boost?: Record<string, number>; bm25: BM25 };
    tokenize: (text: string) => string[]; processTerm: (term: string) => string | string[] | null | undefined | false;
  };
}

/** Per index: each field's length normalisation per paragraph, and reusable accumulators. */
interface Scratch {
  nextId: number;
  documentCount: number;
  /** `k · (1 − b + b · length / average length)`, per field id, per short id. */
  norm: Float64Array[];
  total: Float64Array;
  perTerm: Float64Array;
  termsMet: Uint16Array;
  seen: Uint8Array;
  touched: Int32Array;
  termTouched: Int32Array;
  /** Per position in `termTouched` and in `touched`: the (term, field) postings the paragraph was first met in, numbered in reading order. */
  termGroup: Int32Array;
  metIn: Int32Array;
  /** Final scores by position in `touched` (see `bestPositions`): reused, as a fresh one per query was most of `/ask`'s garbage at 100k. */
  scores: Float64Array;
  /** Per term, per field, its postings as typed arrays with each paragraph's BM25 part (see `postingsOf`); null when no paragraph holds it. */
  postings: Map<string, FieldPostings[] | null>;
  /** Entries held in `postings`, kept under `MAX_CACHED_POSTINGS`. */
  cached: number;
}

/** One field's postings of a term: short ids in MiniSearch's order, and `idf · (d + tf·(k+1) / (tf + norm))` for each. */
interface FieldPostings {
  field: string;
  docs: Int32Array;
  part: Float64Array;
}

/**
 * Postings entries remembered as typed arrays across queries (~12 bytes each): a term's
 * BM25 parts depend only on the corpus, and iterating MiniSearch's Map of a common
 * term was half of `/ask` at 100k paragraphs. Short and absent terms are remembered too
 * (counted as one entry at least): finding a term in MiniSearch's radix tree cost more
 * than scoring its few paragraphs at 1k. Past this, the memory starts over.
 */
const MAX_CACHED_POSTINGS = 2_000_000;

const scratchOf = new WeakMap<object, Scratch>();

function readable<T>(mini: MiniSearch<T>): Postings | null {
  const p = mini as unknown as Partial<Postings>;
  const ok =
    typeof p._index?.get === 'function' &&
    p._fieldLength instanceof Map &&
    Array.isArray(p._avgFieldLength) &&
    p._documentIds instanceof Map &&
    typeof p._nextId === 'number' &&
    typeof p._documentCount === 'number' &&
    p._fieldIds !== undefined &&
    Array.isArray(p._options?.fields) &&
    // Discarded documents leave postings MiniSearch skips and prunes as it searches; removed ones (`remove`) leave none.
    p._dirtCount === 0 &&
    p._documentCount === p._documentIds.size &&
    p._documentIds.size <= p._nextId &&
    typeof p._options.searchOptions?.bm25?.k === 'number';
  return ok ? (p as Postings) : null;
}

function scratch(mini: object, p: Postings): Scratch {
  const known = scratchOf.get(mini);
  // Documents added or removed since change the lengths, the IDFs and the postings.
  if (known && known.nextId === p._nextId && known.documentCount === p._documentCount) return known;
  const n = p._nextId;
  const { k, b } = p._options.searchOptions.bm25;
  const norm = p._options.fields.map(() => new Float64Array(n));
  for (const [shortId, lengths] of p._fieldLength) {
    lengths.forEach((length, fieldId) => {
      const average = p._avgFieldLength[fieldId] ?? 0;
      const row = norm[fieldId];
      if (row) row[shortId] = k * (1 - b + (b * length) / average);
    });
  }
  const made: Scratch = {
    nextId: n,
    documentCount: p._documentCount,
    norm,
    total: new Float64Array(n),
    perTerm: new Float64Array(n),
    termsMet: new Uint16Array(n),
    seen: new Uint8Array(n),
    touched: new Int32Array(n),
    termTouched: new Int32Array(n),
    termGroup: new Int32Array(n),
    metIn: new Int32Array(n),
    scores: new Float64Array(n),
    postings: new Map(),
    cached: 0,
  };
  scratchOf.set(mini, made);
  return made;
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
): TermMatch[] {
  const matcher = new TopMatcher(mini, rank);
  try {
    return matcher.top(queries, boostTerm, k);
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

  top(queries: string[], boostTerm: (term: string) => number, k: number): TermMatch[] {
    const p = this.p;
    if (!p) {
      return this.mini
        .search({ combineWith: 'OR', queries }, { boostTerm })
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
    const best = bestPositions(s, this.count, k, this.rank);
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
      for (let i = 0; i < this.count; i++) {
        const doc = touched[i] ?? 0;
        total[doc] = 0;
        termsMet[doc] = 0;
        seen[doc] = 0;
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
    for (const { field, docs, part } of fields) {
      // The same operations in the same order as MiniSearch's calcBM25Score and termResults.
      const weight = 1 * termBoost * (fieldBoost[field] || 1) * 1;
      const group = this.groups++;
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

/** A term's postings per field (in the index's field order) with their BM25 parts; null when no paragraph holds it. */
function postingsOf(p: Postings, s: Scratch, term: string): FieldPostings[] | null {
  const known = s.postings.get(term);
  if (known !== undefined) return known;
  const byField = p._index.get(term);
  if (!byField) return remember(s, term, null, 1);
  const bm25 = p._options.searchOptions.bm25;
  const fields: FieldPostings[] = [];
  let entries = 0;
  for (const field of p._options.fields) {
    const fieldId = p._fieldIds[field] ?? -1;
    const postings = byField.get(fieldId);
    const lengthNorm = s.norm[fieldId];
    if (!postings || !lengthNorm) continue;
    const idf = Math.log(1 + (p._documentCount - postings.size + 0.5) / (postings.size + 0.5));
    const docs = new Int32Array(postings.size);
    const part = new Float64Array(postings.size);
    let i = 0;
    for (const [doc, tf] of postings) {
      docs[i] = doc;
      part[i++] = idf * (bm25.d + (tf * (bm25.k + 1)) / (tf + lengthNorm[doc]!));
    }
    fields.push({ field, docs, part });
    entries += postings.size;
  }
  return remember(s, term, fields, Math.max(1, entries));
}

function remember(s: Scratch, term: string, fields: FieldPostings[] | null, entries: number): FieldPostings[] | null {
  if (s.cached + entries > MAX_CACHED_POSTINGS) {
    s.postings.clear();
    s.cached = 0;
  }
  s.postings.set(term, fields);
  s.cached += entries;
  return fields;
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
function bestPositions({ touched, total, termsMet, scores, metIn }: Scratch, count: number, k: number, rank: Int32Array | null): number[] {
  for (let i = 0; i < count; i++) {
    const doc = touched[i]!;
    scores[i] = total[doc]! * (termsMet[doc] || 1);
  }
  // Met first in earlier postings, or in the same postings earlier: postings list paragraphs by short id.
  const before = rank
    ? (a: number, b: number): boolean => metIn[a]! < metIn[b]! || (metIn[a] === metIn[b] && rank[touched[a]!]! < rank[touched[b]!]!)
    : (a: number, b: number): boolean => a < b;
  const better = (a: number, b: number): boolean => scores[a]! > scores[b]! || (scores[a] === scores[b] && before(a, b));
  if (count <= k) {
    return Array.from({ length: count }, (_, i) => i).sort((a, b) => (better(a, b) ? -1 : 1));
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
  for (let i = 0; i < count; i++) {
    if (heap.length < k) {
      heap.push(i);
      let c = heap.length - 1;
      while (c > 0) {
        const parent = (c - 1) >> 1;
        if (!better(heap[parent]!, heap[c]!)) break;
        [heap[parent], heap[c]] = [heap[c]!, heap[parent]!];
        c = parent;
      }
    } else if (better(i, heap[0]!)) {
      heap[0] = i;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : 1));
}

/**
 * After documents were removed and added (`SearchIndex.update`), makes the index
 * score as one built from nothing over `idsInOrder` (every document, in corpus
 * order) would: MiniSearch keeps each field's average length as a running mean,
 * whose last bits depend on the order documents came and went, so it is worked
 * out again the way adding them in that order does. Returns each short id's
 * place in that order for ties (`TopMatcher`), or null when it is the short id itself.
 */
export function settleInCorpusOrder<T>(mini: MiniSearch<T>, idsInOrder: string[]): Int32Array | null {
  scratchOf.delete(mini);
  const p = readable(mini);
  if (!p) return null;
  const averages: number[] = [];
  const rank = new Int32Array(p._nextId);
  let inOrder = true;
  idsInOrder.forEach((id, i) => {
    const shortId = p._idToShortId.get(id);
    if (shortId === undefined) throw new Error(`search: paragraph ${id} is not in the index`);
    rank[shortId] = i;
    if (shortId !== i) inOrder = false;
    // MiniSearch's addFieldLength, document by document.
    p._fieldLength.get(shortId)?.forEach((length, fieldId) => {
      averages[fieldId] = ((averages[fieldId] || 0) * i + length) / (i + 1);
    });
  });
  averages.forEach((average, fieldId) => {
    p._avgFieldLength[fieldId] = average;
  });
  return inOrder ? null : rank;
}

/**
 * Ids of the paragraphs whose `field` holds any of `terms`, read from the
 * postings; null when the index cannot be read that way.
 */
export function holdersOf<T>(mini: MiniSearch<T>, terms: Iterable<string>, field: string): Set<string> | null {
  const p = readable(mini);
  const fieldId = p?._fieldIds[field];
  if (!p || fieldId === undefined) return null;
  const ids = new Set<string>();
  for (const term of terms) {
    for (const doc of p._index.get(term)?.get(fieldId)?.keys() ?? []) ids.add(p._documentIds.get(doc) as string);
  }
  return ids;
}
