import { describe, expect, it } from 'vitest';
import { buildQuoteBook } from '../../src/quotes/index.js';
import { article } from './helpers.js';

/** Speaker and rule of each quotation, keyed by its text. */
function decisions(...paragraphs: string[]): Record<string, [string | null, string | null]> {
  const book = buildQuoteBook([article('a', paragraphs)]);
  return Object.fromEntries(book.quotations.map((q) => [q.text, [q.speaker, q.rule]]));
}

describe('a speech verb whose subject is written away from it', () => {
  it('gives a participle with no subject of its own to the subject opening its sentence', () => {
    expect(decisions('Union leader Paul Ames rejected the offer saying it was “dead in the water” and “an insult”.')).toEqual({
      'dead in the water': ['Paul Ames', 'said-before + participle → sentence subject'],
      'an insult': ['Paul Ames', 'said-before + participle → sentence subject'],
    });
    expect(decisions('The port manager, Lena Vos, reacted to the strike by saying, “the port is not for sale.”')).toEqual({
      'the port is not for sale.': ['Lena Vos', 'said-before + participle → sentence subject'],
    });
    expect(decisions('In a sign of the mood, the Acme Group, which runs the port, issued a statement warning that the strike was “reckless”.')).toEqual({
      reckless: ['Acme Group', 'said-before + participle → sentence subject + organisation'],
    });
  });

  it('leaves a participle to nobody when a thing or a group just before it may be the one saying it, or another speaker reports the sentence', () => {
    expect(decisions('Protesters outside the port carried banners saying “Go home”.')).toEqual({ 'Go home': [null, null] });
    expect(decisions('Paul Ames received a letter saying “you are fired”.')).toEqual({ 'you are fired': [null, null] });
    expect(decisions('Paul Ames met dock workers saying they were “terrified”.')).toEqual({ terrified: [null, null] });
    expect(decisions('Paul Ames posted a photo on Facebook saying “resign now”.')).toEqual({ 'resign now': [null, null] });
    expect(decisions('Paul Ames was known for telling staff “the port is mine”, said a former aide, Lena Vos.')['the port is mine']?.[0]).not.toBe('Paul Ames');
  });

  it('reads a name before an age and an apposition, or before a role opening the apposition', () => {
    expect(decisions('Carla Mendes, 45, who runs a bakery, told reporters: “Prices are rising.”')).toEqual({ 'Prices are rising.': ['Carla Mendes', 'said-before'] });
    expect(decisions('“It was a trick,’’ Paul Ames, chief executive of the watchdog group Fair Count, told the Herald.')).toEqual({ 'It was a trick': ['Paul Ames', 'said-after'] });
  });

  it('reads a name before an apposition of up to 13 tokens, and not before a longer one', () => {
    expect(decisions('Tom Berg, the chief executive of the harbour ferry company in the north of Ashby, said the fares were “too high”.')).toEqual({ 'too high': ['Tom Berg', 'said-before'] });
    expect(decisions('Tom Berg, the chief executive of the small harbour ferry company in the north of Ashby, said the fares were “too high”.')).toEqual({ 'too high': [null, null] });
  });

  it('reads a name before a long relative clause about it, and finds the speaker by the role written with their name', () => {
    const book = buildQuoteBook([
      article('a', [
        'Democratic county Treasurer Lena Vos has cited a survey showing low visitor numbers.',
        'Vos, who has broken with many fellow Democrats on matters such as the county’s private land trust scheme, told the crowd that they were not “asking for a miracle.”',
      ]),
    ]);
    expect(book.quotations.map((q) => [q.text, q.speaker, q.rule])).toEqual([['asking for a miracle.', 'Lena Vos', 'said-before']]);
    expect(book.resolve('the county treasurer').speaker).toBe('Lena Vos');
    // A long clause that is no relative clause is not read as an apposition.
    expect(decisions('Vos spoke. Vos said nothing, and the board of the county land trust met on Monday in the old town hall at the end of the high street, told “nobody”.')).toEqual({ nobody: [null, null] });
  });

  it('gives `according to X` to X, never reading X as a place', () => {
    expect(decisions('The deal is “a betrayal”, according to Paul Ames.')).toEqual({ 'a betrayal': ['Paul Ames', 'according-to'] });
  });

  it('gives a lone surname opening its sentence to the one person the article names in full with it', () => {
    expect(decisions('Lena Vos runs the port.', 'Vos later told reporters she was “not worried”.')).toEqual({ 'not worried': ['Lena Vos', 'said-before + surname → full name in article'] });
    // Two people share it: neither for sure.
    expect(decisions('Lena Vos and Tom Vos run the port.', 'Vos later told reporters she was “not worried”.')).toEqual({ 'not worried': [null, null] });
  });

  it('reads the apposition after a role of a place as the speaker, and a name before an apposition holding a possessive', () => {
    expect(decisions('The mayor of Ashby, Lena Vos, said the town had “lost everything”.')).toEqual({ 'lost everything': ['Lena Vos', 'said-before'] });
    expect(decisions('Tom Berg, in his speech, said the firm would “never” quit.')).toEqual({ never: ['Tom Berg', 'said-before'] });
    // Not a place after a preposition before an apposition that is no name's.
    expect(decisions('Tom Berg, president of Berg Capital Inc., in Ashby, Ohio, said the bond was “cheap”.').cheap?.[0]).not.toBe('Ohio');
  });

  it('reads `X at Acme said` as X and `”, a defiant X said` as X', () => {
    expect(decisions('Tom Berg at Acme Inc said it would “never” quit.')).toEqual({ never: ['Tom Berg', 'said-before'] });
    expect(decisions('“I will fight on,” a defiant Lena Vos told supporters.')).toEqual({ 'I will fight on': ['Lena Vos', 'said-after'] });
  });

  it('reads what someone believes, fears or welcomes in quoted words as theirs, unless a speech verb of the sentence came first', () => {
    expect(decisions('Lena Vos believes the town has “lost everything”.')).toEqual({ 'lost everything': ['Lena Vos', 'said-before'] });
    expect(decisions('Lena Vos welcomed the “historic” deal.')).toEqual({ historic: ['Lena Vos', 'said-before'] });
    expect(decisions('Lena Vos runs the port, with an aide saying he feels “betrayed”.')).toEqual({ betrayed: [null, null] });
  });

  it('gives a role written before the place it serves (`X’s ambassador to Y accused`) to the one person the article gives that role', () => {
    const got = decisions(
      'Ruritania’s ambassador to Freedonia accused the press of bias and warned that his government “will not stand by”.',
      'Ruritania’s ambassador to Freedonia Jan Kowal has said the talks were “useful”.',
    );
    expect(got).toEqual({
      'will not stand by': ['Jan Kowal', 'said-before + role before place → holder + shared subject'],
      useful: ['Jan Kowal', 'said-before'],
    });
    const book = buildQuoteBook([article('a', ['Ruritania’s ambassador to Freedonia Jan Kowal has said the talks were “useful”.'])]);
    expect(book.resolve('the Ruritanian ambassador').speaker).toBe('Jan Kowal');
  });

  it('gives `the group` / `the company` to the one organisation named just before, and reads a legal form as a company', () => {
    expect(decisions('Staff formed a new body. The group, Dock Workers Coalition, met on Monday.', 'In a tweet, the group added that the port was “unsafe”.')).toEqual({
      unsafe: ['Dock Workers Coalition', 'said-before + nominal → organisation named before'],
    });
    expect(decisions('Berg Holdings Ltd leads the market. The company said it was “deeply concerned”.')).toEqual({
      'deeply concerned': ['Berg Holdings Ltd', 'said-before + nominal → organisation named before'],
    });
    // Two organisations named: neither for sure.
    expect(decisions('Berg Holdings Ltd sued Acme Inc on Monday. The company said it was “deeply concerned”.')).toEqual({ 'deeply concerned': [null, null] });
  });
});
