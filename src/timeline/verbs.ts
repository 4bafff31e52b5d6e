/**
 * The words tense.ts reads a sentence's direction by: auxiliaries and modals,
 * and the verbs whose meaning (scheduled, reporting, deferring, looking ahead)
 * says which way the date they govern lies. Lists only; the reading is in tense.ts
 * (and, for the verbs that tell no action and the speech that is news, merge.ts).
 */
import { REPORTING_VERBS } from '../nlp/speech-verbs.js';

/** What a price, a figure or a score is, after "is": `up`, `down 2%`, `higher`, `flat`. */
export const STATE_WORDS = new Set(['up', 'down', 'higher', 'lower', 'flat', 'unchanged', 'steady', 'off']);

/** Auxiliaries that put the verb group in the past. */
export const PAST_AUXILIARIES = new Set(['was', 'were', 'had', 'did', "didn't", 'didn’t', "wasn't", 'wasn’t', "weren't", 'weren’t']);

/** Present forms of "be": a verb group in the present, or a state at the time of writing. */
export const PRESENT_BE = new Set(['is', 'are', 'am', "'s", '’s', "'re", '’re', "isn't", 'isn’t', "aren't", 'aren’t']);

/** English joins a present perfect with no definite past time ("has met on Monday" is not said): the date belongs elsewhere. */
export const PERFECT = new Set(['has', 'have', "'ve", '’ve', "hasn't", 'hasn’t', "haven't", 'haven’t']);

/** Modals, whose time is read from what follows them (`modalTense`). */
export const MODALS = new Set(['would', 'could', 'might', 'may', 'should', 'must', 'can', 'ca', "'d", '’d']);

/**
 * "would" is a future seen from a past ("said it would vote on Friday": before or after the day of
 * writing) and "could" also a past ability ("residents could hear shelling on Sunday"): no direction.
 */
export const MODALS_OF_EITHER_TIME = new Set(['would', 'could', "'d", '’d']);

/** "plans to", "intends to": forward when a verb, not when a noun ("its plans to", "lofty plans to"). */
export const INTENT = new Set(['plan', 'intend', 'aim', 'expect', 'hope', 'promise', 'pledge', 'vow', 'threaten', 'prepare']);

/**
 * Events that are scheduled: in the simple present they speak of what is arranged ("leaves for
 * Tokyo on Wednesday", "the vote takes place on Friday"), where other verbs narrate ("follows").
 */
export const SCHEDULED = new Set([
  'leave', 'travel', 'arrive', 'depart', 'fly', 'go', 'head', 'return', 'visit', 'meet', 'begin', 'start', 'open', 'close',
  'end', 'finish', 'resume', 'expire', 'launch', 'take', 'hold', 'host', 'vote', 'testify', 'appear', 'face', 'debate',
  'play', 'kick', 'run', 'sit', 'gather', 'assemble', 'attend', 'address', 'sign', 'rule', 'sail', 'land', 'tour', 'convene', 'reconvene', 'release', 'publish', 'announce', 'unveil', 'deliver', 'rise', 'fall', 'come',
]);

/** Verbs that attribute words to a speaker (`report` too: `the union reported on Friday` dates the report). */
export const REPORTING = new Set([...REPORTING_VERBS, 'report']);

/** Verbs whose past is their base form: without a subject's -s they tell no tense. */
export const INVARIANT = new Set(['put', 'cut', 'set', 'hit', 'let', 'quit', 'shut', 'cost', 'hurt', 'spread', 'bet', 'cast', 'read', 'beat', 'split', 'upset', 'bid']);

/** Verbs that take a participle or an adjective as their complement. */
export const LINKING = new Set(['remain', 'stay', 'become', 'get', 'seem', 'appear', 'look', 'feel', 'keep', 'go']);

/** Verbs that tell no action of their own: two events are not told apart by "was", "got" or "made". */
export const NO_ACTION = new Set(['be', 'have', 'do', 'get', 'make', 'take', 'come', 'go', 'become', 'seem']);

/**
 * Reporting verbs whose speaking is itself what happened ("announced the terms", "warned of floods",
 * "confirmed the deal"): they tell which event a sentence is, where "said" and "told" do not.
 */
export const NEWS_SPEECH = new Set(['announce', 'warn', 'confirm', 'insist', 'note', 'explain', 'write']);

/** Verbs that put something off or hold it to a later day: with "until", that day is still ahead when they are told. */
export const DEFERRING = new Set([
  'adjourn', 'postpone', 'delay', 'defer', 'suspend', 'freeze', 'extend', 'reschedule', 'shelve', 'pause', 'halt', 'ban', 'bar', 'cap', 'remand', 'bail', 'prolong',
]);

/** Participles of an arrangement: "the strike, planned for Thursday" (see `arrangedFor`). */
export const ARRANGED = new Set(['planned', 'scheduled', 'slated', 'set', 'earmarked', 'pencilled', 'penciled', 'due', 'expected']);

/** Every form of "be": "was set for" is a verb's, not an arrangement standing alone. */
export const BE_FORMS = new Set(['is', 'are', 'am', 'was', 'were', 'be', 'been', 'being', "'s", '’s', "'re", '’re']);

/** What `finiteTense` leaves to `FORWARD_CUES` but which opens a verb group all the same. */
export const FUTURE_AUXILIARIES = new Set(['will', 'shall', 'wo', "'ll", '’ll']);

/**
 * Verbs whose "to"-infinitive is something still to come when they are said: "agreed to meet on
 * Friday", "voted to strike on Monday", "asked them to leave by Friday".
 */
export const LOOKING_AHEAD = new Set([
  'agree', 'decide', 'plan', 'promise', 'pledge', 'vow', 'want', 'hope', 'intend', 'threaten', 'ask', 'urge', 'call', 'invite',
  'order', 'arrange', 'schedule', 'expect', 'aim', 'prepare', 'offer', 'refuse', 'vote', 'seek', 'propose', 'resolve', 'undertake',
  'tell', 'instruct', 'require', 'allow', 'permit', 'force', 'persuade', 'advise', 'remind', 'encourage',
]);

/** Words after which "will" is the noun: "a will", "the will of the people", "at will". */
export const NOUN_OPENERS = new Set(['a', 'an', 'the', 'at', 'of', 'against', 'free', 'good', 'ill']);
/** Adjectives that stand for a subject before the modal: "many will vote", "both will leave". */
export const QUANTIFIERS = new Set(['many', 'few', 'several', 'most', 'some', 'all', 'both', 'others', 'each', 'more', 'fewer', 'other', 'such']);
