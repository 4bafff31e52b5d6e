import { describe, expect, it } from 'vitest';
import { normaliseText, splitUnits } from '../../src/corpus/layout.js';

describe('splitUnits', () => {
  it('splits paragraphs separated by blank lines', () => {
    expect(splitUnits('First paragraph.\n\nSecond paragraph.\n')).toEqual(['First paragraph.', 'Second paragraph.']);
  });

  it('treats each line as a paragraph when the file has no blank lines', () => {
    expect(splitUnits('One.\nTwo.\nThree.')).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('removes a margin that indents the whole file', () => {
    expect(splitUnits('    Indented one.\n\n    Indented two.')).toEqual(['Indented one.', 'Indented two.']);
  });

  it('starts a paragraph at each indented first line when paragraphs are not separated by blank lines', () => {
    const text = '  The first paragraph starts here and\nwraps onto a second line.\n  The second paragraph.\nIt also wraps.';
    expect(splitUnits(text)).toEqual([
      'The first paragraph starts here and wraps onto a second line.',
      'The second paragraph. It also wraps.',
    ]);
  });

  it('joins hard-wrapped lines back into their paragraph', () => {
    expect(splitUnits('A sentence that was\nwrapped by the page.\n\nNext.')).toEqual(['A sentence that was wrapped by the page.', 'Next.']);
  });

  it('handles CRLF line endings, a byte-order mark and non-breaking spaces', () => {
    expect(normaliseText('\uFEFFa\u00A0b\r\nc')).toBe('a b\nc');
    expect(splitUnits('\uFEFFOne.\r\n\r\nTwo.')).toEqual(['One.', 'Two.']);
  });

  it('returns nothing for white space', () => {
    expect(splitUnits(' \n\t\n ')).toEqual([]);
  });
});
