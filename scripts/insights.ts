/**
 * `npm run insights`: what the query log says — the questions asked most,
 * those answered "nothing in the articles", the answers rated worst by 👎 —
 * over the last `--days` days (default 7), user ids hashed. Reads the log
 * named by QUERY_LOG (`.env` or the environment), as the bot writes it.
 *
 *   npm run insights
 *   npm run insights -- --days 30 --top 20
 *   npm run --silent insights -- --json
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config.js';
import { insightsFromFile } from '../src/insights/read.js';
import { renderInsightsText } from '../src/insights/text.js';
import { INSIGHTS_DAYS, InputError, parseInsightsInput } from '../src/queries/input.js';

async function main(): Promise<number> {
  let values: { days?: string; top?: string; json?: boolean };
  try {
    ({ values } = parseArgs({ options: { days: { type: 'string' }, top: { type: 'string' }, json: { type: 'boolean' } } }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nUsage: npm run insights -- [--days ${INSIGHTS_DAYS.default}] [--top 10] [--json]\n`);
    return 2;
  }
  let input: { days: number; top: number };
  try {
    input = parseInsightsInput({ days: values.days, top: values.top });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  let path: string;
  try {
    path = loadConfig().QUERY_LOG;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const summary = await insightsFromFile(path, input);
  process.stdout.write(values.json ? `${JSON.stringify(summary)}\n` : `${path}\n${renderInsightsText(summary)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`insights: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
