/**
 * Splits a copied web page into paragraph-sized units whatever its layout:
 * blank lines between paragraphs, one paragraph per line, first-line
 * indentation, or a whole file indented by the same amount.
 */

import { normaliseText } from './hygiene.js';

export { normaliseText };

const TERMINAL = /[.!?:;"”’)\]…]$/;

function indentOf(line: string): number {
  const match = /^[ \t]*/.exec(line);
  return match ? match[0].replace(/\t/g, '    ').length : 0;
}

/**
 * Returns the text units of a page, in order. A unit is one paragraph unless
 * the page hard-wraps lines, in which case wrapped lines are joined back.
 */
export function splitUnits(text: string): string[] {
  const lines = normaliseText(text).split('\n').map((l) => l.replace(/\s+$/, ''));
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  if (nonEmpty.length === 0) return [];
  const common = Math.min(...nonEmpty.map(indentOf));
  // First-line-indent layout: some lines sit deeper than the common margin and
  // there are few blank lines, so an indented line starts a paragraph.
  const deeper = nonEmpty.filter((l) => indentOf(l) > common).length;
  const blanks = lines.length - nonEmpty.length;
  const indentStartsParagraph = deeper > 0 && deeper < nonEmpty.length && blanks < nonEmpty.length / 4;

  const units: string[] = [];
  let current: string | null = null;
  const flush = (): void => {
    if (current !== null && current.trim() !== '') units.push(current.trim());
    current = null;
  };
  for (const line of lines) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    const body = line.trim();
    const startsByIndent = indentStartsParagraph && indentOf(line) > common;
    // In the indented layout only an indented line starts a paragraph. Otherwise a
    // hard-wrapped line continues the previous one: it follows a line that did
    // not end a sentence and begins in lower case.
    const continues =
      current !== null &&
      (indentStartsParagraph ? !startsByIndent : !TERMINAL.test(current) && /^[a-z(,;–—-]/.test(body));
    if (continues) {
      current = `${current} ${body}`;
    } else {
      flush();
      current = body;
    }
  }
  flush();
  return units;
}
