/**
 * The machine-readable CLI: `npm run --silent cli -- ask "<question>" --json`.
 * stdout carries only the answer (one JSON object, or one per stdin line in
 * batch mode); logs and skipped-file reports go to stderr and the query log.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { openApp } from './app.js';
import type { App } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger, QueryLine } from './logging.js';
import type { Asked, Asker } from './logging.js';
import * as queries from './queries.js';
import type { QueryContext } from './queries.js';
import { nothingFoundMessage } from './queries/advice.js';
import { InputError, parseTimelineInput } from './queries/input.js';
import { renderAsk, renderQuotes, renderSources, renderSpeakers, renderTimeline, terminalColors } from './terminal/render.js';
import type { AskResult } from './search/types.js';
import type { QuoteResult } from './quotes/types.js';
import type { TimelineResult } from './timeline/types.js';

const USAGE = `Usage:
  npm run --silent cli -- ask "<question>" [--json] [--limit N]
  npm run --silent cli -- ask --json [--limit N] < questions.txt   (one JSON line per question)
  npm run --silent cli -- quote "<speaker>" [<topic words>] [--about words] [--json] [--limit N]
  npm run --silent cli -- quote --json [--limit N] < speakers.txt   (one JSON line per speaker)
  npm run --silent cli -- speakers [--json]
  npm run --silent cli -- timeline [--from YYYY] [--to YYYY] [--about words] [--json]
  npm run --silent cli -- sources [--json]`;

const asker: Asker = { user: 'cli', guild: null };

/** The CLI's dispatcher: runs one query and shapes its output, then writes the query's one log line. */
async function dispatch<T>(app: App, asked: Asked, answer: (ctx: QueryContext) => T | Promise<T>): Promise<T> {
  const line = new QueryLine(app.queryLog, asker, asked);
  try {
    const out = await answer({ engine: app.engine, report: line.report });
    line.write();
    return out;
  } catch (error) {
    line.write({ outcome: 'error', error: (error as Error).message });
    throw error;
  }
}

class UsageError extends Error {}

/** The JSON shape other tools depend on: attribution fields flat, no internal ids. */
function askJson(result: AskResult): object {
  return {
    query: result.query,
    ...(result.correctedQuery ? { correctedQuery: result.correctedQuery } : {}),
    ...(result.hint ? { hint: result.hint } : {}),
    ...(result.answers.length === 0 ? { message: nothingFoundMessage(result) } : {}),
    answers: result.answers.map(({ articleId, title, outlet, published, url, paragraph, text, quote, score }) => ({
      articleId,
      title,
      outlet,
      published,
      url,
      paragraph,
      text,
      quote,
      score,
    })),
  };
}

function quoteJson(result: QuoteResult): object {
  return {
    speaker: result.speaker,
    ...(result.speaker === null ? { suggestions: result.suggestions } : {}),
    quotes: result.quotes.map(({ text, speaker, rule, articleId, title, outlet, published, paragraph, context, alsoReportedBy }) => ({
      text,
      speaker,
      rule,
      articleId,
      title,
      outlet,
      published,
      paragraph,
      context,
      ...(alsoReportedBy ? { alsoReportedBy: alsoReportedBy.map(({ articleId, title, outlet, published, paragraph }) => ({ articleId, title, outlet, published, paragraph })) } : {}),
    })),
  };
}

function timelineJson(result: TimelineResult): object {
  return {
    events: result.events.map((e) => {
      const sources = e.sources.map(({ articleId, title, outlet, published, paragraph }) => ({ articleId, title, outlet, published, paragraph }));
      const first = sources[0];
      return {
        date: e.date,
        precision: e.precision,
        ...(e.end ? { end: e.end } : {}),
        approximate: e.approximate,
        label: e.label,
        when: e.when,
        text: e.text,
        sources,
        articleId: first?.articleId ?? null,
        title: first?.title ?? null,
        paragraph: first?.paragraph ?? null,
      };
    }),
  };
}

/** Runs `answer` once for the argument, or once per stdin line in JSON batch mode. */
async function eachQuery(
  text: string,
  json: boolean,
  answer: (q: string) => Promise<object>,
  human: (q: string) => Promise<string>,
): Promise<void> {
  if (text !== '' || !json) {
    if (text === '' && !json) throw new UsageError('a question is needed (or --json to read questions from stdin)');
    process.stdout.write(json ? `${JSON.stringify(await answer(text))}\n` : `${await human(text)}\n`);
    return;
  }
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) process.stdout.write(`${JSON.stringify(await answer(line))}\n`);
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      limit: { type: 'string' },
      about: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0 || limit > 50)) {
    throw new UsageError(`--limit must be a whole number from 0 to 50, not "${values.limit}"`);
  }
  const config = loadConfig();
  const logger = createLogger({ level: process.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn', stderr: true });
  const app: App = await openApp(config, logger);
  const text = rest.join(' ');
  const json = values.json ?? false;
  const color = terminalColors();
  switch (command) {
    case 'ask': {
      const n = limit ?? config.ANSWER_LIMIT;
      await eachQuery(
        text,
        json,
        (q) => dispatch(app, { command: 'ask', query: q, options: { limit: n } }, (ctx) => askJson(queries.ask(ctx, q, n))),
        (q) => dispatch(app, { command: 'ask', query: q, options: { limit: n } }, (ctx) => renderAsk(queries.ask(ctx, q, n), { color })),
      );
      break;
    }
    case 'quote': {
      // `quote Khan russia`: the engine splits a known name from topic words.
      const speaker = values.about === undefined ? text : (rest[0] ?? '');
      const quoteOptions = { ...(values.about !== undefined ? { about: values.about } : {}), ...(limit !== undefined ? { limit } : {}) };
      await eachQuery(
        speaker,
        json,
        (q) => dispatch(app, { command: 'quote', query: q, options: quoteOptions }, (ctx) => quoteJson(queries.quote(ctx, q, values.about, limit))),
        (q) => dispatch(app, { command: 'quote', query: q, options: quoteOptions }, (ctx) => renderQuotes(queries.quote(ctx, q, values.about, limit), { color })),
      );
      break;
    }
    case 'speakers': {
      const out = await dispatch(app, { command: 'speakers', query: text, options: { limit: 1000 } }, (ctx) => {
        const list = queries.speakers(ctx, text, 1000);
        return json ? JSON.stringify({ speakers: list }) : renderSpeakers(list);
      });
      process.stdout.write(`${out}\n`);
      break;
    }
    case 'timeline': {
      const input = parseTimelineInput({ from: values.from, to: values.to, about: values.about ?? text });
      const out = await dispatch(app, { command: 'timeline', query: input.about ?? '', options: { ...input } }, (ctx) => {
        const result = queries.timeline(ctx, input);
        return json ? JSON.stringify(timelineJson(result)) : renderTimeline(result, { color });
      });
      process.stdout.write(`${out}\n`);
      break;
    }
    case 'sources': {
      const out = await dispatch(app, { command: 'sources', query: '' }, (ctx) => {
        const list = queries.sources(ctx);
        return json ? JSON.stringify({ sources: list }) : renderSources(list);
      });
      process.stdout.write(`${out}\n`);
      break;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
  app.queryLog.flush();
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) process.stderr.write(`error: ${error.message}\n${USAGE}\n`);
  else if (error instanceof InputError) process.stderr.write(`${error.message}\n`);
  else if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exitCode = error instanceof UsageError || error instanceof InputError ? 2 : 1;
});
