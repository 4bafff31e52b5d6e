/**
 * The one place wink-nlp and its English model are loaded. Everything else
 * asks this module for sentences, tokens, lemmas and entities.
 */
import winkNLP from 'wink-nlp';
import type { CustomEntityExample, WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { loadCoreModel } from './core-model.js';

export type Nlp = WinkMethods;

export interface Token {
  /** The token as written. */
  value: string;
  /** Lower-cased lemma (`bought` → `buy`). */
  lemma: string;
  pos: string;
  stop: boolean;
  /** Offset of the token in the analysed text. */
  start: number;
}

export interface Sentence {
  text: string;
  /** Character offsets in the analysed text. */
  start: number;
  end: number;
}

const instances = new Map<string, Nlp>();
/** Custom entity patterns every analysis recognises, by name (see `recogniseCustomEntities`). */
const customPatterns = new Map<string, CustomEntityExample>();

/**
 * The model's custom-entity loader re-encodes its data on every call, so only
 * the first instance in a process would get working custom entities. Load it
 * once and hand every instance the same result.
 */
const metaCER = (model.metaCER as unknown as () => unknown)();
// `core` is the library's own, made faster (`core-model.ts`).
const sharedModel = { ...model, metaCER: () => metaCER, core: loadCoreModel } as typeof model;

/**
 * The annotations wink-nlp runs: sentences, parts of speech (and lemmas),
 * entities and custom entities. Not negation or sentiment: nothing reads
 * them, and their two passes were about a sixth of every `readDoc`.
 */
const PIPE = ['sbd', 'pos', 'ner', 'cer'];

/**
 * A wink-nlp instance. Instances with custom entity patterns are kept apart
 * by `key`, because wink-nlp holds one set of custom entities per instance.
 * The `default` one, which makes every `analysis`, has the patterns given to
 * `recogniseCustomEntities`.
 */
export function getNlp(key = 'default', customEntities: CustomEntityExample[] = []): Nlp {
  let nlp = instances.get(key);
  if (!nlp) {
    nlp = winkNLP(sharedModel, PIPE);
    const patterns = key === 'default' ? [...customPatterns.values()] : customEntities;
    if (patterns.length > 0) nlp.learnCustomEntities(patterns);
    instances.set(key, nlp);
  }
  return nlp;
}

/** Sentences of `text`, verbatim, with their offsets. */
export function sentencesOf(text: string): Sentence[] {
  const nlp = getNlp();
  const out: Sentence[] = [];
  let cursor = 0;
  for (const raw of nlp.readDoc(text).sentences().out()) {
    const sentence = raw.trim();
    if (sentence === '') continue;
    const start = text.indexOf(sentence, cursor);
    if (start < 0) {
      // wink-nlp rebuilt the sentence with different spacing: fall back to its text.
      out.push({ text: sentence, start: cursor, end: cursor + sentence.length });
      continue;
    }
    out.push({ text: sentence, start, end: start + sentence.length });
    cursor = start + sentence.length;
  }
  return out;
}

type Doc = ReturnType<Nlp['readDoc']>;

function tokensOfDoc(nlp: Nlp, doc: Doc, text: string): Token[] {
  const its = nlp.its;
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const lemmas = tokens.out(its.lemma as never) as string[];
  const pos = tokens.out(its.pos) as string[];
  const stops = tokens.out(its.stopWordFlag) as unknown as boolean[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const out: Token[] = [];
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    offset += (spaces[i] ?? '').length;
    const found = text.indexOf(value, offset);
    const start = found >= 0 ? found : offset;
    out.push({
      value,
      lemma: (lemmas[i] ?? value).toLowerCase(),
      pos: pos[i] ?? 'X',
      stop: stops[i] ?? false,
      start,
    });
    offset = start + value.length;
  }
  return out;
}

/**
 * Tokens of `text` with lemma, part of speech and stop-word flag. No stem: nothing
 * reads one, and wink-nlp's Porter stemmer was a sixth of a build's time.
 */
export function tokensOf(text: string): Token[] {
  const nlp = getNlp();
  return tokensOfDoc(nlp, nlp.readDoc(text), text);
}

export interface AnalysedSentence extends Sentence {
  tokens: Token[];
  /** Types of the entities wink-nlp found in the sentence (`MONEY`, `CARDINAL`, `DATE`, `PERCENT`…), once each. */
  entityTypes: string[];
}

/** An entity over tokens `first`…`last` (indexes into `Analysis.tokens`). */
export interface EntitySpan {
  type: string;
  first: number;
  last: number;
}

/** One wink-nlp pass over a text. Shared, hence read-only, inside `sharingAnalyses`. */
export interface Analysis {
  sentences: AnalysedSentence[];
  /** Every token of the text, in order (the sentences' tokens, end to end). */
  tokens: Token[];
  /** wink-nlp's own entities (`DATE`, `CARDINAL`…). */
  entities: EntitySpan[];
  /** Matches of the patterns given to `recogniseCustomEntities`, typed by their name. */
  customEntities: EntitySpan[];
}

/**
 * Makes every `analysis` also find these custom entities (wink-nlp patterns),
 * so a feature that needs them reads them from the one shared pass instead of
 * reading the text again with an instance of its own. Call it when the
 * feature's module loads, before any text is analysed: an analysis already
 * shared does not have them.
 */
export function recogniseCustomEntities(examples: CustomEntityExample[]): void {
  for (const example of examples) {
    const known = customPatterns.get(example.name);
    if (known && known !== example) throw new Error(`nlp: custom entity "${example.name}" is already defined`);
    customPatterns.set(example.name, example);
  }
  instances.get('default')?.learnCustomEntities([...customPatterns.values()]);
}

/** The analyses of the `sharingAnalyses` call in progress, by text; null outside one. */
let shared: Map<string, Analysis> | null = null;
/** Whether the analyses shared now are of tokens only (`sharingTokenAnalyses`). */
let tokensOnly = false;

/**
 * The annotations a pass over a question needs: sentences, tags and lemmas. NER and custom entities
 * run after the tagger and change no token, tag or lemma (a check over 5,500 generated questions
 * and paragraphs found every one the same), and were nearly half of a question's pass.
 */
const TOKENS_PIPE = ['sbd', 'pos'];
let tokensNlp: Nlp | null = null;

/**
 * Runs `work` with one wink-nlp pass per distinct text: every `analyse` of the
 * same text inside it gets the same (read-only) result. A build analyses an
 * article for search, quotes and timeline in turn inside one call, so each
 * paragraph is read once; the analyses are dropped when `work` returns, so a
 * build holds one article's tokens at a time, not the corpus's.
 */
export function sharingAnalyses<T>(work: () => T): T {
  const [outer, outerTokensOnly] = [shared, tokensOnly];
  // Inside `sharingTokenAnalyses`, work that reads entities gets whole passes of its own.
  shared = outer && !outerTokensOnly ? outer : new Map();
  tokensOnly = false;
  try {
    return work();
  } finally {
    [shared, tokensOnly] = [outer, outerTokensOnly];
  }
}

/**
 * `sharingAnalyses` for work that reads only tokens (a question's spelling, concepts and focus): its
 * analyses find no entities (`entities`, `customEntities` and each sentence's `entityTypes` are empty).
 * They are never shared with an outer `sharingAnalyses`, whose work may read entities.
 */
export function sharingTokenAnalyses<T>(work: () => T): T {
  const [outer, outerTokensOnly] = [shared, tokensOnly];
  shared = outerTokensOnly && outer ? outer : new Map();
  tokensOnly = true;
  try {
    return work();
  } finally {
    [shared, tokensOnly] = [outer, outerTokensOnly];
  }
}

/**
 * Sentences of `text` with their tokens, from one wink-nlp pass. Offsets are in
 * `text`. Shared, hence read-only, inside `sharingAnalyses`.
 */
export function analyse(text: string): AnalysedSentence[] {
  return analysis(text).sentences;
}

/** The whole pass over `text`: sentences, tokens, entities and custom entities. Shared, hence read-only, inside `sharingAnalyses`. */
export function analysis(text: string): Analysis {
  const known = shared?.get(text);
  if (known) return known;
  const analysed = analyseAfresh(text);
  shared?.set(text, analysed);
  return analysed;
}

function entitySpans(types: string[], spans: [number, number][]): EntitySpan[] {
  return spans.map(([first, last], i) => ({ type: types[i] ?? '', first, last }));
}

function analyseAfresh(text: string): Analysis {
  const nlp = tokensOnly ? (tokensNlp ??= winkNLP(sharedModel, TOKENS_PIPE)) : getNlp();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const tokens = tokensOfDoc(nlp, doc, text);
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const entities = entitySpans(doc.entities().out(its.type) as string[], doc.entities().out(its.span) as unknown as [number, number][]);
  const customEntities = entitySpans(
    doc.customEntities().out(its.type) as string[],
    doc.customEntities().out(its.span) as unknown as [number, number][],
  );
  const sentences = spans.map(([first, last]) => {
    const types = new Set<string>();
    for (const entity of entities) if (entity.first >= first && entity.first <= last) types.add(entity.type);
    const own = tokens.slice(first, last + 1);
    const start = own[0]?.start ?? 0;
    const lastToken = own[own.length - 1];
    const end = lastToken ? lastToken.start + lastToken.value.length : start;
    return { text: text.slice(start, end), start, end, tokens: own, entityTypes: [...types] };
  });
  return { sentences, tokens, entities, customEntities };
}
