import { describe, expect, it } from 'vitest';
import { anything, array, boolean, describeProblem, nullable, number, object, oneOf, optional, readShape, string, tuple } from '../../src/corpus/shape.js';

const messages = (check: Parameters<typeof readShape>[0], value: unknown): string[] => readShape(check, value).problems.map((p) => describeProblem(p, '(root)'));

describe('readShape', () => {
  const book = object({
    title: string({ trim: true, nonEmpty: true }),
    pages: number({ whole: true, min: 1 }),
    kind: oneOf(['novel', 'essay']),
    editor: nullable(string()),
    tags: optional(array(string()), () => []),
    note: optional(string()),
  });

  it('reads a value of the shape, trimming, filling defaults and dropping unknown fields', () => {
    const read = readShape(book, { title: '  Harbour Lights ', pages: 212, kind: 'novel', editor: null, extra: true });
    expect(read.problems).toEqual([]);
    expect(read.value).toEqual({ title: 'Harbour Lights', pages: 212, kind: 'novel', editor: null, tags: [] });
  });

  it('names the path of every problem, in field order', () => {
    expect(messages(book, { title: ' ', pages: 2.5, kind: 'poem', tags: ['a', 7] })).toEqual([
      'title: must not be empty',
      'pages: expected a whole number, got 2.5',
      'kind: expected one of "novel", "essay", got "poem"',
      'editor: missing',
      'tags.1: expected a string, got number',
    ]);
    expect(messages(book, null)).toEqual(['(root): expected an object, got null']);
    expect(messages(number({ min: 1 }), Number.POSITIVE_INFINITY)).toEqual(['(root): expected a number, got number']);
  });

  it('keeps a loose object as it is, other fields and all, without copying it', () => {
    const loose = object({ id: string() }, { keepOthers: true });
    const value = { id: 'x', added: [1, 2] };
    expect(readShape(loose, value).value).toBe(value);
    expect(messages(loose, { added: 1 })).toEqual(['id: missing']);
  });

  it('checks tuples by position and length, and lists by their least length', () => {
    const pair = tuple(string(), boolean);
    expect(messages(pair, ['a', true])).toEqual([]);
    expect(messages(pair, ['a', 'yes', 3])).toEqual(['(root): expected 2 items, got 3', '1: expected true or false, got string']);
    expect(messages(array(anything, { min: 1 }), [])).toEqual(['(root): expected at least 1 item(s), got 0']);
    expect(messages(array(anything), 'abc')).toEqual(['(root): expected a list, got string']);
  });
});
