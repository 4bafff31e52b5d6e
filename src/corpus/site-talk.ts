/**
 * The site speaking about itself in whole sentences: a newsletter's privacy
 * notice, an affiliate-links disclosure, a comment section's moderation note,
 * a rights notice, an invitation to chat on a network. These read as prose
 * (long, rich in function words, ending with a full stop), so the jusText
 * measures take them for body; what gives them away is that they address the
 * reader or point at the page (`you`, `our`, `this article`, `the comments
 * below`) and speak the vocabulary of a website (site, links, newsletter,
 * privacy policy, comments, readers) — two or more of its words, where a news
 * paragraph about a website's policy reports it in the third person.
 */
import type { BlockSignals } from './signals.js';

/** Words of a website and of its relation with its reader (not the news's). */
const SITE_WORD =
  /\b(?:site|website|webpage|articles?|comments?|commenting|readers?|users|links?|newsletters?|inbox|subscriptions?|subscribe|subscribers?|privacy|cookies|notifications?|browser|app|apps|email|e-mail|journalism|contents?|ads|advertising|advertisements?|javascript|messenger|facebook|twitter|instagram|whatsapp|youtube|podcasts?|alerts|updates|rewritten|redistributed|reproduced|news tips?|sign(?:ed|ing)? up|log(?:ged|ging)? in|spam|unsubscribe|opt-in|affiliate|click here|our journalists|(?:your|personal) (?:data|information|details)|data protection)\b|\bterms of (?:use|service)\b/gi;

/**
 * The reader or the page addressed: a pronoun of the outlet or of its reader
 * (lower-case `us`, so that `US policy` is not one), a pointer at the page, or
 * a request or thanks to the reader (`Please enable…`, `Follow Harbour News on…`):
 * the story's own sentences do not open with an order.
 */
const ADDRESSES_READER = /\b(?:[Ww]e|[Oo]ur|us|[Yy]ou|[Yy]our)\b|\b[Tt]his (?:article|story|page|site|material|content|video|post)\b|\b(?:below|above)\b/;
const ASKS_READER = /^(?:please|thank you|thanks|follow|like|get|click|tap|download|subscribe|join|email|contact|chat|visit)\b/i;
/** The outlet naming itself (lower-case `us` again) or pointing at its page. */
const OUTLET_OR_PAGE = /\b(?:[Ww]e|[Oo]ur|us)\b|\b[Tt]his (?:article|story|page|site|material|content|video|post)\b|\b(?:below|above)\b/;
/** The reader speaking in a form the page fills in for them: `Save my name, email, and website in this browser…`. */
const READER_SPEAKS = /\b(?:I|my|me)\b/;

/** The story reporting what someone said or published: prose about a site, not the site's own words. */
const REPORTS = /["“”]|\b(?:said|says|told|tells|according to|reported|wrote|announced)\b/i;

/** A sentence of the page about itself runs to a paragraph at most. */
const MAX_WORDS = 80;

/** Distinct site words enough to tell the page's talk from a story that mentions one (`the app`, `a newsletter`). */
const MIN_SITE_WORDS = 2;

/** A line this short that addresses the reader needs one site word (`We welcome your comments.`, `Like us on Facebook`). */
const SHORT_LINE_WORDS = 12;

/** Whether a block is the site speaking to its reader about itself. */
export function isSiteTalk(text: string, signals: BlockSignals): boolean {
  if (signals.words > MAX_WORDS || REPORTS.test(text)) return false;
  const siteWords = new Set((text.match(SITE_WORD) ?? []).map((w) => w.toLowerCase())).size;
  // A story may tell its reader what to do about a website (`If you only need the timetable, you can download the app and
  // turn on its alerts`): a paragraph addressed to the reader alone, without the outlet or the page, takes one website word more.
  const readerOnly = !OUTLET_OR_PAGE.test(text) && !ASKS_READER.test(text);
  if (ADDRESSES_READER.test(text) || ASKS_READER.test(text)) {
    return signals.words <= SHORT_LINE_WORDS ? siteWords >= 1 : siteWords >= MIN_SITE_WORDS + (readerOnly ? 1 : 0);
  }
  // A blog's own first person tells its story: only the site's vocabulary, twice over, makes it the reader's form.
  return READER_SPEAKS.test(text) && siteWords >= MIN_SITE_WORDS;
}
