import { describe, expect, it } from 'vitest';
import { ANSWER_BIT, answerTypeOf, isContentless } from '../../src/search/question.js';
import { sentenceTerms } from '../../src/search/terms.js';

const maskOf = (text: string): number => sentenceTerms(text)[0]?.answers ?? 0;

describe('answerTypeOf', () => {
  it('reads the kind of answer from the wording', () => {
    expect(answerTypeOf('How many lorries crossed the bridge?')).toBe('amount');
    expect(answerTypeOf('by how much did the toll rise')).toBe('amount');
    expect(answerTypeOf('When did the ferry service stop?')).toBe('date');
    expect(answerTypeOf('what year was the lighthouse built')).toBe('date');
    expect(answerTypeOf('Who opened the new library?')).toBe('person');
    expect(answerTypeOf('How many weeks will the ferry be in dry dock?')).toBe('duration');
    expect(answerTypeOf('how long did the inspection take')).toBe('duration');
    expect(answerTypeOf('how long ago did the ferry sink')).toBe('date');
    expect(answerTypeOf('When will the ferry service resume?')).toBe('future');
  });

  it('takes "what is the value / cost / price of" for an amount', () => {
    expect(answerTypeOf('What is the value of the lighthouse lamp?')).toBe('amount');
    expect(answerTypeOf("what's the cost of the new ferry")).toBe('amount');
    expect(answerTypeOf('What was the price of a return ticket?')).toBe('amount');
    expect(answerTypeOf('What is the value of the reform to islanders?')).toBe('amount');
    expect(answerTypeOf('What values does the council hold?')).toBeNull();
  });

  it('takes "who is <Name>" for a question about what the person is, not for a person', () => {
    expect(answerTypeOf('Who is Marta Olsen?')).toBeNull();
    expect(answerTypeOf('who was Tom Ashdown')).toBeNull();
    expect(answerTypeOf('Who thanked Tom Ashdown?')).toBe('person');
    expect(answerTypeOf('Who is the harbour master?')).toBe('person');
  });

  it('takes "who did X <verb>" for the object of the verb, which may be a party of any kind, not a person', () => {
    expect(answerTypeOf('Who did the mayor blame for the flooding?')).toBeNull();
    expect(answerTypeOf('whom does the council thank')).toBeNull();
    expect(answerTypeOf('Who blamed the mayor for the flooding?')).toBe('person');
    expect(answerTypeOf('Who was thanked by the council?')).toBe('person');
  });

  it('says nothing when the wording does not ask for a kind', () => {
    expect(answerTypeOf('why did the council close the pool')).toBeNull();
    expect(answerTypeOf('what did the mayor say when asked about the pool')).toBeNull();
  });
});

describe('answer types of a sentence', () => {
  it('finds amounts, dates and people', () => {
    expect(maskOf('The repairs will cost £4m, the engineers said.') & ANSWER_BIT.amount).toBeTruthy();
    expect(maskOf('The bridge reopened on 3 March 2016.') & ANSWER_BIT.date).toBeTruthy();
    expect(maskOf('The library was opened by Mayor Ellen Tasker.') & ANSWER_BIT.person).toBeTruthy();
    expect(maskOf('The fishermen want N750m in damages.') & ANSWER_BIT.amount).toBeTruthy();
  });

  it('finds a duration, which is not a sum', () => {
    const mask = maskOf('The ferry may stay in dry dock for as few as 12 days after the inspection.');
    expect(mask & ANSWER_BIT.duration).toBeTruthy();
    expect(mask & ANSWER_BIT.amount).toBeFalsy();
  });

  it('takes a one-word name that a relative "who" refers to for a person', () => {
    expect(maskOf('Okonkwo, who ran the ferry for a decade, sued the harbour board.') & ANSWER_BIT.person).toBeTruthy();
    expect(maskOf('Okonkwo sued the harbour board.') & ANSWER_BIT.person).toBeFalsy();
  });

  it('finds a date still to come only in a sentence that speaks of the future', () => {
    const future = ANSWER_BIT.future;
    expect(maskOf('The ferry will resume sailing on 3 May 2021.') & future).toBe(future);
    expect(maskOf('The ferry is due to resume sailing in June.') & future).toBe(future);
    expect(maskOf('The ferry stopped sailing on 3 May 2019.') & future).not.toBe(future);
  });

  it('takes a lone "one" before a noun for an article, not a count', () => {
    expect(maskOf('One ferry poster showed islanders waving at the quay.') & ANSWER_BIT.amount).toBeFalsy();
    expect(maskOf('The council heard from one angry skipper about the tolls.') & ANSWER_BIT.amount).toBeFalsy();
    expect(maskOf('Two ferry posters showed islanders waving at the quay.') & ANSWER_BIT.amount).toBeTruthy();
    expect(maskOf('The ferry carried 140 islanders to the quay.') & ANSWER_BIT.amount).toBeTruthy();
  });

  it('finds none in a sentence without them', () => {
    expect(maskOf('the harbour was quiet and the boats stayed in.')).toBe(0);
  });
});

describe('index terms', () => {
  it('spell an initialism as its undotted form', () => {
    const terms = sentenceTerms('The U.K. and the E.U. signed, the UK said.')[0]?.terms ?? [];
    expect(terms.filter((t) => t === 'uk')).toHaveLength(2);
    expect(terms).toContain('eu');
  });
});

describe('isContentless', () => {
  it('holds for a question made of framing words only', () => {
    expect(isContentless([])).toBe(true);
    expect(isContentless(['tell', 'more'])).toBe(true);
    expect(isContentless(['explain'])).toBe(true);
  });

  it('does not hold once the question names something', () => {
    expect(isContentless(['tell', 'more', 'harbour'])).toBe(false);
  });
});
