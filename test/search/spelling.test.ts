import { describe, expect, it } from 'vitest';
import { correctSpelling, Vocabulary, wordsOf } from '../../src/search/spelling.js';

const vocabulary = new Vocabulary();
for (const text of [
  'The lighthouse keepers were sharing the night watch.',
  'The lighthouse was repainted in the spring.',
  'Fishermen in Portavogie complained about the quotas.',
]) {
  vocabulary.addParagraph(wordsOf(text));
}
const nothingKnown = (): boolean => false;

describe('correctSpelling', () => {
  it('replaces each misspelt word by the nearest corpus word', () => {
    expect(correctSpelling('lighthuose keepres sharring', vocabulary, nothingKnown)).toBe('lighthouse keepers sharing');
  });

  it('keeps the case the word was typed in', () => {
    expect(correctSpelling('what did the Fishermn in Portavgie say', vocabulary, nothingKnown)).toBe(
      'what did the Fishermen in Portavogie say',
    );
  });

  it('leaves alone words the corpus or the dictionary knows, and says so with null', () => {
    expect(correctSpelling('lighthouse keepers', vocabulary, nothingKnown)).toBeNull();
    expect(correctSpelling('sharring', vocabulary, (word) => word === 'sharring')).toBeNull();
  });

  it('leaves alone a word of a full name, which is more likely a name the corpus lacks', () => {
    // `Portavogie` is one edit from `Portavogia`; inside a full name it is not taken for a typo.
    expect(correctSpelling('what did Ellen Portavogia say', vocabulary, nothingKnown)).toBeNull();
    expect(correctSpelling('what did they say in Portavogia', vocabulary, nothingKnown)).toBe('what did they say in Portavogie');
  });

  it('leaves alone a word with no corpus word near it', () => {
    expect(correctSpelling('zebra crossings', vocabulary, nothingKnown)).toBeNull();
  });
});
