/**
 * `SpeakerRegistry.resolve` looks names up through indexes (issue 14); this proves it answers exactly as the
 * scan it replaced, kept below verbatim as the reference, over a generated roster of a few thousand names.
 */
import { describe, expect, it } from 'vitest';
import { countryOf } from '../../src/quotes/names.js';
import { SpeakerRegistry, normaliseName, tolerance } from '../../src/quotes/speakers.js';
import { anotherShortName, editDistance } from '../../src/quotes/spelling.js';
import type { Resolution, SpeakerRegistryJSON } from '../../src/quotes/speakers.js';
import { OTHER_ROLE_MODIFIERS, TITLE_HEADS } from '../../src/quotes/vocabulary.js';

interface Entry {
  name: string;
  aliases: Set<string>;
  roles: Set<string>;
}

/** The resolve before issue 14: every speaker scored, every alias compared by edit distance. */
function referenceResolve(data: SpeakerRegistryJSON, query: string, among?: ReadonlySet<string>): Resolution {
  const { entries, index } = referenceOf(data);
  const allowed = (name: string): boolean => !among || among.has(name);
  const q = normaliseName(query);
  const pool = entries.filter((e) => allowed(e.name));
  if (q === '') return { speaker: null, suggestions: pool.slice(0, 5).map((e) => e.name) };
  const exact = index.get(q);
  if (exact && allowed(exact)) return { speaker: exact, suggestions: [] };
  const byRole = referenceByRole(query, pool);
  if (byRole.length === 1) return { speaker: byRole[0]!, suggestions: [] };
  if (byRole.length > 1) return { speaker: null, suggestions: byRole.slice(0, 5) };
  const scored = pool.map((e) => ({ name: e.name, ...referenceScore(e, q) })).sort((a, b) => a.distance - b.distance || b.words - a.words);
  const byWords = scored.filter((s) => s.words === 1);
  if (byWords.length === 1) return { speaker: byWords[0]!.name, suggestions: [] };
  if (byWords.length > 1) return { speaker: null, suggestions: byWords.slice(0, 5).map((s) => s.name) };
  const best = scored[0];
  // Since issue 11: a short name one letter away from a speaker's (`Wong` for `Wang`) is only suggested.
  const anotherName = best !== undefined && anotherShortName(q.split(' '), [...pool.find((e) => e.name === best.name)!.aliases].map(normaliseName));
  if (best && best.distance <= tolerance(q.length) && (scored[1]?.distance ?? Infinity) > best.distance && !anotherName) {
    return { speaker: best.name, suggestions: [] };
  }
  return { speaker: null, suggestions: referenceClosest(q, pool) };
}

const references = new WeakMap<SpeakerRegistryJSON, { entries: Entry[]; index: Map<string, string> }>();
function referenceOf(data: SpeakerRegistryJSON): { entries: Entry[]; index: Map<string, string> } {
  let reference = references.get(data);
  if (!reference) {
    reference = { entries: data.entries.map(([name, , aliases, roles]) => ({ name, aliases: new Set(aliases), roles: new Set(roles) })), index: new Map(data.index) };
    references.set(data, reference);
  }
  return reference;
}

/** speakers.ts's private `roleWords`, as it was. */
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

function referenceByRole(query: string, pool: Entry[]): string[] {
  const typed = roleWords(query);
  const head = typed[typed.length - 1];
  if (!head || !TITLE_HEADS.has(head)) return [];
  const fits = (role: string): boolean => {
    const words = role.split(' ');
    return words[words.length - 1] === head && typed.every((w) => words.includes(w)) && words.every((w) => !OTHER_ROLE_MODIFIERS.has(w) || typed.includes(w));
  };
  return pool.filter((e) => [...e.roles].some(fits)).map((e) => e.name);
}

function referenceClosest(q: string, pool: Entry[]): string[] {
  const typed = [...new Set([q, ...q.split(' ').filter((w) => w.length >= 3)])];
  const closeness = (e: Entry): number => {
    let best = Infinity;
    for (const alias of e.aliases) {
      const a = normaliseName(alias);
      for (const candidate of [a, ...a.split(' ')]) {
        for (const t of typed) {
          const d = editDistance(t, candidate) / Math.max(t.length, candidate.length, 1);
          const prefix = t.length >= 3 && candidate.length >= 3 && (candidate.startsWith(t) || t.startsWith(candidate)) ? -0.5 : 0;
          best = Math.min(best, d + prefix);
        }
      }
    }
    return best;
  };
  return pool
    .map((e) => ({ name: e.name, c: closeness(e) }))
    .filter((x) => x.c <= 0.4)
    .sort((a, b) => a.c - b.c)
    .slice(0, 5)
    .map((x) => x.name);
}

function referenceScore(entry: Entry, q: string): { distance: number; words: number } {
  const qWords = q.split(' ');
  let distance = Infinity;
  let words = 0;
  for (const alias of entry.aliases) {
    const a = normaliseName(alias);
    const aWords = a.split(' ');
    distance = Math.min(distance, editDistance(q, a, 6));
    if (aWords.some((w) => OTHER_ROLE_MODIFIERS.has(w) && !qWords.includes(w))) continue;
    if (qWords.every((w) => aWords.includes(w))) words = 1;
    const perWord = qWords.reduce((sum, w) => sum + Math.min(...aWords.map((x) => editDistance(w, x, 4))), 0);
    if (qWords.every((w) => aWords.some((x) => editDistance(w, x, 4) <= tolerance(w.length)))) distance = Math.min(distance, perWord);
  }
  return { distance, words };
}

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'han', 'ri', 'mo', 'sa', 'lee', 'tan', 'vo', 'ber', 'gin', 'al', 'is', 'ja', 'wa', 'de', 'ro', 'na', 'kh', 'zu', 'pe', 'ow', 'son', 'mit', 'el'];
const ROLES = ['foreign minister', 'defence minister', 'deputy prime minister', 'prime minister', 'chinese ambassador', 'army chief', 'federal prosecutor', 'former president', 'finance secretary', 'spokesman', 'state schools superintendent', 'vice president', 'chief executive'];
const ORG_HEADS = ['ministry', 'office', 'party', 'bank', 'council', 'group'];

function roster(random: () => number, size: number): { registry: SpeakerRegistry; names: string[]; words: string[] } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const word = (): string => {
    const w = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(SYLLABLES)).join('');
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const surnames = Array.from({ length: Math.floor(size / 4) }, word);
  const registry = new SpeakerRegistry();
  const names: string[] = [];
  for (let i = 0; i < size; i++) {
    const organisation = random() < 0.1;
    const name = organisation ? `${word()} ${pick(ORG_HEADS)[0]!.toUpperCase()}${pick(ORG_HEADS).slice(1)}` : `${word()}${random() < 0.3 ? ` ${word()}` : ''} ${pick(surnames)}`;
    const canonical = registry.add(name, organisation ? 'organisation' : 'person');
    names.push(canonical);
    const parts = name.split(' ');
    if (!organisation && random() < 0.7) registry.addAlias(canonical, parts[parts.length - 1]!);
    if (!organisation && random() < 0.3) registry.addAlias(canonical, `Mr ${parts[parts.length - 1]}`);
    if (random() < 0.15) registry.addAlias(canonical, `the ${pick(ROLES)}`);
    if (random() < 0.2) registry.addRole(canonical, `the ${pick(ROLES)}`);
    if (organisation && random() < 0.5) registry.addAlias(canonical, parts.map((p) => p[0]).join(''));
    if (random() < 0.02 && names.length > 2) registry.merge(canonical, pick(names.slice(0, -1)));
  }
  return { registry, names: registry.names(), words: surnames };
}

function misspell(random: () => number, text: string, edits: number): string {
  let s = text;
  for (let e = 0; e < edits; e++) {
    const i = Math.floor(random() * Math.max(s.length, 1));
    const kind = Math.floor(random() * 4);
    const letter = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 26)]!;
    if (kind === 0) s = s.slice(0, i) + letter + s.slice(i + 1);
    else if (kind === 1) s = s.slice(0, i) + letter + s.slice(i);
    else if (kind === 2 && s.length > 1) s = s.slice(0, i) + s.slice(i + 1);
    else if (i + 1 < s.length) s = s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
  }
  return s;
}

function queries(random: () => number, names: string[], words: string[], count: number): string[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const out = ['', 'the', 'Mr', 'ambassador', 'the Chinese ambassador', 'prime minister', 'the deputy prime minister', 'prosecutor', 'x', 'zz'];
  for (let i = 0; i < count; i++) {
    const name = pick(names);
    const last = name.split(' ').pop()!;
    switch (i % 9) {
      case 0: out.push(name.toUpperCase()); break;
      case 1: out.push(last); break;
      case 2: out.push(misspell(random, name, 1)); break;
      case 3: out.push(misspell(random, name, 2)); break;
      case 4: out.push(misspell(random, last, 1 + (i % 2))); break;
      case 5: out.push(`${misspell(random, pick(words), 2)}${pick(['', 'x', 'ova', 'berg'])}`); break;
      case 6: out.push(`the ${pick(ROLES)}`); break;
      case 7: out.push(`${name} ${pick(['russia', 'talks on trade', 'the budget'])}`); break;
      default: out.push(`${name.split(' ')[0]} ${misspell(random, last, 1)}`);
    }
  }
  return out;
}

describe('SpeakerRegistry.resolve through indexes (issue 14)', () => {
  it('answers exactly as the scan over every speaker did, on a generated roster', () => {
    const random = rng(14);
    const { registry, names, words } = roster(random, 2000);
    const data = registry.toJSON();
    const among = new Set(names.filter(() => random() < 0.6));
    const typed = queries(random, names, words, 300);
    let found = 0;
    let suggested = 0;
    for (const [i, query] of typed.entries()) {
      const expected = referenceResolve(data, query);
      expect(registry.resolve(query), query).toEqual(expected);
      if (expected.speaker) found++;
      else if (expected.suggestions.length > 0) suggested++;
      if (i % 3 !== 0) continue;
      const expectedAmong = referenceResolve(data, query, among);
      expect(registry.resolve(query, among), `${query} (among)`).toEqual(expectedAmong);
      // Without suggestions (engine.quote's shorter names) the speaker found is the same.
      expect(registry.resolve(query, among, false).speaker, `${query} (no suggestions)`).toBe(expectedAmong.speaker);
    }
    // Every path is exercised: found, suggested and nothing.
    expect(found).toBeGreaterThan(typed.length / 4);
    expect(suggested).toBeGreaterThan(20);
    expect(typed.length - found - suggested).toBeGreaterThan(5);
  }, 120_000);

  it('drops its indexes when the registry changes', () => {
    const registry = new SpeakerRegistry();
    registry.add('Khwaja Asif', 'person');
    expect(registry.resolve('Dastgir').speaker).toBeNull();
    registry.add('Khurram Dastgir Khan', 'person');
    expect(registry.resolve('Dastgir').speaker).toBe('Khurram Dastgir Khan');
    registry.addAlias('Khwaja Asif', 'the foreign minister');
    expect(registry.resolve('foreign minster').speaker).toBe('Khwaja Asif');
    registry.addRole('Khwaja Asif', 'the defence minister');
    expect(registry.resolve('the defence minister').speaker).toBe('Khwaja Asif');
    registry.merge('Khwaja Asif', 'Khawaja Muhammad Asif');
    expect(registry.resolve('Muhammad').speaker).toBe('Khawaja Muhammad Asif');
  });
});
