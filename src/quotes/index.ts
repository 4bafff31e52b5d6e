/**
 * `/quote <speaker>`: every quotation in the corpus with who said it and why,
 * the speakers with their aliases, and looking a speaker up by name or role as
 * typed. Knows nothing about Discord.
 *
 * The stages, in order (one file each):
 * 1. extract.ts        quotation marks → quoted spans; sentences never split inside a quotation
 * 2. analyse.ts        one paragraph read once: spans, sentence scopes, and the clues outside
 *                      the marks (cues.ts: speech verbs with their subject phrase, read by
 *                      phrases.ts and subjects.ts; name-runs.ts: capitalised names with what
 *                      their neighbours say); terms.ts: which
 *                      quotations are labels (`the so-called "…"`), never anyone's words
 * 3. people.ts         corpus-wide: which names are people, places, organisations; spellings of
 *                      one person; titles.ts: who holds which title, each person's roles.
 *                      organisations.ts: one name per organisation, its abbreviations and short forms
 * 4. attribute.ts      the decisions, article by article, reading stages 2–3 only: each
 *                      quotation's speaker and the rule that decided it, or null; gender.ts:
 *                      which pronoun the article gives each person, so `he` is never a `Ms X`
 * 5. registry.ts       the speakers and their aliases, a pure function of the decisions
 * 6. overrides.ts      a moderator's corrections (seeds/speakers.json), applied last
 * vocabulary.ts holds the English word lists every stage shares; speakers.ts matching a typed name
 * (spelling.ts: how far apart two spellings are).
 */
import type { Article } from '../corpus/types.js';
import type { Quotation, Speaker } from './types.js';
import { attributionOf } from '../corpus/attribution.js';
import { analyseForBuild } from './analyse.js';
import type { Analysis } from './analyse.js';
import { attributeArticle } from './attribute.js';
import type { Decision } from './types.js';
import { scopeAt } from './extract.js';
import { Organisations } from './organisations.js';
import { NO_OVERRIDES } from './overrides.js';
import type { SpeakerOverrides } from './overrides.js';
import { People } from './people.js';
import { buildRegistry } from './registry.js';
import { normaliseName } from './speakers.js';
import { SpeakerRegistry } from './speakers.js';
import type { Resolution, SpeakerRegistryJSON } from './speakers.js';

export { QuotesDataError, readSpeakerOverrides, parseSpeakerOverrides, SPEAKERS_FILE } from './overrides.js';
export type { SpeakerOverrides, SpeakerOverride, QuotationOverride } from './overrides.js';
export { normaliseName } from './speakers.js';
export { editDistance } from './spelling.js';

export interface QuoteBook {
  /** Every quotation in corpus order; `speaker` is null when the text does not say who spoke. */
  quotations: Quotation[];
  /** People and organisations with at least one quotation, most quoted first. */
  speakers: Speaker[];
  /** A name as typed → its canonical name, or null and up to five closest names (none when `suggest` is false). */
  resolve(name: string, suggest?: boolean): Resolution;
  /**
   * A speaker's quotations in article-date order, then paragraph order (an alias works too); the same words
   * reported by several articles are one entry, the first report, citing the others in `alsoReportedBy`.
   */
  quotesOf(speaker: string): Quotation[];
  /** Speakers whose name or an alias starts with `prefix` (or has a word that does), most quoted first; for autocomplete. */
  complete(prefix: string, limit?: number): Speaker[];
  toJSON(): QuoteBookJSON;
}

/** A quote book as plain data (`toJSON` / `restoreQuoteBook`): restoring it needs no NLP. */
export interface QuoteBookJSON {
  quotations: Quotation[];
  registry: SpeakerRegistryJSON;
}

/** How many speakers `complete` returns by default: Discord's autocomplete limit. */
export const DEFAULT_COMPLETE_LIMIT = 25;

/** Finds, attributes and indexes every quotation in the articles. */
export function buildQuoteBook(articles: Article[], overrides: SpeakerOverrides = NO_OVERRIDES): QuoteBook {
  const analyses = new Map<string, Analysis[]>(articles.map((a) => [a.articleId, a.paragraphs.map((p) => analyseForBuild(p.text))]));
  const people = new People(analyses);
  const organisations = new Organisations(
    Organisations.mentionsIn(
      analyses.values(),
      (name, withThe) => {
        const cls = people.classify(name);
        return cls === 'org' || (withThe && cls !== 'person');
      },
      (word) => people.classify(word) === 'place',
    ),
    Organisations.namesWrittenIn(analyses.values()),
  );
  const quotations: Quotation[] = [];
  const decisions: (Decision | null)[] = [];
  for (const article of articles) {
    const paragraphs = analyses.get(article.articleId) ?? [];
    for (const { paragraph: pi, span, decision } of attributeArticle(article.articleId, paragraphs, people, organisations)) {
      // A photo caption is kept for the timeline only: its words are not a quotation of the story.
      if (article.paragraphs[pi]?.kind === 'caption') continue;
      decisions.push(decision);
      const p = paragraphs[pi]!;
      const paragraph = article.paragraphs[pi]!;
      const first = scopeAt(p.scopes, span.open);
      const last = scopeAt(p.scopes, Math.max(span.open, span.close - 1));
      quotations.push({
        ...attributionOf(article),
        paragraphId: paragraph.id,
        paragraph: paragraph.number,
        text: span.text,
        context: p.text.slice(Math.min(first.start, span.open), Math.max(last.end, span.close)).trim(),
        speaker: decision?.speaker ?? null,
        rule: decision?.rule ?? null,
      });
    }
  }
  const registry = buildRegistry(decisions, people, organisations, articles);
  applyOverrides(quotations, registry, overrides);
  return bookOf(articles, quotations, registry);
}

/** The quote book `toJSON` saved, over the same articles, answering exactly as the saved one did. */
export function restoreQuoteBook(data: QuoteBookJSON, articles: Article[]): QuoteBook {
  return bookOf(articles, data.quotations, SpeakerRegistry.fromJSON(data.registry));
}

function bookOf(articles: Article[], quotations: Quotation[], registry: SpeakerRegistry): QuoteBook {
  const order = new Map(articles.map((a, i) => [a.articleId, i]));
  const byDate = (a: Quotation, b: Quotation): number =>
    (a.published ?? '\uffff').localeCompare(b.published ?? '\uffff') ||
    (order.get(a.articleId) ?? 0) - (order.get(b.articleId) ?? 0) ||
    a.paragraph - b.paragraph;
  const bySpeaker = entriesBySpeaker(quotations, byDate);
  const speakers: Speaker[] = [...bySpeaker]
    .map(([name, entries]) => ({ name, kind: registry.kindOf(name) ?? 'person', aliases: registry.aliasesOf(name), quoteCount: entries.length }))
    .sort((a, b) => b.quoteCount - a.quoteCount || a.name.localeCompare(b.name));
  const known = new Set(bySpeaker.keys());
  // Roles complete too: typing `prosec` offers whoever was written as a prosecutor.
  const searchable = speakers.map((s) => ({ speaker: s, keys: [s.name, ...s.aliases].map(normaliseName).concat(registry.rolesOf(s.name)) }));

  const resolve = (name: string, suggest = true): Resolution => registry.resolve(name, known, suggest);
  return {
    quotations,
    speakers,
    resolve,
    toJSON: () => ({ quotations, registry: registry.toJSON() }),
    quotesOf(speaker: string): Quotation[] {
      const name = known.has(speaker) ? speaker : resolve(speaker).speaker;
      return name ? [...(bySpeaker.get(name) ?? [])] : [];
    },
    complete(prefix: string, limit = DEFAULT_COMPLETE_LIMIT): Speaker[] {
      const p = normaliseName(prefix);
      if (p === '') return speakers.slice(0, limit);
      const ranked: { speaker: Speaker; rank: number }[] = [];
      for (const { speaker, keys } of searchable) {
        const rank = keys[0]!.startsWith(p) ? 0 : keys.some((k) => k.startsWith(p)) ? 1 : keys.some((k) => k.split(' ').some((w) => w.startsWith(p))) ? 2 : -1;
        if (rank >= 0) ranked.push({ speaker, rank });
      }
      if (ranked.length === 0) {
        const { speaker, suggestions } = resolve(prefix);
        return (speaker ? [speaker] : suggestions).flatMap((n) => speakers.filter((s) => s.name === n)).slice(0, limit);
      }
      return ranked.sort((a, b) => a.rank - b.rank || b.speaker.quoteCount - a.speaker.quoteCount).slice(0, limit).map((r) => r.speaker);
    },
  };
}

/** Each speaker's quotations in date order, one entry per distinct wording, citing every other article that reported it. */
function entriesBySpeaker(quotations: Quotation[], byDate: (a: Quotation, b: Quotation) => number): Map<string, Quotation[]> {
  const groups = new Map<string, Map<string, Quotation[]>>();
  for (const q of quotations) {
    if (!q.speaker) continue;
    const wording = q.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const mine = groups.get(q.speaker) ?? new Map<string, Quotation[]>();
    const reports = mine.get(wording) ?? [];
    reports.push(q);
    mine.set(wording, reports);
    groups.set(q.speaker, mine);
  }
  const out = new Map<string, Quotation[]>();
  for (const [speaker, byWording] of groups) {
    const entries = [...byWording.values()].map((reports) => {
      const [first, ...others] = reports.sort(byDate);
      const elsewhere = others.filter((o) => o.articleId !== first!.articleId);
      if (elsewhere.length === 0) return first!;
      const alsoReportedBy = elsewhere.map(({ articleId, title, outlet, published, url, paragraph, paragraphId }) => ({ articleId, title, outlet, published, url, paragraph, paragraphId }));
      return { ...first!, alsoReportedBy };
    });
    out.set(speaker, entries.sort(byDate));
  }
  return out;
}

function applyOverrides(quotations: Quotation[], registry: SpeakerRegistry, overrides: SpeakerOverrides): void {
  for (const o of overrides.speakers) {
    const found = new Set([o.name, ...o.aliases].map((n) => registry.find(n)).filter((n): n is string => n !== undefined));
    registry.add(o.name, o.kind ?? registry.kindOf([...found][0] ?? '') ?? 'person');
    for (const from of found) {
      if (from === o.name) continue;
      registry.merge(from, o.name);
      for (const q of quotations) if (q.speaker === from) q.speaker = o.name;
    }
    for (const alias of o.aliases) registry.addAlias(o.name, alias);
    if (o.kind) registry.setKind(o.name, o.kind);
  }
  for (const o of overrides.quotations) {
    const start = normaliseName(o.text);
    const q = quotations.find((x) => x.paragraphId === o.paragraphId && normaliseName(x.text).startsWith(start));
    if (!q) continue;
    q.speaker = o.speaker === null ? null : (registry.find(o.speaker) ?? registry.add(o.speaker, 'person'));
    q.rule = q.speaker === null ? null : 'override';
  }
}
