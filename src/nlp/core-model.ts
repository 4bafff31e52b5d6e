/**
 * wink-eng-lite-web-model's core model, made the way its own `core()` makes
 * it (`read-core-model.js` and `load-core-model.js`, version 1.8), only
 * cheaper: its deep copy of the 3 MB model is a `JSON.parse(JSON.stringify())`
 * and its base64 decoding a loop over `atob`'s string — ~0.1 s of every
 * process's start. `structuredClone` and `Buffer` make the same model in a
 * fifth of the time. A test checks the result equals the library's own.
 */
import { createRequire } from 'node:module';

/** The packed model as the library ships it; the library's own reader holds this very object (one require cache). */
interface PackedModel {
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
  packing: { layout: Record<string, number[]>; efList?: string[] };
  features: Record<string, { list: string[]; hash?: Record<string, number>; intrinsicSize?: number; index?: number; maxIndex?: number }> & {
    posClusters: { list: (string | Set<number>)[] };
  };
  pos: { hash: Record<string, number> };
}

const packed = createRequire(import.meta.url)('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json') as PackedModel;

/** Base64 text as 32-bit words, in a buffer of its own (a `Uint32Array` needs one that starts aligned). */
function wordsOf(base64: string): Uint32Array {
  const bytes = Buffer.from(base64, 'base64');
  const own = new Uint8Array(bytes.length);
  own.set(bytes);
  return new Uint32Array(own.buffer);
}

/**
 * A copy of the packed model an instance may change. The lexicon's base64 is
 * decoded into new arrays anyway, and of a feature's list (87,593 lexemes)
 * only the array is written to, never its strings: these are shared, not
 * cloned (a whole `structuredClone` was ~20 ms of each start).
 */
function ownCopy(): PackedModel {
  const { lexicon, xpansions, features, ...rest } = packed;
  const ownFeatures: Record<string, { list: unknown[] }> = {};
  for (const [name, feature] of Object.entries(features as Record<string, { list: unknown[] }>)) {
    const { list, ...other } = feature;
    ownFeatures[name] = { ...structuredClone(other), list: list.slice() };
  }
  return { ...structuredClone(rest), lexicon, xpansions, features: ownFeatures as unknown as PackedModel['features'] };
}

/** A fresh core model: the library's `core()`, step for step. Each wink-nlp instance needs its own (it learns new words into it). */
export function loadCoreModel(): unknown {
  const model = ownCopy();
  const { packing, features, pos } = model;
  model.lexicon = wordsOf(packed.lexicon as string);
  model.xpansions = wordsOf(packed.xpansions as string);
  for (const f in packing.layout) {
    if (packing.layout[f]?.[3] === 0) {
      const feature = features[f] as PackedModel['features'][string];
      feature.hash = Object.create(null) as Record<string, number>;
      for (let k = 0; k < feature.list.length; k += 1) feature.hash[feature.list[k] as string] = k;
    }
  }
  const lexeme = features.lexeme as PackedModel['features'][string];
  lexeme.hash = Object.create(null) as Record<string, number>;
  for (let k = 0; k < lexeme.list.length; k += 1) lexeme.hash[lexeme.list[k] as string] = k;
  const clusters = features.posClusters.list;
  for (let k = 0; k < clusters.length; k += 1) clusters[k] = new Set((clusters[k] as string).split('_').map((e) => pos.hash[e] || 0));
  // load-core-model.js: sizes of the features that grow as new words are met.
  packing.efList = [];
  for (const f in packing.layout) {
    const layout = packing.layout[f] as number[];
    const feature = features[f] as PackedModel['features'][string];
    if (layout[3] === 0) {
      feature.intrinsicSize = feature.list.length;
      feature.index = feature.list.length;
      feature.maxIndex = (layout[1] as number) >>> (layout[2] as number);
    }
    if (layout[4] === 1) packing.efList.push(f);
  }
  lexeme.intrinsicSize = lexeme.list.length;
  lexeme.index = lexeme.list.length;
  return model;
}
