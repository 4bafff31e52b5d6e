import { isDeepStrictEqual } from 'node:util';
import model from 'wink-eng-lite-web-model';
import { describe, expect, it } from 'vitest';
import { loadCoreModel } from '../../src/nlp/core-model.js';

describe('the core model made faster', () => {
  it('equals the one the library makes itself, and each call makes a fresh one', () => {
    const ours = loadCoreModel();
    // node's comparison: vitest's own takes minutes over a model of this size.
    expect(isDeepStrictEqual(ours, (model.core as unknown as () => unknown)())).toBe(true);
    // wink-nlp learns new words into its model: instances must not share one.
    // (Compared by identity by hand: vitest's matchers walk a model this size for seconds.)
    const another = loadCoreModel() as { features: object };
    expect(another === ours || another.features === (ours as { features: object }).features).toBe(false);
  });
});
