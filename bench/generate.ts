/**
 * Synthetic corpora for the benchmark: new articles recombined from the
 * sentences of the real seed articles' cleaned paragraphs, with a seeded RNG,
 * written as a seeds folder (articles + `sources.json` + the real seeds' other
 * JSON files) so the benchmark goes through the real loading path.
 *
 * Recombining alone would freeze the vocabulary at the seeds' ~1,000 words,
 * which flatters every index. So content words are replaced as the text is
 * written, to make the number of distinct words grow like Heaps' law
 * V(n) = K·n^β (β = 0.6, K fitted so the curve passes through the seeds'
 * own point): when the corpus has fewer distinct words than V(n), a content
 * word is replaced by a new word composed from two seed words (a capitalised
 * word gets a new name); otherwise it is sometimes replaced by an earlier new
 * word drawn from a Zipf law (early words are frequent, late ones rare), and
 * otherwise kept. Names (words written capitalised mid-sentence and never in
 * lower case in the seeds) are recast per article: an article keeps a seed
 * name about a third of the time, else uses a popular invented name (Zipf) or
 * a new one, consistently within the article, so no single name sits in half
 * the paragraphs. Years are shifted per article so dates spread out too.
 */
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '../src/corpus/load.js';
import { sentencesOf } from '../src/nlp/index.js';
import { Rng } from './rng.js';

/** Bump when the generator's output changes, so cached corpora are rebuilt. */
export const GENERATOR_VERSION = 3;

export interface GenerateOptions {
  /** The real seeds folder the sentences come from. */
  seedsDir: string;
  /** Paragraphs to write (cleaning may drop a few; the loaded count is what is reported). */
  paragraphs: number;
  seed: number;
  /** Heaps exponent. Default 0.6. */
  beta?: number;
  /** Where generated corpora are kept between runs. Default: `<tmp>/newsquote-bench`. */
  cacheRoot?: string;
}

export interface CorpusStats {
  dir: string;
  articles: number;
  paragraphsWritten: number;
  tokens: number;
  types: number;
  /** Share of distinct words that occur once. */
  hapaxShare: number;
  /** β fitted between the seeds' point and the whole corpus. */
  heapsBeta: number;
  reused: boolean;
  ms: number;
}

interface PoolSentence {
  text: string;
}

const WORD = /\p{L}{4,}/gu;
const YEAR = /\b(19[5-9]\d|20[0-3]\d)\b/g;

/** Words kept as they are: function words, speech verbs, calendar words (quotes and timeline need them). */
const KEEP = new Set(
  `that this with from have been were their there which would could should about after before said says say told tells
   will what when where while they them than then also into over such only more most some other very just being does each
   both these those because against between under since until according added asked claimed stated noted warned
   january february march april june july august september october november december monday tuesday wednesday thursday
   friday saturday sunday year years week weeks month months today yesterday tomorrow last next earlier later ago decade
   century spring summer autumn winter morning evening night early late past recent`.split(/\s+/),
);

const OUTLETS = ['Dawn', 'Reuters', 'The Guardian', 'Financial Times', 'Al Jazeera', 'BBC News', 'The Express Tribune', null];

export function corpusKey(options: GenerateOptions): string {
  return `v${GENERATOR_VERSION}-s${options.seed}-p${options.paragraphs}-b${options.beta ?? 0.6}`;
}

/** Generates (or reuses) the corpus for `options` and returns where it is, with its text statistics. */
export async function generateCorpus(options: GenerateOptions): Promise<CorpusStats> {
  const started = performance.now();
  const root = options.cacheRoot ?? join(tmpdir(), 'newsquote-bench');
  const dir = join(root, corpusKey(options));
  const marker = join(dir, '.complete.json');
  try {
    const previous = JSON.parse(await readFile(marker, 'utf8')) as CorpusStats;
    return { ...previous, dir, reused: true, ms: Math.round(performance.now() - started) };
  } catch {
    // Not generated yet (or interrupted): write it afresh.
  }
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });

  const real = await loadCorpus(options.seedsDir);
  const pool: PoolSentence[] = [];
  const sentencesPerParagraph: number[] = [];
  const paragraphsPerArticle: number[] = [];
  for (const article of real.articles) {
    paragraphsPerArticle.push(article.paragraphs.length);
    for (const paragraph of article.paragraphs) {
      if (paragraph.kind !== 'body') continue;
      const sentences = sentencesOf(paragraph.text).map((s) => s.text);
      sentencesPerParagraph.push(sentences.length);
      for (const text of sentences) pool.push({ text });
    }
  }
  if (pool.length === 0) throw new Error(`bench: no sentences in ${options.seedsDir}`);

  // The seeds' own vocabulary: Heaps' curve passes through (tokens, types) of the seeds.
  const baseCounts = new Map<string, number>();
  const lowerWords: string[] = [];
  const capitalWords: string[] = [];
  let baseTokens = 0;
  const lowerSeen = new Set<string>();
  const midCapital = new Set<string>();
  for (const { text } of pool) {
    let first = true;
    for (const word of text.match(/\p{L}+/gu) ?? []) {
      if (/^\p{Lu}/u.test(word)) {
        if (!first) midCapital.add(word.toLowerCase());
      } else lowerSeen.add(word);
      first = false;
    }
  }
  // Names: capitalised mid-sentence and never written in lower case. Each article gets its own cast.
  const properNouns = new Set([...midCapital].filter((w) => !lowerSeen.has(w) && w.length >= 3 && !KEEP.has(w)));
  for (const { text } of pool) {
    for (const word of text.match(/\p{L}+/gu) ?? []) {
      baseTokens++;
      const key = word.toLowerCase();
      baseCounts.set(key, (baseCounts.get(key) ?? 0) + 1);
    }
    for (const word of text.match(WORD) ?? []) {
      if (KEEP.has(word.toLowerCase())) continue;
      (/^\p{Lu}/u.test(word) ? capitalWords : lowerWords).push(word.toLowerCase());
    }
  }
  const beta = options.beta ?? 0.6;
  const k = baseCounts.size / baseTokens ** beta;

  const rng = new Rng(options.seed);
  const known = new Set(baseCounts.keys());
  const invented = { lower: [] as string[], capital: [] as string[] };
  const counts = new Map<string, number>();
  let tokens = 0;

  const compose = (capital: boolean): string => {
    const source = capital && capitalWords.length > 0 ? capitalWords : lowerWords;
    for (let attempt = 0; ; attempt++) {
      const a = rng.pick(source);
      const b = rng.pick(source);
      const cutA = Math.max(2, Math.min(a.length - 1, vowelCut(a, rng)));
      const cutB = Math.max(1, Math.min(b.length - 2, vowelCut(b, rng)));
      let word = a.slice(0, cutA) + b.slice(cutB);
      if (attempt > 3) word += rng.pick(['an', 'el', 'or', 'ia', 'us', 'en', 'ak', 'ir']) + attempt.toString(36);
      if (word.length >= 4 && !known.has(word)) {
        known.add(word);
        return word;
      }
    }
  };

  const deficit = (): boolean => baseCounts.size + invented.lower.length + invented.capital.length < k * tokens ** beta;
  let cast = new Map<string, string>();
  /** The name an article uses for a seed name: often the seed's own, else a popular or a new one. */
  const castOf = (name: string): string => {
    let chosen = cast.get(name);
    if (chosen === undefined) {
      if (rng.chance(0.35)) chosen = name;
      else if (invented.capital.length === 0 || deficit() || rng.chance(0.1)) {
        chosen = compose(true);
        invented.capital.push(chosen);
      } else chosen = invented.capital[rng.zipf(invented.capital.length)] ?? name;
      cast.set(name, chosen);
    }
    return chosen;
  };

  const mutate = (sentence: string, yearShift: number): string => {
    const shifted = yearShift === 0 ? sentence : sentence.replace(YEAR, (y) => String(Number(y) + yearShift));
    return shifted.replace(/\p{L}+/gu, (word) => {
      tokens++;
      const lower = word.toLowerCase();
      if (/^\p{Lu}/u.test(word) && properNouns.has(lower)) return count(shape(castOf(lower), word));
      if (word.length < 4 || KEEP.has(lower)) return count(word);
      const capital = /^\p{Lu}/u.test(word);
      const family = capital ? invented.capital : invented.lower;
      if (deficit()) {
        const fresh = compose(capital);
        family.push(fresh);
        return count(shape(fresh, word));
      }
      if (family.length > 0 && rng.chance(0.12)) return count(shape(family[rng.zipf(family.length)] ?? word, word));
      return count(word);
    });
  };

  function count(word: string): string {
    const key = word.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return word;
  }

  let written = 0;
  let articles = 0;
  const sources: Record<string, object | string> = {
    $comment: `Synthetic benchmark corpus: ${options.paragraphs} paragraphs recombined from ${options.seedsDir}, seed ${options.seed}.`,
  };
  const batch: Promise<void>[] = [];
  while (written < options.paragraphs) {
    const paragraphCount = Math.min(options.paragraphs - written, Math.max(3, rng.pick(paragraphsPerArticle) + rng.int(-3, 3)));
    const yearShift = rng.chance(0.3) ? 0 : rng.int(-8, 4);
    cast = new Map();
    const paragraphs: string[] = [];
    for (let p = 0; p < paragraphCount; p++) {
      const n = Math.max(1, rng.pick(sentencesPerParagraph));
      const sentences: string[] = [];
      for (let s = 0; s < n; s++) sentences.push(mutate(rng.pick(pool).text, yearShift));
      paragraphs.push(sentences.join(' '));
    }
    const headline = headlineOf(paragraphs[0] ?? 'Untitled report');
    const file = `${String(articles).padStart(6, '0')}_${hex(rng)}.txt`;
    const year = 2018 + yearShift;
    const month = rng.int(1, 12);
    const day = rng.int(1, 28);
    sources[file] = {
      title: headline,
      outlet: rng.pick(OUTLETS),
      url: rng.chance(0.7) ? `https://news.example/${year}/${file.slice(0, -4)}` : null,
      published: `${year}-${pad(month)}-${pad(day)}`,
      precision: 'day',
    };
    batch.push(writeFile(join(dir, file), `${headline}\n\n${paragraphs.join('\n\n')}\n`));
    if (batch.length >= 64) await Promise.all(batch.splice(0));
    written += paragraphCount;
    articles++;
  }
  await Promise.all(batch);
  await writeFile(join(dir, 'sources.json'), `${JSON.stringify(sources, null, 1)}\n`);
  // The real seeds' other metadata (synonyms, speakers, …) comes along unchanged.
  for (const name of await readdir(options.seedsDir)) {
    if (name.endsWith('.json') && name !== 'sources.json' && (await stat(join(options.seedsDir, name))).isFile()) {
      await copyFile(join(options.seedsDir, name), join(dir, name));
    }
  }
  let hapax = 0;
  for (const c of counts.values()) if (c === 1) hapax++;
  const stats: CorpusStats = {
    dir,
    articles,
    paragraphsWritten: written,
    tokens,
    types: counts.size,
    hapaxShare: round(hapax / Math.max(1, counts.size), 3),
    heapsBeta: round(Math.log(counts.size / baseCounts.size) / Math.log(tokens / baseTokens), 3),
    reused: false,
    ms: 0,
  };
  await writeFile(marker, JSON.stringify(stats));
  return { ...stats, ms: Math.round(performance.now() - started) };
}

/** A cut point just after a vowel, so composed words stay pronounceable. */
function vowelCut(word: string, rng: Rng): number {
  const cuts: number[] = [];
  for (let i = 1; i < word.length - 1; i++) if (/[aeiouy]/.test(word[i] ?? '') && !/[aeiouy]/.test(word[i + 1] ?? '')) cuts.push(i + 1);
  return cuts.length > 0 ? rng.pick(cuts) : Math.ceil(word.length / 2);
}

/** Gives `word` the case shape of `like` (Capitalised, UPPER or lower). */
function shape(word: string, like: string): string {
  if (like.length > 1 && like === like.toUpperCase()) return word.toUpperCase();
  if (/^\p{Lu}/u.test(like)) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

function headlineOf(lead: string): string {
  const words = lead.split(/\s+/).slice(0, 12).join(' ');
  return words.replace(/[\s,.;:!?"“”'‘’(–—-]+$/u, '') || 'Untitled report';
}

const hex = (rng: Rng): string =>
  Array.from({ length: 16 }, () => Math.floor(rng.next() * 16).toString(16)).join('');
const pad = (n: number): string => String(n).padStart(2, '0');
const round = (n: number, digits: number): number => Math.round(n * 10 ** digits) / 10 ** digits;
