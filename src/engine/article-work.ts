/**
 * The part of a build that reads one article on its own — the index's terms,
 * the quote book's paragraph analyses, the timeline's events and their
 * sentences' tokens, all from one wink-nlp pass per text — and so can run in
 * another thread. What it makes is exactly what the build's remembered
 * functions (`nlp/memo.ts`) would compute; stored into them, the build then
 * finds it done. The cross-article parts (index, speakers, merged events)
 * are still put together by the build, in article order.
 */
import type { Token } from '../nlp/index.js';
import { sharingAnalyses, tokensOf } from '../nlp/index.js';
import type { Article } from '../corpus/types.js';
import { analyseParagraph, analyseForBuild } from '../quotes/analyse.js';
import type { Analysis } from '../quotes/analyse.js';
import { indexedSentenceTerms, sentenceTerms } from '../search/terms.js';
import type { SentenceTerms } from '../search/terms.js';
import { articleEvents, eventsForBuild } from '../timeline/index.js';
import { eventTokens } from '../timeline/merge.js';
import type { TimelineEvent } from '../timeline/types.js';

/** One article's share of a build, as plain data (it crosses threads). */
export interface ArticleWork {
  /** Index terms of the title, each paragraph and each section heading, by text. */
  terms: [string, SentenceTerms[]][];
  /** The quote book's analysis of each paragraph, by text. */
  quotes: [string, Analysis][];
  events: TimelineEvent[];
  /** Tokens of each event's sentence, by text (what merging events reads). */
  eventTokens: [string, Token[]][];
}

/** Every text the index takes terms from, for one article. */
function indexedTexts(article: Article): string[] {
  const texts = [article.title];
  for (const paragraph of article.paragraphs) {
    texts.push(paragraph.text);
    if (paragraph.section) texts.push(paragraph.section);
  }
  return texts;
}

/** One article's share of a build, computed afresh (in a helper thread: nothing is remembered there). */
export function workOnArticle(article: Article): ArticleWork {
  return sharingAnalyses(() => {
    const terms = new Map(indexedTexts(article).map((text) => [text, sentenceTerms(text)]));
    const quotes = new Map(article.paragraphs.map((p) => [p.text, analyseParagraph(p.text)]));
    const events = articleEvents(article);
    const tokens = new Map(events.map((e) => [e.text, tokensOf(e.text)]));
    return { terms: [...terms], quotes: [...quotes], events, eventTokens: [...tokens] };
  });
}

/** The same share, computed here through the remembered functions, so the build finds it done. */
export function rememberArticle(article: Article): void {
  sharingAnalyses(() => {
    for (const text of indexedTexts(article)) indexedSentenceTerms(text);
    for (const paragraph of article.paragraphs) analyseForBuild(paragraph.text);
    for (const event of eventsForBuild(article)) eventTokens(event.text);
  });
}

/** Stores a share made in another thread as if computed here. */
export function storeArticleWork(article: Article, work: ArticleWork): void {
  for (const [text, terms] of work.terms) indexedSentenceTerms.store(text, terms);
  for (const [text, analysis] of work.quotes) analyseForBuild.store(text, analysis);
  eventsForBuild.store(article, work.events);
  for (const [text, tokens] of work.eventTokens) eventTokens.store(text, tokens);
}

/** Whether a build still has to read this article (a reload finds most already remembered). */
export function needsWork(article: Article): boolean {
  return !eventsForBuild.has(article) || article.paragraphs.some((p) => !analyseForBuild.has(p.text) || !indexedSentenceTerms.has(p.text));
}
