import { describe, expect, it } from 'vitest';
import { renderAsk, renderQuotes } from '../../src/terminal/render.js';
import type { Passage } from '../../src/search/types.js';
import type { Quotation } from '../../src/quotes/types.js';

const passage: Passage = {
  articleId: 'p1',
  title: 'Ferry service halted',
  outlet: 'Island News',
  published: '2021-02-03',
  url: 'https://example.net/ferry',
  paragraphId: 'p1#2',
  paragraph: 2,
  text: 'The storm came in overnight. The ferry stopped because the pier was flooded. Repairs begin Monday.',
  quote: 'The ferry stopped because the pier was flooded.',
  score: 1.234,
};

const quotation: Quotation = {
  articleId: 'p1',
  title: 'Ferry service halted',
  outlet: 'Island News',
  published: '2021-02',
  url: null,
  text: 'not this week',
  speaker: 'Tom Berg',
  rule: 'said-before',
  paragraphId: 'p1#5',
  paragraph: 5,
  context: 'Asked when the boats would run, Mr Berg said “not this week”.',
};

describe('terminal rendering', () => {
  it('draws the answering sentence bold and its context dim with terminal styles, never Discord markup', () => {
    const out = renderAsk({ query: 'q', answers: [passage] }, { color: true });
    expect(out).toContain('\x1b[2mThe storm came in overnight. \x1b[22m\x1b[1mThe ferry stopped because the pier was flooded.\x1b[22m\x1b[2m Repairs begin Monday.\x1b[22m');
    expect(out).toContain('Island News · 3 Feb 2021 · ¶2 · https://example.net/ferry');
    expect(out).not.toContain('**');
    expect(out).not.toContain('1.234');
  });

  it('without colours prints plain text: the link as text, no markers', () => {
    const out = renderAsk({ query: 'q', answers: [passage] }, { color: false });
    expect(out).toBe(
      '1. Ferry service halted\n   Island News · 3 Feb 2021 · ¶2 · https://example.net/ferry\n   The storm came in overnight. The ferry stopped because the pier was flooded. Repairs begin Monday.',
    );
  });

  it('says what was searched when misspelt words were corrected', () => {
    const out = renderAsk({ query: 'why did the fery stop', correctedQuery: 'why did the ferry stop', answers: [passage] }, { color: false });
    expect(out.startsWith('Showing results for “why did the ferry stop”.\n\n1. Ferry service halted')).toBe(true);
    expect(renderAsk({ query: 'q', answers: [passage] }, { color: false })).not.toContain('Showing results');
  });

  it('does not repeat a quotation whose sentence adds only quotation marks', () => {
    const whole = { ...quotation, text: 'The boats will run again soon.', context: '“The boats will run again soon.”' };
    const out = renderQuotes({ query: 'Berg', speaker: 'Tom Berg', quotes: [whole], suggestions: [] }, { color: false });
    expect(out).toContain('1. “The boats will run again soon.”\n');
    expect(out).not.toContain('— in:');
  });

  it('names the other articles reporting the same quotation under it', () => {
    const also = { articleId: 'p2', title: 'Boats stay in port', outlet: 'Harbour Herald', published: '2021-02-04', url: null, paragraph: 3, paragraphId: 'p2#3' };
    const out = renderQuotes({ query: 'Berg', speaker: 'Tom Berg', quotes: [{ ...quotation, alsoReportedBy: [also] }], suggestions: [] }, { color: false });
    expect(out).toContain('\n   Ferry service halted · Island News · Feb 2021 · ¶5\n   also in: Boats stay in port · Harbour Herald · 4 Feb 2021 · ¶3');
  });

  it('shows a quoted fragment with the sentence that gives it meaning', () => {
    expect(renderQuotes({ query: 'Berg', speaker: 'Tom Berg', quotes: [quotation], suggestions: [] }, { color: false })).toContain(
      '1. “not this week” — in: Asked when the boats would run, Mr Berg said “not this week”.',
    );
    expect(renderQuotes({ query: 'Berg', speaker: 'Tom Berg', quotes: [quotation], suggestions: [] }, { color: true })).toContain(
      'Mr Berg said “\x1b[22m\x1b[1mnot this week\x1b[22m\x1b[2m”.',
    );
  });
});
