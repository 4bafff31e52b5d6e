/**
 * A build as plain data: what the build worker produces, the cache stores and
 * `assembleBuild` restores from. Every part is checked against these schemas
 * (on a sample of each list, see `checkPayload`) before it is used, so a cache
 * file that parses but holds the wrong shape (`"timeline": null`, paragraphs
 * without text) is rebuilt, never served.
 * Objects are loose: a field another part of the code adds later survives a
 * round trip instead of being silently dropped.
 */
import { isAscii } from 'node:buffer';
import { z } from 'zod';
import type { SearchIndexJSON } from '../search/index.js';
import type { QuoteBookJSON } from '../quotes/index.js';
import type { LoadedCorpus } from '../corpus/types.js';
import type { TimelineEvent } from '../timeline/types.js';

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

/** Arrays longer than this are checked by their first, middle and last items (see `checkPayload`). Every tuple the payload holds is shorter (at most 4). */
const WHOLE_UP_TO = 8;

/** Objects with more keys than this are maps (MiniSearch's document tables), which the schema leaves unchecked: they are not walked. */
const MAX_RECORD_KEYS = 64;

/** `data` with every array longer than `WHOLE_UP_TO` cut to its first, middle and last items, at every depth. */
export function sampleOf(data: unknown): unknown {
  if (Array.isArray(data)) {
    const items = data.length > WHOLE_UP_TO ? [data[0], data[data.length >> 1], data[data.length - 1]] : data;
    return items.map(sampleOf);
  }
  if (!data || typeof data !== 'object') return data;
  const entries = Object.entries(data);
  return entries.length > MAX_RECORD_KEYS ? data : Object.fromEntries(entries.map(([k, v]) => [k, sampleOf(v)]));
}

/**
 * The payload when it has the shape of a build; otherwise throws, naming the
 * first few wrong paths. The shape is checked on a sample (`sampleOf`): the
 * cache file's checksum and key already say these are the very bytes this code
 * wrote for these seeds, so a wrong shape can only come from a format change,
 * which shows in every item, not in one. Checking every item cost as much as
 * parsing the JSON (0.4–0.9 s of a 10k start) and copied the whole payload.
 */
export function checkPayload(data: unknown): BuildPayload {
  const result = buildPayloadSchema.safeParse(sampleOf(data));
  if (result.success) return data as BuildPayload;
  const problems = result.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(`payload has the wrong shape (${problems.join('; ')})`);
}

/** Any character JSON text would otherwise carry as more than one UTF-8 byte (each half of a surrogate pair apart). */
const NOT_ASCII = /[\u0080-\uffff]/g;

/**
 * A payload as the bytes the build worker hands over and the cache keeps:
 * its JSON with every non-ASCII character written as a `\u` escape. ASCII
 * bytes read back as a one-byte string (`payloadText`), decoded twice as
 * fast as UTF-8 and half the memory of the two-byte string a single curly
 * quote in 100 MB of news text otherwise makes of the whole payload.
 */
export function encodePayload(payload: BuildPayload): Buffer {
  const json = JSON.stringify(payload).replace(NOT_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return Buffer.from(json, 'latin1');
}

/** The JSON text of payload bytes: read as Latin-1 when they are all ASCII (as `encodePayload` writes them), else as UTF-8. */
export const payloadText = (body: Buffer): string => body.toString(isAscii(body) ? 'latin1' : 'utf8');
