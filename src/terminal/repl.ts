/**
 * The terminal mode: the bot's commands at a prompt, for `npm start` without
 * a Discord token. A thin adapter over the same core and query log.
 */
import { createInterface } from 'node:readline';
import type { App } from '../app.js';
import { QueryLine } from '../logging.js';
import type { Asker } from '../logging.js';
import * as queries from '../queries.js';
import type { QueryContext } from '../queries.js';
import { insightsFromFile } from '../insights/read.js';
import { renderInsightsText } from '../insights/text.js';
import { InputError, parseInsightsInput, parseTimelineInput } from '../queries/input.js';
import type { TimelineInput } from '../queries/input.js';
import { parseCommandLine } from './parse.js';
import type { CommandLine } from './parse.js';
import { renderAsk, renderQuotes, renderReload, renderSources, renderSpeakers, renderTimeline, terminalColors } from './render.js';

const OPTION_NAMES = ['question', 'speaker', 'about', 'from', 'to', 'limit', 'days'] as const;

export const TERMINAL_HELP = `Commands:
  <question>                 a plain question is the same as /ask <question>
  /ask <question>            the best passages, quoted with their source
  /quote <speaker> [about:<words>]   what a person or organisation said, verbatim
  /speakers                  everyone quoted in the articles, with aliases
  /timeline [from:<year>] [to:<year>] [about:<words>]   the events in date order
  /sources                   the articles in the index
  /reload                    re-read the seeds folder (the old index serves until the new one is ready)
  /insights [days:<n>]       from the query log: most asked, unanswered, worst rated (also npm run insights)
  /help                      this list
  /quit                      leave (or Ctrl-D)`;

const asker: Asker = { user: 'terminal', guild: null };

/**
 * Answers one line; returns the text to print, or null to quit. The
 * terminal's dispatcher: a line that ran a query is logged once, when its
 * answer is ready to print (or failed); help, usage and unknown commands are not queries.
 */
export async function answerLine(app: App, line: string, color: boolean): Promise<string | null> {
  const parsed = parseCommandLine(line, OPTION_NAMES);
  if (!parsed || parsed.command === '') return '';
  const { question, speaker, about } = parsed.options;
  const options = Object.keys(parsed.options).length > 0 ? { options: { ...parsed.options } } : {};
  const logLine = new QueryLine(app.queryLog, asker, { command: parsed.command, query: question ?? speaker ?? (parsed.text || about || ''), ...options });
  try {
    const out = await answerParsed(app, { engine: app.engine, report: logLine.report }, parsed, color);
    if (logLine.reported) logLine.write();
    return out;
  } catch (error) {
    logLine.write({ outcome: 'error', error: (error as Error).message });
    throw error;
  }
}

async function answerParsed(app: App, ctx: QueryContext, parsed: CommandLine, color: boolean): Promise<string | null> {
  const o = { color };
  switch (parsed.command) {
    case 'ask': {
      const question = parsed.options.question ?? parsed.text;
      if (!question) return 'Usage: /ask <question>';
      return renderAsk(await queries.ask(ctx, question, app.config.ANSWER_LIMIT), o);
    }
    case 'quote': {
      const speaker = parsed.options.speaker ?? parsed.text;
      if (!speaker) return 'Usage: /quote <speaker> [about:<words>]';
      return renderQuotes(await queries.quote(ctx, speaker, parsed.options.about), o);
    }
    case 'speakers':
      return renderSpeakers(await queries.speakers(ctx, parsed.text, 100));
    case 'timeline': {
      let input: TimelineInput;
      try {
        input = parseTimelineInput({ ...parsed.options, about: parsed.options.about ?? parsed.text });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        ctx.report({ results: [], outcome: 'refused', error: error.message });
        return error.message;
      }
      return renderTimeline(await queries.timeline(ctx, input), o);
    }
    case 'insights': {
      let input: { days: number; top: number };
      try {
        input = parseInsightsInput({ days: parsed.options.days ?? parsed.text });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        ctx.report({ results: [], outcome: 'refused', error: error.message });
        return error.message;
      }
      ctx.report({ results: [], outcome: 'answered' });
      return renderInsightsText(await insightsFromFile(app.config.QUERY_LOG, input));
    }
    case 'sources':
      return renderSources(await queries.sources(ctx));
    case 'reload':
      return renderReload(await queries.reload(ctx));
    case 'help':
      return TERMINAL_HELP;
    case 'quit':
    case 'exit':
      return null;
    default:
      return `Unknown command /${parsed.command}. Type /help for the list.`;
  }
}

export async function runTerminal(app: App): Promise<void> {
  const color = terminalColors();
  const { articles } = app.engine.build.corpus;
  process.stdout.write(
    `Terminal mode: no DISCORD_TOKEN is set, so the bot's commands are answered here.\n` +
      `To run on Discord, put DISCORD_TOKEN (and DISCORD_CLIENT_ID) in .env — see .env.example — then npm run deploy && npm start.\n` +
      `${articles.length} articles loaded. Type a question, or /help for commands.\n`,
  );
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: '> ', terminal: process.stdin.isTTY });
  rl.prompt();
  for await (const line of rl) {
    let out: string | null;
    try {
      out = await answerLine(app, line, color);
    } catch (error) {
      app.logger.error({ err: error }, 'terminal command failed');
      out = 'Sorry, that command failed; the details are in the log.';
    }
    if (out === null) break;
    if (out) process.stdout.write(`${out}\n`);
    rl.prompt();
  }
  rl.close();
  app.queryLog.flush();
}
