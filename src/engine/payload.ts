/**
 * A build as plain data: what the build worker produces, the cache stores and
 * `assembleBuild` restores from. Every part is checked against these shapes
 * (on a sample of each list, see `checkPayload`) before it is used, so a cache
 * file that parses but holds the wrong shape (`"timeline": null`, paragraphs
 * without text) is rebuilt, never served.
 * Objects are loose: a field another part of the code adds later survives a
 * round trip instead of being silently dropped.
 */
import { isAscii } from 'node:buffer';
import { array, boolean, describeProblem, nullable, number, object, oneOf, optional, readShape, string, tuple } from '../corpus/shape.js';
import type { Check, Field } from '../corpus/shape.js';
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

const text = string();
const nullableString = nullable(text);
const whole = number({ whole: true });
const loose = (fields: Record<string, Check | Field>): Check => object(fields, { keepOthers: true });

const attribution = {
  articleId: text,
  title: text,
  outlet: nullableString,
  published: nullableString,
  url: nullableString,
};

const paragraph = loose({
  id: text,
  articleId: text,
  number: number({ whole: true, min: 1 }),
  kind: oneOf(['body', 'caption']),
  text,
  section: optional(text),
});

const article = loose({
  ...attribution,
  file: text,
  publishedDate: nullable(loose({ value: text, precision: oneOf(['year', 'month', 'day']) })),
  paragraphs: array(paragraph),
  hash: text,
  warnings: array(text),
});

const skippedFile = loose({ file: text, reason: text });

const corpus = loose({ articles: array(article), skipped: array(skippedFile), warnings: array(skippedFile) });

const search = loose({
  // MiniSearch checks its own serialisation when it loads it; here that it is there, its postings packed (`search/packed-index.ts`).
  mini: loose({ documentCount: number({ whole: true, min: 0 }), index: array(tuple(text, array(tuple(whole, array(whole))))), serializationVersion: number() }),
  terms: array(text),
  df: array(number({ whole: true, min: 0 })),
  sentences: array(tuple(text, array(tuple(whole, whole, array(whole))))),
});

const quotation = loose({
  ...attribution,
  text,
  speaker: nullableString,
  paragraphId: text,
  paragraph: whole,
  context: text,
});

const speakerKind = oneOf(['person', 'organisation']);

/** A registry entry: `[name, kind, aliases]`, with a fourth list on some. */
const registryEntry: Check = (value, path, problems) =>
  (Array.isArray(value) && value.length === 4 ? tuple(text, speakerKind, array(text), array(text)) : tuple(text, speakerKind, array(text)))(value, path, problems);

const quotes = loose({
  quotations: array(quotation),
  registry: loose({ entries: array(registryEntry), index: array(tuple(text, text)) }),
});

const eventSource = loose({
  articleId: text,
  title: text,
  outlet: nullableString,
  published: nullableString,
  paragraph: whole,
  paragraphId: text,
  url: nullableString,
});

const timelineEvent = loose({
  date: text,
  precision: oneOf(['decade', 'year', 'month', 'day']),
  end: optional(text),
  approximate: boolean,
  label: text,
  text,
  sources: array(eventSource, { min: 1 }),
});

const buildPayloadShape = loose({
  corpus,
  synonyms: array(array(text)),
  search,
  quotes,
  timeline: array(timelineEvent),
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
  if (hasMoreKeysThan(data, MAX_RECORD_KEYS)) return data;
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, sampleOf(v)]));
}

/** Whether `data` has more than `limit` own keys, counted no further than that: MiniSearch's tables have one per paragraph (listing them all was 0.1 s of a 100k start). */
function hasMoreKeysThan(data: object, limit: number): boolean {
  let count = 0;
  for (const key in data) if (Object.hasOwn(data, key) && ++count > limit) return true;
  return false;
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
  const { problems } = readShape(buildPayloadShape, sampleOf(data));
  if (problems.length === 0) return data as BuildPayload;
  throw new Error(`payload has the wrong shape (${problems.slice(0, 3).map((p) => describeProblem(p, '(root)')).join('; ')})`);
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
