/**
 * The subject of a speech verb written away from it (read by cues.ts): after an
 * apposition (`Amir Rahim, the defence minister, said`), after the verb
 * (`…, said Derek Lamb, a scholar`), or, for a participle with none of its own
 * (`Roger Knapman attacked the plans saying …`), the subject of its sentence.
 */
import { readPhrase, isPhraseToken } from './phrases.js';
import type { Tok } from './phrases.js';
import { CALENDAR_WORDS, DETERMINERS, PERSON_NOUNS, PERSON_PRONOUNS, SKIPPABLE_BEFORE_VERB, SPEECH_VERBS, THING_PRONOUNS, isCapitalised, isTitleWord } from './vocabulary.js';

/** Speech verbs written before their subject (`…, said Derek Lamb, a scholar`). */
const INVERTING_VERBS: ReadonlySet<string> = new Set(['said', 'says', 'added', 'adds', 'wrote', 'writes', 'explained', 'recalled', 'warned']);

/**
 * `“…” announced in October, said Derek Lamb, a scholar at …`: an inverted speech verb after a comma, its subject a
 * name right after it that closes the clause (a comma, a full stop, the paragraph's end). Not `…, said on Monday`.
 */
export function invertedSubject(toks: Tok[], verb: number): Tok[] {
  if (!INVERTING_VERBS.has(toks[verb]!.lower)) return [];
  let k = verb + 1;
  while (k < toks.length && isPhraseToken(toks[k]!)) k++;
  const phrase = toks.slice(verb + 1, k);
  const closes = k === toks.length || [',', '.', ';', '('].includes(toks[k]!.value);
  const named = (words: Tok[]): boolean => words.some((t) => isCapitalised(t.value) && !CALENDAR_WORDS.has(t.lower) && !isTitleWord(t.lower));
  if (closes && named(phrase)) return phrase;
  return describedThenNamed(toks, verb);
}

/**
 * `…, said another witness in the inquiry, former adviser Ida Brandt.`: after an inverted speech verb, a description
 * with no verb of its own, a comma, then a name closing the sentence — that name (only a name: a role alone is nobody).
 */
function describedThenNamed(toks: Tok[], verb: number): Tok[] {
  let comma = verb + 1;
  while (comma < toks.length && comma <= verb + 10 && toks[comma]!.value !== ',') {
    const t = toks[comma]!;
    if (t.quote >= 0 || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PRON' || /^[.!?;:]$/u.test(t.value)) return [];
    comma++;
  }
  if (toks[comma]?.value !== ',' || comma === verb + 1) return [];
  let k = comma + 1;
  while (k < toks.length && (isPhraseToken(toks[k]!) || (toks[k]!.quote < 0 && /^\p{Ll}+$/u.test(toks[k]!.value) && toks[k]!.pos === 'NOUN'))) k++;
  const phrase = toks.slice(comma + 1, k);
  const ends = k === toks.length || toks[k]!.value === '.';
  return ends && phrase.length > 0 && readPhrase(phrase)?.kind === 'name' ? phrase : [];
}

/** Most tokens (punctuation included) an apposition between a subject and its speech verb may take (`X, the defence minister, said`). */
const MAX_APPOSITION = 13;
/** …and a relative clause about the subject, which may go on longer (`X, who has split from many … on issues such as …, told`). */
const MAX_RELATIVE_CLAUSE = 29;
const RELATIVE_OPENERS: ReadonlySet<string> = new Set(['who', 'whose']);

const POSSESSIVE_PRONOUNS: ReadonlySet<string> = new Set(['his', 'her', 'its', 'their', 'our', 'my']);

/**
 * The subject of a speech verb written after a comma (or a dash) at `comma`: an apposition
 * (`Amir Rahim, the defence minister, said`: the name wins over the title) or a
 * participle clause (`Rex Tillerson, speaking in Washington, said`).
 */
export function commaSubject(toks: Tok[], comma: number): Tok[] {
  // `Jane Roe — the city's mayor — said`: dashes mark off an apposition as commas do.
  const mark = toks[comma]!.value;
  let open = comma - 1;
  while (open >= 0 && open > comma - 1 - MAX_RELATIVE_CLAUSE && toks[open]!.value !== mark && toks[open]!.quote < 0 && !/^[!?;:]$/u.test(toks[open]!.value)) open--;
  if (toks[open]?.value !== mark || open === comma - 1) return [];
  const clause = toks.slice(open + 1, comma);
  // Only a relative clause about the subject runs long (`X, who has split from … program, told`).
  if (clause.length > MAX_APPOSITION && !RELATIVE_OPENERS.has(clause[0]!.lower)) return [];
  // `Carla Mendes, 45, who runs a bakery, told`: an age between commas stands between the name and its apposition.
  const age = toks[open - 1]?.pos === 'NUM' && toks[open - 2]?.value === ',' ? 2 : 0;
  const first = phraseBefore(toks, beforeBrackets(toks, open - 1 - age)).tokens;
  if (clause.every(isPhraseToken)) {
    // `The mayor of Leeds, Lena Vos, said`: a name after a preposition is the role's object, the apposition the speaker.
    const preposition = open - 1 - age - first.length;
    const object = toks[preposition]?.pos === 'ADP' && isTitleWord(toks[preposition - 1]?.lower ?? '') && readPhrase(clause)?.kind === 'name';
    return first.length > 0 && readPhrase(first)?.kind === 'name' && !object ? first : clause;
  }
  // `X, speaking in Washington, said`; `X, a virologist at the university, told`; `X, who …, said`.
  const opener = clause[0];
  // `X, chief executive of the fact-checking website Full Fact, told`: a role opens the apposition.
  if (opener && (opener.pos === 'VERB' || ['a', 'an', 'the', 'who', 'whose'].includes(opener.lower) || isTitleWord(opener.lower))) return first;
  // An apposition with no verb of its own: `X, MP for Witney, added`, `X, BBC News political correspondent, said`.
  // `X, in his speech, said`, `X, for her part, said`: a possessive is no clause of its own.
  const verbless = clause.every((t) => t.pos !== 'VERB' && t.pos !== 'AUX' && (t.pos !== 'PRON' || POSSESSIVE_PRONOUNS.has(t.lower)));
  return verbless && first.length > 0 && readPhrase(first)?.kind === 'name' ? first : [];
}

/** `Sen. Jane Roe (R-Ohio), for her part, said`: the index before a short bracketed tag ending at `end`, else `end`. */
function beforeBrackets(toks: Tok[], end: number): number {
  if (toks[end]?.value !== ')') return end;
  for (let k = end - 1; k >= 0 && k >= end - 6; k--) {
    if (toks[k]!.quote >= 0) return end;
    if (toks[k]!.value === '(') return k - 1;
  }
  return end;
}

/** Whether a speech verb later in the sentence than `at` (not a participle) reports it: `X was known for telling others “…”, said Y`. */
export function reportedLater(toks: Tok[], at: number): boolean {
  for (let m = at + 1; m < toks.length && !toks[m]!.initial; m++) {
    const t = toks[m]!;
    if (t.quote < 0 && t.pos === 'VERB' && SPEECH_VERBS.has(t.lemma) && !t.lower.endsWith('ing')) return true;
  }
  return false;
}

/** The phrase tokens ending at index `end`, going back. */
export function phraseBefore(toks: Tok[], end: number): { start: number; tokens: Tok[] } {
  let k = end;
  while (k >= 0 && isPhraseToken(toks[k]!)) k--;
  return { start: k + 1, tokens: toks.slice(k + 1, end + 1) };
}

/**
 * Nouns for things that carry words (`a banner saying`, `a letter saying`): a participle right after one, with no
 * comma between, is the thing's wording, not the sentence subject's speech.
 */
export const WORDED_THINGS: ReadonlySet<string> = new Set([
  'statement', 'letter', 'message', 'post', 'tweet', 'note', 'sign', 'banner', 'placard', 'poster', 'notice', 'email',
  'text', 'report', 'document', 'headline', 'caption', 'video', 'advert', 'ad', 'leaflet', 'memo', 'petition', 'slogan',
  'card', 'graffiti', 'label', 'ruling', 'verdict', 'order', 'law', 'bill', 'motion', 'resolution', 'survey', 'poll', 'study',
]);

/** Verbs by which a subject puts out a worded thing of its own (`issued a statement saying`). */
const ISSUING_VERBS: ReadonlySet<string> = new Set(['issue', 'release', 'publish', 'post', 'put', 'send', 'write', 'tweet', 'deliver', 'make', 'share', 'upload']);

const isSubjectPronoun = (t: Tok | undefined): boolean => t !== undefined && t.quote < 0 && (PERSON_PRONOUNS.has(t.lower) || THING_PRONOUNS.has(t.lower));
const isVerb = (t: Tok | undefined): boolean => t !== undefined && (t.pos === 'VERB' || t.pos === 'AUX');

/**
 * `Roger Knapman attacked the plans saying …`, `The chief secretary, Kanezo Muraoka, reacted by saying …`, `He hit
 * back, adding …`: a participle with no subject of its own speaks for the subject opening its sentence (a name, a
 * title, a pronoun, right before the sentence's verb). Nothing when another clause with a subject of its own comes
 * between (`Lee said Park was wrong, adding`: whose adding is not sure), when a speech verb later in the sentence makes
 * it someone else's report, when the sentence opens otherwise, or when a
 * thing or a group that could be the one saying it stands just before the participle (`banners saying`, `residents
 * saying`).
 */
export function sentenceSubject(toks: Tok[], participle: number): Tok[] {
  const before = toks[participle - 1];
  if (!before || before.quote >= 0) return [];
  const nounBefore = before.pos === 'NOUN' ? [before.lower, before.lemma] : [];
  if (nounBefore.some((w) => PERSON_NOUNS.has(w) || PERSON_NOUNS.has(w.replace(/s$/u, '')))) return [];
  const worded = nounBefore.some((w) => WORDED_THINGS.has(w));
  let start = participle - 1;
  while (start > 0 && !toks[start]!.initial) start--;
  let k = start;
  // `In a reflection of the confusion, the Electoral Commission …`, `Speaking on Monday, she …`: an opening phrase with no verb of its own.
  if (toks[k]?.pos === 'ADP' || (toks[k]?.pos === 'VERB' && toks[k]!.lower.endsWith('ing'))) {
    let comma = k + 1;
    while (comma < participle && comma <= k + 12 && toks[comma]!.value !== ',' && toks[comma]!.quote < 0 && !isVerb(toks[comma])) comma++;
    if (toks[comma]?.value === ',' && comma < participle) k = comma + 1;
  }
  // `But Knapman …`, `However, Knapman …`
  if (['CCONJ', 'ADV'].includes(toks[k]?.pos ?? '') && !isPhraseToken(toks[k]!) && !isSubjectPronoun(toks[k])) k++;
  if (toks[k]?.value === ',') k++;
  const from = k;
  // `The port manager, Lena Vos, reacted`: lower-case words after a determiner describe the one named next.
  const described = (t: Tok): boolean => DETERMINERS.has(toks[from]!.lower) && t.quote < 0 && ['NOUN', 'ADJ'].includes(t.pos) && /^\p{Ll}/u.test(t.value);
  if (isSubjectPronoun(toks[k])) k++;
  else while (k < participle && k < from + 8 && (isPhraseToken(toks[k]!) || described(toks[k]!))) k++;
  let subject = toks.slice(from, k);
  if (subject.length === 0) return [];
  // `The chief cabinet secretary, Kanezo Muraoka, reacted`: the name in the apposition; `Knapman, the party's leader, said`: the name before it.
  if (toks[k]?.value === ',') {
    let close = k + 1;
    while (close < participle && close <= k + 14 && toks[close]!.value !== ',' && toks[close]!.quote < 0 && !/^[.!?;:]$/u.test(toks[close]!.value)) close++;
    if (toks[close]?.value !== ',' || close >= participle) return [];
    const between = toks.slice(k + 1, close);
    if (readPhrase(subject)?.kind !== 'name' && between.length > 0 && between.every(isPhraseToken) && readPhrase(between)?.kind === 'name') subject = between;
    k = close + 1;
  }
  while (k < participle && (SKIPPABLE_BEFORE_VERB.has(toks[k]!.lower) || (toks[k]!.pos === 'ADV' && /^\p{Ll}+ly$/u.test(toks[k]!.value)))) k++;
  if (k >= participle || !isVerb(toks[k])) return [];
  // `X issued a statement saying …` is X's wording; `X received a letter saying …` is not.
  if (worded && !ISSUING_VERBS.has(toks[k]!.lemma)) return [];
  for (let m = k + 1; m < participle; m++) {
    const t = toks[m]!;
    if (t.value === ';') return [];
    // Another subject with its verb: `Lee said Park was wrong, adding`.
    if ((isSubjectPronoun(t) || ['i', 'we', 'you'].includes(t.lower) || (t.pos === 'PROPN' && isCapitalised(t.value))) && isVerb(toks[m + 1])) return [];
  }
  // `Sondland was known for telling others “…”, said Fiona Hill`: the sentence is another speaker's report.
  if (reportedLater(toks, participle)) return [];
  const mention = readPhrase(subject);
  return mention && mention.kind !== 'statement' ? subject : [];
}
