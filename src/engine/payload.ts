/**
 * A build as plain data: what the build worker produces, the cache stores and
 * `assembleBuild` restores from. Every part is checked against these schemas
 * before it is used, so a cache file that parses but holds the wrong shape
 * (`"timeline": null`, a paragraph without text) is rebuilt, never served.
 * Objects are loose: a field another part of the code adds later survives a
 * round trip instead of being silently dropped.
 */
import { z } from 'zod';
import type { SearchIndexJSON } from '../search/index.js';
import type { QuoteBookJSON } from '../quotes/index.js';
import type { LoadedCorpus, TimelineEvent } from '../types.js';

/** Everything one build is made of. */
export interface BuildPayload {
  corpus: LoadedCorpus;
  /** The moderator's synonym groups the index was built with (`synonyms.json`). */
  synonyms: string[][];
  search: SearchIndexJSON;
  quotes: QuoteBookJSON;
  timeline: TimelineEvent[];
}

const nullableString = z.string().nullable();
const precision = z.enum(['decade', 'year', 'month', 'day']);

const attribution = {
  articleId: z.string(),
  title: z.string(),
  outlet: nullableString,
  published: nullableString,
  url: nullableString,
};

const paragraph = z.looseObject({
  id: z.string(),
  articleId: z.string(),
  number: z.number().int().positive(),
  kind: z.enum(['body', 'caption']),
  text: z.string(),
  section: z.string().optional(),
});

const article = z.looseObject({
  ...attribution,
  file: z.string(),
  publishedDate: z.looseObject({ value: z.string(), precision: z.enum(['year', 'month', 'day']) }).nullable(),
  paragraphs: z.array(paragraph),
  hash: z.string(),
  warnings: z.array(z.string()),
});

const skippedFile = z.looseObject({ file: z.string(), reason: z.string() });

const corpus = z.looseObject({ articles: z.array(article), skipped: z.array(skippedFile), warnings: z.array(skippedFile) });

const search = z.looseObject({
  // MiniSearch checks its own serialisation when it loads it; here only that it is there.
  mini: z.looseObject({ documentCount: z.number().int().nonnegative(), index: z.array(z.unknown()), serializationVersion: z.number() }),
  terms: z.array(z.string()),
  df: z.array(z.number().int().nonnegative()),
  sentences: z.array(z.tuple([z.string(), z.array(z.tuple([z.number().int(), z.number().int(), z.array(z.number().int())]))])),
});

const quotation = z.looseObject({
  ...attribution,
  text: z.string(),
  speaker: nullableString,
  paragraphId: z.string(),
  paragraph: z.number().int(),
  context: z.string(),
});

const quotes = z.looseObject({
  quotations: z.array(quotation),
  registry: z.looseObject({
    entries: z.array(z.tuple([z.string(), z.enum(['person', 'organisation']), z.array(z.string()), z.array(z.string()).optional()])),
    index: z.array(z.tuple([z.string(), z.string()])),
  }),
});

const eventSource = z.looseObject({
  articleId: z.string(),
  title: z.string(),
  outlet: nullableString,
  published: nullableString,
  paragraph: z.number().int(),
  paragraphId: z.string(),
  url: nullableString,
});

const timelineEvent = z.looseObject({
  date: z.string(),
  precision,
  end: z.string().optional(),
  approximate: z.boolean(),
  label: z.string(),
  text: z.string(),
  sources: z.array(eventSource).min(1),
});

export const buildPayloadSchema = z.looseObject({
  corpus,
  synonyms: z.array(z.array(z.string())),
  search,
  quotes,
  timeline: z.array(timelineEvent),
});

/** The payload when it has the shape of a build; otherwise throws, naming the first few wrong paths. */
export function checkPayload(data: unknown): BuildPayload {
  const result = buildPayloadSchema.safeParse(data);
  if (result.success) return result.data as unknown as BuildPayload;
  const problems = result.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(`payload has the wrong shape (${problems.join('; ')})`);
}
