/**
 * MiniSearch's postings read as typed arrays, for the top-k scorer (topk.ts):
 * each term's paragraphs with their BM25 parts, remembered across queries,
 * and the accumulators a query sums into, one set per index. Reads MiniSearch
 * 7's protected fields; an index it cannot read that way is searched the
 * ordinary way.
 */
import type MiniSearch from 'minisearch';

interface BM25 {
  k: number;
  b: number;
  d: number;
}

/** MiniSearch 7's fields this reads (protected in its typings). */
export interface Postings {
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
export interface Scratch {
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
export interface FieldPostings {
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

export function readable<T>(mini: MiniSearch<T>): Postings | null {
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

export function scratch(mini: object, p: Postings): Scratch {
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


/** A term's postings per field (in the index's field order) with their BM25 parts; null when no paragraph holds it. */
export function postingsOf(p: Postings, s: Scratch, term: string): FieldPostings[] | null {
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
