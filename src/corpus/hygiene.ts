/**
 * Text hygiene at load: what a copied page or a wire feed leaves in the text
 * that a reader never sees. The text stays verbatim to a reader's eye: `&lt;`
 * becomes `<`, a soft hyphen disappears, a non-breaking space is a space.
 */
import { decodeHTMLStrict } from 'entities';

/** An entity with its semicolon: `&lt;`, `&#3;`, `&#x2019;`. Strict, so `AT&T` and `R&D` stay as written. */
const ENTITY = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i;

/** Decodes HTML entities; a page escaped twice (`&amp;lt;`) is decoded twice, never more. */
export function decodeEntities(text: string): string {
  let out = text;
  for (let pass = 0; pass < 2 && ENTITY.test(out); pass++) out = decodeHTMLStrict(out);
  return out;
}

/**
 * Normalises the invisible and the escaped: BOM, CRLF, entities, non-breaking
 * and other fixed-width spaces, soft hyphens, zero-width characters and
 * control characters (a wire story's `&#3;` end-of-text mark).
 */
export function normaliseText(raw: string): string {
  return decodeEntities(raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'))
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}
