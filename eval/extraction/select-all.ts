/**
 * What a reader gets from a saved page by "select all, copy": the text of
 * every visible element, one line per block, paragraphs and headings set off
 * by a blank line (as a browser's innerText does). Menus, captions, related
 * stories and footers come along, as they do when a moderator copies a page
 * into `seeds/` — the input the `.txt` path has to clean.
 */
import { parseHTML } from 'linkedom';

/** Never rendered: their text is not on the screen. */
const HIDDEN = 'head, script, style, noscript, template, svg, iframe, object, canvas, [hidden], [aria-hidden="true"], [style*="display:none"], [style*="display: none"]';
/** Elements a browser lays out as blocks: each starts a new line. */
const BLOCK = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM HEADER HR LI MAIN NAV OL SECTION SUMMARY TABLE TR UL'.split(' '),
);
/** …and these also leave a blank line around them. */
const SPACED = new Set('P H1 H2 H3 H4 H5 H6 PRE'.split(' '));

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

export function selectAllText(html: string): string {
  const { document } = parseHTML(html);
  for (const el of [...document.querySelectorAll(HIDDEN)]) el.remove();
  const out: string[] = [];
  const walk = (node: DomNode): void => {
    if (node.nodeType === 3) {
      out.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (name === 'BR') {
      out.push('\n');
      return;
    }
    const mark = SPACED.has(name) ? '\n\n' : BLOCK.has(name) ? '\n' : name === 'TD' || name === 'TH' ? '\t' : '';
    out.push(mark);
    for (const child of Array.from(node.childNodes)) walk(child);
    out.push(mark);
  };
  walk((document.body ?? document.documentElement) as unknown as DomNode);
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
