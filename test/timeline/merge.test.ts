import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../src/timeline/index.js';
import { article, day } from './helpers.js';

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

describe('merging needs a shared name, not only shared words', () => {
  it('keeps apart two stories of one day that share common words but no one and nowhere', () => {
    const a = article('a', day('2021-03-10'), ['The ferry operator Baltline is set to announce the final terms of the deal later on Wednesday, its bankers said.']);
    const b = article('b', day('2021-03-10'), ['Harbour Airways announced the final terms of its deal for ten planes on Wednesday at the Oslo air show.']);
    expect(buildTimeline([a, b])).toHaveLength(2);
    const c = article('c', day('2021-03-10'), ['Baltline announced the final terms of its deal for two ferries on Wednesday in Oslo.']);
    expect(buildTimeline([a, c])).toHaveLength(1);
  });
});

describe('merging needs the same action, not only the same who, where and when', () => {
  it('keeps apart two different things done to the same people on the same day', () => {
    const a = article('a', day('2021-03-10'), ['Harbour police arrested four fishermen in Porthaven on Monday after the smuggling raid.']);
    const b = article('b', day('2021-03-10'), ['Harbour police released four fishermen in Porthaven on Monday after questioning over the smuggling raid.']);
    expect(buildTimeline([a, b])).toHaveLength(2);
  });

  it('merges the same action told as a verb and as a noun, or with a quotation after the date', () => {
    const a = article('a', day('2021-03-10'), ['Harbour police arrested four fishermen in Porthaven on Monday after the smuggling raid.']);
    const b = article('b', day('2021-03-10'), ['The arrest of four fishermen in Porthaven on Monday by harbour police followed a smuggling raid.']);
    expect(buildTimeline([a, b])).toHaveLength(1);
    const c = article('c', day('2021-03-10'), ['The mayor told the Porthaven harbour board on Monday: "We know the ferry deal is close."']);
    const d = article('d', day('2021-03-10'), ['The mayor faced questions at Monday’s meeting of the Porthaven harbour board.']);
    expect(buildTimeline([c, d])).toHaveLength(1);
  });

  it('does not count a wire dateline as words the events share', () => {
    const a = article('a', day('1998-04-04'), ['NEW YORK _ Ferry shares rallied sharply on Friday on news of a drop in fuel prices.']);
    const b = article('b', day('1998-04-04'), ['NEW YORK _ A harbour pilot was sentenced on Friday to ten years in prison for the collision.']);
    const events = buildTimeline([a, b]);
    expect(events).toHaveLength(2);
    expect(events.map((e) => e.text)).toEqual([
      'A harbour pilot was sentenced on Friday to ten years in prison for the collision.',
      'Ferry shares rallied sharply on Friday on news of a drop in fuel prices.',
    ]);
  });
});
