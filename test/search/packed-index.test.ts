import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { loadPackedMiniSearch, packMiniSearch } from '../../src/search/packed-index.js';

interface Doc {
  id: string;
  body: string;
  title: string;
}

const options = { fields: ['body', 'title'], tokenize: (text: string) => text.split(' ').filter(Boolean), processTerm: (term: string) => term };

const docs: Doc[] = [
  { id: 'harbour#1', body: 'ferry crew strike harbour', title: 'harbour strike' },
  { id: 'harbour#2', body: 'crew wages talks harbour harbour', title: 'harbour strike' },
  { id: 'orchard#1', body: 'frost orchard apple harvest', title: 'orchard frost' },
  { id: 'orchard#2', body: 'apple prices frost', title: 'orchard frost' },
];

/** Every posting as `term field doc freq`, in the order the index iterates them. */
function postingsOf(mini: MiniSearch<Doc>): string[] {
  const out: string[] = [];
  const index = (mini as unknown as { _index: Iterable<[string, Map<number, Map<number, number>>]> })._index;
  for (const [term, byField] of index) for (const [field, byDoc] of byField) for (const [doc, freq] of byDoc) out.push(`${term} ${field} ${doc} ${freq}`);
  return out;
}

/** A restore the way MiniSearch's own serialisation gives it. */
const viaOwnJSON = (mini: MiniSearch<Doc>): MiniSearch<Doc> => MiniSearch.loadJSON<Doc>(JSON.stringify(mini), options);

describe('packed MiniSearch index', () => {
  it('restores the postings, scores and ties MiniSearch’s own JSON restores, in the same order', () => {
    const mini = new MiniSearch<Doc>(options);
    mini.addAll(docs);
    // Documents out of short-id order in the postings: one removed and added again.
    mini.remove(docs[0] as Doc);
    mini.add({ ...(docs[0] as Doc), body: 'ferry crew strike harbour apple' });
    const packed = JSON.parse(JSON.stringify(packMiniSearch(mini))) as ReturnType<typeof packMiniSearch>;
    const restored = loadPackedMiniSearch<Doc>(packed, options);
    const own = viaOwnJSON(mini);
    expect(postingsOf(restored)).toEqual(postingsOf(own));
    for (const query of ['harbour crew', 'apple', 'frost orchard', 'nothing here']) expect(restored.search(query)).toEqual(own.search(query));
    expect(restored.documentCount).toBe(4);
  });

  it('packs postings as flat numbers, and keeps MiniSearch’s other fields as its own JSON has them', () => {
    const mini = new MiniSearch<Doc>(options);
    mini.addAll(docs.slice(2));
    const before = mini.search('apple frost');
    const packed = packMiniSearch(mini);
    expect(packed.index.find(([term]) => term === 'frost')).toEqual(['frost', [[0, [0, 1, 1, 1]], [1, [0, 1, 1, 1]]]]);
    const { index: _own, ...ownRest } = mini.toJSON();
    const { index: _packed, ...packedRest } = packed;
    expect(packedRest).toEqual(ownRest);
    // Packing leaves the index it read as it was.
    expect(mini.search('apple frost')).toEqual(before);
    expect(before).toHaveLength(2);
  });
});
