/**
 * Which way a sentence points from the day it was written, seen from a time
 * expression in it: "is expected to meet on Thursday", "will issue … on
 * Friday", "leaves for Tokyo on Wednesday" look forward; "met on Thursday",
 * "has said on Friday" look back. Read from the clause around the expression
 * (wink-nlp parts of speech and lemmas), nearest verb first; the whole sentence
 * when the clause has no verb.
 */
import type { Token } from '../nlp/index.js';
import type { Direction } from './resolve.js';
import { WEEKDAY_PATTERN } from '../nlp/calendar.js';
import {
  ARRANGED, BE_FORMS, DEFERRING, FUTURE_AUXILIARIES, INTENT, INVARIANT, LINKING, LOOKING_AHEAD, MODALS, MODALS_OF_EITHER_TIME,
  NOUN_OPENERS, PAST_AUXILIARIES, PERFECT, PRESENT_BE, QUANTIFIERS, REPORTING, SCHEDULED, STATE_WORDS,
} from './verbs.js';

/** Words that open a new clause: what is said on one side of them is not dated by the other's verb. */
const CLAUSE_OPENERS = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'when', 'while', 'whilst', 'after', 'before', 'because', 'although', 'though',
  'unless', 'if', 'where', 'whereas', 'and', 'but', 'or', 'so',
]);
const CLAUSE_PUNCTUATION = /^[;:()\u2013\u2014"\u201c\u201d]$|^--$/;

/** Future, or an arrangement: looks forward whatever the verb's form. */
const FORWARD_CUES = [
  /\b(?:will|shall|won['\u2019]t)\b|\w['\u2019]ll\b/,
  /\b(?:is|are|am|['\u2019]s|['\u2019]re)\s+(?:\w+ly\s+)?(?:due|set|expected|scheduled|slated|poised|going|likely|planning|preparing|about|to)\b/,
  /(?<!\b(?:was|were|been|had|being|as|than)\s+(?:\w+ly\s+)?)\b(?:expected|scheduled|slated) (?:to|for|in|on|by|at|before|next|this|later)\b/,
  // "the ruling, due on Friday": not "due to", which is also "because of".
  /(?<!\b(?:was|were|been|had|being)\s+(?:\w+ly\s+)?)\bdue (?:in|on|for|by|at|before|next|this|later)\b/,
];

/**
 * After "to have" or a modal with "have", a past participle is behind its time ("is believed to have
 * died on Friday", "should have voted on Friday"); "have to" is an obligation, not a perfect.
 */
const PAST_PERFECT_INFINITIVE = /\b(?:to|would|could|might|may|must|should|shall|will)\s+(?:not\s+|n['\u2019]t\s+)?have\s+(?!to\b)\w+/;
/**
 * An arrangement told in the past ("was due to vote on Friday", "were expected to meet on Monday"):
 * the arranged day may be before the day of writing or after it.
 */
const PAST_ARRANGEMENT =
  /\b(?:was|were|had been|wasn['\u2019]t|weren['\u2019]t)\s+(?:\w+ly\s+)?(?:not\s+)?(?:due|set|expected|scheduled|slated|supposed|meant|poised|going|planning|preparing|about|to)\b/;
const NOT_A_SUBJECT = new Set(['DET', 'ADJ', 'NUM', 'ADP']);
const POSSESSIVES = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
/** Before a yearless date: "since March" is behind the day of writing, "until September" ahead of it unless told in the past. */
const BACKWARD_PREPOSITIONS = new Set(['since']);
const FORWARD_PREPOSITIONS = new Set(['until', 'till', 'til', 'through']);

type Tense = 'past' | 'present' | 'future' | 'unknown' | 'none';

/** The direction of the sentence `tokens` as seen from the expression at character offsets [start, end). */
export function directionAt(tokens: Token[], start: number, end: number): Direction {
  const first = tokens.findIndex((t) => t.start + t.value.length > start);
  if (first < 0) return 'unknown';
  let last = first;
  while (last + 1 < tokens.length && (tokens[last + 1] as Token).start < end) last++;
  let until = false;
  for (const i of [first, first - 1]) {
    const word = tokens[i]?.value.toLowerCase() ?? '';
    if (BACKWARD_PREPOSITIONS.has(word)) return 'backward';
    if (FORWARD_PREPOSITIONS.has(word)) until = true;
  }
  const arranged = arrangedFor(tokens, first);
  if (arranged) return arranged;
  const [from, to] = ownPredicate(tokens, ...clauseAround(tokens, first, last), first, last);
  const told = directionOf(tokens, from, to, first, last) ?? directionOf(tokens, 0, tokens.length - 1, first, last) ?? 'unknown';
  const direction = told === 'unknown' && !until && onlyVerbIsCompletedPerfect(tokens, first, last) ? 'backward' : told;
  // "spoke ahead of Thursday's vote": what the date names comes after the verb's time, so a past verb
  // does not put it before the day of writing; "comes after Monday's debate": nor a present one after it.
  const preceding = tokens
    .slice(Math.max(0, first - 4), first)
    .map((t) => t.value.toLowerCase())
    .join(' ');
  // "stayed shut until Monday" is behind; "was adjourned until Thursday", "froze the duty until September"
  // put off what is to come. Another past verb tells neither.
  if (until) return direction !== 'backward' || defers(tokens, from, first) ? 'forward' : 'unknown';
  if (direction === 'backward' && /(?:^|\s)(?:ahead of|before|in advance of|prior to|run-up to|run - up to|eve of)$/.test(preceding)) return 'unknown';
  // "was postponed to Thursday", "called a strike for Thursday": a day set in the past for what is still to come,
  // or not. (A month after "for" is what a report covers: "the figures for June were strong".)
  const arrangedDay = WEEKDAY.test(tokens[last]?.value ?? '') || defers(tokens, from, first);
  if (direction === 'backward' && arrangedDay && /(?:^|\s)(?:to|for|from)$/.test(preceding) && !/^['\u2019]s$/.test(tokens[last + 1]?.value ?? '')) return 'unknown';
  if (direction === 'forward' && /(?:^|\s)(?:after|following)$/.test(preceding)) return 'unknown';
  return direction;
}

/**
 * Whether the words between character offsets `from` and `to` join two time phrases into one
 * ("next week's auction of bonds on Wednesday", "later this week, on Thursday"): no verb of their
 * own ("inflation-indexed" is a word of a compound) and no stronger break than a comma.
 */
export function joinedWithoutVerb(tokens: Token[], from: number, to: number): boolean {
  return tokens.every((token, i) => {
    if (token.start < from || token.start >= to) return true;
    if (CLAUSE_PUNCTUATION.test(token.value) || token.pos === 'AUX') return false;
    return token.pos !== 'VERB' || tokens[i - 1]?.value === '-';
  });
}

const WEEKDAY = new RegExp(`^(?:${WEEKDAY_PATTERN})$`, 'i');


/** Whether the verb nearest before token `first` (back to `from`) is one of `DEFERRING`. */
function defers(tokens: Token[], from: number, first: number): boolean {
  for (let i = first - 1; i >= from; i--) {
    const token = tokens[i] as Token;
    if (token.pos === 'VERB') return DEFERRING.has(token.lemma);
  }
  return false;
}


/**
 * "the strike, planned for Thursday, …", "talks scheduled for Monday …": the date of an arrangement
 * told without a verb of its own is ahead unless the sentence tells of something past ("… was called
 * off", "… went ahead"), when it may be either side of the day of writing. Null for other dates.
 */
function arrangedFor(tokens: Token[], first: number): Direction | null {
  const participle = tokens[first - 2];
  if (!participle || !ARRANGED.has(participle.value.toLowerCase()) || !/^(?:for|on|in|by)$/i.test(tokens[first - 1]?.value ?? '')) return null;
  // "was set for", "fell more than expected on Friday": not an arrangement standing alone.
  if (/^(?:as|than)$/.test(tokens[first - 3]?.value.toLowerCase() ?? '') || BE_FORMS.has(tokens[first - 3]?.value.toLowerCase() ?? '')) return null;
  return tokens.some((_, i) => i !== first - 2 && finiteTense(tokens, i) === 'past') ? 'unknown' : 'forward';
}

/** Token bounds of the clause holding tokens first..last. */
function clauseAround(tokens: Token[], first: number, last: number): [number, number] {
  const isBoundary = (t: Token): boolean => {
    const value = t.value.toLowerCase();
    return CLAUSE_PUNCTUATION.test(t.value) || value === ',' || RELATIVE_PRONOUNS.has(value) || (CLAUSE_OPENERS.has(value) && t.pos !== 'PRON');
  };
  let from = first;
  while (from > 0 && !isBoundary(tokens[from - 1] as Token)) from--;
  let to = last;
  while (to + 1 < tokens.length && !isBoundary(tokens[to + 1] as Token)) to++;
  return [from, to];
}

/**
 * The part of the clause from..to whose verb the expression at first..last belongs to, when a verb
 * group stands on each side of it: "the people who voted on Friday will be counted" (the group
 * before: it ends next to the date), "he said the vote on Friday will be close" (the group after:
 * nearer). The nearer group wins, the one before on a tie; distance counts from the group's nearest
 * word, so "was arrested on Monday" is as near as "Monday will". Without a group on both sides the
 * clause is kept whole ("On Friday the board will vote", "the board on Friday voted").
 */
function ownPredicate(tokens: Token[], from: number, to: number, first: number, last: number): [number, number] {
  let before: [number, number] | null = null;
  let after: [number, number] | null = null;
  for (let i = from; i <= to; i++) {
    if (i >= first && i <= last) continue;
    if (finiteTense(tokens, i) === 'none' && !(FUTURE_AUXILIARIES.has((tokens[i] as Token).value.toLowerCase()) && !isNotModalWill(tokens, i))) continue;
    let end = i;
    while (end + 1 <= to && (end + 1 < first || end + 1 > last) && VERB_GROUP.has((tokens[end + 1] as Token).pos)) end++;
    if (end < first) before = [i, end];
    else if (!after) after = [i, end];
    i = end;
  }
  if (!before || !after) return [from, to];
  return first - before[1] <= after[0] - last ? [from, after[0] - 1] : [before[1] + 1, to];
}

/**
 * "Will Harding arrived on Monday": a capitalised "Will" before a capitalised word is a first name, unless
 * the sentence asks a question ("Will Britain leave on Friday?"). "had signed a will", "against his will",
 * "political will": after an article, a possessive or a describing adjective, "will" is a noun.
 */
function isNotModalWill(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  if (token?.value.toLowerCase() !== 'will') return false;
  if (token.value === 'Will' && /^\p{Lu}/u.test(tokens[i + 1]?.value ?? '') && tokens.at(-1)?.value !== '?') return true;
  const previous = tokens[i - 1];
  if (!previous) return false;
  const word = previous.value.toLowerCase();
  return NOUN_OPENERS.has(word) || POSSESSIVES.has(word) || (previous.pos === 'ADJ' && !QUANTIFIERS.has(word));
}

/** Parts of speech that continue a verb group: "was arrested", "will be counted", "is expected to vote". */
const VERB_GROUP = new Set(['AUX', 'VERB', 'PART', 'ADV']);

/** The direction tokens from..to give the expression at first..last, or null when they hold no finite verb. */
function directionOf(tokens: Token[], from: number, to: number, first: number, last: number): Direction | null {
  const text = tokens
    .slice(from, to + 1)
    .map((t, k) => (isNotModalWill(tokens, from + k) ? 'NAME' : t.value.toLowerCase()))
    .join(' ')
    .replace(/ (['\u2019])/g, '$1');
  if (FORWARD_CUES.some((cue) => cue.test(text)) || intends(tokens, from, to)) return 'forward';
  if (PAST_PERFECT_INFINITIVE.test(text)) return 'backward';
  if (PAST_ARRANGEMENT.test(text)) return 'unknown';
  const looksAhead = lookingAhead(tokens, from, first);
  if (looksAhead) return looksAhead;
  let best: { distance: number; tense: Tense } | null = null;
  for (let i = from; i <= to; i++) {
    if (i >= first && i <= last) continue;
    if (isTrailingAttribution(tokens, i, last)) continue;
    const tense = finiteTense(tokens, i);
    if (tense === 'none') continue;
    const distance = i < first ? first - i : i - last;
    if (!best || distance < best.distance) best = { distance, tense };
  }
  if (!best) return null;
  return best.tense === 'past' ? 'backward' : best.tense === 'present' || best.tense === 'future' ? 'forward' : 'unknown';
}

/**
 * "Mr Brown has delivered eight Budgets since 1997, the latest in March": a present perfect of an action
 * ("has" and a participle of its own, not "has been scheduled"), when it is the sentence's one verb, tells
 * of what is done, so a date the sentence holds is behind the day of writing. (With another verb the date
 * may be that verb's: "has said it would vote in March".)
 */
function onlyVerbIsCompletedPerfect(tokens: Token[], first: number, last: number): boolean {
  const finite = tokens.flatMap((_, i) => ((i < first || i > last) && finiteTense(tokens, i) !== 'none' ? [i] : []));
  return finite.length === 1 && completedPerfect(tokens, finite[0] as number);
}

/** "has delivered", "have risen": "has" or "have" and a participle of an action, not of being or an arrangement. */
function completedPerfect(tokens: Token[], i: number): boolean {
  if (!PERFECT.has((tokens[i] as Token).value.toLowerCase())) return false;
  let next = i + 1;
  while (tokens[next]?.pos === 'ADV') next++;
  const participle = tokens[next];
  if (participle?.pos !== 'VERB' || BE_FORMS.has(participle.value.toLowerCase())) return false;
  return !ARRANGED.has(participle.value.toLowerCase()) && !DEFERRING.has(participle.lemma) && !LOOKING_AHEAD.has(participle.lemma);
}

/**
 * "…strike on April 3, said the union's leader", "…on Friday, he told reporters": a reporting verb after
 * the date and a comma tells when the words were said, not when what they tell happens.
 */
function isTrailingAttribution(tokens: Token[], i: number, last: number): boolean {
  if (i <= last || !REPORTING.has((tokens[i] as Token).lemma) || !tokens.slice(last + 1, i).some((t) => t.value === ',')) return false;
  // Not when what is said follows ("Speaking on Monday, Mr Lund said fees would rise"); a clause about the speaker may.
  for (const token of tokens.slice(i + 1)) {
    const value = token.value.toLowerCase();
    if (RELATIVE_PRONOUNS.has(value)) return true;
    if (value === 'that' || token.pos === 'VERB' || token.pos === 'AUX') return false;
  }
  return true;
}

const RELATIVE_PRONOUNS = new Set(['who', 'whom', 'whose', 'which']);


/** Words of a short object between a verb and its "to"-infinitive: "expect the central bank to". */
const OBJECT_WORDS = new Set(['DET', 'NOUN', 'PROPN', 'PRON', 'ADJ', 'NUM']);

/**
 * When the date belongs to such an infinitive ("agreed to meet again on Friday": "meet" is the verb
 * nearest before the date), its event comes after the saying: ahead of the day of writing when the
 * saying is present, either side of it when the saying is past. Null when the date is not so placed.
 */
function lookingAhead(tokens: Token[], from: number, first: number): Direction | null {
  let verb = first - 1;
  while (verb >= from && (tokens[verb] as Token).pos !== 'VERB' && (tokens[verb] as Token).pos !== 'AUX') verb--;
  if (verb - 2 < from || tokens[verb - 1]?.value.toLowerCase() !== 'to') return null;
  // "expect the bank to cut …", "asked them to leave …": the governing verb may have an object before "to".
  let at = verb - 2;
  while (at > from && at > verb - 6 && OBJECT_WORDS.has((tokens[at] as Token).pos) && !LOOKING_AHEAD.has((tokens[at] as Token).lemma)) at--;
  const governing = tokens[at] as Token;
  if (!LOOKING_AHEAD.has(governing.lemma)) return null;
  if (governing.pos !== 'VERB' && governing.pos !== 'AUX') {
    if (at !== verb - 2) return null;
    // "the plan to cut rates on Thursday", "its offer to pay on Friday": a noun, which tells no time of its
    // own; what it looks ahead to may be either side of the day of writing.
    const before = tokens[at - 1];
    if (before && (NOT_A_SUBJECT.has(before.pos) || POSSESSIVES.has(before.value.toLowerCase()))) return 'unknown';
  }
  const value = governing.value.toLowerCase();
  const present = value === governing.lemma || /s$/.test(value);
  const auxiliary = tokens[at - 1]?.value.toLowerCase() ?? '';
  if (present && !PAST_AUXILIARIES.has(auxiliary) && !PERFECT.has(auxiliary)) return 'forward';
  return 'unknown';
}

/** "plans to", "intends to" as a present-tense verb: not after a determiner, an adjective or a possessive. */
function intends(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const token = tokens[i] as Token;
    if (!INTENT.has(token.lemma) || tokens[i + 1]?.value.toLowerCase() !== 'to') continue;
    // "plans to" after any subject; "plan to" only after a plural one ("officials hope to", not "the plan to"); not "hoped to".
    const value = token.value.toLowerCase();
    if (value !== token.lemma && !/s$/.test(value)) continue;
    if (!/s$/.test(value) && !pluralSubject(tokens[i - 1], i - 1 === 0)) continue;
    const previous = tokens[i - 1];
    if (previous && (NOT_A_SUBJECT.has(previous.pos) || POSSESSIVES.has(previous.value.toLowerCase()))) continue;
    return true;
  }
  return false;
}

const PLURAL_PRONOUNS = new Set(['i', 'we', 'you', 'they', 'who', 'which', 'that']);

function pluralSubject(token: Token | undefined, first = false): boolean {
  if (!token) return false;
  const value = token.value.toLowerCase();
  if (token.pos === 'PRON') return PLURAL_PRONOUNS.has(value);
  // wink-nlp takes a capitalised plural opening the sentence ("Officials hope") for a name, and leaves its lemma alone.
  if (first && token.pos === 'PROPN' && /^\p{Lu}\p{Ll}+[^su]s$/u.test(token.value)) return true;
  return (token.pos === 'NOUN' || token.pos === 'PROPN') && /s$/.test(value) && value !== token.lemma;
}

const SINGULAR_PRONOUNS = new Set(['he', 'she', 'it']);

/** A word written as its own lemma, which does not end in -s: the singular of a noun or a name. */
const singularForm = (token: Token): boolean => token.value.toLowerCase() === token.lemma && !/s$/.test(token.lemma);

/** `he`, `the firm`, `Acme`: a subject after which a verb's bare form is its past, not a present (`the firm cut`). */
function singularSubject(token: Token | undefined): boolean {
  if (!token) return false;
  if (token.pos === 'PRON') return SINGULAR_PRONOUNS.has(token.value.toLowerCase());
  return (token.pos === 'NOUN' || token.pos === 'PROPN') && singularForm(token);
}

/**
 * "Mr Blair returns from …", "the minister travels to …", "the committee votes on …": wink-nlp tags a
 * scheduled verb's -s form after a name or a singular noun as a plural noun; between that subject and a
 * preposition it is the verb, unless a verb follows ("the committee votes on Friday were counted").
 */
function scheduledAfterName(tokens: Token[], i: number): boolean {
  const token = tokens[i] as Token;
  if (token.pos !== 'NOUN' || !SCHEDULED.has(token.lemma) || token.value.toLowerCase() !== `${token.lemma}s`) return false;
  const subject = tokens[i - 1];
  const singularNoun = subject?.pos === 'NOUN' && singularForm(subject);
  if (subject?.pos !== 'PROPN' && !singularNoun) return false;
  if (tokens[i + 1]?.pos !== 'ADP' && tokens[i + 1]?.pos !== 'DET') return false;
  return !tokens.slice(i + 1).some((t) => t.pos === 'VERB' || t.pos === 'AUX');
}

/**
 * The tense of the verb group starting at token i, when i opens one ("has said" at "has", not at
 * "said"); 'none' for a token that is not a finite verb (an infinitive, a participle, a noun).
 */
function finiteTense(tokens: Token[], i: number): Tense {
  const token = tokens[i] as Token;
  if (token.pos !== 'VERB' && token.pos !== 'AUX') return scheduledAfterName(tokens, i) ? 'present' : 'none';
  // Inside a group ("has not yet said"), the tense is the first auxiliary's.
  let before = i - 1;
  while (before >= 0 && (tokens[before]?.pos === 'ADV' || tokens[before]?.pos === 'PART') && tokens[before]?.value.toLowerCase() !== 'to') before--;
  const previous = tokens[before];
  if (previous && (previous.pos === 'AUX' || previous.value.toLowerCase() === 'to')) return 'none';
  // "remain closed", "got arrested": a participle after a linking verb, whose tense is the linking verb's.
  if (previous?.pos === 'VERB' && LINKING.has(previous.lemma)) return 'none';
  if (tokens[i - 1]?.value.toLowerCase() === 'to') return 'none';
  const value = token.value.toLowerCase();
  if (MODALS.has(value)) return modalTense(tokens, i);
  if (PAST_AUXILIARIES.has(value)) return 'past';
  if (PERFECT.has(value)) return 'unknown';
  // "shares are up 3% on Tuesday": a state at the time of writing, not an arrangement ahead of it.
  if (PRESENT_BE.has(value)) return STATE_WORDS.has(tokens[i + 1]?.value.toLowerCase() ?? '') ? 'unknown' : 'present';
  if (/ing$/.test(value)) return 'none';
  const lemma = token.lemma;
  const thirdPerson = value === `${lemma}s` || value === `${lemma}es` || value === `${lemma.replace(/y$/, 'ie')}s`;
  // A form the lemmatiser does not know ("disappreared"): its -ed still tells the past.
  if (value === lemma && /[^e]ed$|[^e]eed$/.test(value)) return 'past';
  // "the firm cut", "she put": a verb whose past is its base form, after a singular subject, is that past.
  if (value === lemma && INVARIANT.has(value) && singularSubject(tokens[i - 1])) return 'past';
  // A bare form is finite only after a plural subject ("the ministers meet", "they leave"); after a
  // singular noun it is a noun wink-nlp took for a verb ("its poster launch").
  if (value === lemma && !pluralSubject(tokens[i - 1], i - 1 === 0)) return 'none';
  if (value === lemma || thirdPerson) {
    if (INVARIANT.has(value) && !thirdPerson) return 'unknown';
    return SCHEDULED.has(lemma) ? 'present' : 'unknown';
  }
  return 'past';
}

/**
 * "may vote on Friday", "should decide by Friday", "cannot meet until Monday": a modal with a bare
 * verb looks ahead; with "have" it looks back ("must have left on Friday"); "would" and "could" tell
 * no time (see `MODALS_OF_EITHER_TIME`).
 */
function modalTense(tokens: Token[], i: number): Tense {
  let next = i + 1;
  while (next < tokens.length && (tokens[next]?.pos === 'ADV' || tokens[next]?.pos === 'PART')) next++;
  if (tokens[next]?.value.toLowerCase() === 'have' && tokens[next + 1]?.value.toLowerCase() !== 'to') return 'past';
  return MODALS_OF_EITHER_TIME.has((tokens[i] as Token).value.toLowerCase()) ? 'unknown' : 'future';
}
