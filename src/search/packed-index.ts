/**
 * MiniSearch's index saved with its postings as flat lists of numbers, and
 * restored from them. MiniSearch's own `toJSON` writes each term's postings
 * as objects keyed by document id, which `JSON.parse` reads slowly and
 * `loadJS` then turns into maps key by key: together about 60% of the search
 * index's restore on a cached start (≈0.2 s of CPU at 10k paragraphs). Here a
 * term's postings are `[fieldId, [doc, freq, doc, freq, …]]`, put straight
 * into the maps MiniSearch searches; everything else goes through `loadJS`.
 *
 * A restore iterates exactly as one from MiniSearch's own JSON did: terms in
 * saved order, fields and documents by ascending id (the order `JSON.parse`
 * gives numeric keys), so scores and ties are the same.
 */
import MiniSearch from 'minisearch';
import type { AsPlainObject, Options } from 'minisearch';

/** A term's postings: per field id, its documents' short ids and term frequencies, interleaved. */
type PackedTerm = [term: string, fields: [fieldId: number, postings: number[]][]];

/** MiniSearch's serialisation with the index packed (see the module comment). */
export type PackedMiniSearch = Omit<AsPlainObject, 'index'> & { index: PackedTerm[] };

/** MiniSearch 7's fields read and written here (protected in its typings). */
interface Internals {
  _index: Iterable<[string, Map<number, Map<number, number>>]> & { set(term: string, data: Map<number, Map<number, number>>): unknown; size: number };
}

function internalsOf<T>(mini: MiniSearch<T>): Internals {
  const index = (mini as unknown as Partial<Internals>)._index;
  if (!index || typeof index.set !== 'function' || typeof index.size !== 'number' || typeof index[Symbol.iterator] !== 'function') {
    throw new Error('search: this MiniSearch keeps its index otherwise: cannot pack or restore it');
  }
  return { _index: index };
}

const ascending = (a: number, b: number): number => a - b;

/** `mini` as plain data, its postings packed. */
export function packMiniSearch<T>(mini: MiniSearch<T>): PackedMiniSearch {
  const index: PackedTerm[] = [];
  for (const [term, byField] of internalsOf(mini)._index) {
    const fields: PackedTerm[1] = [];
    for (const fieldId of [...byField.keys()].sort(ascending)) {
      const docs = byField.get(fieldId) as Map<number, number>;
      const postings: number[] = [];
      for (const doc of [...docs.keys()].sort(ascending)) postings.push(doc, docs.get(doc) as number);
      fields.push([fieldId, postings]);
    }
    index.push([term, fields]);
  }
  // MiniSearch's own serialisation of everything else, without building its index objects a second time.
  const { index: _unpacked, ...rest } = (mini.toJSON as (this: object) => AsPlainObject).call(withoutIndex(mini));
  return { ...rest, index };
}

/** A view of `mini` whose index is empty, for `toJSON` to serialise everything but the postings. */
function withoutIndex<T>(mini: MiniSearch<T>): object {
  return Object.create(mini, { _index: { value: new Map() } }) as object;
}

/** The MiniSearch `packMiniSearch` saved, with these options (the ones it was made with). */
export function loadPackedMiniSearch<T>(saved: PackedMiniSearch, options: Options<T>): MiniSearch<T> {
  const mini = MiniSearch.loadJS<T>({ ...saved, index: [] }, options);
  const target = internalsOf(mini)._index;
  if (target.size !== 0) throw new Error('search: a restored MiniSearch already holds postings');
  for (const [term, fields] of saved.index) {
    const byField = new Map<number, Map<number, number>>();
    for (const [fieldId, postings] of fields) {
      const docs = new Map<number, number>();
      for (let i = 0; i + 1 < postings.length; i += 2) docs.set(postings[i] as number, postings[i + 1] as number);
      byField.set(fieldId, docs);
    }
    target.set(term, byField);
  }
  return mini;
}
