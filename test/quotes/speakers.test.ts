import { describe, expect, it } from 'vitest';
import { buildQuoteBook } from '../../src/quotes/index.js';
import { SpeakerRegistry, normaliseName } from '../../src/quotes/speakers.js';
import { editDistance } from '../../src/quotes/spelling.js';
import { article } from './helpers.js';

describe('normaliseName', () => {
  it('ignores case, possessives, punctuation, a leading article and a courtesy title', () => {
    expect(normaliseName('Mr. Khan')).toBe('khan');
    expect(normaliseName('China’s Foreign Ministry')).toBe('china foreign ministry');
    expect(normaliseName('the Foreign Office')).toBe('foreign office');
  });
});

describe('editDistance', () => {
  it('counts a swap of neighbouring letters as one mistake', () => {
    expect(editDistance('kahn', 'khan')).toBe(1);
    expect(editDistance('khawaja', 'khwaja')).toBe(1);
    expect(editDistance('asif', 'asif')).toBe(0);
  });
});

describe('SpeakerRegistry.resolve', () => {
  const registry = new SpeakerRegistry();
  registry.add('Khurram Dastgir Khan', 'person');
  registry.addAlias('Khurram Dastgir Khan', 'Khan');
  registry.addAlias('Khurram Dastgir Khan', 'the defence minister');
  registry.add('Khwaja Asif', 'person');
  registry.addAlias('Khwaja Asif', 'Asif');
  registry.addAlias('Khwaja Asif', 'the foreign minister');
  registry.add('Pakistan Foreign Office', 'organisation');
  registry.addAlias('Pakistan Foreign Office', 'FO');

  it('matches aliases whatever the case and with or without a courtesy title', () => {
    for (const name of ['KHAN', 'mr khan', 'Mr. Khan', 'The Defence Minister']) expect(registry.resolve(name).speaker).toBe('Khurram Dastgir Khan');
    expect(registry.resolve('the fo').speaker).toBe('Pakistan Foreign Office');
  });

  it('matches a single word of a full name', () => {
    expect(registry.resolve('Dastgir').speaker).toBe('Khurram Dastgir Khan');
    expect(registry.resolve('Khwaja').speaker).toBe('Khwaja Asif');
  });

  it('tolerates small misspellings', () => {
    expect(registry.resolve('Kahn').speaker).toBe('Khurram Dastgir Khan');
    expect(registry.resolve('Khawaja Asif').speaker).toBe('Khwaja Asif');
    expect(registry.resolve('Khurum Dastgir Khan').speaker).toBe('Khurram Dastgir Khan');
  });

  it('never answers a short name one vowel away from a speaker’s (another person), only suggests it', () => {
    const r = new SpeakerRegistry();
    r.add('Lily Wang', 'person');
    r.addAlias('Lily Wang', 'Wang');
    expect(r.resolve('Wong')).toEqual({ speaker: null, suggestions: ['Lily Wang'] });
    expect(r.resolve('Lily Wong').speaker).toBeNull();
    // A swap, a doubled letter, a neighbouring key: typing mistakes still found.
    expect(r.resolve('Wnag').speaker).toBe('Lily Wang');
    expect(r.resolve('Wabg').speaker).toBe('Lily Wang');
    expect(r.resolve('Wangg').speaker).toBe('Lily Wang');
    r.add('Tom Wong', 'person');
    expect(r.resolve('Wong').speaker).toBe('Tom Wong');
  });

  it('answers an unknown name with null and at most five suggestions', () => {
    const r = registry.resolve('Imran Kahnn Zzz');
    expect(r.speaker).toBeNull();
    expect(r.suggestions.length).toBeGreaterThan(0);
    expect(r.suggestions.length).toBeLessThanOrEqual(5);
  });

  it('suggests only names close to what was typed', () => {
    expect(registry.resolve('Kahnn').suggestions).toContain('Khurram Dastgir Khan');
    expect(registry.resolve('Wilberforce').suggestions).toEqual([]);
  });

  it('does not guess between two speakers sharing a word', () => {
    const r = registry.resolve('minister');
    expect(r.speaker).toBeNull();
    expect(r.suggestions).toEqual(expect.arrayContaining(['Khurram Dastgir Khan', 'Khwaja Asif']));
  });

  it('only matches among the given speakers', () => {
    expect(registry.resolve('Asif', new Set(['Khurram Dastgir Khan'])).speaker).toBeNull();
  });
});

describe('a named spokesperson', () => {
  it('is found by the organisation they speak for and by their title', () => {
    const book = buildQuoteBook([article('s', ['“Our expectations are clear,” Pentagon spokesman Colonel Rob Manning told reporters.', '“No change,” the spokesman said.'])]);
    expect(book.resolve('Pentagon').speaker).toBe('Rob Manning');
    expect(book.quotesOf('Rob Manning')).toHaveLength(2);
  });
});

describe('QuoteBook speakers', () => {
  const book = buildQuoteBook([
    article('b', ['“Later words,” Defence Minister Amir Rahim said.'], '2021-05-01'),
    article('a', [
      'Pakistan’s defence minister Amir Rahim met Foreign Minister Sara Malik.',
      '“First words,” Mr Rahim said.',
      '“We agree,” Ms Malik said. “Fully,” said Malik.',
      '“Second words,” the defence minister added.',
    ], '2020-01-01'),
  ]);

  it('finds aliases in the corpus: short forms, Mr forms and titles only one person holds', () => {
    const rahim = book.speakers.find((s) => s.name === 'Amir Rahim');
    expect(rahim?.aliases).toEqual(expect.arrayContaining(['Rahim', 'Mr Rahim', 'the defence minister']));
    expect(rahim?.kind).toBe('person');
  });

  it('lists speakers most quoted first', () => {
    expect(book.speakers.map((s) => [s.name, s.quoteCount])).toEqual([['Amir Rahim', 3], ['Sara Malik', 2]]);
  });

  it('lists a speaker’s quotations in article-date order, then paragraph order', () => {
    expect(book.quotesOf('Amir Rahim').map((q) => q.text)).toEqual(['First words', 'Second words', 'Later words']);
    expect(book.quotesOf('mr rahim')).toHaveLength(3);
    expect(book.quotesOf('Nobody Atall')).toEqual([]);
  });

  it('completes a prefix of a name, an alias or a word of a name', () => {
    expect(book.complete('ami').map((s) => s.name)).toEqual(['Amir Rahim']);
    expect(book.complete('mal').map((s) => s.name)).toEqual(['Sara Malik']);
    expect(book.complete('')).toHaveLength(2);
    expect(book.complete('', 1)).toHaveLength(1);
  });

  it('completes a role as well as a name, and offers nothing for a name far from every speaker', () => {
    expect(book.complete('the defence').map((s) => s.name)).toEqual(['Amir Rahim']);
    expect(book.complete('Malick').map((s) => s.name)).toEqual(['Sara Malik']);
    expect(book.complete('Wilberforce')).toEqual([]);
  });
});
