/**
 * What the whole corpus says about each capitalised name: is it a person (a
 * courtesy or job title; or the subject of a speech verb, or a full name acting
 * as a subject, never written like a place), a place, or an organisation; which
 * spellings and short forms are the same person; and (titles.ts) who holds which title.
 */
import type { Cue } from './cues.js';
import type { NameRun } from './name-runs.js';
import { normaliseName } from './speakers.js';
import { DEMONYMS, lowerCaseWordsBefore, samePerson } from './names.js';
import { Titles } from './titles.js';
import { DETERMINERS, NAME_PARTICLES, PLACE_PREPOSITIONS, SPEECH_VERBS, ORG_WORDS, TITLE_HEADS, TITLE_MODIFIERS, isTitleWord } from './vocabulary.js';

/** Lower-case words that can stand before a surname without being a first name. */
const NOT_FIRST_NAMES: ReadonlySet<string> = new Set([
  ...DETERMINERS, ...PLACE_PREPOSITIONS, ...SPEECH_VERBS, 'of', 'and', 'or', 'but', 'by', 'with', 'for', 'on', 'said', 'says',
  'told', 'added', 'tweeted', 'that', 'as', 'than', 'when', 'while', 'after', 'before', 'who', 'whom', 'whose', 'his', 'her',
  'their', 'our', 'my', 'your', 'is', 'was', 'has', 'had', 'have', 'be', 'been', 'not', 'also', 'if', 'so', 'because',
]);

export interface ParagraphClues {
  text: string;
  names: NameRun[];
  cues: Cue[];
}

export type NameClass = 'person' | 'place' | 'org' | 'unknown';

interface Stats {
  displays: Map<string, number>;
  titled: number;
  placeLike: number;
  speaker: number;
  /** Written capitalised away from the start of a sentence. */
  midSentence: number;
  /** Written as the subject of a clause (`Daniel Okafor disagreed`). */
  actor: number;
}

interface Cluster {
  canonical: string;
  keys: Set<string>;
  tokens: Set<string>;
}

const tidy = (display: string): string =>
  display === display.toUpperCase() || display === display.toLowerCase()
    ? display.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase())
    : display;

export class People {
  private readonly stats = new Map<string, Stats>();
  /** Words of multi-word names that are titled or speak: a lone word among them is a person's. */
  private readonly nameWords = new Set<string>();
  /** Last words of full names written with a title (`Assemblyman Michael Doherty`): surnames. */
  private readonly titledSurnames = new Set<string>();
  /** Clusters by the last word of their names, and by every word of their names. */
  private readonly clustersByLast = new Map<string, Cluster[]>();
  private readonly clustersByWord = new Map<string, Set<Cluster>>();
  /** personOf for a name outside any cluster, per article (the answer depends on the article). */
  private readonly personCache = new Map<string, string | null>();
  /** Every spelling of each person, computed once. */
  private spellings: Map<string, Set<string>> | undefined;
  /** The clusters' canonical names, once they are all named. */
  private canonicals: Set<string> | undefined;
  private readonly clusters: Cluster[] = [];
  /** Every title written next to a person's name, and who holds which. */
  readonly titles = new Titles();
  /** Names that are a full name behind a word known on its own (`Swiss Thomas Gurtner`): never a cluster's name. */
  private readonly prefixed = new Set<string>();
  private readonly clusterOfKey = new Map<string, Cluster>();
  /** Clusters named in full in each article. */
  private readonly inArticle = new Map<string, Set<Cluster>>();
  /** Full names no rule made a person, by article and last word (see noteFullName). */
  private readonly fullNamesIn = new Map<string, Map<string, Set<string>>>();
  /** Classes of names, remembered once the clusters are built. */
  private classes: Map<string, NameClass> | undefined;

  constructor(articles: Map<string, ParagraphClues[]>) {
    for (const paragraphs of articles.values()) {
      for (const p of paragraphs) {
        for (const run of p.names) {
          this.note(run.name, { titled: run.titled ? 1 : 0, placeLike: run.placeLike ? 1 : 0, midSentence: run.sentenceInitial ? 0 : 1, actor: run.subject ? 1 : 0 });
        }
        for (const cue of p.cues) {
          const s = cue.subject;
          if (s?.kind === 'name') this.note(s.name, { speaker: 1, titled: s.titled ? 1 : 0, placeLike: s.withThe ? 1 : 0 });
        }
      }
    }
    this.recoverLowerCaseNames([...articles.values()].flat().map((p) => p.text));
    this.noteNamesAfterKnownWords();
    this.buildClusters();
    this.classes = new Map();
    for (const [articleId, paragraphs] of articles) {
      const here = new Set<Cluster>();
      for (const p of paragraphs) {
        for (const run of p.names) {
          const cluster = this.clusterOfKey.get(normaliseName(run.name));
          if (cluster) here.add(cluster);
          else if (run.name.includes(' ')) this.noteFullName(articleId, this.prefixed.has(normaliseName(run.name)) ? (this.afterKnownName(run.name) ?? run.name) : run.name);
        }
      }
      this.inArticle.set(articleId, here);
      const addTitle = (title: string, person: string): void => this.titles.add(articleId, title, person);
      for (const p of paragraphs) {
        for (const run of p.names) {
          const person = this.personOf(run.name, articleId);
          if (!person) continue;
          for (const title of run.titles) addTitle(title, person);
        }
        for (const { title, person } of this.titlesLeft(p, articleId)) addTitle(title, person);
      }
    }
  }

  /**
   * `Mr Blair said he would stand down as prime minister`: a title held by the person named last before
   * `stand down / step down / resign as` in the sentence, outside quotation marks.
   */
  private titlesLeft(p: ParagraphClues, articleId: string): { title: string; person: string }[] {
    const out: { title: string; person: string }[] = [];
    for (const m of p.text.matchAll(/\b(?:stand|stands|stood|step|steps|stepped|resign|resigns|resigned|quit|quits) down as (?:the )?((?:[a-z-]+ ){0,2}[a-z-]+)/gu)) {
      const at = m.index ?? 0;
      if ((p.text.slice(0, at).match(/["“”]/gu)?.length ?? 0) % 2 === 1) continue;
      const words = (m[1] ?? '').split(' ');
      const head = words.findIndex((w) => TITLE_HEADS.has(w));
      if (head < 0 || !words.slice(0, head).every((w) => TITLE_MODIFIERS.has(w))) continue;
      const sentenceStart = Math.max(...['. ', '! ', '? '].map((stop) => p.text.lastIndexOf(stop, at)));
      const named = p.names.filter((n) => n.offset > sentenceStart && n.offset < at && !n.possessive && this.classify(n.name) === 'person').pop();
      const person = named ? this.personOf(named.name, articleId) : null;
      if (person) out.push({ title: words.slice(0, head + 1).join(' '), person });
    }
    return out;
  }

  /**
   * `Swiss Thomas Gurtner said`, `ambassador to Britain Liu Xiaming has said`: a word the corpus writes on its own
   * and not as a person (`Swiss banks`, `in Britain`) in front of a full name is no part of it. The full name after
   * it is noted with the same evidence, and the longer run is kept out of the clusters, so one person has one name.
   */
  private noteNamesAfterKnownWords(): void {
    for (const [key, s] of [...this.stats]) {
      if (key.split(' ').length < 3) continue;
      const display = [...s.displays.keys()][0] ?? '';
      const rest = this.afterKnownName(display);
      if (!rest) continue;
      this.note(rest, { titled: s.titled, speaker: s.speaker, actor: s.actor, midSentence: s.midSentence });
      this.prefixed.add(key);
    }
  }

  /**
   * A surname known only on its own may be written in full in lower case
   * elsewhere (`secretary of state michael pompeo`): that full name is the person's.
   */
  private recoverLowerCaseNames(texts: string[]): void {
    // One pass over the texts: for each word, the lower-case word before its first occurrence in each text.
    const before = new Map<string, string[]>();
    for (const text of texts) {
      for (const [word, first] of lowerCaseWordsBefore(text)) {
        const list = before.get(word) ?? [];
        list.push(first);
        before.set(word, list);
      }
    }
    const multi = new Set([...this.stats.keys()].filter((k) => k.includes(' ')).flatMap((k) => k.split(' ')));
    for (const key of [...this.stats.keys()]) {
      if (key.includes(' ') || multi.has(key) || this.classify(key) !== 'person' || !/^\p{L}+$/u.test(key)) continue;
      for (const first of before.get(key) ?? []) {
        if (!NOT_FIRST_NAMES.has(first) && !isTitleWord(first)) {
          this.note(`${first} ${key}`, { titled: 1 });
          break;
        }
      }
    }
  }

  private note(name: string, add: Partial<Omit<Stats, 'displays'>>): void {
    const key = normaliseName(name);
    if (key === '') return;
    const s = this.stats.get(key) ?? { displays: new Map<string, number>(), titled: 0, placeLike: 0, speaker: 0, midSentence: 0, actor: 0 };
    s.displays.set(name, (s.displays.get(name) ?? 0) + 1);
    s.titled += add.titled ?? 0;
    s.placeLike += add.placeLike ?? 0;
    s.speaker += add.speaker ?? 0;
    s.midSentence += add.midSentence ?? 0;
    s.actor += add.actor ?? 0;
    this.stats.set(key, s);
    if (key.includes(' ') && (s.titled > 0 || s.speaker > 0)) for (const w of key.split(' ')) this.nameWords.add(w);
    if (key.includes(' ') && s.titled > 0) this.titledSurnames.add(key.split(' ').pop()!);
  }

  classify(name: string): NameClass {
    const key = normaliseName(name);
    const cached = this.classes?.get(key);
    if (cached) return cached;
    const found = this.classifyKey(key);
    this.classes?.set(key, found);
    return found;
  }

  private classifyKey(key: string): NameClass {
    const words = key.split(' ');
    if (ORG_WORDS.has(words[words.length - 1] ?? '')) return 'org';
    const s = this.stats.get(key);
    if (!s) return 'unknown';
    if (s.titled > 0) return 'person';
    // `Doherty said`, surname of a titled full name, is that person even where it reads like a place (`to Doherty`).
    if (words.length === 1 && s.speaker > 0 && this.titledSurnames.has(key)) return 'person';
    if (s.placeLike > 0) return 'place';
    if (this.clusterOfKey.has(key)) return 'person';
    // A lone word that only ever opens a sentence (`Critics said`) may be a common noun.
    const lone = words.length === 1;
    if (s.speaker > 0 && (!lone || s.midSentence > 0 || this.isNameWord(key))) return 'person';
    // A full name acting as the subject of a clause, never written like a place.
    if (!lone && s.actor > 0) return 'person';
    return 'unknown';
  }

  /** A word of a multi-word name that is a person's. */
  private isNameWord(word: string): boolean {
    return this.nameWords.has(word);
  }

  private buildClusters(): void {
    const persons = [...this.stats.keys()].filter((k) => this.classify(k) === 'person' && !this.prefixed.has(k));
    const full = persons.filter((k) => k.includes(' ')).sort((a, b) => b.split(' ').length - a.split(' ').length);
    for (const key of full) {
      const words = key.split(' ');
      const last = words[words.length - 1]!;
      const sameLast = this.clustersByLast.get(last) ?? [];
      const found = sameLast.find((c) => [...c.keys].some((other) => samePerson(words, other.split(' '))));
      if (found) {
        found.keys.add(key);
        for (const w of words) found.tokens.add(w);
        this.clusterOfKey.set(key, found);
      } else {
        const cluster: Cluster = { canonical: '', keys: new Set([key]), tokens: new Set(words) };
        this.clusters.push(cluster);
        this.clusterOfKey.set(key, cluster);
        this.clustersByLast.set(last, [...sameLast, cluster]);
      }
    }
    // `Kathleen Hawk Sawyer`, named once as an object, is the `Hawk Sawyer` who speaks: a first word never written alone.
    for (const key of this.stats.keys()) {
      const words = key.split(' ');
      if (words.length < 3 || this.clusterOfKey.has(key) || this.classify(key) !== 'unknown') continue;
      const first = words[0]!;
      const cluster = this.clusterOfKey.get(words.slice(1).join(' '));
      const written = [...(this.stats.get(key)?.displays.keys() ?? [])].every((d) => /^\p{Lu}\p{Ll}/u.test(d));
      if (!cluster || !written || this.stats.has(first) || NOT_FIRST_NAMES.has(first) || isTitleWord(first)) continue;
      cluster.keys.add(key);
      for (const w of words) cluster.tokens.add(w);
      this.clusterOfKey.set(key, cluster);
    }
    for (const cluster of this.clusters) {
      cluster.canonical = this.displayOf(cluster);
      for (const t of cluster.tokens) this.clustersByWord.set(t, (this.clustersByWord.get(t) ?? new Set()).add(cluster));
    }
  }

  /** The most used spelling of the longest name in the cluster. */
  private displayOf(cluster: Cluster): string {
    const keys = [...cluster.keys].sort((a, b) => b.split(' ').length - a.split(' ').length || this.count(b) - this.count(a));
    const displays = this.stats.get(keys[0] ?? '')?.displays ?? new Map<string, number>();
    const best = [...displays].sort((a, b) => b[1] - a[1])[0]?.[0] ?? keys[0] ?? '';
    return tidy(best);
  }

  private count(key: string): number {
    return [...(this.stats.get(key)?.displays.values() ?? [])].reduce((a, b) => a + b, 0);
  }

  /**
   * A full name written in the article that no rule made a person (`Michelle Hege’s response`,
   * `a meeting with David Trimble`), kept under its last word when it reads as a person's name:
   * capitalised words only, none a title, a nationality or a word the corpus writes as a place
   * or organisation, and not itself written like one.
   */
  private noteFullName(articleId: string, name: string): void {
    const key = normaliseName(name);
    const words = key.split(' ');
    if (words.length > 4 || this.prefixed.has(key) || this.clusterOfKey.has(key) || this.classify(key) !== 'unknown') return;
    if (!name.split(' ').every((w) => /^\p{Lu}(?:[\p{L}'’-]*\p{L}|\.)?$/u.test(w) || NAME_PARTICLES.has(w))) return;
    if (words.some((w) => isTitleWord(w) || DEMONYMS.has(w) || ORG_WORDS.has(w) || (this.stats.has(w) && this.classify(w) !== 'person' && this.classify(w) !== 'unknown'))) return;
    const byLast = this.fullNamesIn.get(articleId) ?? new Map<string, Set<string>>();
    const last = words[words.length - 1]!;
    byLast.set(last, (byLast.get(last) ?? new Set()).add(tidy(this.displayOfKey(key) ?? name)));
    this.fullNamesIn.set(articleId, byLast);
  }

  /** The most written spelling of a name. */
  private displayOfKey(key: string): string | undefined {
    return [...(this.stats.get(key)?.displays ?? [])].sort((a, b) => b[1] - a[1])[0]?.[0];
  }

  /**
   * The canonical name of the person `name` stands for in this article: its
   * full name when it is one, else the one full name in the article (or failing
   * that, in the corpus) that holds it as a word; null when it is no person.
   */
  personOf(name: string, articleId: string): string | null {
    const key = normaliseName(name);
    const own = this.clusterOfKey.get(key);
    if (own) return own.canonical;
    if (this.classify(name) !== 'person') return null;
    const cacheKey = `${articleId}\u0000${key}`;
    const cached = this.personCache.get(cacheKey);
    if (cached !== undefined) return cached;
    const words = key.split(' ');
    const last = words[words.length - 1] ?? '';
    // The word itself, never one a letter off: `Morrew said` is not Peter Morrow, who may be another person entirely.
    const global = [...(this.clustersByWord.get(last) ?? [])];
    const here = this.inArticle.get(articleId);
    const local = global.filter((c) => here?.has(c));
    // `Hege said` where the article wrote `Michelle Hege’s response`: a surname speaks for the one full name it ends.
    const writtenHere = words.length === 1 ? [...(this.fullNamesIn.get(articleId)?.get(last) ?? [])] : [];
    const written = local.length === 0 ? writtenHere : [];
    // `Tom Reyes and his sister Ana Reyes … “…,” Reyes said`: another full name here ends the same way, so the
    // surname names neither for sure; it stays as written.
    const found =
      local.length === 1 && writtenHere.length > 0 ? tidy(name)
      : local.length === 1 ? local[0]!.canonical
      : written.length === 1 ? written[0]!
      : local.length === 0 && global.length === 1 ? global[0]!.canonical
      : tidy(name);
    this.personCache.set(cacheKey, found);
    return found;
  }

  /**
   * The person a name stands for in this article: `personOf` for a name the corpus knows is a person's, and a lone
   * word it cannot place (`Vos said`, a sentence's first word, never titled) when it is the last word of exactly one
   * person named in full in this article (`Lena Vos`). Null otherwise.
   */
  personHere(name: string, articleId: string): string | null {
    const cls = this.classify(name);
    if (cls === 'person') return this.personOf(name, articleId);
    const key = normaliseName(name);
    if (cls !== 'unknown' || key.includes(' ') || key === '') return null;
    const named = [...(this.clustersByLast.get(key) ?? [])].filter((c) => this.inArticle.get(articleId)?.has(c));
    // `Lena Vos and Tom Vos …`: any other full name here ending the same way, person or not, makes it unsure.
    const others = [...(this.fullNamesIn.get(articleId)?.get(key) ?? [])];
    return named.length === 1 && others.length === 0 ? named[0]!.canonical : null;
  }

  /**
   * What follows a leading name the corpus writes on its own and not as a person (`Lib Dems` in
   * `Lib Dems David Laws`), when that is a full name of two words or more; else null.
   */
  afterKnownName(name: string): string | null {
    const words = name.split(' ');
    for (let k = 1; k <= words.length - 2; k++) {
      const lead = normaliseName(words.slice(0, k).join(' '));
      if (!this.stats.has(lead) || this.classify(lead) === 'person') continue;
      const rest = words.slice(k);
      if (rest.every((w) => /^\p{Lu}\p{Ll}/u.test(w)) && !rest.some((w) => isTitleWord(w.toLowerCase()))) return rest.join(' ');
    }
    return null;
  }

  /** Every spelling of a person seen in the corpus, for the alias list. */
  spellingsOf(canonical: string): string[] {
    this.spellings ??= this.allSpellings();
    // A set, not a scan of every cluster per speaker (quadratic in the corpus).
    this.canonicals ??= new Set(this.clusters.map((c) => c.canonical));
    return [...(this.spellings.get(this.canonicals.has(canonical) ? `cluster:${canonical}` : normaliseName(canonical)) ?? [])];
  }

  /** One pass over the names: each person name's spellings under its cluster (or its own key when it has none). */
  private allSpellings(): Map<string, Set<string>> {
    // A lone word goes to the one cluster holding it, if only one does.
    const owners = new Map<string, Cluster[]>();
    for (const c of this.clusters) for (const t of c.tokens) owners.set(t, (owners.get(t) ?? []).concat(c));
    const out = new Map<string, Set<string>>();
    const add = (into: string, displays: Iterable<string>): void => {
      const set = out.get(into) ?? new Set<string>();
      for (const d of displays) set.add(tidy(d));
      out.set(into, set);
    };
    for (const [key, s] of this.stats) {
      if (this.classify(key) !== 'person') continue;
      const own = this.clusterOfKey.get(key);
      if (own) add(`cluster:${own.canonical}`, s.displays.keys());
      else add(key, s.displays.keys());
      const holders = !key.includes(' ') ? owners.get(key) : undefined;
      if (holders?.length === 1 && holders[0] !== own) add(`cluster:${holders[0]!.canonical}`, s.displays.keys());
    }
    return out;
  }
}
