/**
 * What a question asks for, read against the corpus: its content words as
 * concepts, each with its IDF weight and the corpus terms that count as
 * meeting it (moderator synonyms, WordNet, spellings), and how much of those
 * concepts a paragraph or one of its sentences covers.
 */
import type SearchableMap from 'minisearch/SearchableMap';
import type { Attribution, Paragraph } from '../corpus/types.js';
import { ANSWER_BIT } from './question.js';
import type { AnswerType } from './question.js';
import type { Synonyms } from './synonyms.js';
import { taggedTermsOf } from './terms.js';
import type { SearchTuning } from './tuning.js';
import type { WordNet } from './wordnet.js';

/** Verbs that say little about what a question is after; they count half. */
export const LIGHT_VERBS = new Set(['make', 'set', 'get', 'take', 'give', 'go', 'come', 'put', 'keep', 'let', 'seem', 'happen', 'say', 'tell', 'know', 'think', 'want', 'use']);

/** Longest question analysed; the rest of a pasted wall of text is ignored. */
export const MAX_QUERY_CHARS = 500;

/** A paragraph as the index keeps it: its sentences' terms and the answer types each holds. */
export interface IndexedParagraph {
  paragraph: Paragraph;
  attribution: Attribution;
  sentences: { start: number; end: number; terms: Set<string>; answers: number }[];
  /** Every term of the paragraph's own text (not its title or section). */
  terms: Set<string>;
}

/** One content word of the question and the terms that count as meeting it. */
export interface Concept {
  term: string;
  weight: number;
  /** term → how much a match on it counts (1 for the word itself). Read-only: shared by questions with the same word. */
  variants: ReadonlyMap<string, number>;
  /** A name (proper noun) that nothing in the corpus matches: the question is about something else. */
  unknownName: boolean;
  /** A proper noun of the question. */
  name: boolean;
}

/** What reading a question needs of the corpus. */
export interface CorpusTerms {
  /** Paragraphs holding each term. */
  readonly df: ReadonlyMap<string, number>;
  readonly paragraphCount: number;
  /** Changes whenever the terms or their counts do (what is remembered about the corpus is then forgotten). */
  version(): number;
  /** The terms, for fuzzy and prefix look-ups. */
  vocabulary(): SearchableMap<number>;
  /** Whether an article's title holds the term (a name its headline gives, `Tories`, and its paragraphs word otherwise). */
  inTitles?(term: string): boolean;
}

/** What a word of a question expands to in one corpus (see `ConceptReader.expansion`). */
interface Expansion {
  variants: ReadonlyMap<string, number>;
  unmet: boolean;
}

/** Words whose expansions are remembered at most; past this, the memory starts over. */
const MAX_REMEMBERED_EXPANSIONS = 20_000;

/** Turns questions into concepts over one corpus's terms. */
export class ConceptReader {
  private readonly expansions = new Map<string, Expansion>();
  /** The corpus version the remembered expansions were found in. */
  private expansionsOf = -1;

  constructor(
    private readonly corpus: CorpusTerms,
    private readonly synonyms: Synonyms,
    private readonly wordnet: WordNet,
    private readonly tuning: SearchTuning,
  ) {}

  /** The question's content words, each with its IDF weight and the terms that meet it. */
  concepts(question: string): Concept[] {
    const { df } = this.corpus;
    const tagged = taggedTermsOf(cleanQuestion(question));
    const phrases = this.synonyms.phrasesIn(tagged.map((t) => t.term));
    const inPhrase = new Set(phrases.flatMap((p) => p.words));
    const names = new Set(tagged.filter((t) => t.pos === 'PROPN').map((t) => t.term));
    // A word the corpus never uses, capitalised before a name and known to the dictionary, is a title (`Governor Smith`), not a name.
    const titles = new Set(
      tagged.filter((t) => t.pos === 'PROPN' && t.next === 'PROPN' && !df.has(t.term) && this.wordnet.knows(t.term)).map((t) => t.term),
    );
    const words = [...new Set(tagged.map((t) => t.term).filter((t) => !inPhrase.has(t)))];
    const weightOf = (w: string): number =>
      this.idf(w) * (LIGHT_VERBS.has(w) ? 0.5 : 1) * (titles.has(w) ? this.tuning.titleWeight : 1);
    return [
      ...phrases.map((p) => this.concept(p.token, Math.max(...p.words.map((w) => this.idf(w))), false)),
      ...words.map((w) => this.concept(w, weightOf(w), names.has(w) && !titles.has(w))),
    ];
  }

  /** BM25's IDF; a word the corpus has never seen weighs as much as the rarest word it has. */
  idf(term: string): number {
    const n = Math.max(1, this.corpus.paragraphCount);
    const df = this.corpus.df.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private concept(term: string, weight: number, isName: boolean): Concept {
    const { variants, unmet } = this.expansion(term, isName);
    return {
      term,
      weight: unmet && !isName ? weight * this.tuning.unmetWeight : weight,
      variants,
      name: isName,
      // A name a headline gives is one the corpus knows, however its paragraphs word it (`Tories` / `the Conservative Party`).
      unknownName: isName && unmet && !(this.corpus.inTitles?.(term) ?? false),
    };
  }

  /**
   * The terms that meet `term` and whether the corpus lacks it in every form. They depend on the
   * word and the corpus alone, and finding them (WordNet, fuzzy and prefix look-ups) was a fifth
   * of `/ask` at 1k paragraphs: remembered until the corpus changes. Shared between questions, so
   * read-only.
   */
  private expansion(term: string, isName: boolean): Expansion {
    if (this.expansionsOf !== this.corpus.version() || this.expansions.size >= MAX_REMEMBERED_EXPANSIONS) {
      this.expansions.clear();
      this.expansionsOf = this.corpus.version();
    }
    const key = isName ? `${term}\u0000name` : term;
    let known = this.expansions.get(key);
    if (!known) {
      known = this.expand(term, isName);
      this.expansions.set(key, known);
    }
    return known;
  }

  private expand(term: string, isName: boolean): Expansion {
    const { df } = this.corpus;
    const variants = new Map<string, number>([[term, 1]]);
    // An expansion found in a large share of paragraphs adds little but cost: MiniSearch scores every paragraph it is in.
    const common = Math.max(50, this.corpus.paragraphCount * this.tuning.maxExpansionShare);
    const add = (t: string, boost: number): void => {
      const n = df.get(t);
      if (n !== undefined && n <= common && (variants.get(t) ?? 0) < boost) variants.set(t, boost);
    };
    for (const t of this.synonyms.synonymsOf(term)) add(t, this.tuning.synonymBoost);
    if (!term.includes('_')) {
      // A name is not the common word it is spelt like (`Brown` is no colour, `Trump` no card), and what
      // is broader than a name is no paraphrase of it (`American` → `inhabitant`, `York` → `royalty`).
      const related = this.wordnet.related(term, { name: isName });
      for (const t of related.synonyms) add(t, this.tuning.wordnetBoost);
      for (const t of related.derived) add(t, this.tuning.wordnetBoost);
      if (!isName) for (const t of related.broader) add(t, this.tuning.broaderBoost);
      // The lemmatiser leaves proper-noun plurals alone: `Afghans`, `Americans`.
      if (term.endsWith('s')) add(term.slice(0, -1), 0.95);
      // … and those in `-ies` (`Tories` → `Tory`, `Kennedies`): without it the name is taken for one the corpus lacks.
      if (term.endsWith('ies')) add(`${term.slice(0, -3)}y`, 0.95);
      if (!df.has(term) && term.length >= 6 && !/\d/.test(term)) {
        for (const [t] of this.corpus.vocabulary().fuzzyGet(term, term.length >= 9 ? 2 : 1)) add(t, this.tuning.fuzzyBoost);
        // The same word worded differently shares its first letters: `senator` meets `senate`, `senates`.
        const stem = term.slice(0, Math.max(5, term.length - 3));
        for (const [t] of this.corpus.vocabulary().atPrefix(stem)) add(t, this.tuning.relatedFormBoost);
      }
    }
    return { variants, unmet: variants.size === 1 && !df.has(term) };
  }
}

/** The question as analysed: at most `MAX_QUERY_CHARS`, control and format characters blanked. */
export function cleanQuestion(question: string): string {
  return question.slice(0, MAX_QUERY_CHARS).replace(/[\p{Cc}\p{Cf}]/gu, ' ');
}

/** Weighted share of the concepts met by a set of terms (a variant counts for its boost, the best one held). */
/** What `cover` reads of a set of terms: whether it holds one (a paragraph's term set, an article's term counts). */
export type TermLookup = Pick<ReadonlySet<string>, 'has'>;

export function cover(concepts: readonly Concept[], terms: TermLookup): number {
  let sum = 0;
  for (const c of concepts) sum += coverOf(c, terms);
  return sum;
}

/** `cover([concept], terms)`, without the array: the weight of the concept times the best boost of its variants held. */
export function coverOf(concept: Concept, terms: TermLookup): number {
  // Variants best first: the first one held is the best (iterating the Map's entries was a seventh of `/ask`).
  const { terms: ranked, boosts } = variantsByBoost(concept.variants);
  let best = 0;
  for (let i = 0; i < ranked.length; i++) {
    if (terms.has(ranked[i]!)) {
      best = boosts[i]!;
      break;
    }
  }
  return concept.weight * best;
}

/** A concept's variants with a boost above 0 (the only ones `cover` can count), best first. */
interface RankedVariants {
  terms: string[];
  boosts: number[];
}

/**
 * Remembered by the variants Map itself, which questions with the same word share (see
 * `ConceptReader.expansion`), so it is sorted once per word, not once per question.
 */
const rankedVariants = new WeakMap<ReadonlyMap<string, number>, RankedVariants>();

function variantsByBoost(variants: ReadonlyMap<string, number>): RankedVariants {
  let ranked = rankedVariants.get(variants);
  if (!ranked) {
    // A stable sort: of equal boosts, the first in the Map is tried first (either gives the same number).
    const entries = [...variants].filter(([, b]) => b > 0).sort((a, b) => b[1] - a[1]);
    ranked = { terms: entries.map(([t]) => t), boosts: entries.map(([, b]) => b) };
    rankedVariants.set(variants, ranked);
  }
  return ranked;
}

/**
 * Whether a sentence of the paragraph meets the question and holds the kind of answer it asks for.
 * It must meet more than the question's names (when it asks more): a date in a sentence that shares
 * only `Tony Blair` with "when will Tony Blair leave Belfast" dates something else he did.
 */
export function holdsAnswer(entry: IndexedParagraph, concepts: Concept[], type: AnswerType, least = 0): boolean {
  const unnamed = concepts.filter((c) => !c.name);
  const named = concepts.filter((c) => c.name);
  return entry.sentences.some((s) => {
    if ((s.answers & ANSWER_BIT[type]) !== ANSWER_BIT[type]) return false;
    const rest = cover(unnamed, s.terms);
    if (unnamed.length > 0 && rest === 0) return false;
    // `He said he has spent Rs 24 lakh`: a sentence speaking of someone by a pronoun meets the names its paragraph gives.
    const refersBack = PRONOUN.test(entry.paragraph.text.slice(s.start, s.end));
    return cover(named, refersBack ? entry.terms : s.terms) + rest >= least;
  });
}

/**
 * What one question's concepts cover of each paragraph asked about: the paragraph's terms, each of
 * its sentences, and whether it holds an answer of a type. `/ask` asks this of the same paragraphs
 * several times (its two rankings, the best sentence, the answer type twice, the quoted sentences),
 * so each is worked out once per question; the numbers are `cover`'s and `holdsAnswer`'s own.
 */
export class QuestionCover {
  private readonly paragraphs = new Map<IndexedParagraph, CoverMemo>();

  constructor(readonly concepts: Concept[]) {}

  /** `cover(concepts, entry.terms)`. */
  paragraph(entry: IndexedParagraph): number {
    return this.memo(entry).terms;
  }

  /** `cover(concepts, s.terms)` for each sentence `s` of the paragraph. */
  sentences(entry: IndexedParagraph): number[] {
    const memo = this.memo(entry);
    return (memo.sentences ??= entry.sentences.map((s) => cover(this.concepts, s.terms)));
  }

  /** `holdsAnswer(entry, concepts, type, least)`. */
  holds(entry: IndexedParagraph, type: AnswerType, least = 0): boolean {
    const memo = this.memo(entry);
    const key = `${type} ${least}`;
    memo.holds ??= new Map();
    let held = memo.holds.get(key);
    if (held === undefined) {
      held = holdsAnswer(entry, this.concepts, type, least);
      memo.holds.set(key, held);
    }
    return held;
  }

  /**
   * What `work` finds of the paragraph for the question, worked out the first time it is asked: its
   * rankings judge mostly the same paragraphs twice (the focus test, the cover read in its article),
   * with the same question, so the second ranking of a paragraph reads the first's answer.
   */
  once<K extends keyof JudgedParagraph>(entry: IndexedParagraph, what: K, work: () => NonNullable<JudgedParagraph[K]>): NonNullable<JudgedParagraph[K]> {
    const judged = (this.memo(entry).judged ??= {});
    return (judged[what] ??= work()) as NonNullable<JudgedParagraph[K]>;
  }

  private memo(entry: IndexedParagraph): CoverMemo {
    let memo = this.paragraphs.get(entry);
    if (!memo) {
      memo = { terms: cover(this.concepts, entry.terms), sentences: null, holds: null, judged: null };
      this.paragraphs.set(entry, memo);
    }
    return memo;
  }
}

/** What `/ask` judged of a paragraph for one question (`QuestionCover.once`). */
export interface JudgedParagraph {
  /** Whether it meets the question's focus (`FocusTest.meets`). */
  inFocus?: boolean;
  /** Its cover read in its article (`SearchIndex.coverInArticle`). */
  inArticle?: number;
}

interface CoverMemo {
  terms: number;
  sentences: number[] | null;
  holds: Map<string, boolean> | null;
  judged: JudgedParagraph | null;
}

/** A third-person pronoun: the sentence speaks of someone or something named before it. */
const PRONOUN = /\b(?:he|she|him|her|his)\b/i;
