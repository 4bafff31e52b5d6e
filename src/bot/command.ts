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
  MessageContextMenuCommandInteraction,
  RepliableInteraction,
  SlashCommandBooleanOption,
} from 'discord.js';
import { ApplicationCommandType, MessageFlags } from 'discord.js';
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { App } from '../app.js';
import type { Config } from '../config.js';
import type { Asker, Logger, QuerySummary } from '../logging.js';
import type { QueryContext } from '../queries.js';
import { feedbackRow } from './feedback.js';
import type { PagedAnswer, PageStore } from './pages.js';
import { pageButtons } from './pages.js';
import type { Page } from './render.js';

export const NO_MENTIONS = { parse: [] as never[] };

/** An interaction that runs a command: a slash command, or a message's context-menu command. */
export type CommandInteraction = ChatInputCommandInteraction | MessageContextMenuCommandInteraction;

/** A slash command or a message context-menu command: one file in `commands/`. */
export interface Command {
  data: { name: string; toJSON(): RESTPostAPIApplicationCommandsJSONBody };
  /** Called only with the kind of interaction its `data.type` registers (a slash command when unset). */
  execute(interaction: CommandInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
  /** Query commands share the per-user cooldown. */
  cooldown?: boolean;
}

const commandTypes = new WeakMap<Command, ApplicationCommandType>();

/**
 * What kind of interaction a command is registered for: a slash command
 * unless its `data` says otherwise. Builders' `toJSON` validates the whole
 * definition, so it is read once per command.
 */
export function commandTypeOf(command: Command): ApplicationCommandType {
  let type = commandTypes.get(command);
  if (type === undefined) commandTypes.set(command, (type = command.data.toJSON().type ?? ApplicationCommandType.ChatInput));
  return type;
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
export async function send(interaction: RepliableInteraction, payload: InteractionReplyOptions): Promise<void> {
  if (interaction.deferred && !interaction.replied) {
    const { flags: _flags, ...edit } = payload;
    await interaction.editReply(safe(edit as InteractionEditReplyOptions));
  } else if (interaction.replied) await interaction.followUp(safe(payload));
  else await interaction.reply(safe(payload));
}

/** A short message only the user sees (refusals, cooldowns, errors). */
export async function sendEphemeral(interaction: RepliableInteraction, content: string): Promise<void> {
  const payload = safe({ content, flags: MessageFlags.Ephemeral as const });
  if (interaction.deferred || interaction.replied) await interaction.followUp(payload);
  else await interaction.reply(payload);
}

/**
 * Sends the first of `pages` to the asker, with paging buttons when there is
 * more than one (the pages are kept for `PAGE_TTL_MS`), and 👍 / 👎 under an
 * answer that returned something (`ids` not empty). `hidden`: only the asker
 * sees it (ephemeral), with a Share button that posts it to the channel.
 */
export async function sendPages(
  interaction: CommandInteraction,
  ctx: CommandContext,
  pages: Page[],
  ids: string[][] = [],
  options: { hidden?: boolean } = {},
): Promise<void> {
  const queryId = ids.some((page) => page.length > 0) ? ctx.queryId : undefined;
  const hidden = options.hidden === true;
  const answer = { command: interaction.commandName, pages, ids, queryId, owner: interaction.user.id, hidden };
  const key = storeIfButtoned(ctx.pages, answer);
  await send(interaction, { ...pagePayload(key, answer, 0), ...(hidden ? { flags: MessageFlags.Ephemeral as const } : {}) });
}

/** The `hide:` option of the query commands: answer only the asker, who may then share the answer. */
export const hideOption = (o: SlashCommandBooleanOption): SlashCommandBooleanOption =>
  o.setName('hide').setDescription('Show the answer only to you; a Share button posts it to the channel');

/** Whether the asker chose `hide:`. */
export const wantsHidden = (interaction: ChatInputCommandInteraction): boolean => interaction.options.getBoolean('hide') === true;

/** Splits result ids by page, one per embed, for the log lines of page buttons. */
export function idsPerPage(pages: Page[], ids: string[]): string[][] {
  let at = 0;
  return pages.map((page) => {
    const slice = ids.slice(at, at + page.embeds.length);
    at += page.embeds.length;
    return slice;
  });
}

/** The message payload of page `index` of a stored answer under `key`, its vote buttons under every page. */
function pagePayload(key: string, answer: Pick<PagedAnswer, 'pages' | 'hidden' | 'queryId' | 'shared'>, index: number) {
  const page = answer.pages[index] ?? { content: 'Nothing to show.', embeds: [] };
  return safe({
    content: page.content ?? '',
    embeds: page.embeds,
    components: [
      ...pageButtons(key, index, answer.pages.length, {
        share: answer.hidden === true,
        shared: answer.shared?.has(index) === true,
        full: page.full !== undefined,
      }),
      ...(answer.queryId ? [feedbackRow(answer.queryId)] : []),
    ],
  });
}

/** Shows page `index` of a stored answer in place of the message the button is on. */
export async function showPage(interaction: ButtonInteraction, key: string, answer: PagedAnswer, index: number): Promise<void> {
  await interaction.update(pagePayload(key, answer, index));
}

/**
 * Answers someone pressing a button on another user's answer with their own
 * copy of page `index`, only they see, stored under a new key they own — so
 * its buttons page their message, not the original. No Share on it: the
 * answer is not theirs. Its votes still rate the query that found it.
 */
export async function sendOwnCopy(interaction: ButtonInteraction, pages: PageStore, answer: PagedAnswer, index: number): Promise<void> {
  await interaction.reply({ ...ownCopy(interaction, pages, answer, index), flags: MessageFlags.Ephemeral as const });
}

/** Page `index` of `answer` as a message of the presser's own, its pages stored under a new key they own. */
function ownCopy(interaction: ButtonInteraction, pages: PageStore, answer: PagedAnswer, index: number) {
  const copy = { command: answer.command, pages: answer.pages, ids: answer.ids, queryId: answer.queryId, owner: interaction.user.id, hidden: false };
  return pagePayload(storeIfButtoned(pages, copy), copy, index);
}

/**
 * Stores an answer whose buttons need it back — paging, Share, Full
 * paragraphs — and returns its key; '' for one a button never reads.
 */
function storeIfButtoned(store: PageStore, answer: Omit<PagedAnswer, 'createdAt'>): string {
  return answer.pages.length > 1 || answer.hidden || answer.pages.some((page) => page.full) ? store.put(answer) : '';
}

/**
 * Shares page `index` of the asker's hidden answer: their message now says
 * "Shared ✓" on that page (so it is not posted twice), and the page is
 * posted to the channel as a public follow-up, paged by the asker.
 */
export async function sharePage(interaction: ButtonInteraction, pages: PageStore, key: string, answer: PagedAnswer, index: number): Promise<void> {
  answer.shared = new Set([...(answer.shared ?? []), index]);
  await interaction.update(pagePayload(key, answer, index));
  await interaction.followUp(ownCopy(interaction, pages, answer, index));
}

/** The whole paragraphs of page `index`, as a message only the presser sees: the answer itself stays compact. */
export async function sendFullParagraphs(interaction: ButtonInteraction, answer: PagedAnswer, index: number): Promise<void> {
  const full = answer.pages[index]?.full ?? answer.pages[index] ?? { embeds: [] };
  await interaction.reply(safe({ content: full.content ?? '', embeds: full.embeds, flags: MessageFlags.Ephemeral as const }));
}
