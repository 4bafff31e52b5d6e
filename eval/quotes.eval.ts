/**
 * `/quote` attribution over every labelled corpus of the registry (eval/corpora.ts),
 * per corpus and half: quotations given to the wrong person, unattributable words
 * given a speaker, non-quotations (scare quotes, names, page furniture) given a
 * speaker, quotations left unattributed, recall of named quotations with the right
 * speaker, and the role queries (`the chancellor` → the right person). A naive
 * attributor (the nearest capitalised name before `said`) is scored beside it.
 */
import { loadCorpus } from '../src/corpus/load.js';
import { findQuotes } from '../src/quotes/extract.js';
import { buildQuoteBook, normaliseName, readSpeakerOverrides } from '../src/quotes/index.js';
import type { QuoteBook } from '../src/quotes/index.js';
import type { Article } from '../src/corpus/types.js';
import { containsSnippet, evalCorpora, inHalf, requestedHalves, splitKey } from './corpora.js';
import type { CorpusLabels, Half } from './corpora.js';
import { table } from './report.js';
import type { EvalReport } from './report.js';

/** One attributed (or unattributed) quotation, whoever produced it. */
export interface Prediction {
  /** File name of the article (`000_x.txt`), as labels name it. */
  article: string;
  text: string;
  speaker: string | null;
  /** The paragraph is page furniture (a caption, a sidebar headline…), not the story. */
  furniture: boolean;
  rule?: string | null;
}

export interface QuoteScore {
  /** Labelled quotations with a named speaker. */
  named: number;
  /** …found with that speaker. */
  right: number;
  /** …given to someone else. */
  wrongPerson: number;
  /** …found but left without a speaker. */
  unattributed: number;
  /** …not found at all. */
  missing: number;
  /** Labelled as not saying who spoke. */
  anonymous: number;
  /** …but given a speaker. */
  anonymousNamed: number;
  /** Quoted terms, furniture or other unlabelled quoted text given a speaker. */
  notQuotesNamed: number;
  /** Role and name queries answered with the right person. */
  queriesRight: number;
  queries: number;
  /** Why each error happened, for the dev half's listing. */
  errors: string[];
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Does a predicted speaker name the labelled one? The full name, or the surname alone. */
export function sameSpeaker(predicted: string | null, labelled: string): boolean {
  if (predicted === null) return false;
  const p = normaliseName(predicted);
  const l = normaliseName(labelled);
  return p === l || (!p.includes(' ') && l.split(' ').pop() === p);
}

/** The prediction a label is about: same article, one text holding the other. */
function findPrediction(predictions: Prediction[], article: string, labelled: string): Prediction | undefined {
  // A quotation's text ends without the comma before its closing mark (`“…,” she said`); a label may keep it.
  const text = labelled.replace(/[\s,]+$/u, '');
  return predictions.find((p) => p.article === article && (containsSnippet(p.text, text) || (p.text.length >= 12 && containsSnippet(text, p.text))));
}

export function scoreQuotes(
  predictions: Prediction[],
  labels: CorpusLabels,
  half: Half | 'all',
  resolve: (query: string) => string | null,
): QuoteScore {
  const s: QuoteScore = { named: 0, right: 0, wrongPerson: 0, unattributed: 0, missing: 0, anonymous: 0, anonymousNamed: 0, notQuotesNamed: 0, queriesRight: 0, queries: 0, errors: [] };
  const claimed = new Set<Prediction>();
  for (const label of labels.quotes) {
    const p = findPrediction(predictions, label.article, label.text);
    if (p) claimed.add(p);
  }
  const show = (p: Prediction | undefined, label: { text: string; article: string }): string =>
    `${label.article} "${label.text.slice(0, 50)}" → ${p?.speaker ?? '(none)'}${p?.rule ? ` [${p.rule}]` : ''}`;
  for (const label of inHalf(labels.quotes, splitKey.quote, half)) {
    const p = findPrediction(predictions, label.article, label.text);
    if (label.speaker === null) {
      s.anonymous++;
      if (p?.speaker) {
        s.anonymousNamed++;
        s.errors.push(`anonymous given a speaker: ${show(p, label)}`);
      }
      continue;
    }
    s.named++;
    if (!p) {
      s.missing++;
      s.errors.push(`not found: ${label.article} "${label.text.slice(0, 50)}" (${label.speaker})`);
    } else if (p.speaker === null) {
      s.unattributed++;
      s.errors.push(`unattributed: ${show(p, label)}, labelled ${label.speaker}`);
    } else if (sameSpeaker(p.speaker, label.speaker)) s.right++;
    else {
      s.wrongPerson++;
      s.errors.push(`wrong person: ${show(p, label)}, labelled ${label.speaker}`);
    }
  }
  const inThisHalf = (p: Prediction): boolean => inHalf([p], (x) => splitKey.quote({ article: x.article, text: x.text }), half).length > 0;
  for (const p of predictions) {
    if (claimed.has(p) || p.speaker === null || !inThisHalf(p)) continue;
    const term = labels.quoted_terms.some((t) => t.article === p.article && squash(p.text).toLowerCase() === squash(t.text).toLowerCase());
    s.notQuotesNamed++;
    s.errors.push(`${p.furniture ? 'furniture' : term ? 'quoted term' : 'unlabelled'} given a speaker: ${show(p, { article: p.article, text: p.text })}`);
  }
  for (const q of inHalf(labels.quote_queries, splitKey.quoteQuery, half)) {
    s.queries++;
    const found = resolve(q.query);
    if (sameSpeaker(found, q.speaker)) s.queriesRight++;
    else s.errors.push(`query "${q.query}" → ${found ?? '(nobody)'}, labelled ${q.speaker}`);
  }
  return s;
}

/** Words given a speaker that are not theirs: wrong person, anonymous words, non-quotations. */
export const misattributed = (s: QuoteScore): number => s.wrongPerson + s.anonymousNamed + s.notQuotesNamed;
export const namedRecall = (s: QuoteScore): number => (s.named === 0 ? 1 : s.right / s.named);

const SPEECH_AFTER_NAME = /((?:\p{Lu}[\p{L}'’-]+ )*\p{Lu}[\p{L}'’-]+),? (?:has |had )?(?:said|says|told|added|adds|tells)\b/gu;

/** The baseline: each quotation goes to the capitalised name before `said` nearest to it in its paragraph. */
export function naiveAttribution(articles: Article[]): Prediction[] {
  const out: Prediction[] = [];
  for (const article of articles) {
    for (const paragraph of article.paragraphs) {
      const quotes = findQuotes(paragraph.text);
      const inside = (at: number): boolean => quotes.some((q) => at > q.open && at < q.close);
      const names = [...paragraph.text.matchAll(SPEECH_AFTER_NAME)].filter((m) => !inside(m.index ?? 0)).map((m) => ({ at: m.index ?? 0, name: m[1]! }));
      for (const q of quotes) {
        const distance = (at: number): number => (at < q.open ? q.open - at : at - q.close);
        const nearest = names.sort((a, b) => distance(a.at) - distance(b.at))[0];
        out.push({ article: article.file, text: q.text, speaker: nearest ? nearest.name : null, furniture: paragraph.kind !== 'body' });
      }
    }
  }
  return out;
}

/** The quote book's quotations as predictions. */
export function bookPredictions(book: QuoteBook, articles: Article[]): Prediction[] {
  const byId = new Map(articles.map((a) => [a.articleId, a]));
  return book.quotations.map((q) => {
    const article = byId.get(q.articleId);
    const paragraph = article?.paragraphs.find((p) => p.id === q.paragraphId);
    return { article: article?.file ?? q.articleId, text: q.text, speaker: q.speaker, furniture: (paragraph?.kind ?? 'body') !== 'body', rule: q.rule };
  });
}

export async function evaluate(): Promise<EvalReport> {
  const lines: string[] = [];
  const rows: (string | number)[][] = [];
  let goalsMet = true;
  for (const corpus of await evalCorpora()) {
    if (corpus.labels.quotes.length === 0) continue;
    const { articles } = await loadCorpus(corpus.seedsDir);
    const book = buildQuoteBook(articles, await readSpeakerOverrides(corpus.seedsDir));
    const ours = bookPredictions(book, articles);
    const naive = naiveAttribution(articles);
    const naiveNames = [...new Set(naive.map((p) => p.speaker).filter((n): n is string => n !== null))];
    const naiveResolve = (query: string): string | null => naiveNames.find((n) => normaliseName(n) === normaliseName(query)) ?? null;
    for (const half of requestedHalves()) {
      const s = scoreQuotes(ours, corpus.labels, half, (q) => book.resolve(q).speaker);
      const b = scoreQuotes(naive, corpus.labels, half, naiveResolve);
      for (const [who, x] of [['quote book', s], ['naive baseline', b]] as const) {
        rows.push([corpus.name, half, who, x.named, x.right, x.wrongPerson, `${x.anonymousNamed}/${x.anonymous}`, x.notQuotesNamed, misattributed(x), x.unattributed, x.missing, namedRecall(x), `${x.queriesRight}/${x.queries}`]);
      }
      if (half === 'dev' || half === 'all') for (const e of s.errors) lines.push(`  ${corpus.name} ${half}: ${e}`);
      if (half !== 'dev') {
        const perfect = corpus.name === 'seeds' ? misattributed(s) === 0 && s.right === s.named : misattributed(s) === 0 && namedRecall(s) >= 0.85;
        goalsMet &&= perfect;
      }
    }
  }
  return {
    title: '/quote attribution (every labelled corpus; rules chosen on dev halves, errors listed for dev only)',
    lines: [
      ...table(['corpus', 'half', 'attributor', 'named', 'right', 'wrong person', 'anonymous named', 'non-quote named', 'MISATTRIBUTED', 'unattributed', 'not found', 'named recall', 'queries'], rows),
      '',
      'Goals (test halves): 0 misattributed, named recall ≥ 0.85; seeds: 0 misattributed and recall 1.0.',
      ...lines,
    ],
    goalsMet,
  };
}
