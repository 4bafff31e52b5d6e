import { describe, expect, it } from 'vitest';
import { buildTimeline, dateLabel } from '../../src/timeline/index.js';
import type { TimelineEvent } from '../../src/timeline/types.js';
import { article, day } from './helpers.js';

describe('dateLabel', () => {
  it('says a decade as a decade, a range with its end, and an approximate date as such', () => {
    expect(dateLabel({ date: '1950', precision: 'decade', approximate: false })).toBe('1950s');
    expect(dateLabel({ date: '1959', precision: 'year', end: '1970', approximate: false })).toBe('1959 – 1970');
    expect(dateLabel({ date: '2018', precision: 'year', approximate: true })).toBe('2018 (approx.)');
    expect(dateLabel({ date: '2018-01-09', precision: 'day', approximate: false })).toBe('2018-01-09');
  });
});

describe('an event says what happened, with the date phrase beside it', () => {
  const only = (published: string, text: string): TimelineEvent | undefined => buildTimeline([article('a', day(published), [text])])[0];

  it('labels an event with its statement, not with the date phrase', () => {
    const event = only('2021-03-01', 'The envoy signed the harbour accord on Friday.');
    expect(event?.label).toBe('The envoy signed the harbour accord on Friday');
    expect(event?.when).toBe('on Friday');
  });

  it('drops a leading date phrase and a trailing attribution', () => {
    expect(only('2021-03-01', 'On Friday, the envoy signed the harbour accord, officials said.')?.label).toBe('the envoy signed the harbour accord');
  });

  it('keeps only the statement of the sentence that holds the date', () => {
    expect(only('2021-03-01', 'The talks were long; the envoy signed the accord on Friday.')?.label).toBe('the envoy signed the accord on Friday');
  });

  it('cuts a long statement at a word, keeping the date in view', () => {
    const long = `The envoy, ${'after many rounds of talks with the harbour board and the unions, '.repeat(3)}signed the accord on Friday.`;
    const event = only('2021-03-01', long);
    expect(event?.label.length).toBeLessThanOrEqual(161);
    expect(event?.label).toContain('on Friday');
    expect(long).toContain(event?.label.replace(/…$/, '') ?? 'missing');
  });
});
