/**
 * A saved web page (`.html`, a browser's "Save page as") as article input:
 * the article is extracted with Readability (the Firefox Reader View engine)
 * over a linkedom DOM, cut into blocks by its markup (paragraphs, headings,
 * list items, figure captions), and its metadata read from the page's meta
 * tags and JSON-LD, so that sources.json is needed only to correct it.
 *
 * linkedom rather than jsdom: on the 17 saved pages of
 * eval/corpora/copied-news-pages-html (50–190 KB each, 2-core machine under
 * load) Readability found the same text over both (all 155 labelled
 * quotations), but linkedom took 223 ms a page and grew the process by 56 MB,
 * jsdom 2,635 ms a page and 285 MB.
 */
import { createRequire } from 'node:module';
import type * as ReadabilityModule from '@mozilla/readability';
import type * as Linkedom from 'linkedom';
import type { SourceInfo } from './types.js';
import type { PageUnit } from './classify.js';
import { normaliseText } from './hygiene.js';
import { splitUnits } from './layout.js';

/**
 * linkedom and Readability (some 150 modules) are loaded when the first saved
 * page is read, not by every start: a start served from the cache reads none.
 */
const load = createRequire(import.meta.url);
let linkedom: typeof Linkedom | null = null;
const parseHTML: typeof Linkedom.parseHTML = (html, globals) => (linkedom ??= load('linkedom') as typeof Linkedom).parseHTML(html, globals);

/** What the page says about itself; every field may be missing. */
export interface PageMetadata {
  title?: string;
  outlet?: string;
  author?: string;
  url?: string;
  /** `YYYY-MM-DD` (the day the page gives, as written in its own time zone). */
  published?: string;
}

export interface HtmlArticle {
  units: PageUnit[];
  metadata: PageMetadata;
}

/** Smallest DOM surface this module uses, so another DOM can be measured against linkedom. */
type DomDocument = ReturnType<typeof parseHTML>['document'];

/** Fewer words than this in what Readability extracted: no article on the page. */
const MIN_ARTICLE_WORDS = 20;

/** Block elements whose text is one unit of the article. */
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, figcaption, blockquote, pre, dd, dt, td';

const squash = (s: string): string => normaliseText(s).replace(/\s+/g, ' ').trim();

function meta(document: DomDocument, ...names: string[]): string | undefined {
  for (const name of names) {
    const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const value = squash(el?.getAttribute('content') ?? '');
    if (value) return value;
  }
  return undefined;
}

/** `By Jane Doe — November 18, 2019` → `Jane Doe`; a URL or a placeholder is no author. */
function cleanAuthor(value: string | undefined): string | undefined {
  if (!value || /^(?:https?:|www\.)|^(?:undefined|null|admin)$/i.test(value)) return undefined;
  const name = value.replace(/^by\s+/i, '').replace(/\s*[—–|,]\s*(?:\p{L}+ \d{1,2}, \d{4}|\d{1,2} \p{L}+ \d{4}).*$/u, '').trim();
  return name || undefined;
}

/** Every JSON-LD object on the page, `@graph`s and arrays flattened. */
function jsonLd(document: DomDocument): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      out.push(node as Record<string, unknown>);
      visit((node as Record<string, unknown>)['@graph']);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is the page's problem; the meta tags may still do.
    }
  }
  return out;
}

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|WebPage|ReportageArticle)$/;

const nameOf = (value: unknown): string | undefined => {
  if (typeof value === 'string') return squash(value) || undefined;
  if (Array.isArray(value)) return value.map(nameOf).filter(Boolean).join(', ') || undefined;
  if (value && typeof value === 'object') return nameOf((value as Record<string, unknown>).name);
  return undefined;
};

/** `2019-11-19T05:22:50Z`, `2019-11-19`, `Tue, 19 Nov 2019 …` → `2019-11-19` (the calendar day as the page writes it). */
export function dayOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString().slice(0, 10);
}

function readMetadata(document: DomDocument): PageMetadata {
  const ld = jsonLd(document).find((o) => ARTICLE_TYPES.test(String(o['@type'] ?? ''))) ?? {};
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const fields: PageMetadata = {
    title: meta(document, 'og:title', 'twitter:title') ?? nameOf(ld.headline) ?? (squash(document.querySelector('title')?.textContent ?? '') || undefined),
    outlet: meta(document, 'og:site_name', 'application-name') ?? nameOf(ld.publisher),
    author: meta(document, 'author', 'article:author', 'byl') ?? nameOf(ld.author),
    url: (canonical && /^https?:\/\//.test(canonical) ? canonical : undefined) ?? meta(document, 'og:url') ?? nameOf(ld.url),
    published: dayOf(
      meta(document, 'article:published_time', 'article:published', 'datePublished', 'pubdate', 'date', 'dc.date', 'DC.date.issued') ??
        nameOf(ld.datePublished),
    ),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as PageMetadata;
}

/** The article's blocks in reading order, innermost blocks only, captions and headings marked. */
function blocksOf(contentHtml: string, textContent: string): PageUnit[] {
  const { document } = parseHTML(`<!doctype html><html><body>${contentHtml}</body></html>`);
  const units: PageUnit[] = [];
  for (const el of document.querySelectorAll(BLOCKS)) {
    if (el.querySelector(BLOCKS)) continue;
    const text = squash(el.textContent ?? '');
    if (text === '') continue;
    const tag = el.tagName.toLowerCase();
    const hint = tag === 'figcaption' ? 'caption' : /^h[1-6]$/.test(tag) ? 'heading' : undefined;
    units.push(hint ? { text, hint } : { text });
  }
  // A page that puts its text in bare <div>s: fall back to the text's own lines.
  const covered = units.reduce((n, u) => n + u.text.length, 0);
  if (covered < 0.5 * squash(textContent).length) return splitUnits(textContent).map((text) => ({ text }));
  return units;
}

/** A page title often ends with its site's name ("Ferry plan approved | Harbour News", "… - HarbourNews.com"): the article's title does not. */
export function withoutOutlet(title: string, outlet: string): string {
  const key = (s: string): string => s.toLowerCase().replace(/\.(?:com|co\.uk|org|net|news)$/, '').replace(/[^\p{L}\p{N}]+/gu, '');
  const match = /^(.+?)\s+[|\-\u2013\u2014:]\s+([^|\-\u2013\u2014]+)$/u.exec(title);
  return match?.[1] && match[2] && key(match[2]) === key(outlet) ? match[1] : title;
}

/**
 * Extracts the article of a saved page; null when Readability finds none
 * (the caller skips the file and reports it).
 */
export function readHtmlPage(html: string, dom: (html: string) => DomDocument = (h) => parseHTML(h).document): HtmlArticle | null {
  const document = dom(html);
  // Read before Readability, which rewrites the document as it goes.
  const metadata = readMetadata(document);
  const { Readability } = load('@mozilla/readability') as typeof ReadabilityModule;
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  // Readability always returns its best attempt; a few words (a menu, a cookie notice) are not an article.
  if (!article?.content || (article.textContent ?? '').split(/\s+/).filter(Boolean).length < MIN_ARTICLE_WORDS) return null;
  metadata.title ??= article.title ? squash(article.title) : undefined;
  if (metadata.title === undefined) delete metadata.title;
  if (!metadata.outlet && article.siteName) metadata.outlet = squash(article.siteName);
  if (!metadata.author && article.byline) metadata.author = squash(article.byline);
  const author = cleanAuthor(metadata.author);
  if (author) metadata.author = author;
  else delete metadata.author;
  if (metadata.title && metadata.outlet) metadata.title = withoutOutlet(metadata.title, metadata.outlet);
  const published = metadata.published ?? dayOf(article.publishedTime ?? undefined);
  if (published) metadata.published = published;
  const units = blocksOf(article.content, article.textContent ?? '');
  return units.length > 0 ? { units, metadata } : null;
}

/** The page's metadata as a sources.json entry, with the moderator's entry on top: sources.json only corrects. */
export function withPageMetadata(page: PageMetadata, entry: SourceInfo | undefined): SourceInfo {
  const fromPage: SourceInfo = {
    ...(page.title ? { title: page.title } : {}),
    ...(page.outlet ? { outlet: page.outlet } : {}),
    ...(page.author ? { author: page.author } : {}),
    ...(page.url ? { url: page.url } : {}),
    ...(page.published ? { published: page.published, precision: 'day' as const } : {}),
  };
  const corrected: SourceInfo = { ...fromPage };
  for (const [key, value] of Object.entries(entry ?? {})) if (value !== undefined && value !== '') (corrected as Record<string, unknown>)[key] = value;
  // A corrected date without its own precision takes the precision its string shows.
  if (entry?.published && !entry.precision) delete corrected.precision;
  return corrected;
}
