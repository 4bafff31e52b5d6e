import { describe, expect, it } from 'vitest';
import { getNlp, sentencesOf } from '../../src/nlp/index.js';
import { buildTimeline } from '../../src/timeline/index.js';
import { article, day } from './helpers.js';

describe('buildTimeline after other wink-nlp instances were made', () => {
  it('still finds the expressions its custom patterns are for', () => {
    // Another module (the search index, say) made its wink-nlp instances first.
    getNlp('someone-else');
    sentencesOf('A sentence. Another one.');
    const events = buildTimeline([
      article('a', day('2020-01-05'), [
        'Relations soured after Trump’s New Year’s Day tweet.',
        'Pakistan backed the strike earlier this week.',
        'Pakistan blocked supplies after the 2011 Salala attack.',
      ]),
    ]);
    expect(events.map((e) => e.when)).toEqual(['2011', 'earlier this week', 'New Year’s Day']);
  });
});
