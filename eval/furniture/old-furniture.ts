/**
 * Page furniture: the parts of a copied web page that are not the article.
 * Rules are general (what furniture looks like on news sites), not patches
 * for particular files, so the next article a moderator adds is cleaned too.
 */

/** Inline markers removed wherever they appear inside a paragraph. */
const INLINE_MARKERS: RegExp[] = [
  /\s*\b(?:ARTICLE|STORY) CONTINUES (?:BELOW|AFTER) (?:THE )?(?:AD|ADVERTISEMENT)\b\s*/gi,
  /\s*\bCONTINUE READING (?:BELOW|THE MAIN STORY)\b\s*/gi,
  /\s*\((?:with )?(?:additional )?(?:inputs?|reporting) (?:from|by) [^)]{1,60}\)\s*$/i,
  /\s*<link>\s*/gi,
];

/** A whole unit that is furniture on its own. */
const FURNITURE_LINES: RegExp[] = [
  /^(?:advertisement|advert|sponsored|ad)$/i,
  /^latest (?:news|stories|updates)$/i,
  /^(?:copyright|©|\(c\))\s.*(?:\d{4}|rights reserved)/i,
  /^all rights reserved\.?$/i,
  /^reuse this content\b/i,
  /^(?:share|share this (?:article|story|page)|share on \w+)\b.{0,40}$/i,
  /^follow (?:the topics in this article|us\b|@\w+).{0,60}$/i,
  /^get alerts on .{1,80} when a new story is published$/i,
  /^(?:sign up|subscribe)\b.{0,80}$/i,
  /^(?:read|view|see) (?:the )?(?:original|full) (?:article|story)\b/i,
  /^(?:image|photo|picture) (?:copyright|credit|source)\b.{0,60}$/i,
  /^(?:leave|post|add) a (?:comment|reply)$/i,
  /^your email address will not be published/i,
  /^required fields are marked/i,
  /^this site uses akismet\b/i,
  /^(?:comments?|\d+ comments?)$/i,
  /^(?:skip to (?:main )?content|menu|home|search|navigation|log ?in|sign in|register|close|more|print|email)$/i,
  /^[Bb]y [\p{Lu}][\p{L}.'’ -]{1,60}(?:,? [\p{Lu}][\p{L} ]{1,40})?$/u,
  /^(?:published|updated|posted|last updated|first published)(?: on| at)?:? .{0,60}\d.{0,40}$/i,
  /^(?:read more|see also|also read|watch|listen|related):\s.{0,200}$/i,
  /^(?:image|photo|picture|media) source,?\s.{0,60}$/i,
  /^share (?:this|on|via)\b.{0,80}$/i,
  /^(?:click|tap) here\b.{0,80}$/i,
];

/** Headings after which the rest of the page is a sidebar of other stories or the comment form. */
const TRAILING_SIDEBAR: RegExp[] = [
  /^in the same category(?: are)?:?$/i,
  /^(?:related|related stories|related articles|related news|related content|related topics)\b:?.{0,20}$/i,
  /^(?:more on this story|more from \w+|more stories|more news|you may also like|you might also like|recommended|read more|read next|most read|most popular|top stories|trending)\b:?$/i,
  /^(?:leave|post|add) a (?:comment|reply)$/i,
];

/** Credits that end a photo caption: `Image copyright AFP`, `Photographer: X/Bloomberg`, `© Bloomberg`. */
const CAPTION_CREDIT =
  /\s*(?:\b(?:image|photo|picture) (?:copyright|credit|source):?\s+[\w .&/-]{1,40}|\bphotographer:\s*[\w .&/-]{1,60}|©\s*[\w .&/-]{1,40}|\((?:photo|image|file photo)[^)]{0,60}\)|\b(?:getty images|afp photo|reuters photo|ap photo)\b[\w .&/-]{0,30})$/i;

/** A caption that only describes the picture (who poses, who is seen) rather than reporting news. */
const PHOTO_ONLY_CAPTION = /\b(?:poses?|posing|pictured|photographed|is seen|are seen|file photo|portrait)\b/i;

const IMAGE_CAPTION_PREFIX = /^(?:image|photo|picture|media) caption[:,]?\s+/i;

export function stripInlineMarkers(text: string): string {
  let out = text;
  for (const marker of INLINE_MARKERS) out = out.replace(marker, ' ');
  // `*Wall Street Journal*earlier` — emphasis marks left by a copied page.
  out = out.replace(/\*([^*\n]{1,80}?)\s*\*(?=\w)/g, '$1 ').replace(/\*([^*\n]{1,80}?)\*/g, '$1');
  return out.replace(/[ \t]{2,}/g, ' ').trim();
}

export function isFurnitureLine(unit: string): boolean {
  return FURNITURE_LINES.some((re) => re.test(unit));
}

export function startsTrailingSidebar(unit: string): boolean {
  return TRAILING_SIDEBAR.some((re) => re.test(unit));
}

/** A URL the page itself gives as its source (`View the original article: http…`). */
export function sourceUrlIn(unit: string): string | null {
  const match = /^(?:read|view|see) (?:the )?(?:original|full) (?:article|story)\b.*?(https?:\/\/\S+)/i.exec(unit);
  return match?.[1] ?? null;
}

export type CaptionVerdict =
  | { kind: 'not-caption' }
  | { kind: 'drop' }
  | { kind: 'keep'; text: string };

/**
 * Decides what to do with a unit that may be a photo caption: credits are
 * always stripped; a caption that only describes the photo is dropped; one
 * that reports an event is kept (and marked as a caption by the caller).
 */
export function judgeCaption(unit: string): CaptionVerdict {
  const hasPrefix = IMAGE_CAPTION_PREFIX.test(unit);
  const hasCredit = CAPTION_CREDIT.test(unit);
  if (!hasPrefix && !hasCredit) return { kind: 'not-caption' };
  let text = unit.replace(CAPTION_CREDIT, '').replace(IMAGE_CAPTION_PREFIX, '').trim();
  // A credit glued to the caption (`…2018.Image copyright AFP`) may hide a second credit.
  text = text.replace(CAPTION_CREDIT, '').trim();
  if (text.split(/\s+/).length < 4 || PHOTO_ONLY_CAPTION.test(text)) return { kind: 'drop' };
  return { kind: 'keep', text };
}

/**
 * A section heading inside an article: a short line without sentence
 * punctuation. Headings are not paragraphs; they label the ones after them.
 */
export function isHeading(unit: string): boolean {
  const words = unit.split(/\s+/).length;
  return words <= 10 && !/[.!?:;,"”’]$/.test(unit) && /^[\p{Lu}\d]/u.test(unit);
}
