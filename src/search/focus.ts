/**
 * What a question is about beyond its coverage, so that a passage sharing most of its words but
 * not the thing asked does not answer it: "how much did the campaign cost" is not answered by an
 * article that never speaks of a cost, however well it covers "the campaign"; "how many people died
 * of plague in 2019" is not answered by an article that never names 2019.
 */
import { analyse } from '../nlp/index.js';
import { IRREGULAR_SPEECH_FORMS, REPORTING_VERBS } from '../nlp/speech-verbs.js';
import type { Token } from '../nlp/index.js';
import type { Concept, IndexedParagraph, TermLookup } from './concepts.js';
import { cover, coverOf, LIGHT_VERBS } from './concepts.js';
import { ANSWER_BIT } from './question.js';
import type { AnswerType } from './question.js';
import { termOf } from './terms.js';

/** What `FocusTest.meets` reads of the index beyond the paragraph. */
export interface FocusContext {
  /** Every term of the paragraph's article. */
  articleTermsOf: (entry: IndexedParagraph) => TermLookup;
  /** Whether any paragraph of the corpus holds a term. */
  known: (term: string) => boolean;
  /** Share of the topic's weight the paragraph must cover (`SearchTuning.topicCoverage`). */
  topicCoverage: number;
  /** The paragraphs before this one in its article, nearest first, at most `count`. */
  previous: (entry: IndexedParagraph, count: number) => IndexedParagraph[];
}

export interface QuestionFocus {
  /**
   * Terms of the question's verbs and common nouns (not names, numbers, adjectives or light verbs):
   * what it asks of its subject. In a question asking for an amount, a date or a person, an article
   * that uses none of a predicate's forms does not say it.
   */
  predicate: string[];
  /**
   * The noun a typed question asks a number or date of ("how many *members*", "what *day*"), when it
   * names one. A sentence holding the answer next to it answers however the rest is worded
   * ("members … killed" for "members died").
   */
  askedNoun: string | null;
  /** Years and decades the question names (`2019`, `1980s`): an article that never names one is about another time. */
  years: string[];
  /**
   * Terms of the name "what did X say / tell" asks about (its initials too: `fo` for the Foreign
   * Office): a passage answers only where X speaks, not where X is only mentioned. None when X is no
   * name ("what did the defence chief say"): the text often names the one who holds the post.
   */
  speaker: string[];
  /** Terms of what "what did X say about Y" asks X's words on (Y); none for another question. */
  topic: string[];
}

/** Parts of speech whose words say what a question asks (the tagger often takes a final verb for a noun: "… cost?"). */
const PREDICATE_POS = new Set(['VERB', 'NOUN']);
/** Words opening a question that asks for a number or a thing named by the noun after them. */
const ASKING = /^(?:how\s+(?:many|much)|what|which)$/i;
const YEAR = /^(?:1[5-9]|20)\d\d(?:s)?$/;

/** The question's focus, read from its tokens (one wink-nlp pass, shared inside `sharingAnalyses`). */
export function focusOf(question: string): QuestionFocus {
  const tokens = analyse(question).flatMap((s) => s.tokens);
  const predicate: string[] = [];
  const years: string[] = [];
  const last = lastWordOf(tokens);
  for (const token of tokens) {
    const term = termOf(token);
    if (term === null) continue;
    if (YEAR.test(term)) years.push(term);
    else if ((PREDICATE_POS.has(token.pos) || token === last) && !/\d/.test(term) && !LIGHT_VERBS.has(term)) predicate.push(term);
  }
  return { predicate: [...new Set(predicate)], askedNoun: askedNounOf(tokens), years: [...new Set(years)], speaker: speakerOf(tokens), topic: topicOf(tokens) };
}

/** Verbs a "what did X say" question asks with. */
const ASKED_SPEECH = new Set(['say', 'tell']);

/** The terms after "about" in a "what did X say about Y" question. */
function topicOf(tokens: readonly Token[]): string[] {
  if (speakerOf(tokens).length === 0) return [];
  const about = tokens.findIndex((t) => t.value.toLowerCase() === 'about');
  return about < 0 ? [] : tokens.slice(about + 1).flatMap((t) => termOf(t) ?? []);
}

/** The terms of the name X in "what did/does/has X say / tell …", with its initials; none for another question. */
function speakerOf(tokens: readonly Token[]): string[] {
  const words = tokens.filter((t) => t.pos !== 'PUNCT');
  if (words[0]?.value.toLowerCase() !== 'what' || words[1]?.pos !== 'AUX') return [];
  const verb = words.findIndex((t, i) => i > 2 && ASKED_SPEECH.has(t.lemma));
  if (verb < 0) return [];
  const subject = words.slice(2, verb);
  const terms = subject.filter((t) => t.pos === 'PROPN').flatMap((t) => termOf(t) ?? []);
  if (terms.length === 0) return [];
  // The tagger takes `Office` in `Foreign Office` for a common noun; the initials are of every capitalised word.
  const capitalised = subject.filter((t) => /^\p{Lu}/u.test(t.value));
  return capitalised.length > 1 ? [...terms, capitalised.map((t) => t.value[0]).join('').toLowerCase()] : terms;
}

/**
 * The adjective ending the question: in "when will the bridge *open*?" or "how much is the house
 * *worth*?" the last word is what the question asks of its subject, a predicate even where the tagger
 * takes a verb after its subject for an adjective.
 */
function lastWordOf(tokens: readonly Token[]): Token | undefined {
  const words = tokens.filter((t) => t.pos !== 'PUNCT');
  const last = words[words.length - 1];
  return last && last.pos === 'ADJ' && /^\p{L}+$/u.test(last.value) ? last : undefined;
}

/**
 * The last noun between "how many / how much / what / which" and the question's first verb:
 * `employees` in "how many WeWork employees will lose their jobs". None when a verb follows the
 * asking words at once ("how much *did* the campaign cost").
 */
function askedNounOf(tokens: readonly Token[]): string | null {
  const words = tokens.filter((t) => t.pos !== 'PUNCT');
  const opening = ['how', 'by'].includes(words[0]?.value.toLowerCase() ?? '') ? 1 : 0;
  let start = -1;
  for (let i = 0; i < Math.min(words.length, 3); i++) {
    const two = `${words[i]?.value} ${words[i + 1]?.value}`;
    if (ASKING.test(two)) start = i + 2;
    else if (i >= opening && ASKING.test(words[i]?.value ?? '')) start = i + 1;
    if (start >= 0) break;
  }
  if (start < 0) return null;
  let noun: string | null = null;
  for (const token of words.slice(start)) {
    if (token.pos === 'AUX' || token.pos === 'VERB') break;
    const term = termOf(token);
    if (term && (token.pos === 'NOUN' || token.pos === 'PROPN')) noun = term;
  }
  return noun;
}

/**
 * Whether a passage may answer a question with this focus: every year the question names is in the
 * passage's article; the speaker "what did X say" asks about speaks in the paragraph, which meets
 * enough of what X is asked about; and, for a question asking
 * for `type`, every predicate word the corpus knows is met somewhere in the article (in any form the
 * concepts allow), unless a sentence holding the answer meets the noun it asks about.
 * What depends on the question alone is read once, when the test is made: `/ask` asks it of dozens of paragraphs.
 */
export class FocusTest {
  private readonly byTerm: ReadonlyMap<string, Concept>;
  /** The words that name the speaker as written: their terms and every variant of them. */
  private readonly speakerForms: ReadonlySet<string>;
  private readonly topicConcepts: readonly Concept[];
  private readonly topicTotal: number;
  /** The concept of the noun the question asks a number or date of, when it is one of its concepts. */
  private readonly asked: Concept | undefined;

  constructor(
    concepts: readonly Concept[],
    private readonly focus: QuestionFocus,
    private readonly type: AnswerType | null,
    private readonly context: FocusContext,
  ) {
    const byTerm = (this.byTerm = new Map(concepts.map((c) => [c.term, c])));
    this.speakerForms = new Set(focus.speaker.flatMap((term) => [term, ...(byTerm.get(term)?.variants.keys() ?? [])]));
    this.topicConcepts = focus.topic.flatMap((term) => byTerm.get(term) ?? []);
    this.topicTotal = this.topicConcepts.reduce((sum, c) => sum + c.weight, 0);
    this.asked = focus.askedNoun ? byTerm.get(focus.askedNoun) : undefined;
  }

  meets(entry: IndexedParagraph): boolean {
    const { focus, type, context } = this;
    // Made when first asked for: a question naming no year and asking no type of answer never reads it.
    let articleTerms: TermLookup | null = null;
    if (focus.years.some((year) => !this.inTerms(year, (articleTerms ??= context.articleTermsOf(entry))))) return false;
    if (focus.speaker.length > 0 && !this.speaks(entry)) return false;
    if (focus.topic.length > 0 && !this.meetsTopic(entry)) return false;
    if (!type) return true;
    // A word no paragraph of the corpus uses is the question's own wording, not a sign of another subject.
    const missing = focus.predicate.some((term) => context.known(term) && !this.inTerms(term, (articleTerms ??= context.articleTermsOf(entry))));
    if (!missing) return true;
    const asked = this.asked;
    if (!asked) return false;
    const bits = ANSWER_BIT[type];
    return entry.sentences.some((s) => (s.answers & bits) === bits && coverOf(asked, s.terms) > 0);
  }

  /** Whether the terms meet the question's word `term`: in any form its concept allows, or as itself when it is none. */
  private inTerms(term: string, terms: TermLookup): boolean {
    const concept = this.byTerm.get(term);
    return concept ? coverOf(concept, terms) > 0 : terms.has(term);
  }

  /** Whether the terms name the speaker "what did X say" asks about. */
  private names(terms: TermLookup): boolean {
    return this.focus.speaker.some((term) => this.inTerms(term, terms));
  }

  /**
   * Whether the paragraph reports the speaker's words: the speaker is named where a speech verb's
   * speaker stands (`Liu said`, `said Mr Liu`, `according to Liu`), or the words are theirs by reference —
   * `he said` or a paragraph-long quotation, in a paragraph that names the speaker or just after one
   * (`QUOTE_REACH`). A name long after the speech verb (`the president announced the deal at a meeting
   * with Liu`) is not the one speaking, nor is a name in a paragraph where someone else speaks.
   */
  private speaks(entry: IndexedParagraph): boolean {
    // Every way of speaking for X needs X named in the paragraph or the ones before it.
    if (!this.names(entry.terms) && !this.context.previous(entry, QUOTE_REACH).some((p) => this.names(p.terms))) return false;
    if (OPENS_QUOTATION.test(entry.paragraph.text)) return true;
    const forms = this.speakerForms;
    return entry.sentences.some((s) => {
      const words = speechWordsOf(entry, s);
      if (!words) return false;
      if (speakerOfVerb(words, (w) => forms.has(w))) return true;
      return speakerOfVerb(words, (w) => PRONOUN.has(w));
    });
  }

  /** Whether the paragraph covers at least `topicCoverage` of the weight of the topic "what did X say about Y" asks. */
  private meetsTopic(entry: IndexedParagraph): boolean {
    const total = this.topicTotal;
    return total === 0 || cover(this.topicConcepts, entry.terms) >= this.context.topicCoverage * total;
  }
}

/**
 * Speech verbs (lemmas) that report what someone said: the plain reporting verbs, and those a question's
 * answer is most often told with (`according to`, `replied`); narrower than the quotes feature's list,
 * whose stance verbs (`slammed`, `hailed`) rarely carry what a question asks.
 */
const SPEECH = new Set([
  ...REPORTING_VERBS,
  'declare', 'argue', 'tweet', 'accord', 'comment', 'respond', 'reply', 'describe', 'call', 'testify', 'urge', 'stress',
  'acknowledge', 'deny', 'suggest', 'predict', 'promise', 'vow', 'ask', 'answer', 'accuse', 'criticise', 'criticize',
]);
/** Every written form of the speech verbs (`said`, `tells`, `according`), to find where in a sentence one stands. */
const SPEECH_FORMS = new Set([...SPEECH].flatMap(formsOf).concat([...IRREGULAR_SPEECH_FORMS.values()].flat()));

/** The lemmas of `SPEECH_FORMS`. */
const SPEECH_LEMMAS = new Set([...SPEECH, 'speak']);

/** The regular written forms of a verb: `warn` → warns, warned, warning; `deny` → denies, denied. */
function formsOf(lemma: string): string[] {
  const stem = lemma.replace(/e$/, '');
  const y = /[^aeiou]y$/.test(lemma) ? lemma.slice(0, -1) : null;
  return [lemma, `${lemma}s`, `${stem}ed`, `${stem}ing`, ...(y ? [`${y}ies`, `${y}ied`] : [])];
}

/** A pronoun that stands for a speaker named earlier (`he said`, `said she`). */
const PRONOUN = new Set(['he', 'she', 'they', 'we', 'i']);
/**
 * How many words after its speech verb a speaker may stand (`said Mr Liu`, `according to Liu`); before
 * it, anywhere in the sentence (`Ohga, chairman of the Sony Corporation, one of …, said`). Dev halves:
 * 1–3 alike, 6 answered two unanswerable questions again (`… announced the deal at a meeting with Liu`).
 */
const AFTER_VERB = 3;
/** A paragraph that is one speaker's words: it opens with a quotation mark. */
const OPENS_QUOTATION = /^\s*["“]/;
/**
 * Paragraphs before a quotation that may name its speaker: a news story gives a speaker, then one or two
 * paragraphs of their words (`Colonel Manning told reporters.` / `“Our expectations …”` / `“Taliban …”`).
 */
const QUOTE_REACH = 2;

/** A sentence's words as written, lower-cased, without a possessive `'s`. */
function wordsOfSentence(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’]+/u)
    .map((w) => w.replace(/['’]s?$/, ''))
    .filter(Boolean);
}

/** A sentence's words as written (`wordsOfSentence`), when its terms hold a speech verb; remembered by sentence, as they depend on it alone. */
const speechWords = new WeakMap<object, readonly string[] | null>();

function speechWordsOf(entry: IndexedParagraph, sentence: IndexedParagraph['sentences'][number]): readonly string[] | null {
  let words = speechWords.get(sentence);
  if (words === undefined) {
    // Most sentences hold no speech verb: their terms (lemmas) say so before their words are read.
    let speech = false;
    for (const t of sentence.terms) {
      if (SPEECH_LEMMAS.has(t)) {
        speech = true;
        break;
      }
    }
    words = speech ? wordsOfSentence(entry.paragraph.text.slice(sentence.start, sentence.end)) : null;
    speechWords.set(sentence, words);
  }
  return words;
}

/** Whether a word meeting `isSpeaker` stands where a speech verb's speaker does: before it, or just after it (`AFTER_VERB`). */
function speakerOfVerb(words: readonly string[], isSpeaker: (word: string) => boolean): boolean {
  return words.some((word, i) => SPEECH_FORMS.has(word) && [...words.slice(0, i), ...words.slice(i + 1, i + 1 + AFTER_VERB)].some(isSpeaker));
}

