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
import * as queries from '../src/queries.js';
import type { APIEmbed } from 'discord-api-types/v10';
import type { ReloadReport } from '../src/engine/engine.js';
import { LIMITS, chunkLines, fitEmbed, trimText } from '../src/bot/limits.js';
import type { Page } from '../src/bot/render.js';
import { COLOR, WARN, escapeText } from '../src/bot/render.js';

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

/** `/reload`: what changed, or why the old index is still serving. */
export function renderReload(r: ReloadReport): Page {
  if (!r.ok) {
    return {
      embeds: [
        fitEmbed({
          color: WARN,
          title: 'Reload failed — the previous index is still serving',
          description: escapeText(r.reason ?? 'unknown reason'),
          footer: { text: `${r.articles} articles, ${r.paragraphs} paragraphs still served · ${r.ms} ms` },
        }),
      ],
    };
  }
  const list = (files: string[]): string => (files.length ? trimText(files.map(escapeText).join(', '), LIMITS.fieldValue) : 'none');
  const skipped = r.skipped.map((s) => `${escapeText(s.file)}: ${escapeText(s.reason)}`);
  const warnings = r.warnings.map((s) => `${escapeText(s.file)}: ${escapeText(s.reason)}`);
  const unchanged = r.added.length + r.removed.length + r.changed.length === 0;
  const fields: NonNullable<APIEmbed['fields']> = [
    { name: 'Added', value: list(r.added), inline: true },
    { name: 'Removed', value: list(r.removed), inline: true },
    { name: 'Changed', value: list(r.changed), inline: true },
  ];
  if (skipped.length) fields.push({ name: `Skipped (${skipped.length})`, value: chunkLines(skipped, LIMITS.fieldValue)[0] ?? '' });
  if (warnings.length) fields.push({ name: `Warnings (${warnings.length})`, value: chunkLines(warnings, LIMITS.fieldValue)[0] ?? '' });
  return {
    embeds: [
      fitEmbed({
        color: COLOR,
        title: 'Reloaded',
        description: `${r.articles} articles, ${r.paragraphs} paragraphs, in ${r.ms} ms.${unchanged ? ' No article changed.' : ''}`,
        fields,
      }),
    ],
  };
}
