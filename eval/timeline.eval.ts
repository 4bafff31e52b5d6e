/**
 * `/timeline` against hand labels of every dated event in the seed articles
 * (`test/fixtures/timeline-labels.json`): coverage, date accuracy at each
 * claimed precision, order, and events taken from page furniture.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../src/corpus/load.js';
import { interval, parseDate, precisionRank } from '../src/timeline/dates.js';
import { buildTimeline, compareEvents } from '../src/timeline/index.js';
import { eventInterval } from '../src/timeline/merge.js';
import type { Article, DatePrecision, TimelineEvent } from '../src/types.js';
import type { EvalReport } from './report.js';
import { table } from './report.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface TimelineLabel {
  articleId: string;
  paragraph: number;
  date: string;
  precision: DatePrecision;
  end?: string;
  words: string;
  /** Labels with the same name are one event told by several articles. */
  event?: string;
  note?: string;
}

export async function readLabels(): Promise<TimelineLabel[]> {
  const raw = JSON.parse(await readFile(join(root, 'test/fixtures/timeline-labels.json'), 'utf8')) as { events: TimelineLabel[] };
  return raw.events;
}

function labelInterval(label: TimelineLabel): [number, number] {
  const start = parseDate(label.date, label.precision);
  if (!start) throw new Error(`timeline eval: bad label date ${label.date}`);
  const [from, to] = interval(start);
  const end = label.end ? parseDate(label.end, label.precision) : null;
  return [from, end ? interval(end)[1] : to];
}

/**
 * Whether an event's date is right for a label, to the precision the event claims:
 * a label at least as fine must fall inside what the event claims; a coarser label
 * must contain the event's date (or, for an approximate range, overlap it).
 */
export function dateIsRight(event: TimelineEvent, label: TimelineLabel): boolean {
  const [c0, c1] = eventInterval(event);
  const [l0, l1] = labelInterval(label);
  if (precisionRank(label.precision) >= precisionRank(event.precision)) return c0 <= l0 && l1 <= c1;
  if (event.end) return c0 <= l1 && l0 <= c1;
  return l0 <= c0 && c1 <= l1;
}

const wordsOf = (text: string): Set<string> => new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? []);

/** The event that tells a label's event: one citing its paragraph, best matching its words. */
export function matchLabel(events: TimelineEvent[], label: TimelineLabel): TimelineEvent | undefined {
  const wanted = wordsOf(label.words);
  let best: TimelineEvent | undefined;
  let bestScore = -1;
  for (const event of events) {
    if (!event.sources.some((s) => s.articleId === label.articleId && s.paragraph === label.paragraph)) continue;
    const have = wordsOf(event.text);
    const score = [...wanted].filter((w) => have.has(w)).length;
    if (score > bestScore) [best, bestScore] = [event, score];
  }
  return best;
}

/** Years on copyright lines of the raw seed files, by article. */
async function copyrightYears(articles: Article[]): Promise<Map<string, Set<number>>> {
  const years = new Map<string, Set<number>>();
  for (const article of articles) {
    const raw = await readFile(join(root, 'seeds', article.file), 'utf8');
    const set = new Set<number>();
    for (const m of raw.matchAll(/(?:copyright|©)[^\n]{0,80}?\b((?:19|20)\d\d)\b/gi)) set.add(Number(m[1]));
    years.set(article.articleId, set);
  }
  return years;
}

/** Events whose source is a caption, a paragraph not in the cleaned corpus, or dated with its page's copyright year. */
export function furnitureEvents(events: TimelineEvent[], articles: Article[], copyright: Map<string, Set<number>>): TimelineEvent[] {
  const paragraphs = new Map(articles.flatMap((a) => a.paragraphs.map((p) => [p.id, p] as const)));
  return events.filter((event) =>
    event.sources.some((s) => {
      const paragraph = paragraphs.get(s.paragraphId);
      if (!paragraph || paragraph.kind !== 'body') return true;
      return copyright.get(s.articleId)?.has(Number(event.date.slice(0, 4))) ?? false;
    }),
  );
}

export async function evaluate(): Promise<EvalReport> {
  const { articles } = await loadCorpus(join(root, 'seeds'));
  const labels = await readLabels();
  const events = buildTimeline(articles);

  const byPrecision = new Map<DatePrecision, { found: number; right: number }>();
  const missed: string[] = [];
  const wrong: string[] = [];
  const matched = new Set<TimelineEvent>();
  let found = 0;
  for (const label of labels) {
    const event = matchLabel(events, label);
    const where = `${label.articleId.slice(0, 3)}#${label.paragraph} ${label.date}`;
    if (!event) {
      missed.push(`${where} "${label.words}"`);
      continue;
    }
    found++;
    matched.add(event);
    const row = byPrecision.get(event.precision) ?? { found: 0, right: 0 };
    row.found++;
    if (dateIsRight(event, label)) row.right++;
    else wrong.push(`${where}: got ${event.date}${event.end ? `..${event.end}` : ''} (${event.precision})`);
    byPrecision.set(event.precision, row);
  }
  // Merging: labels of one event should share a timeline event; labels of different events should not.
  const eventOf = new Map<TimelineLabel, TimelineEvent | undefined>(labels.map((l) => [l, matchLabel(events, l)]));
  const groups = new Map<string, TimelineLabel[]>();
  for (const label of labels) if (label.event) groups.set(label.event, [...(groups.get(label.event) ?? []), label]);
  const mergedGroups = [...groups.values()].filter((g) => g.every((l) => eventOf.get(l) && eventOf.get(l) === eventOf.get(g[0] as TimelineLabel))).length;
  let wrongMerges = 0;
  labels.forEach((a, i) =>
    labels.slice(i + 1).forEach((b) => {
      const same = eventOf.get(a);
      if (same && same === eventOf.get(b) && a.articleId !== b.articleId && (!a.event || a.event !== b.event)) wrongMerges++;
    }),
  );
  const sorted = events.every((e, i) => i === 0 || compareEvents(events[i - 1] as TimelineEvent, e) <= 0);
  const furniture = furnitureEvents(events, articles, await copyrightYears(articles));
  const unlabelled = events.filter((e) => !matched.has(e));
  const coverage = labels.length === 0 ? 1 : found / labels.length;
  const rightAll = [...byPrecision.values()].reduce((n, r) => n + r.right, 0);

  const lines = [
    ...table(
      ['measure', 'value', 'goal'],
      [
        ['labelled events', labels.length, ''],
        ['found', `${found} (${(coverage * 100).toFixed(1)}%)`, '>= 90%'],
        ['found dates right', `${rightAll}/${found}`, 'all'],
        ['sorted', sorted ? 'yes' : 'NO', 'yes'],
        ['furniture events', furniture.length, '0'],
        ['same event across articles merged', `${mergedGroups}/${groups.size}`, ''],
        ['different events merged', wrongMerges, '0'],
        ['timeline events (merged)', events.length, ''],
        ['events matching no label', unlabelled.length, ''],
      ],
    ),
    '',
    ...table(
      ['claimed precision', 'found', 'right'],
      (['decade', 'year', 'month', 'day'] as DatePrecision[]).map((p) => [p, byPrecision.get(p)?.found ?? 0, byPrecision.get(p)?.right ?? 0]),
    ),
  ];
  if (missed.length > 0) lines.push('', 'missed:', ...missed.map((m) => `  ${m}`));
  if (wrong.length > 0) lines.push('', 'wrong dates:', ...wrong.map((m) => `  ${m}`));
  if (unlabelled.length > 0) lines.push('', 'unlabelled:', ...unlabelled.map((e) => `  ${e.date} ${e.sources[0]?.paragraphId ?? ''} "${e.label}"`));
  if (furniture.length > 0) lines.push('', 'furniture:', ...furniture.map((e) => `  ${e.date} ${e.sources[0]?.paragraphId ?? ''} "${e.label}"`));

  return {
    title: '/timeline events',
    lines,
    goalsMet: coverage >= 0.9 && wrong.length === 0 && sorted && furniture.length === 0 && wrongMerges === 0,
  };
}
