/**
 * Analyses remembered between builds in one process. The build worker lives
 * across reloads, so a reload re-analyses only the paragraphs and articles
 * that were added or changed: everything else is looked up by its content.
 * The cross-article parts (speaker registry, merged events, the index) are
 * still computed afresh from these per-text results.
 *
 * Each build marks what it used; `endBuild()` then forgets what the build just
 * finished did not use, so memory follows the corpus, not its history. Only
 * build paths use these: a question is never remembered.
 */

/** A memo whose entries outnumber this between two `endBuild()` calls starts over (a process that builds many corpora without ending them). */
const MAX_ENTRIES = 2_000_000;

interface Entry<V> {
  value: V;
  build: number;
}

const sweeps: (() => void)[] = [];
let build = 0;

/** A remembered function, which can also be told a value computed elsewhere (another thread). */
export interface Memo<I, V> {
  (input: I): V;
  /** Whether `input`'s value is remembered. */
  has(input: I): boolean;
  /** Remembers `value` as `input`'s, as if computed here (a value made by the same `compute` in another thread). */
  store(input: I, value: V): void;
}

/**
 * `compute`, remembered by `keyOf(input)`. The value is shared by every caller
 * asking for the same key: callers must treat it as read-only.
 */
export function memoise<I, V>(compute: (input: I) => V, keyOf: (input: I) => string): Memo<I, V> {
  const entries = new Map<string, Entry<V>>();
  sweeps.push(() => {
    for (const [key, entry] of entries) if (entry.build < build) entries.delete(key);
  });
  const remember = (key: string, value: V): void => {
    if (entries.size >= MAX_ENTRIES) entries.clear();
    entries.set(key, { value, build });
  };
  const memo = (input: I): V => {
    const key = keyOf(input);
    const known = entries.get(key);
    if (known) {
      known.build = build;
      return known.value;
    }
    const value = compute(input);
    remember(key, value);
    return value;
  };
  memo.has = (input: I): boolean => entries.has(keyOf(input));
  memo.store = (input: I, value: V): void => remember(keyOf(input), value);
  return memo;
}

/** Forgets what the build that just finished did not use. */
export function endBuild(): void {
  for (const sweep of sweeps) sweep();
  build++;
}
