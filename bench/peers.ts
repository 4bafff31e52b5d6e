/**
 * The search libraries a user might pick instead, each with its default
 * options, over the same cleaned paragraphs: raw MiniSearch (the baseline
 * our pipeline's overhead is measured against), flexsearch, Orama and lunr.
 * Used only by the benchmark (devDependencies).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Index as FlexIndex } from 'flexsearch';
import { create, insertMultiple, load as oramaLoad, save as oramaSave, search as oramaSearch } from '@orama/orama';
import lunr from 'lunr';
import MiniSearch from 'minisearch';

export interface PeerDoc {
  id: string;
  text: string;
}

export interface Peer {
  name: string;
  version: string;
  /** How the peer is set up, in a few words, for the report. */
  setup: string;
  build(docs: PeerDoc[]): void;
  /** Runs one query; returns how many hits came back. */
  search(question: string): number;
  /** Serialises the built index; null when the peer has no simple way to. */
  persist(): string | null;
  /** Loads what `persist` wrote, replacing the built index. */
  restore(data: string): void;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The installed version (read from node_modules: not every package exports its package.json). */
export function versionOf(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function miniSearchPeer(): Peer {
  const options = { fields: ['text'] };
  let index = new MiniSearch<PeerDoc>(options);
  return {
    name: 'minisearch',
    version: versionOf('minisearch'),
    setup: "defaults; fields ['text']; search(q) with default options (OR, no prefix, no fuzzy)",
    build(docs) {
      index = new MiniSearch<PeerDoc>(options);
      index.addAll(docs);
    },
    search: (q) => index.search(q).length,
    persist: () => JSON.stringify(index),
    restore(data) {
      index = MiniSearch.loadJSON<PeerDoc>(data, options);
    },
  };
}

export function flexSearchPeer(): Peer {
  let index = new FlexIndex();
  return {
    name: 'flexsearch',
    version: versionOf('flexsearch'),
    setup: 'new Index() defaults; search(q) (limit 100)',
    build(docs) {
      index = new FlexIndex();
      docs.forEach((d, i) => index.add(i, d.text));
    },
    search: (q) => (index.search(q) as unknown[]).length,
    persist() {
      const parts: [string, string][] = [];
      index.export((key: string, data: string) => void parts.push([key, data]));
      return JSON.stringify(parts);
    },
    restore(data) {
      const fresh = new FlexIndex();
      for (const [key, value] of JSON.parse(data) as [string, string][]) fresh.import(key, value);
      index = fresh;
    },
  };
}

const oramaSchema = { text: 'string' } as const;

export function oramaPeer(): Peer {
  let db = create({ schema: oramaSchema });
  return {
    name: 'orama',
    version: versionOf('@orama/orama'),
    setup: "create({ schema: { text: 'string' } }); search({ term }) (limit 10)",
    build(docs) {
      db = create({ schema: oramaSchema });
      const done = insertMultiple(db, docs);
      if (done instanceof Promise) throw new Error('bench: orama insertMultiple went async');
    },
    search(q) {
      const result = oramaSearch(db, { term: q });
      if (result instanceof Promise) throw new Error('bench: orama search went async');
      return result.hits.length;
    },
    persist: () => JSON.stringify(oramaSave(db)),
    restore(data) {
      const fresh = create({ schema: oramaSchema });
      oramaLoad(fresh, JSON.parse(data) as ReturnType<typeof oramaSave>);
      db = fresh;
    },
  };
}

/** lunr reads `:` `^` `~` `+` `-` `*` as query syntax; a natural question must not trip it. */
const lunrSafe = (q: string): string => q.replace(/[:^~+\-*]/g, ' ');

export function lunrPeer(): Peer {
  let index: lunr.Index | null = null;
  return {
    name: 'lunr',
    version: versionOf('lunr'),
    setup: "lunr(ref 'id', field 'text') default pipeline; search(q) with query syntax characters blanked",
    build(docs) {
      index = lunr(function () {
        this.ref('id');
        this.field('text');
        for (const d of docs) this.add(d);
      });
    },
    search: (q) => index?.search(lunrSafe(q)).length ?? 0,
    persist: () => JSON.stringify(index),
    restore(data) {
      index = lunr.Index.load(JSON.parse(data) as object);
    },
  };
}

export const allPeers = (): Peer[] => [miniSearchPeer(), flexSearchPeer(), oramaPeer(), lunrPeer()];
