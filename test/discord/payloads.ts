/**
 * Realistic Discord payloads, typed with discord-api-types: snowflakes,
 * users, a guild with roles and a text channel, members with permissions,
 * messages, and the interactions Discord sends for slash commands,
 * autocomplete and button presses.
 */
import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildHubType,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import type {
  APIApplicationCommand,
  APIApplicationCommandAutocompleteGuildInteraction,
  APIApplicationCommandInteractionDataOption,
  APIApplicationCommandOption,
  APIChatInputApplicationCommandGuildInteraction,
  APIGuildTextChannel,
  APIInteractionGuildMember,
  APIMessage,
  APIMessageApplicationCommandGuildInteraction,
  APIMessageComponentButtonInteraction,
  APIRole,
  APIUser,
  UserFlags,
  GatewayGuildCreateDispatchData,
} from 'discord-api-types/v10';

const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A snowflake for "now", unique within this process. */
export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

/** An interaction token: long, URL-safe, like Discord's. */
export const interactionToken = (): string => `aW50ZXJhY3Rpb24${randomBytes(48).toString('base64url')}`;

export function user(username: string, id: string = snowflake(), bot = false): APIUser {
  return {
    id,
    username,
    discriminator: '0',
    global_name: bot ? null : username,
    avatar: null,
    ...(bot ? { bot: true } : {}),
    public_flags: 0 as UserFlags,
    flags: 0 as never,
  };
}

export function role(guildId: string, name: string, permissions: bigint, id: string = snowflake()): APIRole {
  return {
    id: name === '@everyone' ? guildId : id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: name === '@everyone' ? 0 : 1,
    permissions: permissions.toString(),
    managed: false,
    mentionable: false,
    flags: 0 as never,
  };
}

export function textChannel(guildId: string, name: string, id: string = snowflake()): APIGuildTextChannel<ChannelType.GuildText> {
  return {
    id,
    type: ChannelType.GuildText,
    guild_id: guildId,
    name,
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    parent_id: null,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    default_auto_archive_duration: 1440,
    flags: 0 as never,
  };
}

export interface GuildSetup {
  id: string;
  name: string;
  ownerId: string;
  roles: APIRole[];
  channels: APIGuildTextChannel<ChannelType.GuildText>[];
}

/** The full guild Discord sends in GUILD_CREATE after READY. */
export function guildCreate(g: GuildSetup, applicationId: string): GatewayGuildCreateDispatchData {
  return {
    id: g.id,
    name: g.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: g.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: g.roles,
    emojis: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: GuildHubType.Default,
    safety_alerts_channel_id: null,
    stickers: [],
    incidents_data: null,
    joined_at: new Date().toISOString(),
    large: false,
    member_count: 3,
    voice_states: [],
    members: [],
    channels: g.channels,
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    unavailable: false,
    max_members: 500000,
    max_video_channel_users: 25,
    ...(applicationId ? {} : {}),
  };
}

/** A member as interactions carry it: roles and the computed channel permissions. */
export function member(u: APIUser, roles: string[], permissions: bigint): APIInteractionGuildMember {
  return {
    user: u,
    roles,
    permissions: permissions.toString(),
    joined_at: '2024-01-01T00:00:00.000000+00:00',
    deaf: false,
    mute: false,
    flags: 0 as never,
    nick: null,
    avatar: null,
    banner: null,
    premium_since: null,
    pending: false,
    communication_disabled_until: null,
  };
}

/** Permissions of an ordinary member in a text channel. */
export const MEMBER_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.EmbedLinks;

/** What the app may do in the channel. */
export const APP_PERMISSIONS = MEMBER_PERMISSIONS | PermissionFlagsBits.AttachFiles;

export type OptionValue = string | number | boolean;

/**
 * Turns `{ question: 'why' }` into the options Discord sends, typed from the
 * registered command when there is one (else from the JS type). `focused`
 * marks the option being typed, for autocomplete.
 */
export function commandOptions(
  values: Record<string, OptionValue>,
  definition: APIApplicationCommand | undefined,
  focused?: string,
): APIApplicationCommandInteractionDataOption[] {
  return Object.entries(values).map(([name, value]) => {
    const declared = definition?.options?.find((o: APIApplicationCommandOption) => o.name === name);
    const type =
      declared?.type ??
      (typeof value === 'boolean'
        ? ApplicationCommandOptionType.Boolean
        : typeof value === 'number'
          ? Number.isInteger(value)
            ? ApplicationCommandOptionType.Integer
            : ApplicationCommandOptionType.Number
          : ApplicationCommandOptionType.String);
    return { name, type, value, ...(focused === name ? { focused: true } : {}) } as APIApplicationCommandInteractionDataOption;
  });
}

export interface InteractionContext {
  applicationId: string;
  guildId: string;
  channel: APIGuildTextChannel<ChannelType.GuildText>;
  member: APIInteractionGuildMember;
}

function base(ctx: InteractionContext) {
  return {
    id: snowflake(),
    application_id: ctx.applicationId,
    token: interactionToken(),
    version: 1 as const,
    guild_id: ctx.guildId,
    guild: { id: ctx.guildId, features: [], locale: Locale.EnglishUS },
    channel: { id: ctx.channel.id, type: ChannelType.GuildText as const, name: ctx.channel.name, guild_id: ctx.guildId },
    channel_id: ctx.channel.id,
    member: ctx.member,
    app_permissions: APP_PERMISSIONS.toString(),
    locale: Locale.EnglishGB,
    guild_locale: Locale.EnglishUS,
    entitlements: [],
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: ctx.guildId },
    context: InteractionContextType.Guild,
    attachment_size_limit: 10 * 1024 * 1024,
  };
}

export function chatInputInteraction(
  ctx: InteractionContext,
  command: { id: string; name: string },
  options: APIApplicationCommandInteractionDataOption[],
): APIChatInputApplicationCommandGuildInteraction {
  return {
    ...base(ctx),
    type: InteractionType.ApplicationCommand,
    data: {
      id: command.id,
      name: command.name,
      type: ApplicationCommandType.ChatInput,
      ...(options.length ? { options } : {}),
    },
  } as APIChatInputApplicationCommandGuildInteraction;
}

export function autocompleteInteraction(
  ctx: InteractionContext,
  command: { id: string; name: string },
  options: APIApplicationCommandInteractionDataOption[],
): APIApplicationCommandAutocompleteGuildInteraction {
  return {
    ...base(ctx),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: { id: command.id, name: command.name, type: ApplicationCommandType.ChatInput, options },
  } as APIApplicationCommandAutocompleteGuildInteraction;
}

/** A message context-menu command ("Apps → …" on a message): the message travels in `resolved`. */
export function messageCommandInteraction(
  ctx: InteractionContext,
  command: { id: string; name: string },
  target: APIMessage,
): APIMessageApplicationCommandGuildInteraction {
  return {
    ...base(ctx),
    type: InteractionType.ApplicationCommand,
    data: { id: command.id, name: command.name, type: ApplicationCommandType.Message, target_id: target.id, resolved: { messages: { [target.id]: target } } },
  } as APIMessageApplicationCommandGuildInteraction;
}

export function buttonInteraction(ctx: InteractionContext, message: APIMessage, customId: string): APIMessageComponentButtonInteraction {
  return {
    ...base(ctx),
    type: InteractionType.MessageComponent,
    message,
    data: { custom_id: customId, component_type: ComponentType.Button },
  } as APIMessageComponentButtonInteraction;
}

/** A message as the API returns it, from a create/edit body. */
export function message(fields: {
  id?: string;
  channelId: string;
  author: APIUser;
  applicationId: string;
  body: Record<string, unknown>;
  type?: MessageType;
}): APIMessage {
  const b = fields.body;
  return {
    id: fields.id ?? snowflake(),
    channel_id: fields.channelId,
    author: fields.author,
    content: typeof b.content === 'string' ? b.content : '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: Array.isArray(b.embeds) ? (b.embeds as APIMessage['embeds']) : [],
    pinned: false,
    type: fields.type ?? MessageType.ChatInputCommand,
    flags: typeof b.flags === 'number' ? b.flags : 0,
    components: Array.isArray(b.components) ? (b.components as APIMessage['components']) : [],
    application_id: fields.applicationId,
    webhook_id: fields.applicationId,
  };
}
