/**
 * What the whole corpus says about each capitalised name: is it a person (a
 * courtesy or job title; or the subject of a speech verb, or a full name acting
 * as a subject, never written like a place), a place, or an organisation; which
 * spellings and short forms are the same person; and who holds which title.
 */
import type { Cue, NameRun } from './cues.js';
import { editDistance, normaliseName } from './speakers.js';
import { DETERMINERS, HONORIFICS, ORG_WORDS, PLACE_PREPOSITIONS, SPEECH_VERBS, TITLE_HEADS, TITLE_MODIFIERS } from './vocabulary.js';

const isTitleWord = (w: string): boolean => TITLE_HEADS.has(w) || TITLE_MODIFIERS.has(w) || HONORIFICS.has(w);
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
  private tokenOwners: Map<string, number> | undefined;
  private readonly stats = new Map<string, Stats>();
  private readonly clusters: Cluster[] = [];
  private readonly clusterOfKey = new Map<string, Cluster>();
  /** Clusters named in full in each article. */
  private readonly inArticle = new Map<string, Set<Cluster>>();
  /** [articleId, title, person] for every title written next to a person's name. */
  private readonly titles: { articleId: string; title: string; person: string }[] = [];
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
    this.buildClusters();
    this.classes = new Map();
    for (const [articleId, paragraphs] of articles) {
      const here = new Set<Cluster>();
      for (const p of paragraphs) {
        for (const run of p.names) {
          const cluster = this.clusterOfKey.get(normaliseName(run.name));
          if (cluster) here.add(cluster);
        }
      }
      this.inArticle.set(articleId, here);
      for (const p of paragraphs) {
        for (const run of p.names) {
          const person = this.personOf(run.name, articleId);
          if (person) for (const title of run.titles) this.titles.push({ articleId, title, person });
        }
      }
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
      const seen = new Set<string>();
      for (const m of text.matchAll(/(?<![\p{L}'’])(\p{Ll}{2,}) (?=(\p{L}+)(?!\p{L}))/gu)) {
        const [, first, word] = m;
        if (!first || !word || seen.has(word)) continue;
        seen.add(word);
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
    for (const [key, s] of this.stats) if (key.includes(' ') && key.split(' ').includes(word) && (s.titled > 0 || s.speaker > 0)) return true;
    return false;
  }

  private buildClusters(): void {
    const persons = [...this.stats.keys()].filter((k) => this.classify(k) === 'person');
    const full = persons.filter((k) => k.includes(' ')).sort((a, b) => b.split(' ').length - a.split(' ').length);
    for (const key of full) {
      const words = key.split(' ');
      const found = this.clusters.find((c) => [...c.keys].some((other) => samePerson(words, other.split(' '))));
      if (found) {
        found.keys.add(key);
        for (const w of words) found.tokens.add(w);
        this.clusterOfKey.set(key, found);
      } else {
        const cluster: Cluster = { canonical: '', keys: new Set([key]), tokens: new Set(words) };
        this.clusters.push(cluster);
        this.clusterOfKey.set(key, cluster);
      }
    }
    for (const cluster of this.clusters) cluster.canonical = this.displayOf(cluster);
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
   * The canonical name of the person `name` stands for in this article: its
   * full name when it is one, else the one full name in the article (or failing
   * that, in the corpus) that holds it as a word; null when it is no person.
   */
  personOf(name: string, articleId: string): string | null {
    const key = normaliseName(name);
    const own = this.clusterOfKey.get(key);
    if (own) return own.canonical;
    if (this.classify(name) !== 'person') return null;
    const words = key.split(' ');
    const last = words[words.length - 1] ?? '';
    const holds = (c: Cluster): boolean => [...c.tokens].some((t) => t === last || (last.length >= 5 && editDistance(t, last, 1) <= 1));
    const local = [...(this.inArticle.get(articleId) ?? [])].filter(holds);
    if (local.length === 1) return local[0]!.canonical;
    const global = this.clusters.filter(holds);
    if (local.length === 0 && global.length === 1) return global[0]!.canonical;
    return tidy(name);
  }

  /** Every spelling of a person seen in the corpus, for the alias list. */
  spellingsOf(canonical: string): string[] {
    // How many clusters hold each token, counted once rather than per key per speaker.
    if (!this.tokenOwners) {
      this.tokenOwners = new Map();
      for (const c of this.clusters) for (const t of c.tokens) this.tokenOwners.set(t, (this.tokenOwners.get(t) ?? 0) + 1);
    }
    const owners = this.tokenOwners;
    const cluster = this.clusters.find((c) => c.canonical === canonical);
    const own = normaliseName(canonical);
    const out = new Set<string>();
    for (const [key, s] of this.stats) {
      if (this.classify(key) !== 'person') continue;
      const single = !key.includes(' ');
      const mine = cluster
        ? this.clusterOfKey.get(key) === cluster || (single && cluster.tokens.has(key) && owners.get(key) === 1)
        : key === own;
      if (mine) for (const d of s.displays.keys()) out.add(tidy(d));
    }
    return [...out];
  }

  /** The one person holding `title` (`defence minister`, `minister`) in the article, else in the corpus. */
  titleHolder(title: string, articleId: string): string | null {
    const want = title.split(' ');
    const head = want[want.length - 1];
    const fits = (t: string): boolean => {
      const words = t.split(' ');
      return words[words.length - 1] === head && want.every((w) => words.includes(w));
    };
    const holders = (rows: typeof this.titles): Set<string> => new Set(rows.filter((r) => fits(r.title)).map((r) => r.person));
    const local = holders(this.titles.filter((r) => r.articleId === articleId));
    if (local.size === 1) return [...local][0]!;
    if (local.size > 1) return null;
    const global = holders(this.titles);
    return global.size === 1 ? [...global][0]! : null;
  }

  /** Titles of two words or more that only one person holds in the corpus: `the defence minister`. */
  titleAliases(): Map<string, string> {
    const out = new Map<string, string>();
    const byTitle = new Map<string, Set<string>>();
    for (const r of this.titles) byTitle.set(r.title, (byTitle.get(r.title) ?? new Set()).add(r.person));
    for (const [title, people] of byTitle) if (title.includes(' ') && people.size === 1) out.set(`the ${title}`, [...people][0]!);
    return out;
  }
}

/** Same last name and the other words alike or missing: `Khwaja Asif` / `Khawaja Asif`, `Dastgir Khan` / `Khurram Dastgir Khan`. */
function samePerson(a: string[], b: string[]): boolean {
  if (a[a.length - 1] !== b[b.length - 1]) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.slice(long.length - short.length).every((w, i) => w === short[i])) return true;
  return short.length === long.length && short.every((w, i) => w === long[i] || (w.length > 3 && editDistance(w, long[i] ?? '', 2) <= 2));
}
