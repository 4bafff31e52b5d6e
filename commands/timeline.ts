/** `/timeline [from] [to] [about]` — dated events from the articles, oldest first, paged when long. */
import { SlashCommandBuilder } from 'discord.js';
import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../src/bot/command.js';
import { sendEphemeral, hideOption, sendPages, wantsHidden } from '../src/bot/command.js';
import { escapeText, renderTimeline } from '../src/bot/render.js';
import { InputError, parseTimelineInput } from '../src/queries/input.js';
import type { TimelineInput } from '../src/queries/input.js';
import * as queries from '../src/queries.js';

export const cooldown = true;

export const data = new SlashCommandBuilder()
  .setName('timeline')
  .setDescription('Dated events from the articles, oldest first')
  .addIntegerOption((o) => o.setName('from').setDescription('First year, e.g. 2017').setMinValue(1900).setMaxValue(2100))
  .addIntegerOption((o) => o.setName('to').setDescription('Last year, e.g. 2019').setMinValue(1900).setMaxValue(2100))
  .addStringOption((o) => o.setName('about').setDescription('Only events about these words').setMaxLength(200))
  .addBooleanOption(hideOption);

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  let query: TimelineInput;
  try {
    query = parseTimelineInput({
      from: interaction.options.getInteger('from'),
      to: interaction.options.getInteger('to'),
      about: interaction.options.getString('about'),
    });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    ctx.report({ results: [], outcome: 'refused', error: error.message });
    await sendEphemeral(interaction, escapeText(error.message));
    return;
  }
  const result = await queries.timeline(ctx.queries, query);
  const pages = renderTimeline(result, query);
  await sendPages(interaction, ctx, pages, [result.events.map((e) => e.date)], { hidden: wantsHidden(interaction) });
}
