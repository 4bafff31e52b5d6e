/**
 * Quoted terms: words in quotation marks that name or label something
 * (`the so-called "peace plan"`, `a fund known as "Bluebird"`, `the "interim"
 * government`) rather than report what someone said. They stay in the book,
 * unattributed: whoever speaks in the sentence did not coin them, and guessing
 * is how a reader gets told a minister said "interim".
 */
import type { QuoteSpan } from './extract.js';
import type { Tok } from './phrases.js';

/** The longest quoted term, in words (`"Now Everyone Can Fly"`); a longer quotation is taken as speech. */
const MAX_TERM_WORDS = 4;

/** Words announcing a name or a label, not speech (`the so-called "…"`, `known as "…"`). */
const NAMING_BEFORE = /\b(?:so-called|known as|nicknamed|entitled|titled|named|hashtag)\s*$/iu;

/** Articles that open a noun phrase a quoted modifier can sit inside (`the "interim" government`). */
const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);

/** Verbs whose object takes the speaker's label or jibe (`called it a "great" deal`, `slammed the "cynical" plan`). */
const NAMING_VERBS: ReadonlySet<string> = new Set([
  'call', 'brand', 'dub', 'term', 'label', 'describe', 'dismiss', 'deride', 'hail', 'slam', 'criticise', 'criticize',
  'denounce', 'condemn', 'attack', 'praise', 'mock', 'blast', 'welcome',
]);

/** For each quotation of a paragraph: is it a quoted term rather than speech? */
export function quotedTerms(text: string, quotes: QuoteSpan[], toks: readonly Tok[]): boolean[] {
  return quotes.map((q, qi) => isQuotedTerm(text, q) || modifiesNoun(toks, qi) || namesOwnedThing(toks, qi));
}

/** The tokens of quotation `qi` (marks included), where they start and end, and its words; null when it has none. */
function quotedTokens(toks: readonly Tok[], qi: number): { first: number; last: number; inside: readonly Tok[]; words: readonly Tok[] } | null {
  const first = toks.findIndex((t) => t.quote === qi);
  if (first < 0) return null;
  let last = first;
  while (toks[last + 1]?.quote === qi) last++;
  const inside = toks.slice(first, last + 1);
  return { first, last, inside, words: inside.filter((t) => /^\p{L}/u.test(t.value)) };
}

/** Possessive determiners, and the possessive ending of a name (`the party's`). */
const POSSESSIVES: ReadonlySet<string> = new Set(['his', 'her', 'its', 'their', 'our', "'s", '’s']);

/**
 * `he had met his financial "golden rule"`, `the bank's annual "stress test"`: short quoted words ending a noun
 * phrase that a possessive and a lower-case qualifier open are the name of the owner's thing, not words said in the
 * sentence. Without a qualifier (`their "betrayal"`) the quoted word is as often the speaker's jibe, left to them.
 */
function namesOwnedThing(toks: readonly Tok[], qi: number): boolean {
  const span = quotedTokens(toks, qi);
  if (!span) return false;
  const { first, last, inside, words } = span;
  if (words.length === 0 || words.length > MAX_TERM_WORDS || inside.some((t) => /^[.!?,;:]$/u.test(t.value))) return false;
  if (!words.every((t) => /^\p{Ll}/u.test(t.value))) return false;
  const next = toks[last + 1];
  if (next && next.quote < 0 && next.pos === 'NOUN') return false;
  let k = first - 1;
  while (k >= 0 && k > first - 4 && toks[k]!.quote < 0 && toks[k]!.pos === 'ADJ' && /^\p{Ll}/u.test(toks[k]!.value)) k--;
  return k < first - 1 && toks[k] !== undefined && toks[k]!.quote < 0 && POSSESSIVES.has(toks[k]!.lower);
}

function isQuotedTerm(text: string, q: QuoteSpan): boolean {
  const words = q.text.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0 || words.length > MAX_TERM_WORDS) return false;
  // A sentence's worth of words, or a clause break, is speech however short (`"No," she said`, `"We won."`).
  if (/[.!?,;:]/u.test(q.text)) return false;
  // Only words announcing a label mark a term for sure. A name or a qualifier in quotation marks without them
  // (`the "Abstentions Party"`, `a "faltering" campaign`) is, in political reporting, as often a speaker's own
  // coinage as the writer's label: those are left to the sentence's speaker, as the labelled corpora read them.
  return NAMING_BEFORE.test(text.slice(0, q.open));
}

/**
 * `the self-declared "interim" government`, `the "one country, two systems" formula`, `a "skinny" trade deal`:
 * short quoted words between an article and the noun they qualify are the writer's label for a thing, not
 * anyone's sentence. Not when a naming verb gives the label (`called it a "great" deal`: the speaker's word),
 * nor after a possessive (`Labour's "faltering" campaign` is as often an opponent's jibe).
 */
function modifiesNoun(toks: readonly Tok[], qi: number): boolean {
  const span = quotedTokens(toks, qi);
  if (!span) return false;
  const { first, last, inside, words } = span;
  if (words.length === 0 || words.length > MAX_TERM_WORDS + 1 || inside.some((t) => /^[.!?;:]$/u.test(t.value))) return false;
  const next = toks[last + 1];
  if (!next || next.quote >= 0 || next.pos !== 'NOUN' || !/^\p{Ll}/u.test(next.value)) return false;
  // Back over lower-case qualifiers (`self-declared`, `new`) to the article.
  let k = first - 1;
  while (k >= 0 && k > first - 4 && toks[k]!.quote < 0 && ['ADJ', 'VERB', 'ADV'].includes(toks[k]!.pos) && /^\p{Ll}/u.test(toks[k]!.value)) k--;
  if (!ARTICLES.has(toks[k]?.lower ?? '') || toks[k]!.quote >= 0) return false;
  // `called it a "great" deal`, `branded the plan a "cynical" ploy`: a naming verb just before gives the speaker's label.
  // `called on the "interim" government` is no naming: a verb with its own preposition names nothing.
  const naming = toks.slice(Math.max(0, k - 4), k).some((t, i, before) => {
    const after = before[i + 1] ?? toks[k]!;
    return t.quote < 0 && t.pos === 'VERB' && NAMING_VERBS.has(t.lemma) && (after.pos !== 'ADP' || after.lower === 'as');
  });
  return !naming;
}
