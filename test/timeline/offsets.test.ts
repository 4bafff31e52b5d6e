import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../src/timeline/index.js';
import { findOffsets, shifted } from '../../src/timeline/offsets.js';
import type { TimelineEvent } from '../../src/timeline/types.js';
import { article, day } from './helpers.js';

/** `date [when]` of each event of one made-up article, in date order. */
function dated(published: string, paragraphs: string[]): string[] {
  return buildTimeline([article('a', day(published), paragraphs)]).map(
    (e: TimelineEvent) => `${e.date}${e.end ? `..${e.end}` : ''}${e.approximate ? '~' : ''} [${e.when}]`,
  );
}

// 2021-03-03 was a Wednesday.
describe('a span counted from another date of the sentence', () => {
  it('moves the date it leads to ("three weeks before Christmas 2020")', () => {
    expect(dated('2021-03-03', ['Three weeks before Christmas 2020, the ferry company cut its winter timetable.'])).toEqual([
      '2020-12-04~ [Three weeks before Christmas 2020]',
    ]);
    expect(dated('2021-03-03', ['The harbour reopened the day after New Year’s Day 2021.'])).toEqual(['2021-01-02 [the day after New Year’s Day 2021]']);
  });

  it('reads "N weeks from" a date that follows, and only then', () => {
    expect(dated('2021-03-03', ['The pier reopens two weeks from today.'])).toEqual(['2021-03-17~ [two weeks from today]']);
    expect(dated('2021-03-03', ['The regatta is a week from Friday.'])).toEqual([]);
    expect(dated('2021-03-03', ['The keeper served ten years from his appointment in 1990.'])).toEqual(['1990 [1990]']);
  });

  it('reads "the eve of" as the day before', () => {
    expect(dated('2021-03-03', ['Protesters gathered on the eve of the 1 May 2020 holiday.'])).toEqual(['2020-04-30 [the eve of the 1 May 2020]']);
    expect(dated('2021-03-03', ['The ferry sank on the eve of Sunday’s regatta.'])).toEqual([]);
  });

  it('gives no date when the tense picked which Christmas or which Friday the span counts from', () => {
    expect(dated('2021-03-03', ['Three weeks before Christmas, the ferry company cut its winter timetable.'])).toEqual([]);
    expect(dated('2021-03-03', ['The pier closed two days before Friday.'])).toEqual([]);
  });

  it('dates what the span names, from the one date of the other clause', () => {
    expect(dated('2021-03-03', ['The harbourmaster resigned on Monday, two days after the vote.'])).toEqual([
      '2021-02-27~ [two days after]',
      '2021-03-01 [on Monday]',
    ]);
    expect(dated('2021-03-03', ['The pier was sold in 2019, four years after its closure.'])).toEqual(['2015 [four years after]', '2019 [2019]']);
  });

  it('dates the rest of the sentence from a date inside the span’s own clause', () => {
    expect(dated('2021-03-03', ['Two days before the keeper retired on 12 February 2021, the lamp failed.'])).toEqual([
      '2021-02-10~ [Two days before]',
      '2021-02-12 [on 12 February 2021]',
    ]);
  });

  it('gives the month or year a loose span still pins down, or nothing', () => {
    // 0–6 months before 1 March 2021 reaches back into 2020: no month or year holds it all.
    expect(dated('2021-03-03', ['The pier was sold on 1 March 2021, less than six months after the storm.'])).toEqual(['2021-03-01 [on 1 March 2021]']);
    expect(dated('2021-03-03', ['The pier was sold on 30 November 2020, less than six months after the storm.'])).toEqual([
      '2020 [less than six months after]',
      '2020-11-30 [on 30 November 2020]',
    ]);
    expect(dated('2021-03-03', ['The pier was sold in 2019, more than four years after its closure.'])).toEqual(['2019 [2019]']);
  });

  it('takes an unnumbered "weeks after" or "days before" as wide as such words go', () => {
    expect(dated('2021-03-03', ['Just days before the vote on 20 February 2021, the harbourmaster resigned.'])).toEqual([
      '2021-02 [Just days before]',
      '2021-02-20 [on 20 February 2021]',
    ]);
    // Weeks after mid-December run into the next year: no year holds them all.
    expect(dated('2021-03-03', ['Weeks after the storm on 14 December 2020, the pier was sold.'])).toEqual(['2020-12-14 [on 14 December 2020]']);
    expect(dated('2021-03-03', ['In the weeks after the storm on 14 June 2020, the pier was sold.'])).toEqual(['2020-06-14 [on 14 June 2020]']);
  });

  it('leaves a sentence that reports words or looks ahead as it is', () => {
    expect(dated('2021-03-03', ['The ferry firm said on Monday it would close the route two years after the merger.'])).toEqual([
      '2021-03-01 [on Monday]',
    ]);
    expect(dated('2021-03-03', ['The board will vote on 10 March 2021, two days after the hearing.'])).toEqual(['2021-03-10 [on 10 March 2021]']);
  });

  it('leaves a date or a span inside a relative clause, and a stretch of time, as they are', () => {
    expect(dated('2021-03-03', ['Mr Lund, who was elected in 2010, resigned two years after the scandal.'])).toEqual(['2010 [2010]']);
    expect(dated('2021-03-03', ['The keeper who retired two days after the storm on 12 February 2021 was thanked.'])).toEqual([
      '2021-02-12 [on 12 February 2021]',
    ]);
    expect(dated('2021-03-03', ['The pier has stayed shut for seven years after a storm in 2014.'])).toEqual(['2014 [2014]']);
    expect(dated('2021-03-03', ['The pier was sold in 2019, for more than four years after its closure.'])).toEqual(['2019 [2019]']);
  });

  it('needs a date in the sentence to count from', () => {
    expect(dated('2021-03-03', ['Three weeks before he retired, the keeper had been found asleep at his post.'])).toEqual([]);
  });
});

describe('findOffsets and shifted', () => {
  it('reads the count, the unit, the way and the qualifier', () => {
    expect(findOffsets('nearly two years after the war')).toMatchObject([{ start: 0, sign: 1, unit: 'year', least: 1, most: 2, loose: true }]);
    expect(findOffsets('It shut 10 days before the vote.')).toMatchObject([{ start: 8, sign: -1, unit: 'day', least: 10, most: 10 }]);
    expect(findOffsets('more than a week after')).toMatchObject([{ least: 1, most: null }]);
    expect(findOffsets('two days in March')).toEqual([]);
  });

  it('counts months on the calendar, not in 30-day steps', () => {
    const [span] = findOffsets('a month after it');
    const moved = span && shifted({ date: { year: 2021, month: 1, day: 31, precision: 'day' }, approximate: false }, span, 1);
    expect(moved).toEqual({ date: { year: 2021, month: 2, precision: 'month' }, approximate: false });
  });
});
