/**
 * Checks that parsed JSON (a cache payload, a moderator's data file, a log
 * line) has the shape the code reads, and says where it does not: each
 * problem names its path (`quotes.quotations.0.text`) and what was wanted.
 * A few plain functions instead of a schema library: this runs on every start,
 * and importing one cost about a tenth of a second of it.
 *
 * A check returns the value it read: strings trimmed when asked, defaults put
 * in for missing fields, and an object either as it is (`keepOthers`, no copy)
 * or with only its known fields.
 */

export type ShapePath = (string | number)[];

export interface ShapeProblem {
  path: ShapePath;
  message: string;
}

export type Check = (value: unknown, path: ShapePath, problems: ShapeProblem[]) => unknown;

/** A field of an `object`: its check, and what a missing (undefined) field means. */
export interface Field {
  check: Check;
  /** Missing is allowed; the field stays missing, or takes `fallback` when there is one. */
  optional?: boolean;
  fallback?: () => unknown;
}

const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

const wanted = (what: string, value: unknown): string => `expected ${what}, got ${kindOf(value)}`;

export const anything: Check = (value) => value;

export function string(options: { trim?: boolean; nonEmpty?: boolean } = {}): Check {
  return (value, path, problems) => {
    if (typeof value !== 'string') return void problems.push({ path, message: wanted('a string', value) });
    const text = options.trim ? value.trim() : value;
    if (options.nonEmpty && text === '') problems.push({ path, message: 'must not be empty' });
    return text;
  };
}

export function number(options: { whole?: boolean; min?: number } = {}): Check {
  return (value, path, problems) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) problems.push({ path, message: wanted('a number', value) });
    else if (options.whole && !Number.isInteger(value)) problems.push({ path, message: `expected a whole number, got ${value}` });
    else if (options.min !== undefined && value < options.min) problems.push({ path, message: `must be at least ${options.min}, got ${value}` });
    return value;
  };
}

export const boolean: Check = (value, path, problems) => {
  if (typeof value !== 'boolean') problems.push({ path, message: wanted('true or false', value) });
  return value;
};

export function oneOf(values: readonly string[]): Check {
  return (value, path, problems) => {
    if (typeof value !== 'string' || !values.includes(value)) {
      problems.push({ path, message: `expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value) ?? 'nothing'}` });
    }
    return value;
  };
}

export function nullable(check: Check): Check {
  return (value, path, problems) => (value === null ? null : check(value, path, problems));
}

export function array(item: Check, options: { min?: number } = {}): Check {
  return (value, path, problems) => {
    if (!Array.isArray(value)) return void problems.push({ path, message: wanted('a list', value) });
    if (options.min !== undefined && value.length < options.min) problems.push({ path, message: `expected at least ${options.min} item(s), got ${value.length}` });
    return value.map((v, i) => item(v, [...path, i], problems));
  };
}

export function tuple(...items: Check[]): Check {
  return (value, path, problems) => {
    if (!Array.isArray(value)) return void problems.push({ path, message: wanted(`a list of ${items.length}`, value) });
    if (value.length !== items.length) problems.push({ path, message: `expected ${items.length} items, got ${value.length}` });
    return items.map((check, i) => check(value[i], [...path, i], problems));
  };
}

export const optional = (check: Check, fallback?: () => unknown): Field => ({ check, optional: true, ...(fallback ? { fallback } : {}) });

/**
 * An object with these fields (a plain `Check` is a required field). With `keepOthers` the object
 * itself is returned, other fields and all; otherwise a new object of the known fields.
 */
export function object(fields: Record<string, Check | Field>, options: { keepOthers?: boolean } = {}): Check {
  const entries = Object.entries(fields).map(([name, field]): [string, Field] => [name, typeof field === 'function' ? { check: field } : field]);
  return (value, path, problems) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return void problems.push({ path, message: wanted('an object', value) });
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [name, field] of entries) {
      const own = record[name];
      if (own === undefined) {
        if (!field.optional) problems.push({ path: [...path, name], message: 'missing' });
        else if (field.fallback) out[name] = field.fallback();
        continue;
      }
      out[name] = field.check(own, [...path, name], problems);
    }
    return options.keepOthers ? value : out;
  };
}

/** The value read by `check`, or the problems found (none when it has the shape). */
export function readShape(check: Check, value: unknown): { value: unknown; problems: ShapeProblem[] } {
  const problems: ShapeProblem[] = [];
  const read = check(value, [], problems);
  return { value: read, problems };
}

/** A problem as one line: `path: message`, with `root` for a problem of the value itself. */
export const describeProblem = (problem: ShapeProblem, root: string): string => `${problem.path.join('.') || root}: ${problem.message}`;
