/**
 * The same event told by several articles becomes one event citing all of
 * them. Two events are the same when their dates agree and their sentences
 * share enough distinctive content words, at least one of them close to the
 * date in both (the words the date is about). A vague date (approximate) may
 * be pinned down by a precise one, a coarse date by a finer one inside it;
 * two dates of the same precision must be equal. Only events sharing a
 * (year, word near the date) bucket are compared, so the work grows with
 * the events and their overlaps, not with every pair.
 */
import { tokensOf } from '../nlp/index.js';
import { memoise } from '../nlp/memo.js';
import type { TimelineEvent } from './types.js';
import { fromDayNumber, interval, parseDate, precisionRank } from './dates.js';
import { MONTH_ABBREVIATION_PATTERN, MONTH_PATTERN, WEEKDAY_PATTERN } from '../nlp/calendar.js';
import { quotedRanges } from './events.js';
import { NEWS_SPEECH, NO_ACTION, REPORTING } from './verbs.js';

export interface MergeOptions {
  /** Distinctive content words two sentences must share. Default: 3. */
  minSharedWords?: number;
  /** Words found in more than this share of all events are not distinctive. Default: 0.5. */
  maxWordShare?: number;
  /** How many tokens either side of the date expression count as close to it. Default: 5. */
  window?: number;
}

export const DEFAULT_MERGE_OPTIONS: Required<MergeOptions> = { minSharedWords: 3, maxWordShare: 0.5, window: 5 };

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ']);
/**
 * Reporting verbs (those that only pass words on: the shared list and quoting, not the speech that is
 * news, NEWS_SPEECH), titles and time words say nothing about which event it is.
 */
const IGNORED = new Set([
  ...[...REPORTING, 'quote', 'cite'].filter((verb) => !NEWS_SPEECH.has(verb)),
  'mr', 'ms', 'mrs',
  'day', 'week', 'month', 'year', 'today', 'yesterday', 'earlier', 'later', 'last', 'ago', 'early', 'late',
]);

/** Capitalised, but a date's words, not a name of who or where. */
const CALENDAR_NAMES = new RegExp(`^(?:${WEEKDAY_PATTERN}|${MONTH_PATTERN}|${MONTH_ABBREVIATION_PATTERN})$`);

export interface EventWords {
  /** Lemmas of the content words of the sentence. */
  all: Set<string>;
  /** Those within `window` tokens of the date expression. */
  nearDate: Set<string>;
  /** Those that are names (a person, a place, an organisation): who or where the event is. */
  names: Set<string>;
  /**
   * Lemmas of the verbs near the date and outside quotation marks, but for those that tell no action
   * (NO_ACTION: being, having, getting…) and the reporting verbs in IGNORED: what happened.
   */
  actions: Set<string>;
}

/**
 * Whether two events tell the same action: a verb near the date in one is among the other's words
 * ("arrested" and "the arrest of"), or one of them has no verb there ("a meeting on Monday"). "Police arrested three men in Leeds on Monday" and
 * "Police released three men in Leeds on Monday" share who, where and when, and are two events.
 */
function sameAction(a: EventWords, b: EventWords): boolean {
  if (a.actions.size === 0 || b.actions.size === 0) return true;
  for (const verb of a.actions) if (b.all.has(verb)) return true;
  for (const verb of b.actions) if (a.all.has(verb)) return true;
  return false;
}

/** An event sentence's tokens, remembered across reloads (see `nlp/memo.ts`); read-only. */
export const eventTokens = memoise(tokensOf, (text: string) => text);

/** Content words of an event's sentence, and those close to its date expression. */
function wordsOfEvent(event: Pick<TimelineEvent, 'text' | 'when'>, window = DEFAULT_MERGE_OPTIONS.window): EventWords {
  const tokens = eventTokens(event.text);
  const at = event.text.indexOf(event.when);
  const from = at < 0 ? -1 : tokens.findIndex((t) => t.start >= at);
  let to = from;
  while (to + 1 < tokens.length && (tokens[to + 1]?.start ?? Infinity) < at + event.when.length) to++;
  const all = new Set<string>();
  const nearDate = new Set<string>();
  const names = new Set<string>();
  const actions = new Set<string>();
  const quotes = quotedRanges(event.text);
  tokens.forEach((token, i) => {
    if (token.stop || !CONTENT_POS.has(token.pos)) return;
    if (!/^[a-z][a-z'-]+$/.test(token.lemma) || IGNORED.has(token.lemma)) return;
    const word = token.lemma.replace(/'s$/, '');
    all.add(word);
    if (token.pos === 'PROPN' && i > 0 && !CALENDAR_NAMES.test(word)) names.add(word);
    if (from >= 0 && i >= from - window && i <= to + window) {
      nearDate.add(word);
      // A verb inside quotation marks is the speaker's words, not what happened.
      if (token.pos === 'VERB' && !NO_ACTION.has(word) && !quotes.some(([a, b]) => token.start >= a && token.start < b)) actions.add(word);
    }
  });
  return { all, nearDate, names, actions };
}

/**
 * `wordsOfEvent`, remembered across reloads by sentence, date expression and window (`nlp/memo.ts`): a reload's
 * merge reads every event again, most of them unchanged. Read-only.
 */
const rememberedWords = memoise(
  ({ event, window }: { event: Pick<TimelineEvent, 'text' | 'when'>; window: number }) => wordsOfEvent(event, window),
  ({ event, window }) => `${window}\u0000${event.when}\u0000${event.text}`,
);

/** Content words of an event's sentence, and those close to its date expression (remembered: read-only). */
export function eventWords(event: Pick<TimelineEvent, 'text' | 'when'>, window = DEFAULT_MERGE_OPTIONS.window): EventWords {
  return rememberedWords({ event, window });
}

/** Lemmas of the content words of `text`. */
export function contentWords(text: string): Set<string> {
  return wordsOfEvent({ text, when: '' }).all;
}

/** First and last day an event's date covers (to its end, for a range); read-only. */
export function eventInterval(event: Pick<TimelineEvent, 'date' | 'precision' | 'end'>): readonly [number, number] {
  const start = parseDate(event.date, event.precision);
  if (!start) return [Number.NaN, Number.NaN];
  const [from, to] = interval(start);
  const end = event.end ? parseDate(event.end, event.precision) : null;
  return [from, end ? interval(end)[1] : to];
}

/** Merges the same event across articles; events keep their order otherwise. */
export function mergeEvents(events: TimelineEvent[], options: MergeOptions = {}): TimelineEvent[] {
  const opts = { ...DEFAULT_MERGE_OPTIONS, ...options };
  const described = events.map((e) => eventWords(e, opts.window));
  const words = described.map((d) => d.all);
  const frequency = new Map<string, number>();
  for (const set of words) for (const w of set) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  // Worked out once, not for every word of every compared pair (most of a reload's merge).
  const commonWords = new Set<string>();
  if (events.length >= 4) for (const [w, n] of frequency) if (n / events.length > opts.maxWordShare) commonWords.add(w);
  const common = (w: string): boolean => commonWords.has(w);
  const spans = events.map((e) => eventInterval(e));
  const agree = (a: number, b: number): boolean => spansAgree(events[a] as TimelineEvent, spans[a]!, events[b] as TimelineEvent, spans[b]!);

  const pairs: { a: number; b: number; shared: number }[] = [];
  forEachCandidatePair(spans, described, common, (a, b) => {
    if (!agree(a, b)) return;
    let shared = 0;
    let sharedNames = 0;
    for (const w of words[a] ?? []) {
      if (common(w) || !words[b]?.has(w)) continue;
      shared++;
      if (described[a]?.names.has(w) || described[b]?.names.has(w)) sharedNames++;
    }
    // Two stories of one day share "deal" and "announce" by chance; told with names, the same event shares who or where.
    const named = (described[a]?.names.size ?? 0) > 0 && (described[b]?.names.size ?? 0) > 0;
    if (shared >= opts.minSharedWords && (sharedNames > 0 || !named) && sameAction(described[a]!, described[b]!)) pairs.push({ a, b, shared });
  });
  // A total order (each pair once): the order the candidates came in does not matter.
  pairs.sort((x, y) => y.shared - x.shared || x.a - y.a || x.b - y.b);

  // Union-find over clusters; a cluster never holds two events of one article, and its dates must all agree.
  const cluster = events.map((_, i) => [i]);
  const owner = events.map((_, i) => i);
  // Kept as clusters join rather than gathered for every pair (a story told by hundreds of articles made that
  // quadratic): the articles each cluster cites, and one member per distinct date, which is all `agree` reads.
  const citing = events.map((e) => new Set(e.sources.map((s) => s.articleId)));
  const dated = events.map((e, i) => new Map([[dateSignature(e), i]]));
  for (const { a, b } of pairs) {
    const ca = owner[a] as number;
    const cb = owner[b] as number;
    if (ca === cb) continue;
    const [fewer, more] = citing[ca]!.size <= citing[cb]!.size ? [citing[ca]!, citing[cb]!] : [citing[cb]!, citing[ca]!];
    if (someIn(fewer, more)) continue;
    const rightDates = [...dated[cb]!.values()];
    if (![...dated[ca]!.values()].every((i) => rightDates.every((j) => agree(i, j)))) continue;
    const left = cluster[ca] as number[];
    for (const i of cluster[cb] as number[]) {
      left.push(i);
      owner[i] = ca;
    }
    cluster[cb] = [];
    for (const id of citing[cb]!) citing[ca]!.add(id);
    for (const [signature, i] of dated[cb]!) if (!dated[ca]!.has(signature)) dated[ca]!.set(signature, i);
  }

  const out: TimelineEvent[] = [];
  cluster.forEach((members, id) => {
    if (members.length === 0 || owner[members[0] as number] !== id) return;
    out.push(combine(members.map((i) => events[i] as TimelineEvent)));
  });
  return out;
}

/** Everything of an event's date that `spansAgree` reads: events alike in it agree with the same events. */
const dateSignature = (e: TimelineEvent): string => `${e.date} ${e.precision} ${e.end ?? ''} ${e.approximate}`;

function someIn<T>(items: Set<T>, set: Set<T>): boolean {
  for (const item of items) if (set.has(item)) return true;
  return false;
}

/** Years an event covers, for bucketing; a span over this many years goes in one wide bucket. */
const MAX_BUCKET_YEARS = 12;

/**
 * The pairs worth comparing, without comparing every pair: two events can merge only when their
 * dates overlap and they share a distinctive word near both dates, so each event goes in a bucket per
 * (year it covers, distinctive word near its date) and only events sharing a bucket are paired.
 * Events spanning more than `MAX_BUCKET_YEARS` (a wide range, a decade) share one bucket per word.
 * Each pair is visited once, lower index first; a pair sharing several buckets is told apart by a mark
 * per event rather than a set of every pair seen (a story retold by many articles fills a bucket, and
 * its pairs were most of a 100k merge).
 */
function forEachCandidatePair(
  spans: readonly (readonly [number, number])[],
  described: EventWords[],
  common: (w: string) => boolean,
  visit: (a: number, b: number) => void,
): void {
  // word → year (or 'wide') → events, in index order.
  const buckets = new Map<string, Map<string, number[]>>();
  const yearsOf: string[][] = [];
  const wordsOf: string[][] = [];
  spans.forEach(([from, to], i) => {
    yearsOf.push([]);
    wordsOf.push([]);
    if (Number.isNaN(from)) return;
    const first = fromDayNumber(from).year;
    const last = fromDayNumber(to).year;
    const years = last - first + 1 > MAX_BUCKET_YEARS ? ['wide'] : Array.from({ length: last - first + 1 }, (_, k) => String(first + k));
    yearsOf[i] = years;
    for (const word of described[i]?.nearDate ?? []) {
      if (common(word)) continue;
      wordsOf[i]!.push(word);
      const byYear = buckets.get(word) ?? new Map<string, number[]>();
      buckets.set(word, byYear);
      for (const year of years) {
        const bucket = byYear.get(year);
        if (bucket) bucket.push(i);
        else byYear.set(year, [i]);
      }
    }
  });
  // Wide events meet every year: they pair with each event holding the word in any year.
  const holding = new Map<string, number[]>();
  for (const [word, byYear] of buckets) holding.set(word, [...new Set([...byYear.values()].flat())]);
  const mark = new Int32Array(spans.length).fill(-1);
  const meet = (a: number, b: number): void => {
    if (b <= a || mark[b] === a) return;
    mark[b] = a;
    visit(a, b);
  };
  for (let a = 0; a < spans.length; a++) {
    const wide = yearsOf[a]![0] === 'wide';
    for (const word of wordsOf[a]!) {
      const byYear = buckets.get(word)!;
      for (const year of yearsOf[a]!) for (const b of byYear.get(year)!) meet(a, b);
      if (wide) for (const b of holding.get(word)!) meet(a, b);
      for (const b of byYear.get('wide') ?? []) meet(a, b);
    }
  }
}

/**
 * Whether two events, with their `eventInterval`s, can be the same: overlapping dates where one is approximate,
 * or a coarser date that holds the finer one ("this month" and "New Year's Day"),
 * or the very same date.
 */
function spansAgree(a: TimelineEvent, [a0, a1]: readonly [number, number], b: TimelineEvent, [b0, b1]: readonly [number, number]): boolean {
  if (!(a0 <= b1 && b0 <= a1)) return false;
  if (a.approximate || b.approximate) return true;
  if (a.date === b.date && a.precision === b.precision && a.end === b.end) return true;
  if (a.end || b.end || a.precision === b.precision) return false;
  const [outer0, outer1, inner0, inner1] =
    precisionRank(a.precision) < precisionRank(b.precision) ? [a0, a1, b0, b1] : [b0, b1, a0, a1];
  return outer0 <= inner0 && inner1 <= outer1;
}

/** One event for a cluster: the most precise telling's date and words, every telling's source. */
function combine(members: TimelineEvent[]): TimelineEvent {
  if (members.length === 1) return members[0] as TimelineEvent;
  const best = [...members].sort(
    (x, y) =>
      Number(x.approximate) - Number(y.approximate) ||
      Number(Boolean(x.end)) - Number(Boolean(y.end)) ||
      precisionRank(y.precision) - precisionRank(x.precision),
  )[0] as TimelineEvent;
  const others = members.filter((m) => m !== best).flatMap((m) => m.sources);
  others.sort((x, y) => x.articleId.localeCompare(y.articleId) || x.paragraph - y.paragraph);
  return { ...best, sources: [...best.sources, ...others] };
}
