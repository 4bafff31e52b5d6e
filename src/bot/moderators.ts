/**
 * Who may run `/reload`: members with Manage Server (Discord's own gate,
 * checked again here since server admins can change a command's permissions)
 * or with one of the `MODERATOR_ROLE_IDS` roles. Pure apart from reading the
 * interaction.
 */
import { PermissionFlagsBits } from 'discord.js';
import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from './command.js';
import { sendEphemeral } from './command.js';

export interface MemberFacts {
  inGuild: boolean;
  /** The member's permissions in the channel, as Discord sent them; null when unknown. */
  permissions: bigint | null;
  roles: readonly string[];
  /** The server asked in: a role with its id is its @everyone role, never a moderator role. */
  guildId?: string | null;
}

export type Verdict = { ok: true; via: 'manage-guild' | 'role' } | { ok: false; reason: string };

export function moderatorVerdict(member: MemberFacts, allowedRoles: readonly string[]): Verdict {
  if (!member.inGuild) return { ok: false, reason: 'not in a server' };
  const perms = member.permissions ?? 0n;
  if ((perms & PermissionFlagsBits.Administrator) !== 0n || (perms & PermissionFlagsBits.ManageGuild) !== 0n) {
    return { ok: true, via: 'manage-guild' };
  }
  const moderatorRoles = allowedRoles.filter((r) => r !== member.guildId);
  if (moderatorRoles.length > 0 && member.roles.some((r) => moderatorRoles.includes(r))) return { ok: true, via: 'role' };
  return {
    ok: false,
    reason: allowedRoles.length > 0 ? 'lacks Manage Server and every moderator role' : 'lacks Manage Server',
  };
}

export function memberFacts(interaction: ChatInputCommandInteraction): MemberFacts {
  const member = interaction.member;
  const roles = !member ? [] : Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
  return { inGuild: interaction.inGuild(), permissions: interaction.memberPermissions?.bitfield ?? null, roles, guildId: interaction.guildId };
}

export function isModerator(interaction: ChatInputCommandInteraction, allowedRoles: readonly string[]): Verdict {
  return moderatorVerdict(memberFacts(interaction), allowedRoles);
}

/**
 * The gate of a moderators' command: true for a moderator; anyone else gets
 * `refusal` ephemerally, and the refusal is reported with its reason.
 */
export async function admitModerator(interaction: ChatInputCommandInteraction, ctx: CommandContext, refusal: string): Promise<boolean> {
  const verdict = isModerator(interaction, ctx.config.MODERATOR_ROLE_IDS);
  if (verdict.ok) return true;
  ctx.report({ results: [], outcome: 'refused', error: verdict.reason });
  await sendEphemeral(interaction, refusal);
  return false;
}
