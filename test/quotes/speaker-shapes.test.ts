import { describe, expect, it } from 'vitest';
import { buildQuoteBook } from '../../src/quotes/index.js';
import { article } from './helpers.js';

/** Speaker and rule of each quotation, keyed by its text. */
function decisions(...paragraphs: string[]): Record<string, [string | null, string | null]> {
  const book = buildQuoteBook([article('a', paragraphs)]);
  return Object.fromEntries(book.quotations.map((q) => [q.text, [q.speaker, q.rule]]));
}

describe('speakers written in less usual shapes', () => {
  it('gives `the treasurer said` to the one treasurer the article named, and to nobody when it named none', () => {
    expect(decisions('County Treasurer Ada Varn spoke to the board on Monday.', '“The accounts are in order,” the treasurer said.')).toEqual({
      'The accounts are in order': ['Ada Varn', 'said-after + title → holder'],
    });
    expect(decisions('Ada Varn spoke to the board on Monday.', 'Teo Lind was there too.', '“The accounts are in order,” the treasurer said.')).toEqual({
      'The accounts are in order': [null, null],
    });
  });

  it('reads `X was blunt: “…”` as X speaking, never a passive (`X was told: “…”`) or a thing being so', () => {
    expect(decisions('Ada Varn spoke on Monday.', 'Varn was blunt: “The plan is dead.”')).toEqual({
      'The plan is dead.': ['Ada Varn', 'said-before + surname → full name in article'],
    });
    expect(decisions('Ada Varn spoke on Monday. She was less upbeat: “We will see.”')['We will see.']?.[0]).toBe('Ada Varn');
    expect(decisions('Ada Varn spoke on Monday. Varn was told: “Go home.”')).toEqual({ 'Go home.': [null, null] });
    expect(decisions('Ada Varn spoke on Monday. The mood was grim: “Nobody is safe.”')).toEqual({ 'Nobody is safe.': [null, null] });
  });

  it('reads a role between dashes as an apposition of the name before it', () => {
    expect(decisions('Ada Varn — the port’s harbour master — said the quay was “unsafe”.')).toEqual({ unsafe: ['Ada Varn', 'said-before'] });
    expect(decisions('Ada Varn – the town’s mayor – told reporters: “The bridge stays shut.”', '“We have no choice,” the mayor said.')).toEqual({
      'The bridge stays shut.': ['Ada Varn', 'said-before'],
      'We have no choice': ['Ada Varn', 'said-after + title → holder'],
    });
  });

  it('gives `…, adding: “…”` and `before adding: “…”` to the sentence’s speaker', () => {
    expect(decisions('Ada Varn thanked the crews before adding: “The bridge stays shut.”')['The bridge stays shut.']?.[0]).toBe('Ada Varn');
    expect(decisions('Ada Varn thanked the crews, adding: “The bridge stays shut.”')['The bridge stays shut.']?.[0]).toBe('Ada Varn');
  });

  it('gives `came the reply from X` and `said a statement from X` to X, and an unnamed source to nobody', () => {
    expect(decisions('“The bridge stays shut,” came the reply from Ada Varn.')).toEqual({ 'The bridge stays shut': ['Ada Varn', 'said-after'] });
    expect(decisions('“The bridge stays shut,” said a statement from Ada Varn.')).toEqual({ 'The bridge stays shut': ['Ada Varn', 'said-after'] });
    expect(decisions('“The bridge stays shut,” said a statement from the Harbour Board.')).toEqual({ 'The bridge stays shut': ['Harbour Board', 'said-after + organisation'] });
    expect(decisions('“Go away,” came the reply from a man in the crowd.')).toEqual({ 'Go away': [null, null] });
  });

  it('reads a name past a bracketed party tag and an aside between commas (`Sen. X (D-Ohio), for example, said`)', () => {
    expect(decisions('State Sen. Ada Varn (D-Lowfield), for example, said the governor “has lost his way.”')).toEqual({
      'has lost his way.': ['Ada Varn', 'said-before'],
    });
  });

  it('gives `the 56-year-old said` to the one person the article wrote with that age, and to nobody when two share it', () => {
    expect(decisions('Ada Varn, 56, has signed a two-year deal.', '“We will win the league,” the 56-year-old said.')).toEqual({
      'We will win the league': ['Ada Varn', 'said-after + age → person of that age'],
    });
    expect(decisions('Ada Varn, 56, and Teo Lind, 56, signed.', '“We will win the league,” the 56-year-old said.')).toEqual({ 'We will win the league': [null, null] });
    expect(decisions('Ada Varn, 41, has signed a two-year deal.', 'The 56-year-old said: “We will win the league.”')).toEqual({ 'We will win the league.': [null, null] });
  });

  it('gives quoted phrases inside one clause to the speech verb ending the sentence, past each other, never a quoted sentence', () => {
    expect(
      decisions('Teo Lind spoke first.', '“We will win,” Ada Varn said. Voters would face a “stark choice” at the polls, either “more of the same or a fresh start”, she said.'),
    ).toEqual({
      'We will win': ['Ada Varn', 'said-after'],
      'stark choice': ['Ada Varn', 'said-after + pronoun → previous speaker'],
      'more of the same or a fresh start': ['Ada Varn', 'said-after + pronoun → previous speaker'],
    });
    // A cue before the phrase decides it, even one naming nobody.
    expect(decisions('Critics called it “a farce” and “a mess”, Ada Varn said.')['a farce']).toEqual([null, null]);
  });

  it('never takes a capitalised word for people in general (`People`, `Residents`) for the one a later `he` stands for', () => {
    expect(decisions('“We will win,” Ada Varn said. Residents were glad, and the result was “a relief”, she said.')['a relief']?.[0]).toBe('Ada Varn');
    // A name the corpus cannot place still may be the one speaking.
    expect(decisions('“We will win,” Ada Varn said. Klint was glad, and the result was “a relief”, he said.')['a relief']?.[0]).toBeNull();
  });

  it('gives a quotation inside someone’s reported habit to whoever reports the sentence, named after a description', () => {
    expect(
      decisions('Teo Lind was known for telling staff “the port is mine” despite being the envoy in Leeds, said another witness at the inquiry, former harbour adviser Ida Brandt.'),
    ).toEqual({ 'the port is mine': ['Ida Brandt', 'said-after'] });
    // A description and no name: nobody.
    expect(decisions('Teo Lind was known for telling staff “the port is mine”, said another witness at the inquiry.')).toEqual({ 'the port is mine': [null, null] });
    // `X derided it, saying: “…”` stays X's, whatever a later sentence reports.
    expect(decisions('Ada Varn derided the plan, saying: “It is a farce.” Voters were angry, she said.')['It is a farce.']?.[0]).toBe('Ada Varn');
  });
});
