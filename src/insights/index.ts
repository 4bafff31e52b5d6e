/**
 * What moderators learn from the query log: over a period, the questions
 * asked most, the questions answered "nothing in the articles", and the
 * answers rated worst by 👎. Pure: log lines in, a summary out. User ids
 * never leave here raw — each is replaced by a salted hash, the same within
 * one summary, so "one person asked five times" still shows.
 */
import { createHash } from 'node:crypto';
import { object, oneOf, optional, nullable, readShape, string } from '../corpus/shape.js';

/** The commands whose `query` is a question in someone's words. */
export const QUESTION_COMMANDS: readonly string[] = ['ask', 'Find in the articles'];

/** The fields of a query log line read here; anything else on the line is ignored. */
const logLineShape = object({
  time: string(),
  queryId: optional(string()),
  command: string(),
  query: string(),
  user: nullable(string()),
  outcome: string(),
  feedback: optional(object({ rates: string(), vote: oneOf(['up', 'down']) })),
});

export interface LogLine {
  time: string;
  queryId?: string;
  command: string;
  query: string;
  user: string | null;
  outcome: string;
  feedback?: { rates: string; vote: 'up' | 'down' };
  at: number;
}

export interface ParsedLog {
  lines: LogLine[];
  /** Lines that are not a query log line (a torn write, another program's output): skipped, counted. */
  skipped: number;
}

/** One line of the query log; null when it is not a query log line, undefined when blank. */
export function parseLogLine(raw: string): LogLine | null | undefined {
  if (raw.trim() === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const { value, problems } = readShape(logLineShape, json);
  if (problems.length > 0) return null;
  const line = value as Omit<LogLine, 'at'>;
  const at = Date.parse(line.time);
  return Number.isNaN(at) ? null : { ...line, at };
}

/** Parses query log lines, in file order. */
export function parseQueryLog(lines: Iterable<string>): ParsedLog {
  const log: ParsedLog = { lines: [], skipped: 0 };
  for (const raw of lines) addLine(log, raw);
  return log;
}

export function addLine(log: ParsedLog, raw: string): void {
  const line = parseLogLine(raw);
  if (line === null) log.skipped++;
  else if (line) log.lines.push(line);
}

export interface InsightsOptions {
  /** The period: lines from `days` days before `now`. */
  days: number;
  now?: number;
  /** Entries per list. Default 10. */
  top?: number;
  /** Mixed into the user hashes; a fresh one per report makes hashes unlinkable across reports. */
  salt: string;
}

export interface AskedQuestion {
  /** The question as last typed. */
  question: string;
  times: number;
  /** How many different people asked it. */
  people: number;
}

export interface RatedAnswer {
  queryId: string;
  command: string;
  question: string;
  /** Hash of who asked. */
  askedBy: string | null;
  down: number;
  up: number;
  /** Hashes of who voted 👎. */
  downBy: string[];
}

export interface Insights {
  from: number;
  to: number;
  days: number;
  totals: { queries: number; questions: number; nothingFound: number; people: number; votesUp: number; votesDown: number };
  mostAsked: AskedQuestion[];
  nothingFound: AskedQuestion[];
  worstRated: RatedAnswer[];
  skippedLines: number;
}

/**
 * A line someone asked something with: a command, not a vote, a page turned,
 * an autocomplete keystroke (`quote:autocomplete`) or a refused packet (`interaction:…`).
 */
const isQuery = (line: LogLine): boolean => !line.feedback && line.command !== 'button' && !line.command.includes(':');

/** The same question typed differently: case, spacing and end punctuation ignored. */
export const questionKey = (text: string): string =>
  text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s?!.…]+$/u, '')
    .trim();

/** `1 query`, `2 queries`: a count with its noun, for the renderers. */
export const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export function hashUser(user: string, salt: string): string {
  return createHash('sha256').update(`${salt}\u0000${user}`).digest('hex').slice(0, 10);
}

function rankQuestions(lines: LogLine[], top: number): AskedQuestion[] {
  const groups = new Map<string, { question: string; times: number; people: Set<string | null> }>();
  for (const line of lines) {
    const key = questionKey(line.query);
    if (!key) continue;
    const group = groups.get(key) ?? { question: line.query, times: 0, people: new Set() };
    group.question = line.query.trim();
    group.times += 1;
    group.people.add(line.user);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => ({ question: g.question, times: g.times, people: g.people.size }))
    .sort((a, b) => b.times - a.times || b.people - a.people || a.question.localeCompare(b.question))
    .slice(0, top);
}

type Votes = Map<string, Map<string, 'up' | 'down'>>;

/**
 * Each person's vote per answer (query id): their last press on it. Votes
 * are those pressed in the period; the answer they rate may be older. A
 * press naming no answer in the log (a forged button) counts for nothing.
 */
function finalVotes(answers: ReadonlyMap<string, LogLine>, inPeriod: LogLine[]): Votes {
  const votes: Votes = new Map();
  for (const line of inPeriod) {
    if (!line.feedback || line.user === null || !answers.has(line.feedback.rates)) continue;
    const voters = votes.get(line.feedback.rates) ?? new Map<string, 'up' | 'down'>();
    voters.set(line.user, line.feedback.vote);
    votes.set(line.feedback.rates, voters);
  }
  return votes;
}

function rankRated(answers: ReadonlyMap<string, LogLine>, votes: Votes, top: number, hash: (user: string | null) => string | null): RatedAnswer[] {
  const rated: RatedAnswer[] = [];
  for (const [queryId, voters] of votes) {
    const answer = answers.get(queryId)!;
    const downBy = [...voters].filter(([, v]) => v === 'down').map(([u]) => hash(u) as string);
    if (downBy.length === 0) continue;
    rated.push({ queryId, command: answer.command, question: answer.query, askedBy: hash(answer.user), down: downBy.length, up: voters.size - downBy.length, downBy });
  }
  // Most net 👎 first; ties: more 👎, then the most recent answer (what a moderator can still act on), then a stable order.
  return rated
    .sort((a, b) => b.down - b.up - (a.down - a.up) || b.down - a.down || answers.get(b.queryId)!.at - answers.get(a.queryId)!.at || a.queryId.localeCompare(b.queryId))
    .slice(0, top);
}

export function summarise(log: ParsedLog, options: InsightsOptions): Insights {
  const to = options.now ?? Date.now();
  const from = to - options.days * 86_400_000;
  const top = options.top ?? 10;
  const hash = (user: string | null): string | null => (user === null ? null : hashUser(user, options.salt));
  const inPeriod = log.lines.filter((l) => l.at >= from && l.at <= to);
  const queries = inPeriod.filter(isQuery);
  const questions = queries.filter((l) => QUESTION_COMMANDS.includes(l.command) && (l.outcome === 'answered' || l.outcome === 'nothing-found'));
  const unanswered = questions.filter((l) => l.outcome === 'nothing-found');
  const answers = new Map<string, LogLine>();
  for (const line of log.lines) if (line.queryId && !line.feedback) answers.set(line.queryId, line);
  const votes = finalVotes(answers, inPeriod);
  const cast = [...votes.values()].flatMap((voters) => [...voters.values()]);
  return {
    from,
    to,
    days: options.days,
    totals: {
      queries: queries.length,
      questions: questions.length,
      nothingFound: unanswered.length,
      people: new Set(queries.map((l) => l.user)).size,
      votesUp: cast.filter((v) => v === 'up').length,
      votesDown: cast.filter((v) => v === 'down').length,
    },
    mostAsked: rankQuestions(questions, top),
    nothingFound: rankQuestions(unanswered, top),
    worstRated: rankRated(answers, votes, top, hash),
    skippedLines: log.skipped,
  };
}
