import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../src/timeline/index.js';
import { article } from './helpers.js';

describe('merging compares only events that share a year and a word near the date', () => {
  it('merges the same long range told by two articles', () => {
    const events = buildTimeline([
      article('a', null, ['Between 1931 and 1975 the harbour railway carried coal to the smelter.']),
      article('b', null, ['The harbour railway carried coal to the smelter from 1931 to 1975.']),
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]?.sources.map((s) => s.paragraphId)).toEqual(['a#1', 'b#1']);
  });

  it('does not merge the same words told of different years', () => {
    const events = buildTimeline([
      article('a', null, ['The harbour railway carried coal to the smelter in 1931.']),
      article('b', null, ['The harbour railway carried coal to the smelter in 1975.']),
    ]);
    expect(events).toHaveLength(2);
  });

  it('merges a year with a month inside it, one event among many unrelated ones', () => {
    const filler = Array.from({ length: 60 }, (_, i) => `Shipyard number ${i} launched a trawler in ${1900 + i}.`);
    const events = buildTimeline([
      article('a', null, ['The lighthouse keeper retired from the northern cape in 1988.', ...filler]),
      article('b', null, ['The old lighthouse keeper retired from the northern cape in March 1988.']),
    ]);
    const keeper = events.filter((e) => e.text.includes('lighthouse'));
    expect(keeper).toHaveLength(1);
    expect(keeper[0]?.date).toBe('1988-03');
    expect(events).toHaveLength(61);
  });
});
