import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { APIEmbed } from 'discord-api-types/v10';
import { ELLIPSIS, LIMITS, chunkLines, embedLength, fitEmbed, paginateEmbeds, trimText, trimTextStart } from '../../src/bot/limits.js';

const within = (e: APIEmbed, total: number = LIMITS.embedTotal): void => {
  expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
  expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
  expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
  expect(e.author?.name.length ?? 0).toBeLessThanOrEqual(LIMITS.authorName);
  expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
  for (const f of e.fields ?? []) {
    expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
    expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
  }
  expect(embedLength(e)).toBeLessThanOrEqual(total);
};

const text = fc.oneof(
  fc.string({ maxLength: 9000 }),
  fc.array(fc.lorem({ maxCount: 30, mode: 'sentences' }), { maxLength: 60 }).map((s) => s.join(' ')),
);

describe('trimText', () => {
  test('leaves text that fits unchanged', () => {
    expect(trimText('Short. Sentences.', 100)).toBe('Short. Sentences.');
  });

  test('cuts at the last sentence that fits and marks the cut', () => {
    const s = 'The first sentence is here. The second one is longer than the budget allows for.';
    expect(trimText(s, 40)).toBe(`The first sentence is here. ${ELLIPSIS}`);
  });

  test('falls back to whole words when a single sentence is too long', () => {
    const s = 'one two three four five six seven eight nine ten eleven twelve';
    const out = trimText(s, 20);
    expect(out.endsWith(ELLIPSIS)).toBe(true);
    expect(s.startsWith(out.slice(0, -1))).toBe(true);
    expect(out).not.toMatch(/\s…$/);
  });

  test('never returns more than the limit, and keeps a prefix of the text', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 5000 }), (s, max) => {
        const out = trimText(s, max);
        expect(out.length).toBeLessThanOrEqual(max);
        if (s.length <= max) expect(out).toBe(s);
        else expect(s.startsWith(out.replace(/ ?…$/, '').trimEnd())).toBe(true);
      }),
    );
  });

  test('keeping the end cuts at a sentence start', () => {
    expect(trimTextStart('First sentence here. Second. Third.', 20)).toBe(`${ELLIPSIS} Second. Third.`);
    fc.assert(fc.property(text, fc.integer({ min: 0, max: 5000 }), (s, max) => {
      expect(trimTextStart(s, max).length).toBeLessThanOrEqual(max);
    }));
  });
});

describe('fitEmbed', () => {
  const arbitraryEmbed = fc.record(
    {
      title: text,
      description: text,
      footer: fc.record({ text }),
      author: fc.record({ name: text }),
      fields: fc.array(fc.record({ name: text, value: text }), { maxLength: 30 }),
    },
    { requiredKeys: [] },
  );

  test('brings any embed inside every per-embed limit and the 6,000 total', () => {
    fc.assert(fc.property(arbitraryEmbed, (e) => within(fitEmbed(e))), { numRuns: 200 });
  });

  test('trims the description at a sentence boundary before touching fields', () => {
    const description = 'A sentence that matters. '.repeat(300);
    const out = fitEmbed({ description, fields: [{ name: 'Outlet', value: 'Dawn' }] }, 1000);
    expect(out.fields).toEqual([{ name: 'Outlet', value: 'Dawn' }]);
    expect(out.description).toMatch(/matters\. …$/);
    expect(embedLength(out)).toBeLessThanOrEqual(1000);
  });

  test('does not change its input', () => {
    const e = { title: 'x'.repeat(300) };
    fitEmbed(e);
    expect(e.title).toHaveLength(300);
  });
});

describe('paginateEmbeds', () => {
  test('every page fits one message and the order is kept', () => {
    const embeds = fc.array(fc.record({ title: fc.string({ maxLength: 300 }), description: fc.string({ maxLength: 5000 }) }), { maxLength: 40 });
    fc.assert(
      fc.property(embeds, fc.integer({ min: 1, max: 12 }), (list, perPage) => {
        const pages = paginateEmbeds(list, { maxEmbeds: perPage });
        expect(pages.flat()).toHaveLength(list.length);
        for (const page of pages) {
          expect(page.length).toBeGreaterThan(0);
          expect(page.length).toBeLessThanOrEqual(Math.min(perPage, LIMITS.embedsPerMessage));
          expect(page.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
          page.forEach((e) => within(e));
        }
      }),
      { numRuns: 100 },
    );
  });

  test('starts a new page when the next embed would pass 6,000 characters', () => {
    const big = { description: 'x'.repeat(4000) };
    expect(paginateEmbeds([big, big, big], { maxEmbeds: 10 }).map((p) => p.length)).toEqual([1, 1, 1]);
  });
});

describe('chunkLines', () => {
  test('joins lines into chunks no longer than the limit', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 500 }), { maxLength: 50 }), fc.integer({ min: 1, max: 1000 }), (lines, max) => {
        for (const chunk of chunkLines(lines, max)) expect(chunk.length).toBeLessThanOrEqual(max);
      }),
    );
  });

  test('never splits a line across chunks', () => {
    expect(chunkLines(['aaaa', 'bbbb', 'cccc'], 9)).toEqual(['aaaa\nbbbb', 'cccc']);
  });
});

test('chunkLines caps the lines per chunk when asked', () => {
  expect(chunkLines(['a', 'b', 'c'], 100, 2)).toEqual(['a\nb', 'c']);
});
