/** What "Find in the articles" searches for in a message, and how it merges: made-up messages and passages. */
import { describe, expect, test } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import type { QuerySummary } from '../../src/logging.js';
import { MESSAGE_AS_TYPED, MESSAGE_PARTS, findInMessage, messageParts, messageText } from '../../src/queries/find.js';
import type { Passage } from '../../src/search/types.js';

describe('messageText', () => {
  test('drops mentions, custom emoji, timestamps, links and formatting marks', () => {
    expect(messageText('<@!111111111111111111> **the ferry** stopped <:sad:222222222222222222> on <t:1700000000:D> https://x.test/a ~~again~~ <#333333333333333333>')).toBe(
      'the ferry stopped on again',
    );
  });
});

describe('messageParts', () => {
  test('a short message is searched as typed', () => {
    expect(messageParts('Did the harbour board really close the ferry?')).toEqual(['Did the harbour board really close the ferry?']);
  });

  test('a long message is searched in runs of whole sentences, none longer than /ask allows', () => {
    const chatter = 'I read about this over the weekend and I am not sure what to believe. ';
    const long = `${chatter.repeat(4)}Someone said the harbour board closed the ferry because it lost money. Is that true?`;
    expect(long.length).toBeGreaterThan(MESSAGE_AS_TYPED);
    const parts = messageParts(long);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(MESSAGE_AS_TYPED);
    expect(parts.some((p) => p.includes('Someone said the harbour board closed the ferry because it lost money.'))).toBe(true);
    expect(parts.join(' ')).toBe(messageText(long));
  });

  test('a sentence longer than the limit is cut, and at most MESSAGE_PARTS parts are read', () => {
    const parts = messageParts(`${'ferry '.repeat(100)}. ${'Another claim about the harbour board and its ferry accounts. '.repeat(60)}`);
    expect(parts[0]?.length).toBe(MESSAGE_AS_TYPED);
    expect(parts).toHaveLength(MESSAGE_PARTS);
  });

  test('a message of markup only has nothing to search for', () => {
    expect(messageParts('<@111111111111111111> https://x.test/pic.png **')).toEqual([]);
  });
});

describe('findInMessage', () => {
  const passage = (id: string, score: number): Passage => ({
    articleId: 'a',
    title: 'The ferry',
    outlet: 'Harbour News',
    published: '2030-01-01',
    url: null,
    paragraphId: id,
    paragraph: 1,
    text: 'The ferry stopped.',
    quote: 'The ferry stopped.',
    score,
  });

  test('merges the answers of every part: each passage once, at its best score, best first; reported once', () => {
    const found: Record<string, Passage[]> = { ferry: [passage('a#1', 0.5), passage('a#2', 0.9)], board: [passage('a#1', 0.8)] };
    const engine = { ask: (part: string) => ({ query: part, answers: found[Object.keys(found).find((k) => part.includes(k)) ?? ''] ?? [] }) } as unknown as Engine;
    const reports: QuerySummary[] = [];
    const chatter = 'Nothing much to say here at all today, really nothing at all. ';
    const result = findInMessage({ engine, report: (s) => reports.push(s) }, `${chatter.repeat(5)} The ferry? ${chatter.repeat(5)} The board.`, 5);
    expect(result.answers.map((a) => [a.paragraphId, a.score])).toEqual([
      ['a#2', 0.9],
      ['a#1', 0.8],
    ]);
    expect(reports).toEqual([{ results: [{ id: 'a#2', score: 0.9 }, { id: 'a#1', score: 0.8 }], outcome: 'answered' }]);
  });
});
