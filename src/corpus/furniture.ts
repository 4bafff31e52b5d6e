/**
 * The kinds of page furniture that have a shape of their own: captions and
 * credits, bylines and datelines, reporter bios, sign-offs, share and
 * sign-up lines, adverts, copyright lines, comment forms. Each recogniser
 * reads the block's words and its measured signals (signals.ts), never a
 * particular site's wording; what none of them names is left to the
 * classifier (classify.ts), which decides body or furniture from the signals
 * and the neighbours.
 */
import type { BlockSignals } from './signals.js';
import { CALENDAR_WORD, signalsOf } from './signals.js';
import { isSiteTalk } from './site-talk.js';

/**
 * A pattern of plain words (no escapes) matching in any case, for regexes that
 * must also tell capitals apart: under the `i` flag `\p{Lu}` matches every
 * letter, so `By then, it was late.` read as a byline.
 */
const caseless = (words: string): string => words.replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);

/** Markers removed wherever they appear inside a paragraph. */
const INLINE_MARKERS: RegExp[] = [
  /\s*\b(?:ARTICLE|STORY) CONTINUES (?:BELOW|AFTER) (?:THE )?(?:AD|ADVERTISEMENT)\b\s*/gi,
  /\s*\bCONTINUE READING (?:BELOW|THE MAIN STORY)\b\s*/gi,
  /\s*\((?:with )?(?:additional )?(?:inputs?|reporting) (?:from|by) [^)]{1,60}\)\s*$/i,
  /\s*<link>\s*/gi,
];

export function stripInlineMarkers(text: string): string {
  let out = text;
  for (const marker of INLINE_MARKERS) out = out.replace(marker, ' ');
  // `*Wall Street Journal*earlier` — emphasis marks left by a copied page.
  out = out.replace(/\*([^*\n]{1,80}?)\s*\*(?=\w)/g, '$1 ').replace(/\*([^*\n]{1,80}?)\*/g, '$1');
  return out.replace(/[ \t]{2,}/g, ' ').trim();
}

/**
 * A wire agency's sign-off glued to the last sentence (`… he said. REUTER`):
 * one capitalised word after the final full stop.
 */
export function stripTrailingSignOff(text: string): string {
  return text.replace(/(?<=[.!?"”’])\s+(?:[-–—]+\s*)?\p{Lu}{2,}(?:\s*[-–—]+)?$/u, '');
}

/** Furniture kinds a block can be recognised as on its own. */
export type FurnitureKind =
  | 'advert'
  | 'copyright'
  | 'share'
  | 'comments'
  | 'byline'
  | 'dateline'
  | 'credit'
  | 'bio'
  | 'signoff'
  | 'post-signature'
  | 'navigation';

const ADVERT = /^(?:advertisement|advert|sponsored(?: content)?|ad|paid (?:post|content)|story continues below(?: advertisement)?)$/i;
/** `Copyright 2019 Harbour News`, `© Harbour News`: the word is followed by the mark, a year or the owner's name ("Copyright lawyers said…" is news). */
const COPYRIGHT = new RegExp(
  String.raw`^(?:${caseless('copyright')}\s*(?:[©@]|\([cC]\)|(?:19|20)\d{2}\b|\p{Lu}|$)|©|\([cC]\)\s)|\b${caseless('all rights reserved')}\.?$`,
  'u',
);
/** A comment section's heading: `Comments`, `12 comments`, `Comments (4)`. */
const COMMENTS_HEADING = /^\d* ?comments?(?: ?\([^)]{0,12}\))?:?$/i;
export const isCommentsHeading = (text: string): boolean => COMMENTS_HEADING.test(text.trim());
const COMMENT_FORM = new RegExp(
  String.raw`^(?:(?:leave|post|add|write) a (?:comment|reply)|your email address will not be published|required fields are marked|this site uses akismet|(?:join|view|show|read|see|open) (?:the )?(?:comments?|discussion|conversation)(?: thread)?[.!]?$)|${COMMENTS_HEADING.source}`,
  'i',
);
/** A line that introduces the page itself, not the news: `Skip to content`, `Sign up…`, `View the original article…`. */
const PAGE_ACTION =
  /^(?:skip to|sign up|sign in|log in|subscribe\b|get alerts|follow (?:us|the topics|@)|reuse this content|(?:read|view|see) (?:the )?(?:original|full) (?:article|story)|(?:click|tap) here|download (?:the|our) app|share (?:this|on|via)\b|view this post on|a post shared by|(?:like|enjoy(?:ed)?) this (?:story|article)\?|also on [\w-]+\.\w{2,}\b|(?:read more|see more|see also|also read|read also|also see|more|watch|listen|video|photos|gallery|audio|related|recommended|explore more)\s*:)/i;
/** Words of a page speaking to its reader: `Subscribe now`, `Click here`, `Sign up to our newsletter`. */
const TO_THE_READER = /\b(?:you|your|our|us|here|now|today|free)\b/i;
/** The page's index terms for the story: `Tags Kristi Noem South Dakota`, `Topics: Dams, Water`. */
const TAG_LIST = new RegExp(String.raw`^(?:${caseless('tags|topics|filed under|categories|related topics')})\b\s*:?\s*\p{Lu}`, 'u');
/**
 * Another story's headline glued to its teaser, which opens with a wire
 * dateline in capitals: `Deportees return home from US NEW DELHI: Their…`.
 * The story's own paragraph opens with its dateline; a headline runs into it.
 */
const GLUED_DATELINE = /^[^.!?]{10,200}?[\p{L}\d’'‘)]\s+\p{Lu}{2,}(?:[ .-]+\p{Lu}{2,})*(?:,\s*\p{Lu}[\p{L}.]*\s+\d{1,2})?\s*(?::|\(\p{L}+\)\s*[-–—])\s+\p{Lu}/u;
/** The outlet addressing its reader about itself: `Catch up on the campaign with our weekly podcast`, `Sign up for our newsletter`. */
const SELF_PROMOTION =
  /^(?:catch up|sign up|listen|subscribe|follow|get|read|download|watch|check out|find|join|explore|discover|visit|keep up|stay up)\b.*\b(?:our|us)\b/i;
const OUTLET_OFFER = /\b(?:inbox|coverage|experts|reporters|journalists|updates|products|services)\b/i;
/** The outlet asking its reader for support: `We rely on readers like you to fund our journalism…`. */
const READER_PITCH = /\b(?:our (?:journalism|reporting|newsroom|journalists)|support (?:us|our)|subscriber|subscribe|subscription|donat(?:e|ion)|become a member|newsletter)\b/i;
/** A short line in which the page speaks of itself: `This article is more than 2 years old`, `Listen to this article · 6 min`. */
const PAGE_NOTICE = /^(?:listen to )?this (?:article|story|page|post)\b/i;
/** The page asking to be followed on a network: `Follow Harbour News on`, `Follow us on Twitter`. */
const FOLLOW_ON = /^[Ff]ollow\b.*\bon(?!\p{Ll})/u;
/** …or counts its readers: `This story has been shared 12,345 times.` */
const PAGE_COUNT = /^this \w+ (?:has been|was) (?:shared|viewed|read|liked)\b/i;
/**
 * Picture agencies and libraries, the closed class a credit line names:
 * `Getty Images`, `AFP via Getty Images`, `Reuters`, `EPA-EFE/Shutterstock`.
 */
const AGENCY = String.raw`(?:getty images|getty|afp|ap|associated press|reuters|epa|efe|pa(?: wire| media)?|press association|shutterstock|alamy|bloomberg|xinhua|anadolu(?: agency)?|dpa|ansa|aap|ani|pti|pool|handout|supplied|istock(?:photo)?|sipa(?: press)?|zuma(?: press| wire)?|nurphoto|rex features|file)`;
const AGENCIES = String.raw`${caseless(AGENCY)}(?:\s*(?:[-/,|&]|${caseless('via|and')})\s*${caseless(AGENCY)})*\)?$`;
const AGENCY_CREDIT = new RegExp(String.raw`^\(?${AGENCIES}`, 'u');
/** A photographer, a paper or an office handing the picture on: `Jane Roe/AFP`, `Jane Roe, AP`, `State Harbour Survey Records Office via AP`. */
const PASSED_ON_CREDIT = new RegExp(String.raw`^\(?\p{Lu}[\p{L}.'’&-]*(?:\s+\p{Lu}[\p{L}.'’&-]*){0,6}\s*(?:/|,|\b${caseless('via')}\b)\s*${AGENCIES}`, 'u');

/** The agency first and then its photographer: `REUTERS/Jane Roe`, `AP Photo/Jane Roe, File`. */
const AGENCY_FIRST_CREDIT = new RegExp(String.raw`^\(?${caseless(AGENCY)}(?:\s+${caseless('photo')})?\s*/\s*\p{Lu}[\p{L}.'’ -]{1,40}(?:\s*[/,]\s*[\p{L} ]{1,20})?\)?$`, 'u');

/** A line that names only who took or supplied a picture: it credits the picture just above it. */
export const isAgencyCredit = (text: string): boolean => AGENCY_CREDIT.test(text.trim()) || PASSED_ON_CREDIT.test(text.trim()) || AGENCY_FIRST_CREDIT.test(text.trim());
/** `By Jane Doe`, `By Jane Doe and John Roe, Reuters`, `Jane Doe | Transport correspondent`. */
const BYLINE = new RegExp(
  String.raw`^(?:${caseless('by|words by|written by|reporting by|story by')})\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|${caseless('and')}|&|de|van|von|al|bin)){0,6}(?:\s*[,|–—-]\s*.{0,60})?$`,
  'u',
);
/** A sentence that opens with `By` and a time (`By Friday, officials had counted…`), not a reporter's name. */
const BY_A_TIME = new RegExp(String.raw`^${caseless('by')}\s+(?:${CALENDAR_WORD.source}|\d)`, 'iu');

/** A byline names people and perhaps their outlet; a sentence with a clause after the comma is prose. */
function isByline(text: string, signals: BlockSignals): boolean {
  if (signals.words > 16 || BY_A_TIME.test(text)) return false;
  if (HANDLE_BYLINE.test(text)) return true;
  if (!BYLINE.test(text)) return false;
  const lowerWords = text.split(/\s+/).filter((w) => /^\p{Ll}/u.test(w) && !/^(?:and|de|van|von|al|bin)$/.test(w)).length;
  return !(signals.endsSentence && lowerWords >= 3);
}
/** `Jane Doe@janedoe`, `Jane Doe @janedoe`: a byline with the reporter's handle. */
const HANDLE_BYLINE = /^\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){1,3}\s*@\w{2,30}$/u;
/** A photo credit on its own line: `Jane Roe | Bloomberg |`, `Jane Roe/Reuters`. */
const STANDALONE_CREDIT = /^\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){1,3} ?[|/] ?\p{Lu}[\p{L} .&-]{1,40}(?: ?[|/])?$/u;
const JOB_TITLE =
  /\b(?:correspondent|reporter|editor|writer|columnist|journalist|contributor|staff writer|bureau chief|producer|photographer|analyst)s?\b/i;
/**
 * `(Reporting by X; Editing by Y)`, `Compiled by X`, `Additional reporting by X`, and the page's note
 * on its own history (`This story was first published on March 3 and has been updated.`, `A version of this article
 * appears in print on…`), whose date is the page's, not the news's.
 */
const WIRE_CREDIT =
  /^\(?\s*(?:(?:additional )?(?:reporting|writing|editing|compiled|edited|produced|graphics?) by\b.{0,160}\)?|[\p{Lu}][\p{L}.'’ -]{2,60} contributed (?:reporting|to this (?:report|article|story))\b.{0,80}|(?:editor[’']?s note:\s*)?(?:a version of )?this (?:article|story|report|piece|post) (?:(?:has been|was|is|also) )?(?:first |originally |previously )?(?:adapted|updated|corrected|amended|published|posted|republished|appeared|appears)\b.{0,120})$/iu;
/**
 * A reporter's bio: what a journalist does, in the third person or addressed
 * to the reader. Joining names a newsroom (`joined the state senate in 2011` is
 * a politician's career), and a journalist's role is present (`was a newspaper
 * editor` is someone's past, told by the story).
 */
const BIO =
  /\b(?:joined (?:the |The )?[\p{L} ]{0,30}?(?:paper|newspaper|newsroom|staff|desk|bureau|magazine)\s+in (?:\p{L}+ )?(?:19|20)\d{2}|(?:is|has been) (?:a|an|the) (?:[\p{L}’'-]+ ){0,4}(?:correspondent|reporter|editor|writer|columnist|journalist|contributor|producer)|follow (?:him|her|them) on|(?:can|may) be reached at)/iu;
/**
 * A reporter's beat and paper: `covers Congress and politics for The Washington Post`, `writes about energy for the
 * Harbour News`. The paper is named in capitals (`covers damage for the homeowners` is an insurance policy).
 */
const BIO_BEAT = /\b(?:covers?|writes? about)\s[\p{L},’' -]{1,50}?\sfor (?:[Tt]he )?[\p{Lu}\d]/u;
/** An address to write to; in a sentence it is the story's (`asked to email tips@…`), on a line of its own the reporter's. */
const EMAIL_ADDRESS = /@[\w.-]+\.\w{2,}\b/;

/** The line that signs a social-media post quoted in the page: `— Jane Roe (@janeroe) March 3, 2020`. */
const POST_SIGNATURE = /^[—–-]\s*\p{Lu}[^()]{0,60}\(@\w{1,30}\)(?:\s+[\p{L}\d ,.]{0,30})?$/u;

/** Credits that end a photo caption: `Image copyright AFP`, `Photograph: X/Agency`, `Source: Supplied`, `© Bloomberg`. */
const CAPTION_CREDIT =
  /\s*(?:\bcredit(?:\.{2,}|…)\s*[^\n]{1,80}|\b(?:image|photo|picture) (?:copyright|credit|source):?\s+[\w .&/-]{1,40}|\b(?:photographer|photograph|photo|picture|image|credit|source|illustration):\s*[\w .&/,'-]{1,60}|©\s*[\w .&/-]{1,40}|\((?:[\w ]{0,20}(?:photo|image|picture|credit)[^)]{0,60})\))$/i;
/**
 * A picture agency after the caption's last full stop or a separator, with the
 * photographer in capitals (`…on Tuesday. EPA/JANE ROE`, `Jane Roe | Getty
 * Images`); a sentence that ends by naming the
 * agency (`according to EPA data.`, `approved by the EPA.`) is prose.
 */
const AGENCY_AFTER_CAPTION = new RegExp(
  String.raw`(?<=^|[.!?”"')\]|/,–—-])\s*(?:${caseless('getty images|afp photo|reuters photo|ap photo|epa|shutterstock')})\b(?:\s*[/|,&-]?\s*\p{Lu}[\p{L}.'’-]*)*\s*$`,
  'u',
);

/**
 * Credits that need capitals to be told from prose: a photographer and agency
 * glued to the caption's last full stop (`…Austria.Jane Roe / Reuters`), or in
 * brackets on their own (`(Jane Roe/AFP/Getty Images)`).
 */
const NAMED_CREDIT =
  /(?:(?<=[\p{Ll}\d][.!?])\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){0,3} ?\/ ?\p{Lu}[\p{L} .&-]{1,40}|\s*\(\p{Lu}[\p{L} .'’-]{1,40}\/\p{Lu}[\p{L} ./&-]{1,60}\))$/u;

/** Words of a credit that start in lower case without being its links (`courtesy of the family`). */
const CREDIT_LINKS = new Set(['of', 'the', 'and', 'by', 'via', 'for', 'courtesy', 'file', 'photo', 'image', 'picture']);

/** A credit reads as a clause of prose when it holds three or more other lower-case words (`Source: a memo seen by reporters.`). */
const readsOn = (credit: string): boolean =>
  credit.split(/[\s/|,]+/).filter((w) => /^\p{Ll}/u.test(w) && !CREDIT_LINKS.has(w.replace(/[^\p{L}]/gu, ''))).length >= 3;

/** The text without the credit at its end, or as it is when it ends with none. */
function withoutCredit(text: string): string {
  let out = text;
  for (const credit of [CAPTION_CREDIT, AGENCY_AFTER_CAPTION, NAMED_CREDIT]) {
    const match = credit.exec(out);
    if (match && !readsOn(match[0])) out = out.slice(0, match.index);
  }
  return out.trim();
}

const creditAtEnd = (text: string): boolean => withoutCredit(text) !== text.trim();

/** A caption that only describes the picture (who poses, who is seen) rather than reporting news. */
const PHOTO_ONLY_CAPTION = /\b(?:poses?|posing|pictured|photographed|is seen|are seen|file photo|portrait)\b/i;

/** Where someone stands in the picture: `Jane Roe, left, and John Doe shake hands`, `(L to R)`. */
const PICTURE_POSITION =
  /\p{Lu}[\p{L}.'’-]+,\s(?:left|right|centre|center|second (?:from )?(?:left|right)|far (?:left|right)|foreground|background)\s?,|\((?:l to r|left to right|from left)\)/iu;
/** A verb of saying in the past: what the story reports someone said, not what a picture shows. */
const REPORTED_SPEECH = /\b(?:said|told|added|explained|announced|warned|insisted|argued|wrote)\b/;
/** A caption's own label: `Image caption`, `Photo caption:`. */
const IMAGE_CAPTION_PREFIX = /^(?:image|photo|picture|media|video) caption[:,]?\s*/i;
/** The wire's file-picture mark (`FILE - Workers walk…`), in capitals only, so that prose is never taken for it. */
const FILE_PICTURE_PREFIX = /^FILE\s*[-–—:]\s*/;
const withoutCaptionPrefix = (text: string): string => text.replace(IMAGE_CAPTION_PREFIX, '').replace(FILE_PICTURE_PREFIX, '');
/** A caption that says it describes a picture: `In this photo issued by…`, `In this Nov. 3, 2019, file photo, …`. */
const PICTURE_OPENING =
  /^in this (?:[\p{L}\d.,' -]{0,40} )?(?:photo|photograph|image|picture|video|frame grab|handout)\b|^this (?:[\p{L}\d.,' -]{0,40}?(?:\d{4},?|file|handout) )(?:photo|photograph|image|picture)\b/iu;
const IMAGE_SOURCE = /^(?:image|photo|picture|media) (?:source|copyright|credit),?\s.{0,60}$/i;
/**
 * Where the whole story came from, closing it: `SOURCE: News agencies`, `Source: Harbour News and agencies`,
 * `With agencies`. It signs the story off; it credits no picture, so the paragraph above it is no caption.
 */
const STORY_SOURCE = /^(?:sources?\s*:|with)\s*(?:[\p{L}'’ ]{1,40}\s(?:and|&)\s+)?(?:(?:news|wire) )?(?:agencies|wire services|wires)\.?$/iu;
export const isStorySource = (text: string): boolean => text.length <= 80 && STORY_SOURCE.test(text.trim());

/**
 * Names the kind of a block that is furniture by its own shape, or returns
 * null when the block's kind depends on its neighbours.
 */
export function recogniseFurniture(text: string, signals: BlockSignals): FurnitureKind | null {
  if (ADVERT.test(text)) return 'advert';
  if (signals.words <= 40 && COPYRIGHT.test(text)) return 'copyright';
  if (signals.words <= 40 && COMMENT_FORM.test(text)) return 'comments';
  // …unless it is a sentence of the story that opens with the same words (`Sign up for the vaccine opened on Monday, officials said.`):
  // the page's own sentence is short or speaks to the reader.
  if (signals.words <= 25 && PAGE_ACTION.test(text) && (!signals.endsSentence || signals.words <= 8 || TO_THE_READER.test(text))) return 'share';
  // …and says what of itself it offers: a podcast, a page, a newsletter ("Join us in the fight" is news).
  if (signals.words <= 40 && SELF_PROMOTION.test(text) && (signals.navigationShare > 0 || OUTLET_OFFER.test(text))) return 'share';
  // The outlet (we, our) asking the reader (you) for money or a sign-up; a quotation of someone asking is news.
  if (signals.words <= 80 && READER_PITCH.test(text) && /\byou(?:r)?\b/i.test(text) && /\b(?:we|our|us)\b/i.test(text) && !/["“”]/.test(text)) {
    return 'share';
  }
  if (signals.words <= 12 && (!signals.endsSentence || PAGE_COUNT.test(text)) && PAGE_NOTICE.test(text)) return 'share';
  // `Follow Harbour News on`, and the networks after it: a prompt, not a sentence.
  if (signals.words <= 8 && !signals.endsSentence && FOLLOW_ON.test(text)) return 'share';
  if (signals.words <= 20 && !signals.endsSentence && TAG_LIST.test(text)) return 'navigation';
  if (isGluedTeaser(text)) return 'navigation';
  if (signals.words <= 40 && WIRE_CREDIT.test(text)) return 'credit';
  if (isSiteTalk(text, signals)) return 'share';
  if (IMAGE_SOURCE.test(text)) return 'credit';
  if (POST_SIGNATURE.test(text)) return 'post-signature';
  if (isByline(text, signals)) return 'byline';
  if (STANDALONE_CREDIT.test(text)) return 'credit';
  if (signals.words <= 12 && !signals.endsSentence && JOB_TITLE.test(text) && signals.capitalShare >= 0.5) return 'byline';
  if (signals.dateOnly) return 'dateline';
  // Agencies in capitals listed under a picture: `ITV, ASSOCIATED PRESS`, `POOL/AFP`.
  if (signals.allCaps && signals.words <= 5 && !signals.endsSentence && /\p{L}\s*[,/]\s*\p{L}/u.test(text)) return 'credit';
  // A wire agency's name alone on its line: `REUTER`, `AP`.
  if (signals.allCaps && signals.words <= 2 && !signals.endsSentence) return 'signoff';
  if (isAgencyCredit(text)) return 'credit';
  // Mostly share/sign-up/menu words: a share bar or a menu. A sentence is one only when every other word is a function word
  // (`Read more about sharing.`); `Facebook and Twitter removed the video.` is news.
  const pageTalk = !signals.endsSentence || signals.contentShare === 0;
  // A short line is a menu entry when its words are navigation and function words (`View all (4)`), or two are navigation words
  // (`Watch the harbour video`): one such word in a heading (`What happens next`) is the story's own word.
  const navigationWords = Math.round(signals.navigationShare * signals.words);
  const menuLine = !signals.endsSentence && signals.words <= 12 && signals.navigationShare >= 0.3 && (navigationWords >= 2 || signals.contentShare === 0);
  if ((signals.navigationShare >= 0.5 && pageTalk) || menuLine) {
    return 'navigation';
  }
  // A link to another story set in brackets: `(Flight 8501: What we know so far)`. A bracketed note that is a sentence is prose,
  // its full stop left off or not (`(The company did not respond to a request for comment)`): a clause as long and as rich in
  // function words as prose, not announced as a link.
  if (signals.words <= 25 && /^\([^()]+\)$/.test(text) && !/[.!?]["”’]?\)$/.test(text) && !isBracketedAside(text)) return 'navigation';
  return null;
}

/** Words enough, and a share of function words, for a bracketed line to be a clause of prose rather than a headline. */
const ASIDE_WORDS = 8;
const ASIDE_STOP_SHARE = 0.3;

/** A bracketed clause of the story: `(The company did not respond to a request for comment)`. */
function isBracketedAside(text: string): boolean {
  const inner = text.slice(1, -1).trim();
  const signals = signalsOf(inner);
  return signals.words >= ASIDE_WORDS && signals.stopShare >= ASIDE_STOP_SHARE && !PAGE_ACTION.test(inner) && !/:/.test(inner);
}

/** A headline run into another story's teaser: the capitals of the dateline name four letters or more (`told CNN:` is prose). */
function isGluedTeaser(text: string): boolean {
  const match = GLUED_DATELINE.exec(text);
  if (!match) return false;
  const capitals = /\s(\p{Lu}{2,}(?:[ .-]+\p{Lu}{2,})*)(?:,\s*\p{Lu}[\p{L}.]*\s+\d{1,2})?\s*(?::|\()/u.exec(match[0]);
  if (!capitals || capitals[1]!.replace(/[^\p{Lu}]/gu, '').length < 4) return false;
  // Someone speaking to a broadcaster or agency (`later told MSNBC: It is over`) is a sentence of the story, not a headline.
  return !SPOKEN_TO.test(match[0].slice(0, capitals.index));
}

/** A verb of saying at the end of what comes before a name in capitals. */
const SPOKEN_TO = /\b(?:told|tells|said|says|asked|asks|wrote|writes|added|adds|explained|according to)\s*(?:the\s*)?$/i;

/** A wire story's closing credit (`(Reporting by X; Editing by Y)`, `X contributed to this report.`): the story ends above it. */
export const isWireCredit = (text: string): boolean => text.split(/\s+/).length <= 40 && WIRE_CREDIT.test(text);

/** A reporter's bio; only believed outside the article body (classify.ts decides where that is). */
export function looksLikeBio(text: string, signals: BlockSignals): boolean {
  return signals.words <= 80 && (BIO.test(text) || BIO_BEAT.test(text) || (EMAIL_ADDRESS.test(text) && !signals.endsSentence));
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
  const hasPrefix = IMAGE_CAPTION_PREFIX.test(unit) || FILE_PICTURE_PREFIX.test(unit);
  const hasCredit = creditAtEnd(unit);
  // A caption tells what the picture shows in the present (`Reed, left, speaks with…`); `Reed, left, said…` reports words.
  const placed = PICTURE_POSITION.test(unit) && !REPORTED_SPEECH.test(unit);
  if (!hasPrefix && !hasCredit && !PICTURE_OPENING.test(unit) && !placed) return { kind: 'not-caption' };
  // A credit glued to the caption (`…2018.Image copyright AFP`) may hide a second credit.
  const text = withoutCredit(withoutCaptionPrefix(withoutCredit(unit)));
  // What is left may be the credit's first half (`Jane Roe | Bloomberg | Getty Images`).
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  if (words < 4 || PHOTO_ONLY_CAPTION.test(text) || STANDALONE_CREDIT.test(text) || isAgencyCredit(text)) return { kind: 'drop' };
  return { kind: 'keep', text };
}

/** A heading over a summary of the story (`Key points`, `Highlights`): what it lists repeats the body. */
const SUMMARY_HEADING = /^(?:key (?:points|facts|takeaways)|highlights|summary|in brief|at a glance|what you need to know|the essentials)\s*:?$/i;

export const isSummaryHeading = (text: string): boolean => SUMMARY_HEADING.test(text);

/** Headings after which the rest of the page is a sidebar of other stories. */
const SIDEBAR_HEADING =
  /^(?:in the same category(?: are)?|related(?: stories| articles| news| content| topics| coverage| links| reading)?|more (?:on this story|from [\p{L} ]{1,30}|stories|news|coverage|in [\p{L} ]{1,30})|you (?:may|might) (?:also )?(?:like|have missed|be interested in)|recommended(?: for you| stories| reading)?|read (?:more|next)|(?:most|the) (?:read|popular|viewed|shared|commented)(?: (?:stories|articles|news|posts|videos|today|now|this week))?|top stories|trending(?: now)?|news latest|latest (?:news|stories|headlines)|editors?[’']? picks|what to read next|from around the web|around the web|sponsored (?:content|stories|links))\s*:?$/iu;

/** A heading that announces other stories: what follows it is a sidebar, not the article. */
export function isSidebarHeading(text: string, signals: BlockSignals): boolean {
  return signals.words <= 8 && SIDEBAR_HEADING.test(text) && !STORY_HEADING.test(text);
}

/**
 * "More from the minister", "More in store": a section heading of the story worded like a box, whose
 * "more from/in" names no section or outlet (`More from UK`, `More in Politics`, `More from the BBC`).
 */
const STORY_HEADING = /^[Mm]ore (?:from|in) (?:the )?(?!(?:our|around|across|the|web|elsewhere|this|these)\b)\p{Ll}/u;
