import { describe, expect, test } from 'vitest';
import { InputError, MESSAGES, parseTimelineInput } from '../../src/queries/input.js';

describe('parseTimelineInput', () => {
  test('reads years given as numbers or as typed text, and trims the topic', () => {
    expect(parseTimelineInput({ from: 1999, to: '2004', about: '  harbour fees ' })).toEqual({ from: 1999, to: 2004, about: 'harbour fees' });
    expect(parseTimelineInput({ from: null, to: '', about: '  ' })).toEqual({});
  });

  test('names a reversed range as such', () => {
    expect(() => parseTimelineInput({ from: 2012, to: 2008 })).toThrow(new InputError(MESSAGES.reversedRange(2012, 2008)));
    expect(MESSAGES.reversedRange(2012, 2008)).toBe('“from” (2012) is after “to” (2008): swap them and ask again.');
  });

  test('says which option is not a year', () => {
    expect(() => parseTimelineInput({ to: 'next week' })).toThrow('“to” must be a year such as 2018, not “next week”.');
    expect(() => parseTimelineInput({ from: 99 })).toThrow(InputError);
  });
});
