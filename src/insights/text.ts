/** `npm run insights`: the summary as plain text for a terminal. */
import { count } from './index.js';
import type { AskedQuestion, Insights } from './index.js';

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function questionLines(list: AskedQuestion[]): string[] {
  if (list.length === 0) return ['  (none)'];
  return list.map((q, i) => `  ${i + 1}. ${JSON.stringify(q.question)} — ${q.times}× by ${count(q.people, 'person', 'people')}`);
}

export function renderInsightsText(s: Insights): string {
  const t = s.totals;
  const lines = [
    `Query log, ${day(s.from)} to ${day(s.to)} (${count(s.days, 'day', 'days')})`,
    `${count(t.queries, 'query', 'queries')} from ${count(t.people, 'person', 'people')}; ${count(t.questions, 'question', 'questions')}, ${t.nothingFound} answered "nothing in the articles"; votes: ${t.votesUp} 👍, ${t.votesDown} 👎`,
    '',
    'Most asked:',
    ...questionLines(s.mostAsked),
    '',
    'Answered "nothing in the articles":',
    ...questionLines(s.nothingFound),
    '',
    'Worst rated (👎 / 👍):',
    ...(s.worstRated.length === 0
      ? ['  (none)']
      : s.worstRated.map(
          (r, i) => `  ${i + 1}. /${r.command} ${JSON.stringify(r.question)} — ${r.down} 👎 / ${r.up} 👍 · asked by ${r.askedBy ?? 'unknown'} · 👎 by ${r.downBy.join(', ')} · query ${r.queryId}`,
        )),
    '',
    'People are shown as hashes, new for every report.',
  ];
  if (s.skippedLines > 0) lines.push(`${count(s.skippedLines, 'line', 'lines')} of the log could not be read and skipped.`);
  return lines.join('\n');
}
