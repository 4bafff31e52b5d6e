/**
 * The search libraries a user might pick instead, over the same cleaned
 * paragraphs, each set up as a user would to get answers: MiniSearch with
 * English stop words removed (the baseline our pipeline's overhead is
 * measured against; with them it matches about half of all paragraphs per
 * question), flexsearch with `suggest: true` (its default AND finds nothing
 * for most questions), Orama and lunr with their defaults. Each returns the
 * ids of its best hits, so the benchmark can print what it finds beside its
 * speed. Used only by the benchmark (devDependencies).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Index as FlexIndex } from 'flexsearch';
import { create, insertMultiple, load as oramaLoad, save as oramaSave, search as oramaSearch } from '@orama/orama';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { eng as englishStopWords } from 'stopword';

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
  /** Runs one query; returns the ids of its first `HITS_KEPT` hits, best first. */
  search(question: string): string[];
  /** Serialises the built index; null when the peer has no simple way to. */
  persist(): string | null;
  /** Loads what `persist` wrote, replacing the built index. */
  restore(data: string): void;
}

/** Hits kept per query: enough for recall@3. */
export const HITS_KEPT = 3;

const STOP_WORDS = new Set(englishStopWords);

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
  const options = {
    fields: ['text'],
    processTerm: (term: string): string | null => {
      const lower = term.toLowerCase();
      return STOP_WORDS.has(lower) ? null : lower;
    },
  };
  let index = new MiniSearch<PeerDoc>(options);
  return {
    name: 'minisearch',
    version: versionOf('minisearch'),
    setup: `fields ['text'], English stop words removed (the ${STOP_WORDS.size} of the stopword package); search(q) with default options (OR, no prefix, no fuzzy)`,
    build(docs) {
      index = new MiniSearch<PeerDoc>(options);
      index.addAll(docs);
    },
    search: (q) =>
      index
        .search(q)
        .slice(0, HITS_KEPT)
        .map((r) => r.id as string),
    persist: () => JSON.stringify(index),
    restore(data) {
      index = MiniSearch.loadJSON<PeerDoc>(data, options);
    },
  };
}

export function flexSearchPeer(): Peer {
  let index = new FlexIndex();
  let ids: string[] = [];
  return {
    name: 'flexsearch',
    version: versionOf('flexsearch'),
    setup: 'new Index() defaults; search(q, { suggest: true }) (limit 100), so a question need not match every word',
    build(docs) {
      index = new FlexIndex();
      ids = docs.map((d) => d.id);
      docs.forEach((d, i) => index.add(i, d.text));
    },
    search: (q) => (index.search(q, { suggest: true, limit: 100 }) as number[]).slice(0, HITS_KEPT).map((i) => ids[i] ?? ''),
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
      return result.hits.slice(0, HITS_KEPT).map((h) => h.id);
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
    search: (q) => (index?.search(lunrSafe(q)) ?? []).slice(0, HITS_KEPT).map((r) => r.ref),
    persist: () => JSON.stringify(index),
    restore(data) {
      index = lunr.Index.load(JSON.parse(data) as object);
    },
  };
}

export const allPeers = (): Peer[] => [miniSearchPeer(), flexSearchPeer(), oramaPeer(), lunrPeer()];
