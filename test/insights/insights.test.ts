/** The query log summary, on made-up log lines. */
import { describe, expect, test } from 'vitest';
import { hashUser, parseQueryLog, questionKey, summarise } from '../../src/insights/index.js';
import { renderInsightsText } from '../../src/insights/text.js';

const NOW = Date.parse('2031-05-20T12:00:00Z');
const daysAgo = (d: number): string => new Date(NOW - d * 86_400_000).toISOString();

let n = 0;
function query(fields: { query: string; user: string; outcome?: string; command?: string; at?: number; id?: string }): string {
  return JSON.stringify({
    time: daysAgo(fields.at ?? 1),
    queryId: fields.id ?? `q${String(++n).padStart(11, '0')}`,
    command: fields.command ?? 'ask',
    query: fields.query,
    user: fields.user,
    guild: 'g',
    results: [],
    ms: 3,
    outcome: fields.outcome ?? 'answered',
  });
}
function vote(rates: string, user: string, v: 'up' | 'down', at = 1): string {
  return JSON.stringify({ time: daysAgo(at), queryId: `v${String(++n).padStart(11, '0')}`, command: 'feedback', query: '', user, guild: 'g', results: [], ms: 1, outcome: 'answered', feedback: { rates, vote: v } });
}

const options = { days: 7, now: NOW, salt: 'test-salt' };

describe('summarise', () => {
  test('ranks the questions asked most, the same question typed differently counted once', () => {
    const log = parseQueryLog([
      query({ query: 'Why did the ferry stop?', user: 'u1' }),
      query({ query: 'why did the  ferry stop', user: 'u2' }),
      query({ query: 'WHY DID THE FERRY STOP?!', user: 'u1' }),
      query({ query: 'who owns the bakery', user: 'u3' }),
      query({ query: 'Marta Quill', user: 'u3', command: 'quote' }),
      query({ query: 'Mar', user: 'u4', command: 'quote:autocomplete' }),
      query({ query: '', user: 'u4', command: 'button' }),
    ]);
    const s = summarise(log, options);
    expect(s.mostAsked).toEqual([
      { question: 'WHY DID THE FERRY STOP?!', times: 3, people: 2 },
      { question: 'who owns the bakery', times: 1, people: 1 },
    ]);
    expect(s.totals).toMatchObject({ queries: 5, questions: 4, people: 3 });
  });

  test('lists the questions answered "nothing in the articles"', () => {
    const log = parseQueryLog([
      query({ query: 'price of tea on the moon', user: 'u1', outcome: 'nothing-found' }),
      query({ query: 'price of tea on the moon', user: 'u2', outcome: 'nothing-found' }),
      query({ query: 'who owns the bakery', user: 'u3' }),
    ]);
    expect(summarise(log, options).nothingFound).toEqual([{ question: 'price of tea on the moon', times: 2, people: 2 }]);
  });

  test('keeps only the period asked for', () => {
    const log = parseQueryLog([query({ query: 'old question', user: 'u1', at: 30 }), query({ query: 'new question', user: 'u1', at: 2 })]);
    expect(summarise(log, options).mostAsked.map((q) => q.question)).toEqual(['new question']);
    expect(summarise(log, { ...options, days: 60 }).mostAsked).toHaveLength(2);
  });

  test('worst rated: each person’s last vote counts, forged ids count for nothing, users hashed', () => {
    const bad = 'qBADANSWER01';
    const good = 'qGOODANSWER1';
    const log = parseQueryLog([
      query({ query: 'when did the mill close', user: 'asker1', id: bad }),
      query({ query: 'who runs the harbour', user: 'asker2', id: good }),
      vote(bad, 'v1', 'down'),
      vote(bad, 'v2', 'up'),
      vote(bad, 'v2', 'down'), // changed their mind
      vote(bad, 'v3', 'up'),
      vote(good, 'v1', 'up'),
      vote(good, 'v2', 'down'),
      vote(good, 'v3', 'up'),
      vote('qNOSUCHQUERY', 'v1', 'down'),
    ]);
    const s = summarise(log, options);
    expect(s.worstRated.map((r) => [r.question, r.down, r.up])).toEqual([
      ['when did the mill close', 2, 1],
      ['who runs the harbour', 1, 2],
    ]);
    expect(s.worstRated[0]?.askedBy).toBe(hashUser('asker1', 'test-salt'));
    expect(s.worstRated[0]?.downBy).toEqual([hashUser('v1', 'test-salt'), hashUser('v2', 'test-salt')]);
    expect(s.totals).toMatchObject({ votesUp: 3, votesDown: 3 });
    const text = renderInsightsText(s);
    for (const raw of ['asker1', 'asker2', 'v1', 'v2', 'v3']) expect(text).not.toMatch(new RegExp(`\\b${raw}\\b`));
    expect(text).toContain('"when did the mill close" — 2 👎 / 1 👍');
  });

  test('worst rated: answers rated equally badly list the most recent first, whatever their ids', () => {
    const log = parseQueryLog([
      query({ query: 'older question', user: 'a', id: 'qAAAAAAAAAA1', at: 3 }),
      query({ query: 'newer question', user: 'b', id: 'qZZZZZZZZZZ9', at: 1 }),
      vote('qAAAAAAAAAA1', 'v1', 'down'),
      vote('qZZZZZZZZZZ9', 'v1', 'down'),
    ]);
    expect(summarise(log, options).worstRated.map((r) => r.question)).toEqual(['newer question', 'older question']);
  });

  test('a hash depends on the salt, so two reports cannot be linked', () => {
    expect(hashUser('someone', 'a')).not.toBe(hashUser('someone', 'b'));
    expect(hashUser('someone', 'a')).toBe(hashUser('someone', 'a'));
  });

  test('lines that are not query log lines are skipped and counted', () => {
    const log = parseQueryLog(['{"time":"2031-05-19T', 'not json', JSON.stringify({ hello: 1 }), '', query({ query: 'who owns the bakery', user: 'u1' })]);
    expect(log.skipped).toBe(3);
    expect(log.lines).toHaveLength(1);
    expect(renderInsightsText(summarise(log, options))).toContain('3 lines of the log could not be read and skipped');
  });

  test('questionKey ignores case, spacing and end punctuation only', () => {
    expect(questionKey('  Who  owns the Bakery?? ')).toBe('who owns the bakery');
    expect(questionKey('who owns the bakery')).not.toBe(questionKey('who owned the bakery'));
  });
});
