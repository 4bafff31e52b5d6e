/** `/timeline [from] [to] [about]` — dated events from the articles, oldest first, paged when long. */
import { SlashCommandBuilder } from 'discord.js';
import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../src/bot/command.js';
import { sendEphemeral, sendPages } from '../src/bot/command.js';
import { renderTimeline } from '../src/bot/render.js';
import type { TimelineQuery } from '../src/queries.js';
import * as queries from '../src/queries.js';

export const cooldown = true;

export const data = new SlashCommandBuilder()
  .setName('timeline')
  .setDescription('Dated events from the articles, oldest first')
  .addIntegerOption((o) => o.setName('from').setDescription('First year, e.g. 2017').setMinValue(1900).setMaxValue(2100))
  .addIntegerOption((o) => o.setName('to').setDescription('Last year, e.g. 2019').setMinValue(1900).setMaxValue(2100))
  .addStringOption((o) => o.setName('about').setDescription('Only events about these words').setMaxLength(200));

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const query: TimelineQuery = {};
  const from = interaction.options.getInteger('from');
  const to = interaction.options.getInteger('to');
  const about = interaction.options.getString('about');
  if (from !== null) query.from = from;
  if (to !== null) query.to = to;
  if (about !== null) query.about = about;
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    ctx.report({ results: [], outcome: 'refused', error: 'from is after to' });
    await sendEphemeral(interaction, `“from” (${query.from}) is after “to” (${query.to}); swap them and ask again.`);
    return;
  }
  const result = await queries.timeline(ctx.queries, query);
  const pages = renderTimeline(result, query);
  await sendPages(interaction, ctx, pages, [result.events.map((e) => e.date)]);
}
