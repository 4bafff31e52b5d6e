/**
 * Command-line options of the bench scripts: `--help` prints the usage, and a
 * mistyped option is said in one line beside it (exit 2) instead of
 * `parseArgs`' stack trace.
 */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export function readArguments<const T extends Options>(script: string, usage: string, options: T): ReturnType<typeof parseArgs<{ options: T }>>['values'] {
  let parsed: { values: Record<string, unknown> };
  try {
    parsed = parseArgs({ options: { ...options, help: { type: 'boolean', default: false } } });
  } catch (error) {
    process.stderr.write(`${script}: ${(error as Error).message}\n${usage}\n`);
    process.exit(2);
  }
  if (parsed.values.help === true) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  return parsed.values as ReturnType<typeof parseArgs<{ options: T }>>['values'];
}
