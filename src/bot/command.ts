/**
 * What a command file exports, what it is handed when it runs, and the few
 * ways it answers — each of which sends `allowedMentions: { parse: [] }`, so
 * no reply, follow-up or edit can ping anyone.
 */
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  InteractionEditReplyOptions,
  InteractionReplyOptions,
  RepliableInteraction,
} from 'discord.js';
import { MessageFlags } from 'discord.js';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { App } from '../app.js';
import type { Config } from '../config.js';
import type { Asker, Logger, QuerySummary } from '../logging.js';
import type { QueryContext } from '../queries.js';
import { feedbackRow } from './feedback.js';
import type { PageStore } from './pages.js';
import { pageButtons } from './pages.js';
import type { Page } from './render.js';

export const NO_MENTIONS = { parse: [] as never[] };

/** A slash command: one file in `commands/`. */
export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
  /** Query commands share the per-user cooldown. */
  cooldown?: boolean;
}

/** What the handler hands a command for one interaction. */
export interface CommandContext {
  /** Pass to `src/queries.ts`: its queries report what they found to this interaction's dispatcher. */
  queries: QueryContext;
  app: App;
  config: Config;
  logger: Logger;
  pages: PageStore;
  asker: Asker;
  /** This interaction's query id (in its log line); the feedback buttons under its answer carry it. */
  queryId: string;
  /**
   * Tells the dispatcher how this interaction ended when no query said so (a
   * refusal, `/help`); it writes the one log line after the reply. Commands never log.
   */
  report(summary: QuerySummary & { query?: string }): void;
}

/** Adds the no-mentions rule to a message payload. */
export function safe<T extends object>(payload: T): T & { allowedMentions: typeof NO_MENTIONS } {
  return { ...payload, allowedMentions: NO_MENTIONS };
}

/**
 * Answers with a message: `editReply` when deferred, `followUp` when already
 * replied, `reply` otherwise.
 */
export async function send(interaction: RepliableInteraction, payload: InteractionReplyOptions & InteractionEditReplyOptions): Promise<void> {
  if (interaction.deferred && !interaction.replied) {
    const { flags: _flags, ...edit } = payload;
    await interaction.editReply(safe(edit as InteractionEditReplyOptions));
  } else if (interaction.replied) await interaction.followUp(safe(payload as InteractionReplyOptions));
  else await interaction.reply(safe(payload as InteractionReplyOptions));
}

/** A short message only the user sees (refusals, cooldowns, errors). */
export async function sendEphemeral(interaction: RepliableInteraction, content: string): Promise<void> {
  const payload = safe({ content, flags: MessageFlags.Ephemeral as const });
  if (interaction.deferred || interaction.replied) await interaction.followUp(payload);
  else await interaction.reply(payload);
}

/**
 * Sends the first of `pages`, with paging buttons when there is more than
 * one (the pages are kept for `PAGE_TTL_MS`), and 👍 / 👎 under an answer
 * that returned something (`ids` not empty).
 */
export async function sendPages(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  pages: Page[],
  ids: string[][] = [],
): Promise<void> {
  const first = pages[0] ?? { content: 'Nothing to show.', embeds: [] };
  const queryId = ids.some((page) => page.length > 0) ? ctx.queryId : undefined;
  const components = [
    ...(pages.length > 1 ? pageButtons(ctx.pages.put({ command: interaction.commandName, pages, ids, queryId }), 0, pages.length) : []),
    ...(queryId ? [feedbackRow(queryId)] : []),
  ];
  await send(interaction, { content: first.content ?? '', embeds: first.embeds, components });
}

/** Splits result ids by page, one per embed, for the log lines of page buttons. */
export function idsPerPage(pages: Page[], ids: string[]): string[][] {
  let at = 0;
  return pages.map((page) => {
    const slice = ids.slice(at, at + page.embeds.length);
    at += page.embeds.length;
    return slice;
  });
}

/** Shows page `index` of a stored answer in place of the message the button is on, its vote buttons kept. */
export async function showPage(interaction: ButtonInteraction, key: string, pages: Page[], index: number, queryId?: string): Promise<void> {
  const page = pages[index] ?? { embeds: [] };
  const components = [...pageButtons(key, index, pages.length), ...(queryId ? [feedbackRow(queryId)] : [])];
  await interaction.update(safe({ content: page.content ?? '', embeds: page.embeds, components }));
}
