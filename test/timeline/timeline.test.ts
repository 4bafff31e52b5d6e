import { describe, expect, it } from 'vitest';
import { buildTimeline, filterTimeline } from '../../src/timeline/index.js';
import type { TimelineEvent } from '../../src/timeline/types.js';
import { article, day, month } from './helpers.js';

const brief = (events: TimelineEvent[]): string[] =>
  events.map((e) => `${e.date}${e.end ? `..${e.end}` : ''} ${e.precision}${e.approximate ? ' ~' : ''} [${e.when}]`);

describe('buildTimeline finds each kind of expression', () => {
  it('dates an absolute date, a year, a decade, an early decade and a range', () => {
    const events = buildTimeline([
      article('a', day('2018-01-28'), [
        'Protesters marched in Lahore on January 5, 2018.',
        'The border operation began in 2014.',
        'During the 1980s, the two countries co-operated closely.',
        'The two have been allies since the early 1950s.',
        'Between 1959 and 1970, Pakistan provided a base near Peshawar.',
      ]),
    ]);
    expect(brief(events)).toEqual([
      '1950 decade [the early 1950s]',
      '1959..1970 year [Between 1959 and 1970]',
      '1980 decade [the 1980s]',
      '2014 year [2014]',
      '2018-01-05 day [on January 5, 2018]',
    ]);
  });

  it('takes a year wink-nlp reads as a plain number when a name follows it', () => {
    const events = buildTimeline([article('a', null, ['Pakistan blocked Nato supplies in the aftermath of 2011 Salala attack.'])]);
    expect(brief(events)).toEqual(['2011 year [2011]']);
  });

  it("dates a named day such as New Year's Day from the publication year", () => {
    const events = buildTimeline([article('a', day('2018-01-09'), ['Relations soured after Trump’s New Year’s Day tweet about Pakistan.'])]);
    expect(brief(events)).toEqual(['2018-01-01 day [New Year’s Day]']);
  });

  it('resolves each kind of relative expression against the publication date', () => {
    const events = buildTimeline([
      article('a', day('2018-01-09'), [
        'The defence minister announced the suspension on Tuesday.',
        'The Pentagon on Monday said the aid would stay frozen.',
        'Asif gave an interview to a newspaper earlier this week.',
        'The finance ministry said this month that reserves had fallen.',
        'Last year, he rallied officials from China and Russia.',
        'The training programme was frozen two years ago.',
        'The foreign office today said it was engaged with America.',
      ]),
    ]);
    expect(brief(events)).toEqual([
      '2016 year ~ [two years ago]',
      '2017 year [Last year]',
      '2018-01 month [this month]',
      '2018-01-03..2018-01-08 day ~ [earlier this week]',
      '2018-01-08 day [on Monday]',
      '2018-01-09 day [on Tuesday]',
      '2018-01-09 day [today]',
    ]);
  });
});

describe('buildTimeline with imprecise publication dates', () => {
  const paragraphs = [
    'The defence minister announced the suspension on Tuesday.',
    'Officials met the envoy earlier this week.',
    'The army chief spoke yesterday about the row.',
    'The embassy was opened in 1961.',
  ];

  it('never invents a day for an article with no publication date', () => {
    const events = buildTimeline([article('a', null, paragraphs)]);
    expect(brief(events)).toEqual(['1961 year [1961]']);
  });

  it('keeps relative dates at month precision, approximate, for a month-only publication date', () => {
    const events = buildTimeline([article('a', month('2018-01'), paragraphs)]);
    expect(brief(events)).toEqual([
      '1961 year [1961]',
      '2018-01 month ~ [earlier this week]',
      '2018-01 month ~ [yesterday]',
      '2018-01 month ~ [on Tuesday]',
    ]);
    expect(events.every((e) => e.precision !== 'day')).toBe(true);
  });
});

describe('buildTimeline leaves out what is not an event', () => {
  it('ignores dates in photo captions', () => {
    const events = buildTimeline([
      article('a', day('2018-01-09'), [
        { kind: 'caption', text: 'Demonstrators burn images during a protest in Lahore on January 5, 2018.' },
        'The minister spoke in 2014.',
      ]),
    ]);
    expect(brief(events)).toEqual(['2014 year [2014]']);
  });

  it('ignores a copyright year that reaches it', () => {
    const events = buildTimeline([article('a', day('2018-01-28'), ['Copyright The Financial Times Limited 2019. All rights reserved.'])]);
    expect(events).toEqual([]);
  });

  it('does not take ages and durations for events', () => {
    const events = buildTimeline([
      article('a', day('2018-01-28'), [
        'The row is one of the biggest rifts in the 70-year alliance.',
        'We have bought some Russian helicopters in the past three years.',
        'Pakistan had taken $33bn of US aid over 15 years.',
        'The war has cost over USD 120 billion in 15 years.',
      ]),
    ]);
    expect(events).toEqual([]);
  });

  it('does not anchor a relative word inside a quotation to the publication date', () => {
    const events = buildTimeline([article('a', day('2020-01-05'), ['"General Bajwa and I spoke today about the strike," Pompeo had tweeted.'])]);
    expect(events).toEqual([]);
  });

  it('reads "a year ago today" as the anniversary: the day of writing is not the day it happened', () => {
    const events = buildTimeline([
      article('a', day('2005-02-15'), ['The harbourmaster resigned a year ago today.', 'Ten years ago this week, the pier burned down.']),
    ]);
    expect(brief(events)).toEqual(['1995 year ~ [Ten years ago]', '2004 year ~ [a year ago]']);
  });

  it('does not anchor a relative word in an embedded social-media post to the publication date', () => {
    const events = buildTimeline([
      article('a', day('2020-01-05'), [
        'Met the harbour board today. Great progress on the ferry deal. pic.twitter.com/Xy12AbC',
        'Signed the pier lease on 3 January 2020 with the council. https://t.co/Qw34ErT',
        'The mayor met the harbour board today.',
      ]),
    ]);
    expect(brief(events)).toEqual(['2020-01-03 day [on 3 January 2020]', '2020-01-05 day [today]']);
    expect(events[1]?.sources[0]?.paragraph).toBe(3);
  });
});

describe('buildTimeline output', () => {
  it('keeps the sentence verbatim and cites title, outlet, publication date and paragraph', () => {
    const [event] = buildTimeline([
      article('a', day('2018-01-09'), ['First paragraph.', 'ISLAMABAD - Pakistan suspended cooperation on Tuesday. Then it said more.']),
    ]);
    expect(event?.text).toBe('Pakistan suspended cooperation on Tuesday.');
    expect(event?.sources).toEqual([
      { articleId: 'a', title: 'Title of a', outlet: 'Test Outlet', published: '2018-01-09', paragraph: 2, paragraphId: 'a#2', url: null },
    ]);
  });

  it('drops a dateline or a leading connective, verbatim, but never the date itself', () => {
    const events = buildTimeline([
      article('a', day('2018-01-05'), [
        'Meanwhile, Pakistan Foreign Office today said it is engaged with America.',
        'But a conflict of interest emerged after the 11 September 2001 attack on the US.',
        'Meanwhile, yesterday was quiet.',
      ]),
    ]);
    expect(events.map((e) => e.text)).toEqual([
      'But a conflict of interest emerged after the 11 September 2001 attack on the US.',
      'Meanwhile, yesterday was quiet.',
      'Pakistan Foreign Office today said it is engaged with America.',
    ]);
  });

  it('merges the same event told by two articles into one event citing both', () => {
    const events = buildTimeline([
      article('a', day('2018-01-09'), ['"This is not how allies behave," Asif had said in an interview with the Wall Street Journal earlier this week.']),
      article('b', day('2018-01-05'), ['"We do not have any alliance with the United States," Asif told Wall Street Journal in an interview today.']),
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]?.date).toBe('2018-01-05');
    expect(events[0]?.approximate).toBe(false);
    expect(events[0]?.sources.map((s) => s.paragraphId)).toEqual(['b#1', 'a#1']);
  });

  it('merges a month-precise telling into a day-precise one inside that month', () => {
    const events = buildTimeline([
      article('a', day('2018-01-28'), ['Earlier this month Mr Trump tweeted that Pakistan had given back “nothing but lies and deceit”.']),
      article('b', month('2018-01'), ['Relations have been tense since President Donald Trump’s New Year’s Day tweet, where he accused Pakistan of “lies and deceit”.']),
    ]);
    expect(brief(events)).toEqual(['2018-01-01 day [New Year’s Day]']);
    expect(events[0]?.sources.map((s) => s.paragraphId)).toEqual(['b#1', 'a#1']);
  });

  it('does not merge when the shared words are not what the date is about', () => {
    const events = buildTimeline([
      article('a', day('2018-01-28'), ['Earlier this month Mr Trump tweeted that Pakistan had given back “nothing but lies and deceit” for aid.']),
      article('b', day('2018-01-09'), [
        'Pakistan suspended cooperation after Trump’s threats that it had given “nothing but lies and deceit” for aid, the minister said at a seminar in Islamabad on Tuesday.',
      ]),
    ]);
    expect(brief(events)).toEqual(['2018-01 month [Earlier this month]', '2018-01-09 day [on Tuesday]']);
  });

  it('does not merge different events on the same date', () => {
    const events = buildTimeline([
      article('a', null, ['The embassy in Kabul was opened in 2001.']),
      article('b', null, ['After Pakistan joined the war on terror in 2001, militant groups turned on Islamabad.']),
    ]);
    expect(events).toHaveLength(2);
  });

  it('sorts by date, a coarser date before a finer one on the same day, then by text', () => {
    const events = buildTimeline([
      article('a', day('2018-01-09'), ['Zeta happened on January 1, 2018.', 'Beta happened in 2018.', 'Alpha happened on January 1, 2018.', 'Old news from the 1990s.']),
    ]);
    expect(events.map((e) => e.text)).toEqual([
      'Old news from the 1990s.',
      'Beta happened in 2018.',
      'Alpha happened on January 1, 2018.',
      'Zeta happened on January 1, 2018.',
    ]);
  });
});

describe('filterTimeline', () => {
  const events = buildTimeline([
    article('a', null, ['Allies since the early 1950s.', 'A base near Peshawar between 1959 and 1970.', 'An operation in 2014.', 'A raid in 2007.']),
  ]);

  it('keeps events that overlap the years from–to, inclusive', () => {
    expect(filterTimeline(events, { from: 1955, to: 1960 }).map((e) => e.when)).toEqual(['the early 1950s', 'between 1959 and 1970']);
    expect(filterTimeline(events, { from: 2007, to: 2007 }).map((e) => e.when)).toEqual(['2007']);
    expect(filterTimeline(events, { from: 2008 }).map((e) => e.when)).toEqual(['2014']);
  });

  it('keeps events with a source among the given paragraph ids', () => {
    expect(filterTimeline(events, { paragraphIds: new Set(['a#3']) }).map((e) => e.when)).toEqual(['2014']);
    expect(filterTimeline(events, { paragraphIds: new Set() })).toEqual([]);
  });
});
