/**
 * The speaker registry: canonical names, their aliases, and matching a name as
 * typed (any case, with or without `Mr` or `the`, small misspellings allowed).
 */
import type { Speaker } from './types.js';
import { countryOf } from './names.js';
import { anotherShortName, editDistance } from './spelling.js';
import { HONORIFICS, OTHER_ROLE_MODIFIERS, TITLE_HEADS, fitsRole } from './vocabulary.js';

export type SpeakerKind = Speaker['kind'];

interface Entry {
  name: string;
  kind: SpeakerKind;
  /** Display forms, as written in the articles or the overrides file. */
  aliases: Set<string>;
  /** Roles written next to the name (`swiss federal prosecutor`), lower-cased; a typed role matches by head and qualifiers. */
  roles: Set<string>;
}

/** Lower-cased, without possessive `'s`, punctuation, a leading `the` or a courtesy title. */
export function normaliseName(text: string): string {
  let known = normalised.get(text);
  if (known === undefined) {
    if (normalised.size >= MAX_NORMALISED) normalised.clear();
    known = normalise(text);
    normalised.set(text, known);
  }
  return known;
}

/** `normaliseName` of the texts met so far: the quote book asks for the same few thousand names over and over (a tenth of a reload). */
const normalised = new Map<string, string>();
const MAX_NORMALISED = 200_000;

function normalise(text: string): string {
  let words = text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  while (words.length > 1 && (words[0] === 'the' || words[0] === 'a' || words[0] === 'an')) words = words.slice(1);
  while (words.length > 1 && HONORIFICS.has(words[0]!) && !['general', 'president', 'minister', 'secretary'].includes(words[0]!)) words = words.slice(1);
  return words.join(' ');
}

/** A role's words as compared: lower-case, without articles or possessives, countries by one name (`u.s.` and `american` → `america`). */
function roleWords(role: string): string[] {
  return role
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b/g, '')
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, ''))
    .filter((w) => w !== '' && w !== 'the' && w !== 'a' && w !== 'an')
    .map(countryOf);
}

/** Edits per letter up to which a known name is offered as a suggestion for an unknown one. */
const MAX_SUGGESTION_DISTANCE = 0.4;

/** How many typing mistakes a name of this length may carry and still match. */
export const tolerance = (length: number): number => (length <= 3 ? 0 : length <= 5 ? 1 : length <= 11 ? 2 : 3);

/** A registry as plain data, in insertion order, so a restored one resolves names exactly as the saved one did. */
export interface SpeakerRegistryJSON {
  entries: [name: string, kind: SpeakerKind, aliases: string[], roles?: string[]][];
  /** Normalised alias → canonical name; the first speaker to claim a key keeps it, so it is stored, not recomputed. */
  index: [key: string, name: string][];
}

export interface Resolution {
  speaker: string | null;
  suggestions: string[];
}

export class SpeakerRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly index = new Map<string, string>();
  /** Indexes over the entries for `resolve`, built on first use and dropped by any change. */
  private lookupCache: Lookup | null = null;

  toJSON(): SpeakerRegistryJSON {
    return {
      entries: [...this.entries.values()].map((e) => [e.name, e.kind, [...e.aliases], [...e.roles]]),
      index: [...this.index],
    };
  }

  static fromJSON(data: SpeakerRegistryJSON): SpeakerRegistry {
    const registry = new SpeakerRegistry();
    for (const [name, kind, aliases, roles] of data.entries) registry.entries.set(name, { name, kind, aliases: new Set(aliases), roles: new Set(roles) });
    for (const [key, name] of data.index) registry.index.set(key, name);
    return registry;
  }

  /** Adds a speaker (or returns the existing one with that canonical name). */
  add(name: string, kind: SpeakerKind): string {
    const existing = this.entries.get(name);
    if (existing) return existing.name;
    this.lookupCache = null;
    this.entries.set(name, { name, kind, aliases: new Set([name]), roles: new Set() });
    this.indexAlias(name, name);
    return name;
  }

  addAlias(name: string, alias: string): void {
    const entry = this.entries.get(name);
    if (!entry || normaliseName(alias) === '') return;
    this.lookupCache = null;
    entry.aliases.add(alias);
    this.indexAlias(alias, name);
  }

  /** A role the speaker was written with (`the company's chief operating officer` → `chief operating officer`). */
  addRole(name: string, role: string): void {
    const words = roleWords(role);
    this.lookupCache = null;
    if (words.length > 0) this.entries.get(name)?.roles.add(words.join(' '));
  }

  private indexAlias(alias: string, name: string): void {
    const key = normaliseName(alias);
    if (key !== '' && !this.index.has(key)) this.index.set(key, name);
  }

  /** The canonical name an alias belongs to, matched exactly after normalising. */
  find(alias: string): string | undefined {
    return this.index.get(normaliseName(alias));
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  kindOf(name: string): SpeakerKind | undefined {
    return this.entries.get(name)?.kind;
  }

  setKind(name: string, kind: SpeakerKind): void {
    const entry = this.entries.get(name);
    if (entry) entry.kind = kind;
  }

  aliasesOf(name: string): string[] {
    return [...(this.entries.get(name)?.aliases ?? [])].filter((a) => a !== name);
  }

  /** The roles the speaker was written with, as compared (`swiss federal prosecutor`). */
  rolesOf(name: string): string[] {
    return [...(this.entries.get(name)?.roles ?? [])];
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** Moves every alias of `from` to `into` (creating `into` if needed) and forgets `from`. */
  merge(from: string, into: string): void {
    const source = this.entries.get(from);
    if (!source || from === into) return;
    this.lookupCache = null;
    this.add(into, source.kind);
    this.entries.delete(from);
    for (const [key, value] of this.index) if (value === from) this.index.set(key, into);
    for (const alias of source.aliases) this.addAlias(into, alias);
    for (const role of source.roles) this.addRole(into, role);
  }

  /**
   * Matches a name as typed against the speakers in `among` (all when omitted):
   * an alias exactly, then every typed word as a word of one name (`Dastgir`),
   * then the closest alias within a few typing mistakes. Ambiguous or unknown
   * names give null and up to five suggestions (none looked for when `suggest` is false).
   */
  resolve(query: string, among?: ReadonlySet<string>, suggest = true): Resolution {
    const allowed = (name: string): boolean => !among || among.has(name);
    const q = normaliseName(query);
    const lookup = this.lookup();
    if (q === '') {
      const first: string[] = [];
      for (const e of lookup.entries) if (first.length < 5 && allowed(e.name)) first.push(e.name);
      return { speaker: null, suggestions: first };
    }
    const exact = this.index.get(q);
    if (exact && allowed(exact)) return { speaker: exact, suggestions: [] };
    const byRole = this.byRole(query, lookup, allowed);
    if (byRole.length === 1) return { speaker: byRole[0]!, suggestions: [] };
    if (byRole.length > 1) return { speaker: null, suggestions: byRole.slice(0, 5) };
    // The scan this replaces scored every speaker; only these can score `words` 1 or a distance within tolerance.
    const qWords = q.split(' ');
    const byWords = lookup
      .holding(qWords[0]!)
      .filter((i) => allowed(lookup.entries[i]!.name))
      .map((i) => ({ i, ...this.score(lookup.entries[i]!, q, lookup) }))
      .filter((s) => s.words === 1)
      .sort((a, b) => a.distance - b.distance || a.i - b.i);
    if (byWords.length === 1) return { speaker: lookup.entries[byWords[0]!.i]!.name, suggestions: [] };
    if (byWords.length > 1) return { speaker: null, suggestions: byWords.slice(0, 5).map((s) => lookup.entries[s.i]!.name) };
    const limit = tolerance(q.length);
    let best: number | null = null;
    let bestDistance = Infinity;
    let ties = 0;
    for (const i of lookup.within(q, qWords, limit)) {
      const entry = lookup.entries[i]!;
      if (!allowed(entry.name)) continue;
      const { distance } = this.score(entry, q, lookup);
      if (distance < bestDistance) [best, bestDistance, ties] = [i, distance, 1];
      else if (distance === bestDistance) ties++;
    }
    if (best !== null && bestDistance <= limit && ties === 1 && !anotherShortName(qWords, lookup.normalised.get(lookup.entries[best]!)!)) {
      return { speaker: lookup.entries[best]!.name, suggestions: [] };
    }
    return { speaker: null, suggestions: suggest ? this.closest(q, lookup, allowed) : [] };
  }

  private lookup(): Lookup {
    return (this.lookupCache ??= new Lookup([...this.entries.values()]));
  }

  /**
   * The speakers holding a role typed as `query`: same head noun (`ambassador`), and every
   * typed qualifier among the role's words, a nationality matching its country (`the
   * Chinese ambassador` is `China's ambassador`); a role another qualifier makes different
   * (`deputy`, `former`) must be typed. Empty when the query is no role.
   */
  private byRole(query: string, lookup: Lookup, allowed: (name: string) => boolean): string[] {
    const typed = roleWords(query);
    const head = typed[typed.length - 1];
    if (!head || !TITLE_HEADS.has(head)) return [];
    return (lookup.byRoleHead.get(head) ?? []).filter((e) => allowed(e.name) && [...e.roles].some((role) => fitsRole(typed, role))).map((e) => e.name);
  }

  /**
   * Up to five names near `q`, by edit distance relative to length, over whole aliases and their words
   * (the typed text or one of its words); none when nothing is close: a far-off name is no suggestion.
   */
  private closest(q: string, lookup: Lookup, allowed: (name: string) => boolean): string[] {
    const typed = [...new Set([q, ...q.split(' ').filter((w) => w.length >= 3)])];
    // Each distinct alias or alias word once: its closeness, or Infinity when it cannot come within MAX_SUGGESTION_DISTANCE.
    const near = new Map<string, number>();
    for (const candidate of lookup.strings) {
      let best = Infinity;
      for (const t of typed) {
        const longest = Math.max(t.length, candidate.length, 1);
        const prefix = t.length >= 3 && candidate.length >= 3 && (candidate.startsWith(t) || t.startsWith(candidate)) ? -0.5 : 0;
        // Edit distance is at least the length difference: without the prefix bonus a far-off length is never close.
        if (prefix === 0 && Math.abs(t.length - candidate.length) / longest > MAX_SUGGESTION_DISTANCE) continue;
        const d = editDistance(t, candidate) / longest;
        best = Math.min(best, d + prefix);
      }
      if (best <= MAX_SUGGESTION_DISTANCE) near.set(candidate, best);
    }
    const entries = new Set<number>();
    for (const candidate of near.keys()) for (const i of lookup.byString.get(candidate) ?? []) entries.add(i);
    return [...entries]
      .filter((i) => allowed(lookup.entries[i]!.name))
      .map((i) => ({ i, c: Math.min(...lookup.stringsOf[i]!.map((x) => near.get(x) ?? Infinity)) }))
      .sort((a, b) => a.c - b.c || a.i - b.i)
      .slice(0, 5)
      .map((x) => lookup.entries[x.i]!.name);
  }

  /** distance: closest edit distance to an alias or one of its words; words: 1 when every typed word is a word of an alias. */
  private score(entry: Entry, q: string, lookup: Lookup): { distance: number; words: number } {
    const qWords = q.split(' ');
    let distance = Infinity;
    let words = 0;
    for (const a of lookup.normalised.get(entry)!) {
      const aWords = a.split(' ');
      distance = Math.min(distance, editDistance(q, a, 6));
      // `prime minister` is not the `deputy prime minister`: a word naming another role must be typed.
      if (aWords.some((w) => OTHER_ROLE_MODIFIERS.has(w) && !qWords.includes(w))) continue;
      if (qWords.every((w) => aWords.includes(w))) words = 1;
      // Typed words each close to some word of the alias: `Kwaja Asif`, `Dastgr`.
      const perWord = qWords.reduce((sum, w) => sum + Math.min(...aWords.map((x) => editDistance(w, x, 4))), 0);
      if (qWords.every((w) => aWords.some((x) => editDistance(w, x, 4) <= tolerance(w.length)))) distance = Math.min(distance, perWord);
    }
    return { distance, words };
  }
}

/**
 * What `resolve` looks up instead of scanning every speaker: entries in insertion order, their aliases normalised once,
 * which entries hold each alias word, aliases and alias words by length (an edit distance is at least the difference in
 * length), and roles by head noun. Words near a typed word are remembered, so `engine.quote` trying one name prefix after
 * another compares each typed word once.
 */
class Lookup {
  readonly normalised = new Map<Entry, string[]>();
  /** Alias word → indexes of the entries with an alias holding it, ascending. */
  private readonly byWord = new Map<string, number[]>();
  /** Whole normalised aliases by length → alias → entry indexes. */
  private readonly aliasesByLength = new Map<number, Map<string, number[]>>();
  /** Distinct alias words by length. */
  private readonly wordsByLength = new Map<number, string[]>();
  /** Every distinct alias and alias word, as `closest` compares them; each → entry indexes; each entry's own. */
  readonly strings: string[];
  readonly byString = new Map<string, number[]>();
  readonly stringsOf: string[][] = [];
  readonly byRoleHead = new Map<string, Entry[]>();
  private readonly nearWords = new Map<string, string[]>();

  constructor(readonly entries: Entry[]) {
    const push = <K>(map: Map<K, number[]>, key: K, i: number): void => {
      const list = map.get(key);
      if (!list) map.set(key, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    };
    entries.forEach((entry, i) => {
      const aliases = [...entry.aliases].map(normaliseName);
      this.normalised.set(entry, aliases);
      const own = new Set<string>();
      for (const a of aliases) {
        const byAlias = this.aliasesByLength.get(a.length) ?? new Map<string, number[]>();
        this.aliasesByLength.set(a.length, byAlias);
        push(byAlias, a, i);
        own.add(a);
        for (const w of a.split(' ')) {
          push(this.byWord, w, i);
          own.add(w);
        }
      }
      this.stringsOf.push([...own]);
      for (const x of own) push(this.byString, x, i);
      const heads = new Set([...entry.roles].map((r) => r.split(' ').pop()!));
      for (const h of heads) {
        const holders = this.byRoleHead.get(h);
        if (holders) holders.push(entry);
        else this.byRoleHead.set(h, [entry]);
      }
    });
    for (const w of this.byWord.keys()) {
      const list = this.wordsByLength.get(w.length) ?? [];
      list.push(w);
      this.wordsByLength.set(w.length, list);
    }
    this.strings = [...this.byString.keys()];
  }

  /** Entries with an alias holding `word` exactly. */
  holding(word: string): number[] {
    return this.byWord.get(word) ?? [];
  }

  /** Alias words within `score`'s per-word tolerance of a typed word. */
  private near(w: string): string[] {
    let found = this.nearWords.get(w);
    if (!found) {
      found = [];
      const t = tolerance(w.length);
      for (let length = w.length - t; length <= w.length + t; length++) {
        for (const x of this.wordsByLength.get(length) ?? []) if (editDistance(w, x, 4) <= t) found.push(x);
      }
      if (this.nearWords.size > 10_000) this.nearWords.clear();
      this.nearWords.set(w, found);
    }
    return found;
  }

  /**
   * Every entry whose `score` distance can be at most `limit`: an alias within `limit` edits of `q` as a whole, or
   * (the per-word distance applies only then) an alias with a word near each typed word. Ascending, no repeats.
   */
  within(q: string, qWords: string[], limit: number): number[] {
    const out = new Set<number>();
    for (let length = q.length - limit; length <= q.length + limit; length++) {
      for (const [a, holders] of this.aliasesByLength.get(length) ?? []) if (editDistance(q, a, limit) <= limit) for (const i of holders) out.add(i);
    }
    // An entry's alias must hold a word near every typed word; the first typed word's near words give them all.
    for (const x of this.near(qWords[0]!)) for (const i of this.byWord.get(x) ?? []) out.add(i);
    return [...out].sort((a, b) => a - b);
  }
}
