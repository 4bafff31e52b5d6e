import { describe, expect, it } from 'vitest';
import { findExpressions } from '../../src/timeline/expressions.js';

const labels = (text: string): string[] => findExpressions(text).map((e) => e.label);

describe('findExpressions', () => {
  it('finds the expressions wink-nlp tags and widens them to what was written', () => {
    expect(labels('The two have been allies since the early 1950s, and in the 1980s they fought together.')).toEqual([
      'the early 1950s',
      'the 1980s',
    ]);
    expect(labels('Asif had said so earlier this week.')).toEqual(['earlier this week']);
    expect(labels('Khan said so while addressing a gathering on Tuesday.')).toEqual(['on Tuesday']);
  });

  it("finds named days wink-nlp splits into parts, such as New Year's Day", () => {
    expect(labels("Since Trump's New Year's Day tweet, relations have soured.")).toEqual(["New Year's Day"]);
  });

  it('finds what wink-nlp keeps in one token', () => {
    expect(labels('Troops stayed during 2001-2014 and left in mid-2017.')).toEqual(['2001-2014', 'mid-2017']);
    expect(labels('Sept. 11, 2001 changed everything.')).toEqual(['Sept. 11, 2001']);
  });

  it('reads seasons and parts of a year as the year', () => {
    expect(findExpressions('In the summer of 2016 talks stalled, and in late 2017 they resumed.').map((e) => e.meaning)).toEqual([
      { kind: 'year', year: 2016 },
      { kind: 'year', year: 2017 },
    ]);
  });

  it('takes a four-digit number for a year only when it reads as one', () => {
    expect(labels('Pakistan blocked supplies after the 2011 Salala attack.')).toEqual(['2011']);
    expect(labels('The 2018 elections were held.')).toEqual(['2018']);
    expect(labels('Officials said 1500 people died.')).toEqual([]);
    expect(labels('He sent 2000 troops home.')).toEqual([]);
    expect(labels('He was listed under Resolution 1373.')).toEqual([]);
  });

  it('reads a weekday followed by its date as the date alone', () => {
    expect(labels('The deal was signed on Friday, January 12, 2018.')).toEqual(['January 12, 2018']);
  });

  it('leaves durations, ages and 9/11-style numbers alone', () => {
    expect(labels('The 70-year alliance has cost over USD 120 billion in 15 years, in the past three years alone.')).toEqual([]);
    expect(labels('After 9/11 the alliance was renewed.')).toEqual([]);
  });

  it('gives offsets of the expression in the text', () => {
    const text = 'In 2014, Pakistan launched an operation.';
    const [expression] = findExpressions(text);
    expect(text.slice(expression?.start, expression?.end)).toBe('2014');
  });
});

describe('the label of a date written after "the"', () => {
  it('drops the "the" of "the Nov. 5 election" from the label and from its offsets, but keeps "the 1990s"', () => {
    const text = 'The Nov. 5 election gave the council to the ferry party, as in the 1990s.';
    const [election, decade] = findExpressions(text);
    expect(election?.label).toBe('Nov. 5');
    expect(text.slice(election?.start, election?.end)).toBe('Nov. 5');
    expect(decade?.label).toBe('the 1990s');
  });
});

describe('numbers that count things, and decades written short', () => {
  it('reads a number followed by a plural noun after "of" or "than" as a count, not a year', () => {
    expect(labels('A crowd of 2000 people gathered at the quay.')).toEqual([]);
    expect(labels('More than 1500 workers walked out.')).toEqual([]);
    expect(labels('The ferry has run since 2015.')).toEqual(['since 2015']);
    expect(labels('The results of 2018 showed a loss.')).toEqual(['2018']);
  });

  it("reads \"the '90s\" as the 1990s", () => {
    expect(findExpressions("The quay was rebuilt in the '90s.").map((e) => e.meaning)).toEqual([{ kind: 'decade', decade: 1990 }]);
    expect(findExpressions('The quay was rebuilt in the ’80s.').map((e) => e.meaning)).toEqual([{ kind: 'decade', decade: 1980 }]);
  });
});
