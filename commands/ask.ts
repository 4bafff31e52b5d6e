/** `/ask question:<text>` — the passages that best answer a question, quoted and attributed. */
import { SlashCommandBuilder } from 'discord.js';
import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../src/bot/command.js';
import { idsPerPage, hideOption, sendPages, wantsHidden } from '../src/bot/command.js';
import * as queries from '../src/queries.js';
import type { APIEmbed } from 'discord-api-types/v10';
import type { AskResult, Passage } from '../src/search/types.js';
import { nothingFoundMessage } from '../src/queries/advice.js';
import { ASK_QUESTION_MAX } from '../src/queries/input.js';
import { LIMITS, fitEmbed } from '../src/bot/limits.js';
import type { Page } from '../src/bot/render.js';
import { CONTEXT_STEPS, COLOR, PASSAGE_TEXT, excerptText, fitEscaped, pageGroups, passageBudget, questionLine, sourceLine } from '../src/bot/render.js';

/** Passages fetched per question: the first page shows `ANSWER_LIMIT`, More pages through the rest. */
export const PAGES_PER_QUESTION = 3;

export const cooldown = true;

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question; get verbatim, attributed quotes from the news articles')
  .addStringOption((o) => o.setName('question').setDescription('What you want to know').setRequired(true).setMaxLength(ASK_QUESTION_MAX))
  .addBooleanOption(hideOption);

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const question = interaction.options.getString('question', true);
  const perPage = ctx.config.ANSWER_LIMIT;
  const result = await queries.ask(ctx.queries, question, perPage * PAGES_PER_QUESTION);
  const pages = renderAsk(result, perPage);
  const ids = idsPerPage(pages, result.answers.map((a) => a.paragraphId));
  await sendPages(interaction, ctx, pages, ids, { hidden: wantsHidden(interaction) });
}

/**
 * One `/ask` passage as an embed: a short excerpt around the answering
 * sentence and one source line, in at most `max` characters of embed text.
 */
export function passageEmbed(p: Passage, max = PASSAGE_TEXT): APIEmbed {
  const source = sourceLine(p, p.paragraph);
  return fitEmbed({ color: COLOR, description: `${excerptText(p.text, p.quote, Math.max(80, max - source.length - 1))}\n${source}` });
}

/**
 * One `/ask` passage with its whole paragraph (the answering sentence still
 * bold), as far as `max` characters allow; the compact context when not.
 */
export function fullPassageEmbed(p: Passage, max: number): APIEmbed {
  const source = sourceLine(p, p.paragraph);
  const room = Math.min(LIMITS.description, max) - source.length - 1;
  return fitEmbed({ color: COLOR, description: `${excerptText(p.text, p.quote, Math.max(80, room), [Infinity, ...CONTEXT_STEPS])}\n${source}` }, max);
}

/**
 * `/ask`: pages of `perPage` passages, or one page saying nothing was found.
 * `heading` replaces the question line (and the nothing-found line) on every
 * page, full views included: "Find in the articles" heads with the message.
 */
export function renderAsk(result: AskResult, perPage: number, heading?: string): Page[] {
  if (heading !== undefined && result.answers.length === 0) return [{ content: heading, embeds: [] }];
  if (result.answers.length === 0) {
    // The same words as the terminal and the CLI, escaped for Discord.
    // The hint can hold the question again ("Did you mean …?"): half the room each.
    const hint = result.hint ? fitEscaped(result.hint, LIMITS.content / 2) : undefined;
    const room = LIMITS.content - nothingFoundMessage({ query: '', hint }).length;
    return [{ content: nothingFoundMessage({ query: fitEscaped(result.query, room), hint }), embeds: [] }];
  }
  const budget = passageBudget(perPage);
  const content = heading ?? questionLine(result.query, result.correctedQuery);
  const pages: Page[] = [];
  for (const passages of pageGroups(result.answers, (p) => passageEmbed(p, budget), perPage)) {
    const embeds = passages.map(({ embed }) => embed);
    const fullBudget = Math.floor((LIMITS.embedTotal - LIMITS.content / 10) / passages.length);
    const full = passages.map(({ item }) => fullPassageEmbed(item, fullBudget));
    // Offered only when some paragraph is longer than its excerpt.
    const longer = full.some((e, i) => e.description !== embeds[i]?.description);
    pages.push({ content, embeds, ...(longer ? { full: { content, embeds: full } } : {}) });
  }
  return pages;
}
