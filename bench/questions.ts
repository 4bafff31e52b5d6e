/**
 * Natural questions for the benchmark, from templates filled with the
 * corpus's own names and words (seeded): a paragraph is picked at random and
 * a name and words are taken from it, so most questions have an answer and
 * frequent names come up as often as they do in the text. A few questions
 * are misspelt (the fuzzy path) and a few are about nothing in the corpus
 * (the "nothing found" path).
 */
import type { Article } from '../src/corpus/types.js';
import { Rng } from './rng.js';

export interface QuestionSet {
  /** `/ask` questions. */
  ask: string[];
  /** The paragraph each question was made from (its label for recall@3), aligned with `ask`; null off topic. */
  answers: (string | null)[];
  /** Speaker names for `/quote`. */
  speakers: string[];
  /** Topics for `/timeline about:`. */
  topics: string[];
}

const STOP = new Set(
  `about after again against because before being between could during every first from have having into more most other
   over said says should since some such than that their them then there these they this those through under until very
   what when where which while will with would year years also told added according`.split(/\s+/),
);

const OFF_TOPIC = [
  'What is the best recipe for lemon drizzle cake?',
  'Who won the snooker championship?',
  'How do I reset my router password?',
  'Which planets have rings?',
  'What time does the swimming pool open on Sundays?',
  'Is it going to rain in Reykjavik tomorrow?',
];

const TEMPLATES: ((n: string, a: string, b: string, m: string) => string)[] = [
  (n, a) => `What did ${n} say about ${a}?`,
  (n, a) => `Why is ${n} worried about the ${a}?`,
  (n, a) => `When did ${n} talk about ${a}?`,
  (n) => `Who is ${n}?`,
  (_n, a) => `What happened to the ${a}?`,
  (n, a, b) => `${n} ${a} ${b}`,
  (n, a, b) => `How does ${n} see the ${a} and the ${b}?`,
  (n, a, _b, m) => `What is the ${a} between ${n} and ${m}?`,
  (n, a, b) => `Did ${n} ${a} the ${b}?`,
  (_n, a, b) => `${a} ${b}`,
  (n) => `${n}`,
  (n, a) => `What has ${n} done about ${a} recently?`,
];

/** Capitalised runs of 1–3 words that do not start a sentence. */
function namesIn(text: string): string[] {
  const out: string[] = [];
  const re = /(?<![.!?]\s|^)\b(\p{Lu}[\p{L}]+(?:\s\p{Lu}[\p{L}]+){0,2})/gu;
  for (const match of text.matchAll(re)) if (match[1] && match[1].length >= 3) out.push(match[1]);
  return out;
}

function wordsIn(text: string): string[] {
  return (text.match(/\b\p{Ll}{5,}\b/gu) ?? []).filter((w) => !STOP.has(w));
}

/** Drops or swaps a letter, the way people mistype. */
function misspell(word: string, rng: Rng): string {
  if (word.length < 6) return word;
  const i = rng.int(1, word.length - 3);
  return rng.chance(0.5) ? word.slice(0, i) + word.slice(i + 1) : word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

export function makeQuestions(articles: Article[], count: number, seed: number): QuestionSet {
  const rng = new Rng(seed);
  const paragraphs = articles.flatMap((a) => a.paragraphs);
  if (paragraphs.length === 0) throw new Error('bench: no paragraphs to draw questions from');
  const ask: string[] = [];
  const answers: (string | null)[] = [];
  const speakers: string[] = [];
  const topics: string[] = [];
  let guard = 0;
  while (ask.length < count && guard++ < count * 50) {
    if (rng.chance(0.03)) {
      ask.push(rng.pick(OFF_TOPIC));
      answers.push(null);
      continue;
    }
    const paragraph = rng.pick(paragraphs);
    const text = paragraph.text;
    const names = namesIn(text);
    const words = wordsIn(text);
    if (names.length === 0 || words.length < 2) continue;
    const name = rng.pick(names);
    const other = rng.pick(names);
    let a = rng.pick(words);
    const b = rng.pick(words);
    if (rng.chance(0.08)) a = misspell(a, rng);
    ask.push(rng.pick(TEMPLATES)(name, a, b, other === name ? 'its neighbours' : other));
    answers.push(paragraph.id);
    if (speakers.length < count) speakers.push(name);
    if (topics.length < count) topics.push(rng.chance(0.5) ? name : a);
  }
  return { ask, answers, speakers, topics };
}
