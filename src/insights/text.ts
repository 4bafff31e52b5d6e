/** `npm run insights`: the summary as plain text for a terminal. */
import type { AskedQuestion, Insights } from './index.js';

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function questionLines(list: AskedQuestion[]): string[] {
  if (list.length === 0) return ['  (none)'];
  return list.map((q, i) => `  ${i + 1}. ${JSON.stringify(q.question)} — ${q.times}× by ${q.people} ${q.people === 1 ? 'person' : 'people'}`);
}

export function renderInsightsText(s: Insights): string {
  const t = s.totals;
  const lines = [
    `Query log, ${day(s.from)} to ${day(s.to)} (${s.days} day${s.days === 1 ? '' : 's'})`,
    `${t.queries} queries from ${t.people} ${t.people === 1 ? 'person' : 'people'}; ${t.questions} questions, ${t.nothingFound} answered "nothing in the articles"; votes: ${t.votesUp} 👍, ${t.votesDown} 👎`,
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
  if (s.skippedLines > 0) lines.push(`${s.skippedLines} line${s.skippedLines === 1 ? '' : 's'} of the log could not be read and were skipped.`);
  return lines.join('\n');
}
