/** `/ask question:<text>` — the passages that best answer a question, quoted and attributed. */
import { SlashCommandBuilder } from 'discord.js';
import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../src/bot/command.js';
import { idsPerPage, hideOption, sendPages, wantsHidden } from '../src/bot/command.js';
import { renderAsk } from '../src/bot/render.js';
import * as queries from '../src/queries.js';

/** Passages fetched per question: the first page shows `ANSWER_LIMIT`, More pages through the rest. */
export const PAGES_PER_QUESTION = 3;

export const cooldown = true;

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question; get verbatim, attributed quotes from the news articles')
  .addStringOption((o) => o.setName('question').setDescription('What you want to know').setRequired(true).setMaxLength(300))
  .addBooleanOption(hideOption);

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const question = interaction.options.getString('question', true);
  const perPage = ctx.config.ANSWER_LIMIT;
  const result = await queries.ask(ctx.queries, question, perPage * PAGES_PER_QUESTION);
  const pages = renderAsk(result, perPage);
  const ids = idsPerPage(pages, result.answers.map((a) => a.paragraphId));
  await sendPages(interaction, ctx, pages, ids, { hidden: wantsHidden(interaction) });
}
