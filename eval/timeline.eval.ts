/**
 * `/timeline` on every labelled corpus of the registry (eval/corpora.ts), per
 * corpus and half: labelled events found with the right date, events with a
 * WRONG date (goal 0), events from page furniture (goal 0), order, merging.
 * Beside ours, a plain baseline on the same input: chrono-node over a naive
 * line split of the raw files, anchored on the publication date.
 *
 * A label is matched to the event of its article whose paragraph holds the
 * label's snippet, preferring an event whose date phrase lies inside the
 * snippet, then one whose sentence holds it, then the nearest. A date is right
 * when it agrees at the precision the event claims; an event more precise than
 * its label and not marked approximate (a made-up day) is wrong.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as chrono from 'chrono-node/en';
import { loadCorpus } from '../src/corpus/load.js';
import { interval, parseDate, precisionRank, publishedAsDate } from '../src/timeline/dates.js';
import { buildTimeline, compareEvents } from '../src/timeline/index.js';
import { eventInterval } from '../src/timeline/merge.js';
import type { Article, DatePrecision } from '../src/corpus/types.js';
import type { TimelineEvent } from '../src/timeline/types.js';
import type { EvalCorpus, Half, TimelineItem } from './corpora.js';
import { evalCorpora, inHalf, requestedHalves, splitKey } from './corpora.js';
import type { EvalReport } from './report.js';
import { table } from './report.js';

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** An event as the scorer sees it, whichever system made it. */
export interface ScoredEvent {
  event: Pick<TimelineEvent, 'date' | 'precision' | 'end' | 'approximate'>;
  file: string;
  /** The paragraph the event comes from, whitespace-squashed. */
  paragraph: string;
  /** Where the event's sentence and date phrase are in `paragraph` (-1 when not found). */
  sentenceAt: number;
  sentenceLength: number;
  phraseAt: number;
  phraseLength: number;
}

function scored(event: ScoredEvent['event'], file: string, paragraph: string, sentence: string, phrase: string): ScoredEvent {
  const p = squash(paragraph);
  const s = squash(sentence);
  const sentenceAt = p.indexOf(s);
  const inSentence = s.indexOf(squash(phrase));
  const phraseAt = sentenceAt >= 0 && inSentence >= 0 ? sentenceAt + inSentence : p.indexOf(squash(phrase));
  return { event, file, paragraph: p, sentenceAt, sentenceLength: s.length, phraseAt, phraseLength: squash(phrase).length };
}

/** The date phrase of one of our events: `when` once events carry it, the label before. */
const phraseOf = (event: TimelineEvent): string => (event as { when?: string }).when ?? event.label;

function ourEvents(events: TimelineEvent[], articles: Article[]): ScoredEvent[] {
  const paragraphs = new Map(articles.flatMap((a) => a.paragraphs.map((p) => [p.id, { file: a.file, text: p.text }] as const)));
  return events.flatMap((event) =>
    event.sources.flatMap((source) => {
      const paragraph = paragraphs.get(source.paragraphId);
      return paragraph ? [scored(event, paragraph.file, paragraph.text, event.text, phraseOf(event))] : [];
    }),
  );
}

/** The plain baseline: every chrono-node date in each raw line, against the publication date. */
async function baselineEvents(corpus: EvalCorpus, articles: Article[]): Promise<ScoredEvent[]> {
  const out: ScoredEvent[] = [];
  for (const article of articles) {
    const raw = await readFile(join(corpus.seedsDir, article.file), 'utf8');
    const published = publishedAsDate(article.publishedDate);
    const reference = published ? new Date(Date.UTC(published.year, (published.month ?? 1) - 1, published.day ?? 1, 12)) : undefined;
    for (const line of raw.split(/\n+/)) {
      if (!line.trim()) continue;
      for (const result of chrono.parse(line, reference)) {
        const start = result.start;
        if (!reference && !start.isCertain('year')) continue;
        const precision: DatePrecision =
          start.isCertain('day') || start.isCertain('weekday') ? 'day' : start.isCertain('month') ? 'month' : start.isCertain('year') ? 'year' : 'day';
        const year = start.get('year') ?? 0;
        const pad = (n: number | null): string => String(n ?? 1).padStart(2, '0');
        const date = precision === 'year' ? String(year) : precision === 'month' ? `${year}-${pad(start.get('month'))}` : `${year}-${pad(start.get('month'))}-${pad(start.get('day'))}`;
        out.push(scored({ date, precision, approximate: false }, article.file, line, line, result.text));
      }
    }
  }
  return out;
}

function labelInterval(item: TimelineItem): [number, number] {
  const start = parseDate(item.date, item.precision);
  if (!start) throw new Error(`timeline eval: bad label date ${item.date}`);
  const [from, to] = interval(start);
  const end = item.end ? parseDate(item.end, item.precision) : null;
  return [from, end ? interval(end)[1] : to];
}

const labelPrecision = (item: TimelineItem): DatePrecision => item.precision ?? parseDate(item.date)?.precision ?? 'day';

/**
 * Whether an event's date is right for a label, to the precision the event claims: a label
 * at least as fine must fall inside what the event claims; a coarser label must contain the
 * event's date (or overlap it, for a range) and the event must say it is approximate.
 */
export function dateIsRight(event: ScoredEvent['event'], item: TimelineItem): boolean {
  const [c0, c1] = eventInterval(event as TimelineEvent);
  const [l0, l1] = labelInterval(item);
  if (precisionRank(labelPrecision(item)) >= precisionRank(event.precision)) return c0 <= l0 && l1 <= c1;
  if (!event.approximate) return false;
  if (event.end) return c0 <= l1 && l0 <= c1;
  return l0 <= c0 && c1 <= l1;
}

/** Straight quotes and squashed spaces, so a label typed with "'" finds a page printed with "’". */
const plain = (s: string): string => squash(s).replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
const wordsOf = (s: string): string[] => plain(s).toLowerCase().match(/[a-z0-9']+/g) ?? [];
const holdsWords = (text: string, words: string[]): boolean => {
  const have = new Set(wordsOf(text));
  return words.every((w) => have.has(w));
};

/**
 * The event that tells a labelled event (see the header), or undefined. A snippet that is not
 * verbatim in the page (some seed labels abridge) matches a paragraph holding all its words.
 */
export function matchItem(events: ScoredEvent[], item: TimelineItem): ScoredEvent | undefined {
  const snippet = plain(item.snippet);
  const words = wordsOf(item.snippet);
  const candidates = events
    .filter((e) => e.file === item.article && (plain(e.paragraph).includes(snippet) || holdsWords(e.paragraph, words)))
    .map((e) => {
      const at = plain(e.paragraph).indexOf(snippet);
      const sentence = e.sentenceAt >= 0 ? e.paragraph.slice(e.sentenceAt, e.sentenceAt + e.sentenceLength) : '';
      const overlaps = at >= 0 && e.phraseAt >= 0 && e.phraseAt < at + snippet.length && at < e.phraseAt + e.phraseLength;
      const inSentence = plain(sentence).includes(snippet) || holdsWords(sentence, words);
      const distance = e.phraseAt < 0 || at < 0 ? Infinity : Math.abs(e.phraseAt - at);
      return { e, rank: [overlaps ? 0 : 1, inSentence ? 0 : 1, distance] as const };
    });
  candidates.sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.rank[2] - b.rank[2]);
  return candidates[0]?.e;
}

interface Score {
  labelled: number;
  right: number;
  wrong: string[];
  missed: string[];
}

function score(events: ScoredEvent[], items: TimelineItem[]): Score {
  const out: Score = { labelled: items.length, right: 0, wrong: [], missed: [] };
  for (const item of items) {
    const where = `${item.article.slice(0, 3)} ${item.date}${item.forward ? ' fwd' : ''} "${item.snippet}"`;
    const match = matchItem(events, item);
    if (!match) out.missed.push(where);
    else if (dateIsRight(match.event, item)) out.right++;
    else out.wrong.push(`${where}: got ${match.event.date}${match.event.end ? `..${match.event.end}` : ''} ${match.event.precision}${match.event.approximate ? ' ~' : ''}`);
  }
  return out;
}

/**
 * Whether an event comes from page furniture: from a block labelled furniture, from outside the
 * labelled body of its page, or (pages without body labels) from a copyright line, dated with its year.
 */
type FurnitureTest = (event: ScoredEvent) => boolean;

async function furnitureTest(corpus: EvalCorpus, articles: Article[]): Promise<FurnitureTest> {
  const { body = [], furniture_inside: inside = [] } = corpus.labels;
  // A label snippet lies in one block of the page (blank-line separated), as the corpora's READMEs say.
  const blocks = new Map<string, string[]>();
  for (const article of articles) {
    const raw = await readFile(join(corpus.seedsDir, article.file), 'utf8');
    blocks.set(article.file, raw.split(/\n\s*\n/).map(squash).filter(Boolean));
  }
  return ({ file, paragraph, event }) => {
    const probe = paragraph.slice(0, 60);
    if (inside.some((f) => f.article === file && (squash(f.text).includes(probe) || paragraph.includes(squash(f.text))))) return true;
    const span = body.find((b) => b.article === file);
    // Without body labels only a copyright line dated with its own year is known furniture.
    if (!span) return new RegExp(`(?:copyright|©).{0,80}?\\b${event.date.slice(0, 4)}\\b`, 'i').test(paragraph);
    const list = blocks.get(file) ?? [];
    const first = list.findIndex((b) => b.includes(squash(span.first)));
    const last = list.findIndex((b) => b.includes(squash(span.last)));
    const holding = list.flatMap((b, i) => (b.includes(probe) || probe.includes(b.slice(0, 60)) ? [i] : []));
    if (first < 0 || last < 0 || holding.length === 0) return false;
    return holding.every((i) => i < first || i > last);
  };
}

const describe = (e: ScoredEvent): string => `${e.file.slice(0, 3)} ${e.event.date} "${e.paragraph.slice(0, 70)}"`;

/** Labelled events of one event name should share a timeline event; events of different names should not. */
function merging(events: TimelineEvent[], articles: Article[], items: TimelineItem[]): { merged: number; groups: number; wrong: number } {
  const ofEvent = new Map<ScoredEvent, TimelineEvent>();
  const flat = events.flatMap((event) => {
    const s = ourEvents([event], articles);
    s.forEach((x) => ofEvent.set(x, event));
    return s;
  });
  const eventOf = new Map(items.map((i) => [i, ofEvent.get(matchItem(flat, i) as ScoredEvent)] as const));
  const groups = new Map<string, TimelineItem[]>();
  for (const item of items) if (item.event) groups.set(item.event, [...(groups.get(item.event) ?? []), item]);
  const merged = [...groups.values()].filter((g) => g.every((i) => eventOf.get(i) && eventOf.get(i) === eventOf.get(g[0] as TimelineItem))).length;
  let wrong = 0;
  items.forEach((a, i) =>
    items.slice(i + 1).forEach((b) => {
      const same = eventOf.get(a);
      if (same && same === eventOf.get(b) && a.article !== b.article && (!a.event || a.event !== b.event)) wrong++;
    }),
  );
  return { merged, groups: groups.size, wrong };
}

const pct = (n: number, d: number): string => (d === 0 ? '-' : `${n}/${d} (${((n / d) * 100).toFixed(1)}%)`);

export async function evaluate(): Promise<EvalReport> {
  const halves: (Half | 'all')[] = requestedHalves();
  const rows: (string | number)[][] = [];
  const furnitureRows: (string | number)[][] = [];
  const details: string[] = [];
  let goalsMet = true;
  for (const corpus of await evalCorpora()) {
    const { articles } = await loadCorpus(corpus.seedsDir);
    if (articles.length === 0) {
      // Not the timeline's failure (e.g. a page format the loader does not read yet): shown, not scored.
      rows.push([corpus.name, '-', corpus.labels.timeline.length, 'no articles loaded', '', '', '']);
      continue;
    }
    const events = buildTimeline(articles);
    const ours = ourEvents(events, articles);
    const baseline = await baselineEvents(corpus, articles);
    for (const half of halves) {
      const items = inHalf(corpus.labels.timeline, splitKey.timeline, half);
      if (items.length === 0) continue;
      const [a, b] = [score(ours, items), score(baseline, items)];
      rows.push([corpus.name, half, items.length, pct(a.right, a.labelled), pct(b.right, b.labelled), a.wrong.length, b.wrong.length]);
      goalsMet &&= a.right >= 0.9 * a.labelled && a.wrong.length === 0;
      // Only the dev half is shown item by item: rules are chosen on it, never on the test half.
      if (half !== 'test' && (a.wrong.length > 0 || a.missed.length > 0)) {
        details.push('', `${corpus.name} ${half}:`, ...a.wrong.map((w) => `  WRONG ${w}`), ...a.missed.map((m) => `  missed ${m}`));
      }
    }
    const isFurniture = await furnitureTest(corpus, articles);
    const notBody = new Set(articles.flatMap((a) => a.paragraphs.filter((p) => p.kind !== 'body').map((p) => squash(p.text))));
    const furnOurs = ours.filter((e) => notBody.has(e.paragraph) || isFurniture(e)).map(describe);
    const furnBase = baseline.filter(isFurniture);
    const sorted = events.every((e, i) => i === 0 || compareEvents(events[i - 1] as TimelineEvent, e) <= 0);
    const merge = merging(events, articles, corpus.labels.timeline);
    const unlabelled = corpus.labels.body?.length ? '' : ' (no body labels)';
    furnitureRows.push([`${corpus.name}${unlabelled}`, `${furnOurs.length} of ${events.length}`, `${furnBase.length} of ${baseline.length}`, sorted ? 'yes' : 'NO', `${merge.merged}/${merge.groups}`, merge.wrong]);
    goalsMet &&= furnOurs.length === 0 && sorted && merge.wrong === 0;
    if (furnOurs.length > 0) details.push('', `${corpus.name} furniture events:`, ...furnOurs.map((f) => `  ${f}`));
  }
  const lines = [
    ...table(['corpus', 'half', 'labelled', 'right date (ours)', 'right date (baseline)', 'WRONG date (ours)', 'WRONG date (baseline)'], rows),
    '',
    ...table(['corpus', 'furniture events (ours)', 'furniture events (baseline)', 'sorted', 'same event merged', 'different events merged'], furnitureRows),
    '',
    'Goals: right date >= 90% and 0 wrong dates on every half; 0 furniture events; sorted; 0 different events merged.',
    'Baseline: chrono-node over a naive line split of the raw files, anchored on the publication date.',
    ...details,
  ];
  return { title: '/timeline events', lines, goalsMet };
}
