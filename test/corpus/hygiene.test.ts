import { describe, expect, it } from 'vitest';
import { decodeEntities, normaliseText } from '../../src/corpus/hygiene.js';
import { cleanPage } from '../../src/corpus/clean.js';

describe('text hygiene at load', () => {
  it('decodes named and numeric entities', () => {
    expect(decodeEntities('Profits rose &gt; 5% at Smith &amp; Sons &#8212; &#x2019;')).toBe('Profits rose > 5% at Smith & Sons — ’');
  });

  it('decodes a page escaped twice, but leaves ampersands that are not entities', () => {
    expect(decodeEntities('the &amp;lt;ABC&amp;gt; index')).toBe('the <ABC> index');
    expect(decodeEntities('AT&T and R&D teams')).toBe('AT&T and R&D teams');
  });

  it('drops soft hyphens, zero-width and control characters and makes non-breaking spaces plain', () => {
    expect(normaliseText('inter\u00ADnational\u00A0talks\u202Fbegan\u200B.\u0003')).toBe('international talks began.');
  });

  it('drops the end-of-text mark a wire feed writes as an entity', () => {
    const page = cleanPage('Grain prices fall\n\nWheat fell sharply on Monday as traders waited for the harvest figures from the ministry.\n&#3;');
    expect(page.paragraphs.map((p) => p.text)).toEqual(['Wheat fell sharply on Monday as traders waited for the harvest figures from the ministry.']);
  });
});
