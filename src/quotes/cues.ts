/**
 * The speech cues outside quotation marks: speech verbs with the phrase that is
 * their subject (`Mr Khan added:`), `according to X`, possessive speech nouns
 * (`Trump's threats`), `X was blunt: “…”`, `”, came the reply from X`. The names
 * around them are read by name-runs.ts.
 */
import { STATEMENT_NOUNS, isSourceNoun, readPhrase, isPhraseToken } from './phrases.js';
import { WORDED_THINGS, commaSubject, invertedSubject, phraseBefore, reportedLater, sentenceSubject } from './subjects.js';
import type { Mention, Tok } from './phrases.js';
import {
  APPOSITION_DASHES, CALENDAR_WORDS, DETERMINERS, SKIPPABLE_BEFORE_VERB, SPEECH_NOUNS, SPEECH_VERBS,
  SPOKES_WORDS, THOUGHT_VERBS, TITLE_HEADS, isCapitalised, isPossessive, isTitleWord,
} from './vocabulary.js';

export interface Cue {
  /** A speech verb (`said`), `according to`, or a speech noun with its owner (`Trump's tweet`). */
  kind: 'verb' | 'according' | 'noun';
  /** Character offset of the speech verb or noun in the paragraph. */
  offset: number;
  /** Offset where the subject phrase starts (the verb's offset when there is none). */
  subjectOffset: number;
  subject: Mention | null;
  /** No subject of its own (`…, but added:`, `…, adding that`): the speaker of the cue before. */
  inherits: boolean;
  /** The subject is written straight after a closing quote mark (`”, he clarified`). */
  afterQuote: boolean;
  /** The subject opens a clause (after a comma, colon, dash or quote mark): `…, Asif said.` */
  opensClause: boolean;
  /** A participle's subject is its sentence's (`X attacked the plans saying …`): see subjects.ts. */
  fromSentence?: boolean;
  /** A participle in a sentence a later speech verb reports (`X was known for telling others “…”, said Y`): Y's words. */
  reported?: boolean;
  /** `China's ambassador to Britain said`: the role before `to`, the speaker when the subject read is only a place. */
  roleBefore?: Mention;
  /** `”, said a statement from X`: the subject is written after `from`, where a place would be anywhere else. */
  source?: boolean;
}

/** Whether the word at `at` comes straight after a quotation, or after the comma that closes one (`”, he said`). */
function followsQuotation(toks: Tok[], at: number): boolean {
  const before = toks[at - 1];
  return before !== undefined && (before.quote >= 0 || (before.value === ',' && (toks[at - 2]?.quote ?? -1) >= 0));
}

const CLAUSE_BREAKS = new Set([',', ';', ':', '—', '–', '-', '(']);
const PASSIVE = new Set(['was', 'were', 'been', 'be', 'being', 'is', 'are', 'to']);

/** Speech cues of a paragraph, in text order. */
export function findCues(toks: Tok[]): Cue[] {
  const cues: Cue[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.quote >= 0) continue;
    const source = sourceAfter(toks, i);
    if (source > 0) {
      const cue = sourceCue(toks, i, source);
      if (cue) cues.push(cue);
    } else if ((isSpeechVerb(t) || isFirstThought(toks, i)) && !PASSIVE.has(toks[i - 1]?.lower ?? '')) {
      cues.push(verbCue(toks, i));
    } else if (t.lower === 'according' && toks[i + 1]?.lower === 'to') {
      const cue = accordingCue(toks, i);
      if (cue) cues.push(cue);
    } else if (SPEECH_NOUNS.has(t.lower)) {
      const cue = nounCue(toks, i);
      if (cue) cues.push(cue);
    } else if (COPULAS.has(t.lower) && isVerdictBeforeQuote(toks, i)) {
      cues.push(verbCue(toks, i));
    }
  }
  return cues;
}

/**
 * `”, said a statement from X`, `”, came the reply from X`: a speech verb (or `came`) right after a quotation whose
 * subject is a written statement or a reply from someone; the index of the first word of that someone, else -1.
 */
function sourceAfter(toks: Tok[], i: number): number {
  const t = toks[i]!;
  const noun = toks[i + 2]?.lower ?? '';
  const fits = (isSpeechVerb(t) && STATEMENT_NOUNS.has(noun)) || (t.lemma === 'come' && isSourceNoun(noun));
  if (!fits || !['a', 'an', 'the'].includes(toks[i + 1]?.lower ?? '') || !['from', 'by'].includes(toks[i + 3]?.lower ?? '')) return -1;
  return followsQuotation(toks, i) ? i + 4 : -1;
}

/** The cue of `”, said a statement from X` with X, whose words the statement gives, as its subject. */
function sourceCue(toks: Tok[], i: number, from: number): Cue | null {
  let k = from;
  while (k < toks.length && isPhraseToken(toks[k]!)) k++;
  const phrase = toks.slice(from, k);
  if (phrase.length === 0) return null;
  return { kind: 'verb', offset: toks[i]!.start, subjectOffset: phrase[0]!.start, subject: readPhrase(phrase), inherits: false, afterQuote: true, opensClause: true, source: true };
}


const COPULAS: ReadonlySet<string> = new Set(['was', 'is', 'were', 'are']);

/**
 * `Doe was blunt: “…”`, `He was more cautious: “…”`: a copula and an adjective (an adverb or two before it), then a
 * colon opening a quotation — the subject's words, introduced by how they were said.
 */
function isVerdictBeforeQuote(toks: Tok[], copula: number): boolean {
  let k = copula + 1;
  while (k < copula + 3 && toks[k]?.pos === 'ADV' && toks[k]!.quote < 0) k++;
  const adjective = toks[k];
  if (!adjective || adjective.quote >= 0 || !/^\p{Ll}+$/u.test(adjective.value)) return false;
  // The tagger reads some adjectives as verbs (`blunt`); a passive (`was told:`, `was asked:`) is someone else speaking.
  const adjectiveAsVerb = adjective.pos === 'VERB' && !SPEECH_VERBS.has(adjective.lemma) && (adjective.lemma === adjective.lower || adjective.lower.endsWith('ing'));
  if (adjective.pos !== 'ADJ' && !adjectiveAsVerb) return false;
  return toks[k + 1]?.value === ':' && (toks[k + 2]?.quote ?? -1) >= 0;
}

/** A speech verb, also when tagged as a noun in its `-ing` form (`the army chief saying`). */
function isSpeechVerb(t: Tok): boolean {
  if (t.pos === 'VERB' && SPEECH_VERBS.has(t.lemma)) return true;
  if (!t.lower.endsWith('ing') || t.pos === 'PROPN') return false;
  const stem = t.lower.slice(0, -3);
  return SPEECH_VERBS.has(stem) || SPEECH_VERBS.has(`${stem}e`) || SPEECH_VERBS.has(stem.slice(0, -1));
}

/** `China's ambassador` → the title `china ambassador`: whose role it is matters (`Norland's ambassador` is not Freedonia's). */
function ownedRole(phrase: Tok[]): Mention | null {
  const mention = readPhrase(phrase);
  if (mention?.kind !== 'title') return mention;
  const possessive = phrase.findIndex((t) => isPossessive(t.value));
  const owner = possessive > 0 ? phrase.slice(0, possessive).filter((t) => isCapitalised(t.value)).map((t) => t.lower) : [];
  return owner.length > 0 ? { kind: 'title', title: `${owner.join(' ')} ${mention.title}` } : mention;
}

/** `X believes the plan is “doomed”`: a verb of thought no speech verb of its sentence came before. */
function isFirstThought(toks: Tok[], i: number): boolean {
  if (toks[i]!.pos !== 'VERB' || !THOUGHT_VERBS.has(toks[i]!.lemma)) return false;
  for (let k = i - 1; k >= 0; k--) {
    if (isSpeechVerb(toks[k]!)) return false;
    if (toks[k]!.initial) break;
  }
  return true;
}

function verbCue(toks: Tok[], i: number): Cue {
  const verb = toks[i]!;
  let j = i - 1;
  // A participle (`…, saying`) has the subject of the clause before it; `X was quoted as saying` has its own.
  let participle = verb.lower.endsWith('ing');
  if (participle && toks[j]?.lower === 'as') {
    j--; // reported X as saying
    // X was quoted as saying; X was quoted by Reuters as saying (the agency only reports it)
    let verb = j;
    if (toks[j] && isPhraseToken(toks[j]!)) {
      let k = j;
      while (k >= 0 && isPhraseToken(toks[k]!)) k--;
      if (toks[k]?.lower === 'by') verb = k - 1;
    }
    if (['quote', 'report', 'cite', 'hear'].includes(toks[verb]?.lemma ?? '') && PASSIVE.has(toks[verb - 1]?.lower ?? '')) {
      j = verb - 2;
      participle = false;
    }
  }
  let abbreviation: string | null = null;
  for (;;) {
    const t = toks[j];
    if (!t || t.quote >= 0) break;
    // `Thomas allegedly told`: an adverb between subject and verb.
    if ((SKIPPABLE_BEFORE_VERB.has(t.lower) || (t.pos === 'ADV' && /^\p{Ll}+ly$/u.test(t.value))) && t.pos !== 'PROPN') j--;
    else if (CALENDAR_WORDS.has(t.lower) && toks[j - 1]?.lower === 'on') j -= 2;
    else if (t.value === ')' && toks[j - 2]?.value === '(') {
      abbreviation = toks[j - 1]?.value ?? null;
      j -= 3;
    } else break;
  }
  const end = j;
  const age = ageBefore(toks, end);
  if (age) return { kind: 'verb', offset: verb.start, subjectOffset: age.start, subject: { kind: 'age', age: age.value }, inherits: false, afterQuote: age.afterQuote, opensClause: true };
  if (toks[j] && ['he', 'she', 'it', 'they'].includes(toks[j]!.lower) && toks[j]!.quote < 0) j--;
  else while (j >= 0 && isPhraseToken(toks[j]!)) j--;
  // `the presidential spokesman`, `the embattled chancellor`: adjectives between the article and a title.
  if (j < end && isTitleWord(toks[end]!.lower)) {
    let k = j;
    while (k >= 0 && toks[k]!.pos === 'ADJ' && toks[k]!.quote < 0 && !isCapitalised(toks[k]!.value)) k--;
    if (k < j && DETERMINERS.has(toks[k]?.lower ?? '')) {
      j = k;
      while (j >= 0 && isPhraseToken(toks[j]!)) j--;
    }
  }
  let phrase = toks.slice(j + 1, end + 1);
  let office: Mention | null = null;
  const linking = toks[j]?.lower ?? '';
  // `China's ambassador to Britain accused`: if the words after `to` are only a place, the role before it speaks (attribute.ts).
  const roleBefore = phrase.length > 0 && linking === 'to' && TITLE_HEADS.has(toks[j - 1]?.lower ?? '') && toks[j - 1]!.quote < 0 ? ownedRole(phraseBefore(toks, j - 1).tokens) : null;
  // `ambassador to Britain Liu Xiaming said`: the place the role serves is not part of the speaker's name.
  if (roleBefore && phrase.length >= 3 && phrase.every((t) => isCapitalised(t.value) && !isTitleWord(t.lower))) phrase = phrase.slice(1);
  if (phrase.length > 0 && ['of', 'from', 'for', 'at'].includes(linking) && toks[j - 1] && isPhraseToken(toks[j - 1]!) && isCapitalised(toks[j - 1]!.value)) {
    const head = phraseBefore(toks, j - 1);
    // `Tom Berg at Acme Inc said`: only a name before `at` is the speaker; an office is never written so.
    if (linking === 'at' && readPhrase(head.tokens)?.kind !== 'name') head.tokens = [];
    const nameWords = phrase.filter((t) => isCapitalised(t.value) && !isTitleWord(t.lower));
    if (isTitleWord(toks[j - 1]!.lower) && nameWords.length >= 2) {
      // `Secretary of State Mike Pompeo said`: the name after the title is the speaker.
    } else if (DETERMINERS.has(head.tokens[0]?.lower ?? '') && !TITLE_HEADS.has(toks[j - 1]!.lower)) {
      // `The High Commissioner for Human Rights said`: an office speaks, by its whole name.
      const words = toks.slice(head.start, end + 1).filter((t, k) => k > 0 || !DETERMINERS.has(t.lower));
      office = { kind: 'name', name: words.map((t) => t.value).join(' '), titled: false, withThe: true, abbreviation };
      j = head.start - 1;
    } else if (head.tokens.length > 0) {
      // `Senator Jane Doe of Ohio told`: the speaker is the one before `of`, not the place after it.
      phrase = head.tokens;
      j = head.start - 1;
    }
  }
  // `An official from the ministry said`, `the head of the agency said`, `a spokesman for Prime Minister X said`,
  // `a spokesperson for the Foreign Office said`: a person the text does not name speaks, not the one named after
  // the preposition. (`A Foreign Office spokesperson`, written as the organisation's own voice, speaks for it.)
  // `posted a video on Twitter saying`: a name after a preposition is no participle's subject (`with X saying` is).
  if (participle && office === null && toks[j]?.pos === 'ADP' && toks[j]!.lower !== 'with') phrase = [];
  // `issued a statement saying`: the statement is the subject's (subjects.ts decides), not a speaker of its own.
  if (participle && office === null && WORDED_THINGS.has(phrase[phrase.length - 1]?.lower ?? '')) phrase = [];
  const unnamedMember = (phrase.length > 0 || office !== null) && ROLE_OF.has(toks[j]?.lower ?? '') && isRoleNoun(toks[j - 1]);
  const before = toks[j];
  let afterQuote = followsQuotation(toks, j + 1);
  let inherits = false;
  let fromSentence = false;
  let reported = false;
  if (phrase.length === 0) {
    const next = toks.slice(i + 1);
    if (afterQuote) {
      // Inverted: `”, said Asif`; `”, said resident Jane Doe, 62`, `”, said local farmer Jo Ree`: a lower-case
      // description before the name is no part of it.
      let from = 0;
      while (from < 3 && ['NOUN', 'ADJ'].includes(next[from]?.pos ?? '') && /^\p{Ll}+$/u.test(next[from]!.value) && !isPhraseToken(next[from]!)) from++;
      if (from > 0 && !(next[from] && isCapitalised(next[from]!.value) && next[from]!.pos === 'PROPN' && !CALENDAR_WORDS.has(next[from]!.lower))) from = 0;
      let k = from;
      while (k < next.length && isPhraseToken(next[k]!)) k++;
      phrase = next.slice(from, k);
    }
    if (!afterQuote && (before?.value === ',' || APPOSITION_DASHES.has(before?.value ?? '')) && !participle) phrase = commaSubject(toks, j);
    if (phrase.length === 0 && !afterQuote && before?.value === ',' && !participle) phrase = invertedSubject(toks, i);
    if (phrase.length === 0 && participle && !afterQuote && before?.pos !== 'CCONJ') {
      phrase = sentenceSubject(toks, i);
      fromSentence = phrase.length > 0;
      reported = phrase.length === 0 && reportedLater(toks, i);
    }
    inherits = phrase.length === 0 && (before?.pos === 'CCONJ' || (participle && before?.value === ','));
    // `X derided it, saying: “…”`: the speaker of the cue before, whatever a later sentence reports.
    if (inherits) reported = false;
    if (phrase.length === 0) afterQuote = false;
  }
  const opensClause = before === undefined || before.quote >= 0 || CLAUSE_BREAKS.has(before.value) || nounsAfterQuote(toks, j);
  // `Mike Smith and Anna Lee said`: several speakers at once, none of them alone.
  const joint = phrase.length > 0 && before?.lower === 'and' && isPhraseToken(toks[j - 1] ?? before);
  return {
    kind: 'verb',
    offset: verb.start,
    subjectOffset: phrase[0]?.start ?? verb.start,
    subject: unnamedMember ? null : (office ?? (phrase.length > 0 && !joint ? readPhrase(phrase, abbreviation) : null)),
    inherits,
    afterQuote,
    opensClause,
    ...(fromSentence ? { fromSentence } : {}),
    ...(reported ? { reported } : {}),
    ...(roleBefore ? { roleBefore } : {}),
  };
}

/** `the 56-year-old` ending at `end` (however the tokenizer split it): the age, where it starts, and whether a quotation closes just before. */
function ageBefore(toks: Tok[], end: number): { value: string; start: number; afterQuote: boolean } | null {
  let the = end;
  while (the > end - 5 && the > 0 && toks[the]!.quote < 0 && toks[the]!.lower !== 'the') the--;
  const written = toks.slice(the, end + 1).map((t) => (t.quote < 0 ? t.lower : '"')).join('');
  const m = /^the(\d{1,3})-year-old$/.exec(written);
  if (!m) return null;
  return { value: m[1]!, start: toks[the]!.start, afterQuote: followsQuotation(toks, the) };
}

/** Prepositions joining a role to what it belongs to (`a spokesman for`, `the head of`). */
const ROLE_OF = new Set(['of', 'for', 'from', 'at']);

/** A role written in lower case (`spokesperson`, `official`, `head`), not a title before a name (`Secretary of State`). */
const isRoleNoun = (t: Tok | undefined): boolean => t !== undefined && t.quote < 0 && !isCapitalised(t.value) && (TITLE_HEADS.has(t.lower) || SPOKES_WORDS.has(t.lower));

/** `”, Indonesia search-and-rescue director X said`: a few nouns and adjectives of the subject's description back to a quotation. */
function nounsAfterQuote(toks: Tok[], end: number): boolean {
  let k = end;
  while (k >= 0 && k > end - 4 && toks[k]!.quote < 0 && ['ADJ', 'NOUN', 'PROPN'].includes(toks[k]!.pos) && /^\p{L}[\p{L}-]*$/u.test(toks[k]!.value)) k--;
  // `”, a defiant Vos said`
  if (k < end && ['a', 'an', 'the'].includes(toks[k]?.lower ?? '') && toks[k]!.quote < 0) k--;
  return k < end && followsQuotation(toks, k + 1);
}

/** `…, according to the Foreign Office.` */
function accordingCue(toks: Tok[], i: number): Cue | null {
  let k = i + 2;
  while (k < toks.length && isPhraseToken(toks[k]!)) k++;
  const phrase = toks.slice(i + 2, k);
  if (phrase.length === 0) return null;
  const before = toks[i - 1];
  return {
    kind: 'according',
    offset: toks[i]!.start,
    subjectOffset: phrase[0]!.start,
    subject: readPhrase(phrase),
    inherits: false,
    afterQuote: followsQuotation(toks, i),
    opensClause: before === undefined || before.quote >= 0 || CLAUSE_BREAKS.has(before.value),
  };
}

/** `Trump's threats`, `Washington's announcement`: a named owner of something said. */
function nounCue(toks: Tok[], i: number): Cue | null {
  // Walk back over the words between owner and noun (`Trump’s New Year’s Day tweet`) to the first possessive.
  let possessive = -1;
  for (let j = i - 1; j >= 0 && j >= i - 6; j--) {
    const t = toks[j]!;
    if (t.quote >= 0) break;
    if (isPossessive(t.value)) possessive = j;
    else if (!/^\p{L}/u.test(t.value) || (!isCapitalised(t.value) && j !== i - 1 && t.pos !== 'ADJ')) break;
  }
  if (possessive < 1) return null;
  const j = possessive;
  let k = j - 1;
  while (k >= 0 && toks[k]!.quote < 0 && isCapitalised(toks[k]!.value) && /^\p{L}/u.test(toks[k]!.value)) k--;
  const owner = toks.slice(k + 1, j);
  if (owner.length === 0) return null;
  const subject = readPhrase(owner);
  if (!subject || subject.kind !== 'name') return null;
  return { kind: 'noun', offset: toks[i]!.start, subjectOffset: owner[0]!.start, subject, inherits: false, afterQuote: false, opensClause: false };
}
