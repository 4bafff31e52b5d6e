/**
 * What a block of a copied page looks like, measured: the general signals a
 * boilerplate classifier decides on (jusText, Pomikálek 2011; boilerpipe;
 * trafilatura). Prose is long, made of sentences and rich in function words;
 * furniture is short, capitalised like a title, made of navigation and share
 * words, or a date standing alone.
 */
import { eng as englishStopWords } from 'stopword';
import { MONTH_ABBREVIATION_PATTERN, MONTH_PATTERN, WEEKDAY_ABBREVIATION_PATTERN, WEEKDAY_PATTERN } from '../nlp/calendar.js';

const STOP_WORDS = new Set(englishStopWords);

/** Words of menus, share bars, sign-up boxes and story lists: what a page says about itself, not the news. */
const NAVIGATION_WORDS = new Set(
  (
    'share shares shared sharing tweet tweets facebook twitter instagram whatsapp linkedin pinterest reddit telegram ' +
    'youtube tiktok snapchat email e-mail print save saved bookmark bookmarks comment comments reply replies subscribe ' +
    'subscribers subscription subscriptions newsletter newsletters sign login log logout register account menu search ' +
    'home skip navigation follow following related read view watch listen video videos photo photos gallery galleries ' +
    'podcast podcasts advertisement advertising advert sponsored ad ads click tap next previous close copy link links ' +
    'opens window latest trending popular topics sections edition paper cookies privacy terms policy ' +
    'contact feedback app apps download post posted updated published permalink reprints rights reserved copyright ' +
    'more most top stories live alerts alert notifications settings loading scroll page'
  ).split(' '),
);

const MONTHS = `${MONTH_ABBREVIATION_PATTERN}|${MONTH_PATTERN}`;
const WEEKDAYS = `${WEEKDAY_ABBREVIATION_PATTERN}|${WEEKDAY_PATTERN}`;
/** A month or weekday, written out or cut short (`Friday`, `Nov.`); test with the `i` flag where case does not matter. */
export const CALENDAR_WORD = new RegExp(`(?:${MONTHS}|${WEEKDAYS})\\b`);
/** Tokens that make up a date or a time stamp: `19 Oct 2018`, `NOV. 7, 2010`, `6:01 am`, `1230 GMT`, `2 hours ago`. */
const DATE_TOKEN = new RegExp(
  `^(?:(?:${MONTHS})\\.?|(?:${WEEKDAYS})\\.?|\\d{1,2}(?:st|nd|rd|th)?|(?:19|20)\\d{2}|\\d{1,2}[:.]\\d{2}|\\d{3,4}|` +
    `\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}|am|pm|a\\.m\\.|p\\.m\\.|gmt|bst|utc|est|edt|pst|pdt|cet|cest|ist|et|pt|` +
    `ago|hours?|hrs?|minutes?|mins?|days?|weeks?|months?|years?|yesterday|today|updated|published|posted|modified|` +
    `last|first|on|at|by|\\||[-–—·•|/,:])$`,
  'i',
);
const DATE_CORE = new RegExp(`^\\d{1,2}:\\d{2}$|\\b\\d{1,2}[:.]?\\d{2}\\s*(?:gmt|bst|utc|cet|cest|[ecmp][sd]t)\\b|\\b(?:${MONTHS})\\b\\.?\\s*\\d|\\d\\s+(?:${MONTHS})\\b|\\b\\d{1,2}[:.]\\d{2}\\s*(?:am|pm|a\\.m\\.|p\\.m\\.)|\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b|\\b\\d+\\s+(?:hours?|minutes?|mins?|days?)\\s+ago\\b`, 'i');

export interface BlockSignals {
  words: number;
  chars: number;
  /** Share of words that are English function words; prose sits around 0.3–0.5. */
  stopShare: number;
  /** Share of the words other than function words that begin with a capital: title case is near 1. */
  capitalShare: number;
  /** Share of words from the navigation, share and sign-up vocabulary. */
  navigationShare: number;
  /** Share of words (with letters) that are neither function words nor navigation words: what the block says about the world. */
  contentShare: number;
  /** Ends like a sentence (`.`, `!`, `?`, `…`, or a closing quote or bracket after one). */
  endsSentence: boolean;
  /** A date or time stamp with little else around it: `Published: 19 Oct 2018 | 6:01 am`. */
  dateOnly: boolean;
  /** Every letter is a capital (`REUTER`, `ISLAMABAD`). */
  allCaps: boolean;
}

const wordsOf = (text: string): string[] => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
const bare = (word: string): string => word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/[’']s$/, '');

/** A block cut off by the page mid-sentence: an ellipsis straight after a comma or a function word. */
function cutShort(text: string): boolean {
  const match = /(?:^|\s)([^\s]*?)(,?)(?:…|\.{3})$/.exec(text);
  return match !== null && (match[2] === ',' || STOP_WORDS.has(bare(match[1] ?? '')));
}

export function signalsOf(text: string): BlockSignals {
  const words = wordsOf(text);
  const lower = words.map(bare);
  const count = Math.max(words.length, 1);
  const stop = lower.filter((w) => STOP_WORDS.has(w)).length;
  const content = words.filter((_, i) => !STOP_WORDS.has(lower[i] ?? '') && /\p{L}/u.test(words[i] ?? ''));
  const capital = content.filter((w) => /^[^\p{L}]*\p{Lu}/u.test(w)).length;
  const navigation = lower.filter((w) => NAVIGATION_WORDS.has(w)).length;
  const other = lower.filter((w) => /\p{L}/u.test(w) && !NAVIGATION_WORDS.has(w) && !STOP_WORDS.has(w)).length;
  const tokens = text.split(/\s+|(?<=[,|])(?=\S)/).filter((t) => t !== '');
  const dateTokens = tokens.filter((t) => DATE_TOKEN.test(t.replace(/[,:;()]+$/, '') || t)).length;
  const letters = text.replace(/[^\p{L}]/gu, '');
  return {
    words: words.length,
    chars: text.length,
    stopShare: stop / count,
    capitalShare: content.length === 0 ? 0 : capital / content.length,
    navigationShare: navigation / count,
    contentShare: other / count,
    // A teaser cut short by the page (`… leads Gonzaga past Texas …`, `… diagnosed with the plague,...`, `… lawmakers call it
    // unsatisfactory after...`) ends in an ellipsis after a space, a comma or a function word, which ends no sentence.
    endsSentence: /[.!?…](?:["”’')\]]+)?$/.test(text) && !/\s(?:…|\.{3})$/.test(text) && !cutShort(text),
    dateOnly: DATE_CORE.test(text) && dateTokens / Math.max(tokens.length, 1) >= 0.6,
    allCaps: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
  };
}

/** Abbreviations whose full stop ends no sentence (`Boeing Co. 787`, `Nov. 13`, `U.S. troops`). */
const ABBREVIATION = new RegExp(`(?:^|\\s)(?:co|corp|inc|ltd|mr|mrs|ms|dr|st|gen|gov|sen|rep|jr|sr|lt|col|capt|no|${MONTH_ABBREVIATION_PATTERN}|\\p{L}(?:\\.\\p{L})*)\\.$`, 'iu');

/** The sentences of a block (pieces that end with a full stop that is not an abbreviation's); `loose` also ends one before a lower-case word (`… it takes. pic.twitter.com/…`). */
function sentencesOf(text: string, loose = false): string[] {
  const pieces = text.split(loose ? /(?<=[.!?]["”’)]*)\s+/u : /(?<=[.!?]["”’)]*)\s+(?=["“‘(]?[\p{Lu}\d])/u);
  return pieces.filter((piece) => /[.!?]["”’)]*$/u.test(piece) && !ABBREVIATION.test(piece));
}

/** How many sentences a block holds. */
export const sentenceCount = (text: string): number => sentencesOf(text).length;

/** A sentence of prose long enough not to be a headline's kicker (`Will it work?`). */
const WHOLE_SENTENCE_WORDS = 8;

/** Whether a block holds a whole sentence of prose: words enough, and at least `stopShare` of function words, as prose has them. */
export function holdsWholeSentence(text: string, stopShare: number): boolean {
  return sentencesOf(text, true).some((sentence) => {
    const signals = signalsOf(sentence);
    return signals.words >= WHOLE_SENTENCE_WORDS && signals.stopShare >= stopShare;
  });
}
