/**
 * Reading a paragraph's words outside its quotations: the names it mentions,
 * the speech verbs it uses and the phrase that says who spoke.
 */
import { tokensOf } from '../nlp/index.js';
import type { Token } from '../nlp/index.js';
import type { QuoteSpan } from './extract.js';
import { joinNameParticles, leadingDemonyms } from './names.js';
import {
  DETERMINERS, HONORIFICS, ORG_WORDS, PERSON_PRONOUNS, SPOKES_WORDS, THING_PRONOUNS, TITLE_HEADS,
  TITLE_MODIFIERS, isCapitalised, isPossessive,
  isTitleWord, PHRASE_OPENER_POS,
} from './vocabulary.js';

export interface Tok {
  value: string;
  lower: string;
  lemma: string;
  pos: string;
  start: number;
  end: number;
  /** Index of the quotation the token sits in (marks included), or -1. */
  quote: number;
  /** First word of a sentence (also after a quotation mark opening one), where any word is capitalised. */
  initial: boolean;
}

/** Tokens of a paragraph, each marked with the quotation it belongs to. */
export function tokenize(text: string, quotes: QuoteSpan[], tokens: Token[] = tokensOf(text)): Tok[] {
  const toks = tokens.map((t) => {
    const end = t.start + t.value.length;
    const quote = quotes.findIndex((q) => t.start >= q.open && t.start < q.close);
    return { value: t.value, lower: t.value.toLowerCase(), lemma: t.lemma, pos: t.pos, start: t.start, end, quote, initial: false };
  });
  const joined = joinNameParticles(joinHyphenated(toks));
  const ends = (t: Tok | undefined): boolean => t === undefined || /^[.!?]$/.test(t.value);
  joined.forEach((t, i) => {
    const prev = joined[i - 1];
    t.initial = ends(prev) || (/^[“”"‘’']$/.test(prev!.value) && ends(joined[i - 2]));
  });
  return joined;
}

/** `Eva - Marie` as the tokenizer gives it, written `Eva-Marie` with no spaces: one word, so a name keeps all of it. */
function joinHyphenated(toks: Tok[]): Tok[] {
  const out: Tok[] = [];
  for (let i = 0; i < toks.length; i++) {
    const before = out[out.length - 1];
    const hyphen = toks[i]!;
    const after = toks[i + 1];
    if (before && after && hyphen.value === '-' && before.end === hyphen.start && hyphen.end === after.start && /^\p{L}/u.test(before.value) && /^\p{L}/u.test(after.value)) {
      const value = `${before.value}-${after.value}`;
      out[out.length - 1] = { ...after, value, lower: value.toLowerCase(), lemma: `${before.lemma}-${after.lemma}`, start: before.start };
      i++;
    } else out.push(hyphen);
  }
  return out;
}

/** Who a speaker phrase names, before it is matched against the corpus. */
export type Mention =
  | { kind: 'pronoun'; pronoun: string }
  /** What someone said, standing for them (`the statement said`). */
  | { kind: 'statement' }
  /** A person written by their age (`the 56-year-old said`), as the article wrote it after a name (`X, 56,`). */
  | { kind: 'age'; age: string }
  /** A proper name; `titled` when a courtesy title or job title came with it. */
  | { kind: 'name'; name: string; titled: boolean; withThe: boolean; abbreviation: string | null }
  /** A title without a name (`the defence minister`). */
  | { kind: 'title'; title: string }
  /** An organisation (`China foreign ministry`, `a State Department spokeswoman`). */
  | { kind: 'org'; name: string; abbreviation: string | null };

/** A written statement that speaks for whoever issued it (`the statement said`). */
export const STATEMENT_NOUNS: ReadonlySet<string> = new Set(['statement', 'letter', 'message', 'post', 'tweet']);

/** Nouns for an answer that comes from someone (`came the reply from X`). */
const REPLY_NOUNS: ReadonlySet<string> = new Set(['reply', 'response', 'answer', 'retort', 'rejoinder']);

/** Words after which `from X` names who spoke (`a statement from X`, `the reply from X`), not where from. */
export const isSourceNoun = (lower: string): boolean => REPLY_NOUNS.has(lower) || STATEMENT_NOUNS.has(lower);

const join = (toks: Tok[]): string => toks.map((t) => t.value).join(' ').replace(/ ([’']s?)\b/g, '$1').replace(/\s+-\s+/g, '-');

/** Can this token be part of a phrase naming a speaker? */
export function isPhraseToken(t: Tok): boolean {
  if (t.quote >= 0) return false;
  if (isPossessive(t.value)) return true;
  if (/^\p{L}/u.test(t.value) && isCapitalised(t.value)) return t.pos !== 'PRON' || t.lower === 'i';
  return DETERMINERS.has(t.lower) || isTitleWord(t.lower) || ORG_WORDS.has(t.lower) || SPOKES_WORDS.has(t.lower) || STATEMENT_NOUNS.has(t.lower);
}

/**
 * Reads a phrase that names a speaker (`Pakistan's foreign minister Khwaja Asif`,
 * `the defence minister`, `he`, `a State Department spokeswoman`); null when it
 * names nobody (`the report`, `officials`).
 */
export function readPhrase(phrase: Tok[], abbreviation: string | null = null): Mention | null {
  let toks = phrase.filter((t) => t.quote < 0);
  if (toks.length === 1 && (PERSON_PRONOUNS.has(toks[0]!.lower) || THING_PRONOUNS.has(toks[0]!.lower))) {
    return { kind: 'pronoun', pronoun: toks[0]!.lower };
  }
  if (toks.length === 2 && toks[0]!.lower === 'the' && STATEMENT_NOUNS.has(toks[1]!.lower)) return { kind: 'statement' };
  // Leading words that only open a sentence (`Meanwhile`, `Following`) are not part of a name.
  while (toks.length > 1 && PHRASE_OPENER_POS.has(toks[0]!.pos) && !isTitleWord(toks[0]!.lower)) toks = toks.slice(1);
  let withThe = false;
  const definite = toks[0]?.lower === 'the';
  while (toks.length > 0 && DETERMINERS.has(toks[0]!.lower)) {
    withThe = true;
    toks = toks.slice(1);
  }
  if (toks.length === 0) return null;
  let possessor: string | null = null;
  const lastPossessive = toks.map((t) => isPossessive(t.value)).lastIndexOf(true);
  let rest = toks;
  if (lastPossessive >= 0) {
    possessor = join(toks.slice(0, lastPossessive)) || null;
    rest = toks.slice(lastPossessive + 1);
  }
  if (rest.length === 0) return null;
  const head = rest[rest.length - 1]!;
  const orgName = (): string => join([...(possessor ? toks.slice(0, lastPossessive + 1) : []), ...rest]);
  if (ORG_WORDS.has(head.lower)) {
    return { kind: 'org', name: orgName(), abbreviation };
  }
  if (SPOKES_WORDS.has(head.lower)) {
    const org = rest.slice(0, -1).filter((t) => isCapitalised(t.value) && !HONORIFICS.has(t.lower));
    if (org.length > 0) return { kind: 'org', name: join(org), abbreviation: null };
    // `the ministry's spokesperson` speaks for the ministry; `Mr Smith's spokesman` is not Mr Smith.
    const owner = toks.slice(0, Math.max(lastPossessive, 0));
    if (owner.length > 0) return ORG_WORDS.has(owner[owner.length - 1]!.lower) ? { kind: 'org', name: join(owner), abbreviation: null } : null;
    // `the spokesman` is the one the article named; `a spokesman` is anyone.
    return definite ? titleOf(rest) : null;
  }
  // The name is the run of capitalised words at the end, less any titles in front.
  let runStart = rest.length;
  while (runStart > 0 && isCapitalised(rest[runStart - 1]!.value) && !isPossessive(rest[runStart - 1]!.value)) runStart--;
  let nameStart = runStart;
  while (nameStart < rest.length && isTitleWord(rest[nameStart]!.lower)) nameStart++;
  // `Jordanian Foreign Minister Ayman Safadi`: the name starts after the last title word.
  for (let k = rest.length - 2; k >= nameStart; k--) {
    if (TITLE_HEADS.has(rest[k]!.lower) || HONORIFICS.has(rest[k]!.lower)) {
      nameStart = k + 1;
      break;
    }
  }
  // `Swiss Thomas Gurtner`: a nationality in front is not part of the name.
  nameStart += leadingDemonyms(rest.slice(nameStart).map((t) => t.value));
  // `the Labour MP`: a run ending in a title names a role, not a person.
  if (nameStart < rest.length && TITLE_HEADS.has(head.lower) && nameStart === runStart && rest.length - runStart > 1) return titleOf(rest);
  if (nameStart < rest.length) {
    const before = rest.slice(0, nameStart);
    // A lone capitalised common word opening a sentence (`Critics said`) is no name; mid-sentence a capital is a
    // name's, whatever the tagger says (`”, Cooper said`, `Cooper` tagged a verb).
    const lone = rest.length === 1 && !withThe && !possessor ? rest[0]! : undefined;
    if (lone && lone.initial && lone.pos !== 'PROPN' && lone.value !== lone.value.toUpperCase()) return null;
    return {
      kind: 'name',
      name: join(rest.slice(nameStart)),
      titled: before.some((t) => TITLE_HEADS.has(t.lower) || HONORIFICS.has(t.lower)),
      withThe,
      abbreviation,
    };
  }
  if (TITLE_HEADS.has(head.lower)) return titleOf(rest);
  // Only qualifiers, no title: an acronym such as `the UN` or `the EU`.
  if (rest.every((t) => isCapitalised(t.value) && !HONORIFICS.has(t.lower))) {
    return { kind: 'name', name: join(rest), titled: false, withThe, abbreviation };
  }
  return null;
}

function titleOf(rest: Tok[]): Mention | null {
  const words: string[] = [];
  for (let i = rest.length - 1; i >= 0; i--) {
    const t = rest[i]!;
    // `the presidential spokesman`, `the Tory leader`: adjectives and capitalised owners qualify the title too.
    const qualifier = t.pos === 'ADJ' || (isCapitalised(t.value) && !HONORIFICS.has(t.lower) && !isPossessive(t.value));
    if (!(TITLE_HEADS.has(t.lower) || TITLE_MODIFIERS.has(t.lower) || qualifier)) break;
    words.unshift(t.lower);
  }
  return words.length > 0 ? { kind: 'title', title: words.join(' ') } : null;
}
