import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../src/timeline/index.js';
import { article, day } from './helpers.js';

const whens = (paragraphs: string[]): string[] => buildTimeline([article('a', day('2022-06-13'), paragraphs)]).map((e) => e.when);

describe('only sentences of the story make events', () => {
  it('makes no event from a date with no sentence around it', () => {
    expect(whens(['Related Stories MAY. 3, 2016', 'Ferry operators cut fares as demand slumps Posted: 4 Feb 2021', 'Monday Briefing'])).toEqual([]);
  });

  it('makes no event from a page stamp', () => {
    expect(whens(['Updated: 12 June 2022.', 'March 3, 2022 at 7:15 am Updated.', 'Last updated on 11 June 2022.'])).toEqual([]);
  });

  it('keeps a date that a publishing verb belongs to inside a sentence', () => {
    expect(whens(['In a report published this week, the inspectors said the bridge was unsafe.'])).toEqual(['this week']);
    // A publishing verb after the date, in lower case and without a colon, is the sentence's verb.
    expect(whens(['The ferry firm last week posted its first loss.', 'The council on Monday updated its flood guidance.'])).toEqual(['last week', 'on Monday']);
  });

  it('makes no event from a weekday or "today" that is part of a name', () => {
    expect(
      whens([
        'The story ran in the Sunday Courier before the vote.',
        'She told Harbour Radio’s Sunday programme that the port would stay open.',
        'He was speaking on the Today show about the strike.',
        "Today's Paper",
      ]),
    ).toEqual([]);
  });

  it('still dates a weekday followed by a name or a title', () => {
    expect(whens(['On Sunday Ms Lund said the port would stay open.', 'Today the harbour master resigned.'])).toEqual(['On Sunday', 'Today']);
  });
});
