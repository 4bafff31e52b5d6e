/** `/help` — what the bot does and how to ask. */
import { SlashCommandBuilder } from 'discord.js';
import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../src/bot/command.js';
import { send } from '../src/bot/command.js';
import { renderHelp } from '../src/bot/render.js';

export const data = new SlashCommandBuilder().setName('help').setDescription('What this bot does and how to ask it');

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  await send(interaction, renderHelp());
  ctx.report({ results: [], outcome: 'answered' });
}
