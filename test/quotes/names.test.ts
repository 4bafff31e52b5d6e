import { describe, expect, it } from 'vitest';
import { buildQuoteBook } from '../../src/quotes/index.js';
import { appositionRoles, copularRoles, countryOf, leadingDemonyms } from '../../src/quotes/names.js';
import { tokenize } from '../../src/quotes/phrases.js';
import { article } from './helpers.js';

const speakerOf = (paragraphs: string[], words: string): string | null => {
  const book = buildQuoteBook([article('a', paragraphs)]);
  return book.quotations.find((q) => q.text.includes(words))?.speaker ?? null;
};

describe('name particles', () => {
  it('joins lower-case particles to the capitalised surname after them', () => {
    const values = tokenize('Judge Maria van der Berg met Omar bin Rashid and de Silva.', []).map((t) => t.value);
    expect(values).toContain('van der Berg');
    expect(values).toContain('bin Rashid');
    expect(values).toContain('de Silva');
  });

  it('leaves a particle alone before a lower-case word or a weekday', () => {
    const values = tokenize('The deal was de facto dead by le Monday, when the van arrived.', []).map((t) => t.value);
    expect(values).toContain('de');
    expect(values).toContain('le');
    expect(values).toContain('van');
  });

  it('keeps a particle inside the name and lets the surname alone speak', () => {
    const book = buildQuoteBook([
      article('a', [
        'The treaty was signed by Dutch Foreign Minister Anna van der Molen in the capital.',
        '"We have waited long enough," van der Molen told reporters.',
      ]),
    ]);
    expect(book.quotations[0]!.speaker).toBe('Anna van der Molen');
    expect(book.resolve('van der Molen').speaker).toBe('Anna van der Molen');
    expect(book.resolve('Molen').speaker).toBe('Anna van der Molen');
  });
});

describe('a nationality before a name', () => {
  it('is not part of the name', () => {
    expect(leadingDemonyms(['Swiss', 'Hanna', 'Keller'])).toBe(1);
    expect(speakerOf(['"It was a long night," Norwegian Lars Eide said on arrival.'], 'long night')).toBe('Lars Eide');
  });

  it('stays in an organisation’s name and in a two-word name', () => {
    expect(leadingDemonyms(['British', 'Steel', 'Council'])).toBe(0);
    expect(leadingDemonyms(['Swiss', 'Re'])).toBe(0);
  });

  it('names its country for a role', () => {
    expect(countryOf('Chinese')).toBe('china');
    expect(countryOf('U.S.')).toBe('america');
    expect(countryOf('China’s')).toBe('china');
  });
});

describe('roles written with a name', () => {
  const book = buildQuoteBook([
    article('r', [
      'Republican state schools Superintendent Maria Lind opened the session on Monday.',
      '"We will not wait," Lind said.',
      'Pavel Orlov, Russia’s ambassador to Norway, met the delegates.',
      '"The talks were useful," Orlov said.',
      'Ann Kerr, the company’s chief operating officer, spoke next.',
      '"We start small," Kerr said.',
      'Tom Reyes, the U.S. attorney for the Western District, filed the charges.',
      '"The law is clear," Reyes said.',
      'Deputy prosecutor Lea Brun agreed with Swiss prosecutor Marc Aebi.',
      '"It is settled," Aebi said. "We are done," Brun said.',
    ]),
  ]);

  it('are read before the name with their lower-case qualifiers and after it in an apposition', () => {
    expect(book.resolve('the state schools superintendent').speaker).toBe('Maria Lind');
    expect(book.resolve('chief operating officer').speaker).toBe('Ann Kerr');
    expect(book.resolve('the U.S. attorney').speaker).toBe('Tom Reyes');
  });

  it('match a typed nationality to the country that owns the role', () => {
    expect(book.resolve('the Russian ambassador').speaker).toBe('Pavel Orlov');
    expect(book.resolve('the Norwegian ambassador').speaker).toBeNull();
    expect(book.resolve('American attorney').speaker).toBe('Tom Reyes');
  });

  it('are offered by autocomplete as names are', () => {
    expect(book.complete('prosec').map((s) => s.name).sort()).toEqual(['Lea Brun', 'Marc Aebi']);
    expect(book.complete('superint').map((s) => s.name)).toEqual(['Maria Lind']);
  });

  it('keep another role apart: the prosecutor is not the deputy prosecutor', () => {
    expect(book.resolve('Swiss prosecutor').speaker).toBe('Marc Aebi');
    expect(book.resolve('the deputy prosecutor').speaker).toBe('Lea Brun');
    expect(book.resolve('the prosecutor').speaker).toBe('Marc Aebi');
  });
});

describe('appositionRoles', () => {
  const rolesAfter = (text: string, name: string): string[] => {
    const toks = tokenize(text, []);
    const comma = toks.findIndex((t, i) => t.value === ',' && toks[i - 1]?.value === name);
    return appositionRoles(toks, comma);
  };

  it('reads the qualifiers, the head and a named owner', () => {
    expect(rolesAfter('Ivo Marek, Poland’s deputy foreign minister, said so.', 'Marek')).toEqual(['deputy foreign minister', 'poland deputy foreign minister']);
    expect(rolesAfter('Ivo Marek, the bank’s chief executive, said so.', 'Marek')).toEqual(['chief executive']);
  });

  it('reads the role a name is said to hold, a bare head of something included', () => {
    const toks = tokenize('Ivo Marek is the CEO of Dunmore, a small firm.', []);
    expect(copularRoles(toks, toks.findIndex((t) => t.value === 'is'))).toEqual(['ceo']);
    const not = tokenize('Ivo Marek is not the CEO of Dunmore.', []);
    expect(copularRoles(not, not.findIndex((t) => t.value === 'is'))).toEqual([]);
  });

  it('reads no role from a bare head of something or a description without a title', () => {
    expect(rolesAfter('Ivo Marek, MP for Leeds, said so.', 'Marek')).toEqual([]);
    expect(rolesAfter('Ivo Marek, the Ohio Republican, said so.', 'Marek')).toEqual([]);
  });

  it('reads a spokesperson’s role, bare or qualified, and the role after a two-word owner', () => {
    expect(rolesAfter('Ivo Marek, a company spokesman, said so.', 'Marek')).toEqual(['company spokesman']);
    expect(rolesAfter('Ivo Marek, a spokesman for the port, said so.', 'Marek')).toEqual(['spokesman']);
    expect(rolesAfter('Ivo Marek, the ferry line’s chief executive, said so.', 'Marek')).toEqual(['chief executive']);
  });
});

describe('a surname that speaks', () => {
  it('is the one full name the article ends with it, even one named only in passing', () => {
    const book = buildQuoteBook([
      article('s', [
        'The campaign drew ridicule, but Dana Whitlow’s response was concern.',
        '"It will get attention," Whitlow said.',
        'Later, envoy to Peru Rafael Osorno met a delegation back in Peru.',
        '"We listened," Osorno said.',
      ]),
    ]);
    expect(book.quotations.map((q) => q.speaker)).toEqual(['Dana Whitlow', 'Rafael Osorno']);
    expect(book.resolve('Whitlow').speaker).toBe('Dana Whitlow');
  });

  it('stays the surname when the article holds two full names ending with it', () => {
    const book = buildQuoteBook([
      article('t', ['Anna Brook’s sister met Carl Brook’s lawyer on Friday.', '"Nothing was agreed," Brook said.']),
    ]);
    expect(book.quotations[0]!.speaker).toBe('Brook');
  });
});

describe('organisations named by a country', () => {
  const book = buildQuoteBook([
    article('o', [
      'The Danish Agency for Food Safety and Inspection said it had tested the farms.',
      'The Danish AFS said there was "no risk to consumers" from the meat.',
      'The AFS later said the farms were "clean".',
      'Norway’s foreign ministry called the move "deeply regrettable".',
      'The Norwegian foreign ministry later said it was "open to talks".',
      'The UK said the talks were "a first step".',
      'Staff at the American University of Kabul were moved.',
    ]),
  ]);
  const speakerOf = (words: string): string | null => book.quotations.find((q) => q.text.includes(words))?.speaker ?? null;

  it('take an acronym after a nationality as the long name it abbreviates', () => {
    expect(speakerOf('no risk')).toBe('Danish Agency for Food Safety and Inspection');
    // Without the nationality too, when the corpus writes no other long name with those initials.
    expect(speakerOf('clean')).toBe('Danish Agency for Food Safety and Inspection');
  });

  it('are one organisation whether the country is written as a possessive or an adjective', () => {
    expect(speakerOf('deeply regrettable')).toBe('Norwegian Foreign Ministry');
    expect(speakerOf('open to talks')).toBe('Norwegian Foreign Ministry');
  });

  it('never read a country’s abbreviation as a long name’s initials', () => {
    expect(speakerOf('a first step')).not.toBe('American University of Kabul');
  });
});

describe('a hyphenated title', () => {
  it('is no part of the name after it', () => {
    expect(speakerOf(['Ex-president Lena Marsh, now a lecturer, disagreed.', '"Nobody asked us," Marsh said.'], 'Nobody asked')).toBe('Lena Marsh');
    expect(speakerOf(['"We acted fast," Then-premier Ugo Varo said.'], 'acted fast')).toBe('Ugo Varo');
  });
});
