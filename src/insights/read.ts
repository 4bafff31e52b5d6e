/**
 * Reads the query log file (JSON lines) for `summarise`, a line at a time so
 * a large log is never held as one string. A missing file is an empty log:
 * nothing has been asked yet.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { addLine, summarise } from './index.js';
import type { Insights, ParsedLog } from './index.js';

export async function readQueryLogFile(path: string): Promise<ParsedLog> {
  const log: ParsedLog = { lines: [], skipped: 0 };
  const stream = createReadStream(path, { encoding: 'utf8' });
  try {
    for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) addLine(log, line);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], skipped: 0 };
    throw error;
  }
  return log;
}

/** The summary of the log at `path` over the last `days` days, users hashed with a salt new for this report. */
export async function insightsFromFile(path: string, input: { days: number; top: number }): Promise<Insights> {
  return summarise(await readQueryLogFile(path), { ...input, salt: randomBytes(16).toString('hex') });
}
