/**
 * `/reload` — moderators only: rebuild the index from the seeds folder. Discord
 * hides it from members without Manage Server (`default_member_permissions`);
 * `execute` checks again, and allows the `MODERATOR_ROLE_IDS` roles too.
 */
import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../src/bot/command.js';
import { send } from '../src/bot/command.js';
import { admitModerator } from '../src/bot/moderators.js';
import { renderReload } from '../src/bot/render.js';
import * as queries from '../src/queries.js';

export const data = new SlashCommandBuilder()
  .setName('reload')
  .setDescription('Moderators: re-read the articles from the seeds folder')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild);

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  if (!(await admitModerator(interaction, ctx, 'Only moderators can reload the articles.'))) return;
  // A rebuild can take seconds: acknowledge now, answer when it is done.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const report = await queries.reload(ctx.queries);
  await send(interaction, renderReload(report));
}
