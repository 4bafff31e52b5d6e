/** `/sources` — the articles in the index with outlet, date and paragraph count. */
import { SlashCommandBuilder } from 'discord.js';
import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../src/bot/command.js';
import { sendPages } from '../src/bot/command.js';
import { renderSources } from '../src/bot/render.js';
import * as queries from '../src/queries.js';

export const cooldown = true;

export const data = new SlashCommandBuilder().setName('sources').setDescription('The articles the bot answers from');

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const list = await queries.sources(ctx.queries);
  await sendPages(interaction, ctx, renderSources(list));
}
