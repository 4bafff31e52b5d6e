import { describe, expect, test } from 'vitest';
import { LIMITS, embedLength } from '../../src/bot/limits.js';
import { escapeText, maskedLink, safeUrl } from '../../src/bot/render.js';
import { passageEmbed, renderAsk } from '../../commands/ask.js';
import { quotationEmbed, renderQuote } from '../../commands/quote.js';
import { renderReload } from '../../commands/reload.js';
import { renderSources } from '../../commands/sources.js';
import { renderTimeline } from '../../commands/timeline.js';
import type { Passage } from '../../src/search/types.js';
import type { Quotation } from '../../src/quotes/types.js';

const passage = (over: Partial<Passage> = {}): Passage => ({
  articleId: 'a1',
  title: 'Pakistan suspends cooperation',
  outlet: 'Dawn',
  published: '2018-01-09',
  url: 'https://example.com/news/1',
  paragraphId: 'a1#3',
  paragraph: 3,
  text: 'Before it. The minister said the talks had ended. After it.',
  quote: 'The minister said the talks had ended.',
  score: 0.8765,
  ...over,
});

describe('passageEmbed', () => {
  test('puts the answering sentence in bold inside its paragraph', () => {
    const e = passageEmbed(passage());
    expect(e.description).toContain('Before it. **The minister said the talks had ended.** After it.');
  });

  test('does not bold a quote that is the whole paragraph', () => {
    const whole = 'The council voted to close the bridge for repairs.';
    const e = passageEmbed(passage({ text: whole, quote: whole }));
    expect(e.description?.startsWith(`${whole}\n`)).toBe(true);
    expect(e.description).not.toContain('**');
  });

  test('ends with one source line: linked title, outlet, date, paragraph; no fields, no score', () => {
    const e = passageEmbed(passage());
    expect(e.description?.split('\n').at(-1)).toBe('— [Pakistan suspends cooperation](https://example.com/news/1) · Dawn · 9 Jan 2018 · ¶3');
    expect(e.fields).toBeUndefined();
    expect(e.footer).toBeUndefined();
    expect(JSON.stringify(e)).not.toMatch(/score|0\.88/);
  });

  test('says unknown outlet and date in words and leaves out a link it cannot trust', () => {
    const e = passageEmbed(passage({ outlet: null, published: null, url: 'javascript:alert(1)' }));
    expect(e.description).toContain('Pakistan suspends cooperation · Outlet unknown · date unknown · ¶3');
    expect(e.url).toBeUndefined();
    expect(e.description).not.toContain('](');
  });

  test('escapes markdown in the article text so only the quote is bold', () => {
    const e = passageEmbed(passage({ text: 'A *starred* word. The quote_here ends.', quote: 'The quote_here ends.' }));
    expect(e.description).toContain('A \\*starred\\* word. **The quote\\_here ends.**');
  });

  test('keeps a short context of whole sentences around the quote, within its budget', () => {
    const filler = 'This sentence only pads the paragraph out. ';
    const text = `${filler.repeat(60)}The answer is here. ${filler.repeat(60)}`;
    const e = passageEmbed(passage({ text, quote: 'The answer is here.' }), 600);
    expect(embedLength(e)).toBeLessThanOrEqual(600);
    const [body] = e.description?.split('\n') ?? [];
    expect(body).toMatch(/^… This sentence only pads the paragraph out\. .*\*\*The answer is here\.\*\* This sentence .* …$/);
    expect(body?.length).toBeLessThan(2 * 160 + 30);
  });

  test('trims a quote longer than the budget itself', () => {
    const long = 'Word '.repeat(400).trim() + '.';
    const e = passageEmbed(passage({ text: `Intro. ${long} Outro.`, quote: long }), 400);
    expect(embedLength(e)).toBeLessThanOrEqual(400);
    expect(e.description).toMatch(/^\*\*Word .*…\*\*\n/);
  });

});

describe('quotationEmbed and renderQuote', () => {
  const quotation = (over: Partial<Quotation> = {}): Quotation => ({
    articleId: 'b2',
    title: 'Harbour plan approved',
    outlet: 'The Coast Times',
    published: '2020-06',
    url: 'https://example.org/harbour',
    text: 'not before spring',
    speaker: 'Mary Olsen',
    rule: 'said-before',
    paragraphId: 'b2#4',
    paragraph: 4,
    context: 'The mayor said work would start, but “not before spring”, once the money arrived.',
    ...over,
  });

  test('shows a fragment inside the sentence that gives it meaning, the quoted words in bold', () => {
    const e = quotationEmbed(quotation());
    expect(e.description).toBe(
      'The mayor said work would start, but “**not before spring**”, once the money arrived.\n— [Harbour plan approved](https://example.org/harbour) · The Coast Times · Jun 2020 · ¶4',
    );
    expect(e.title).toBeUndefined();
  });

  test('names the other articles reporting the same words in the one entry, linked, three at most', () => {
    const other = (n: number) => ({ articleId: `c${n}`, title: `Other ${n}`, outlet: `Paper ${n}`, published: '2020-07', url: `https://example.org/${n}`, paragraph: n, paragraphId: `c${n}#${n}` });
    const lines = quotationEmbed(quotation({ alsoReportedBy: [other(1), other(2)] })).description?.split('\n');
    expect(lines?.at(-1)).toBe('Also in: [Paper 1, ¶1](https://example.org/1), [Paper 2, ¶2](https://example.org/2)');
    expect(lines?.at(-2)).toMatch(/^— \[Harbour plan approved\]/);
    const many = quotationEmbed(quotation({ alsoReportedBy: [1, 2, 3, 4, 5].map(other) })).description;
    expect(many?.split('\n').at(-1)).toMatch(/, \[Paper 3, ¶3\]\(https:\/\/example\.org\/3\) and 2 more$/);
    expect(quotationEmbed(quotation()).description).not.toContain('Also in');
  });

  test('says how many quotations there are, the same count whether all or some are shown', () => {
    const quotes = Array.from({ length: 5 }, (_, i) => quotation({ paragraphId: `b2#${i}` }));
    const all = renderQuote({ query: 'Olsen', speaker: 'Mary Olsen', quotes, suggestions: [] }, undefined, 2);
    expect(all.map((p) => p.embeds.length)).toEqual([2, 2, 1]);
    expect(all[0]?.content).toBe('**Quotes from Mary Olsen** · 5 quotations');
    const some = renderQuote({ query: 'Olsen', speaker: 'Mary Olsen', quotes: quotes.slice(0, 3), suggestions: [] }, 'harbour', 2, 5);
    expect(some[0]?.content).toBe('**Quotes from Mary Olsen** about “harbour” · the first 3 of 5 quotations');
  });
});

describe('renderAsk', () => {
  test('says what was searched when misspelt words were corrected, escaped', () => {
    const [page] = renderAsk({ query: 'why did the fery stop', correctedQuery: 'why did the ferry_boat stop', answers: [passage()] }, 2);
    expect(page?.content).toBe('**Question:** why did the fery stop\nShowing results for “why did the ferry\\_boat stop”.');
    expect(renderAsk({ query: 'q', answers: [passage()] }, 2)[0]?.content).toBe('**Question:** q');
  });

  test('offers the whole paragraphs of a page only when an excerpt was cut, within the message limit', () => {
    const filler = 'This sentence only pads the paragraph out. ';
    const long = passage({ text: `${filler.repeat(12)}The answer is here. ${filler.repeat(12)}`.trim(), quote: 'The answer is here.' });
    const [cut] = renderAsk({ query: 'q', answers: [long, passage()] }, 2);
    expect(cut?.embeds[0]?.description).not.toContain(long.text.slice(0, 200));
    expect(cut?.full?.embeds.map((e) => e.description?.split('\n')[0])).toEqual([
      long.text.trim().replace('The answer is here.', '**The answer is here.**'),
      'Before it. **The minister said the talks had ended.** After it.',
    ]);
    expect(cut?.full?.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
    const [whole] = renderAsk({ query: 'q', answers: [passage()] }, 2);
    expect(whole?.full).toBeUndefined();
  });

  test('says nothing was found, escaping the question', () => {
    const [page] = renderAsk({ query: 'why *this*?', answers: [] }, 3);
    expect(page?.content).toBe('Nothing in the articles about “why \\*this\\*?”.');
    expect(page?.embeds).toEqual([]);
  });

  test('pages passages, each page inside the limits', () => {
    const answers = Array.from({ length: 7 }, (_, i) => passage({ paragraphId: `a1#${i}`, text: 'Long text. '.repeat(400), quote: 'Long text.' }));
    const pages = renderAsk({ query: 'q', answers }, 3);
    expect(pages.map((p) => p.embeds.length)).toEqual([3, 3, 1]);
    for (const p of pages) {
      expect(p.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
      expect(p.content?.length).toBeLessThanOrEqual(LIMITS.content);
    }
  });

  test('echoes a very long question within the content limit', () => {
    const [page] = renderAsk({ query: '@everyone '.repeat(500), answers: [passage()] }, 3);
    expect(page?.content?.length).toBeLessThanOrEqual(LIMITS.content);
  });
});

describe('links and escaping', () => {
  test('masked links escape their label and encode parentheses in the URL', () => {
    expect(maskedLink('A [b] *c*', 'https://x.org/a_(b)')).toBe('[A \\[b\\] \\*c\\*](https://x.org/a_%28b%29)');
    expect(safeUrl('ftp://x')).toBeNull();
  });

  test('escapeText escapes headings, lists and masked links too', () => {
    expect(escapeText('# big')).toBe('\\# big');
    expect(escapeText('[x](https://evil)')).toContain('\\[');
  });
});

describe('other renderers', () => {
  test('sources list outlet, date and paragraph count, paged when long', () => {
    const one = { articleId: 'a', title: 'T', outlet: 'O', published: '2019', url: 'https://o.org/t', paragraphs: 12 };
    const [page] = renderSources([one]);
    expect(page?.embeds[0]?.description).toBe('**1.** [T](https://o.org/t) — O, 2019 · 12 paragraphs');
    const many = renderSources(Array.from({ length: 200 }, (_, i) => ({ ...one, title: `Title number ${i} `.repeat(5) })));
    expect(many.length).toBeGreaterThan(1);
    for (const p of many) expect(p.embeds[0]?.description?.length).toBeLessThanOrEqual(LIMITS.description);
    expect(many[0]?.embeds[0]?.footer).toBeUndefined(); // the paging buttons say where the page is
  });

  test('a failed reload says the old index still serves and why', () => {
    const page = renderReload({ ok: false, reason: 'no article could be loaded', added: [], removed: [], changed: [], articles: 5, paragraphs: 90, skipped: [], warnings: [], ms: 12 });
    expect(page.embeds[0]?.title).toMatch(/previous index is still serving/);
    expect(page.embeds[0]?.description).toBe('no article could be loaded');
  });

  test('a reload reports added, removed, changed and skipped files', () => {
    const page = renderReload({ ok: true, added: ['new.txt'], removed: ['old.txt'], changed: [], articles: 5, paragraphs: 90, skipped: [{ file: 'bad.txt', reason: 'empty' }], warnings: [], ms: 40 });
    const fields = Object.fromEntries((page.embeds[0]?.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields).toMatchObject({ Added: 'new.txt', Removed: 'old.txt', Changed: 'none', 'Skipped (1)': 'bad.txt: empty' });
    expect(page.embeds[0]?.description).toBe('5 articles, 90 paragraphs, in 40 ms.');
  });

  test('an unknown speaker gets suggestions, not quotes', () => {
    const [page] = renderQuote({ query: 'Trumpp', speaker: null, quotes: [], suggestions: ['Donald Trump'] }, undefined, 3);
    expect(page?.content).toBe('I don’t know a speaker called “Trumpp” in the articles. Did you mean: Donald Trump?');
  });

  test('a timeline too long for one message is paged', () => {
    const event = { date: '2018-01-09', precision: 'day' as const, approximate: false, label: 'Something happened that day. '.repeat(10).trim(), when: 'Tuesday', text: 'Something happened that day. '.repeat(10), sources: [{ articleId: 'a', title: 'T', outlet: 'Dawn', published: '2018-01-10', paragraph: 2, paragraphId: 'a#2', url: 'https://d.com/x' }] };
    const pages = renderTimeline({ events: Array.from({ length: 40 }, () => event) }, { from: 2018 });
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]?.embeds[0]?.description).toMatch(/^\*\*2018-01-09\*\* · Tuesday — Something happened/);
    expect(pages[0]?.embeds[0]?.description).toContain('[Dawn, ¶2](https://d.com/x)');
  });

  test('a timeline source with no outlet is named by its article title', () => {
    const source = { articleId: 'a', title: 'Harbour plan approved after a long night of talks', outlet: null, published: null, paragraph: 7, paragraphId: 'a#7', url: null };
    const event = { date: '2020-06', precision: 'month' as const, approximate: false, label: 'The plan was approved in June.', when: 'in June', text: 'The plan was approved in June.', sources: [source] };
    const [page] = renderTimeline({ events: [event] }, {});
    expect(page?.embeds[0]?.description?.endsWith(' — Harbour plan approved after a long…, ¶7')).toBe(true);
    expect(page?.embeds[0]?.description).not.toContain('Outlet unknown');
  });
});
