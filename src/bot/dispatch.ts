/**
 * The one interaction dispatcher. It owns each interaction from arrival to
 * reply: routes slash commands, autocomplete and page buttons; applies the
 * cooldown; owns every error (a short ephemeral message to the user —
 * `followUp` once deferred or replied, `reply` otherwise — and the full error
 * to the log); times it and writes its one query log line *after* the reply,
 * with what really happened (a reply Discord refused is `reply-failed`, not
 * the query's outcome); and tracks what is in flight so shutdown can wait.
 * Commands and queries only report what they found; they never log.
 */
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  CommandInteractionOption,
  Interaction,
  MessageContextMenuCommandInteraction,
  REST,
} from 'discord.js';
import { InteractionResponseType, InteractionType, MessageFlags, Routes } from 'discord.js';
import type { App } from '../app.js';
import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { QueryLine } from '../logging.js';
import { FEEDBACK_MESSAGES, VoteBook, parseVoteId } from './feedback.js';
import type { Asked, Asker } from '../logging.js';
import type { Command, CommandContext } from './command.js';
import { commandTypeOf, sendEphemeral, sendFullParagraphs, sendOwnCopy, sharePage, showPage } from './command.js';
import type { Cooldowns } from './cooldown.js';
import type { PageStore } from './pages.js';
import { scrubError } from './scrub.js';

export const MESSAGES = {
  error: 'Sorry — something went wrong answering that. It has been logged; please try again in a moment.',
  expired: 'This button has expired — ask again.',
  notYours: 'Only the person who asked can share this answer.',
  unknown: (name: string) => `I don’t know the command /${name}; it may have been removed. Type /help for the list.`,
  cooldown: (seconds: number) => `You’re asking quickly — try again in ${seconds} s.`,
  closing: 'The bot is restarting — try again in a moment.',
  unsupported: 'That kind of interaction isn’t supported here — type /help for the commands.',
  malformed: 'Sorry — that request arrived damaged and could not be read. Please try again.',
} as const;

/** Most characters of a message a context-menu command acted on, in its log line. */
const LOGGED_MESSAGE_CHARS = 1000;

/** How many times `drain` waits for what is in flight (what was there, then what arrived meanwhile, …). */
export const DRAIN_ROUNDS = 3;

export interface DispatcherDeps {
  app: App;
  commands: ReadonlyMap<string, Command>;
  pages: PageStore;
  cooldowns: Cooldowns;
  /** Strings that must never reach a log (the bot token). */
  secrets?: readonly string[];
  /** Answers packets discord.js could not turn into an interaction. */
  rest?: REST;
}

function flattenOptions(options: readonly CommandInteractionOption[], out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const o of options) {
    if (o.options?.length) flattenOptions(o.options, out);
    else if (o.value !== undefined) out[o.name] = o.value;
  }
  return out;
}

/** What the log says the interaction was: command, main text, options. */
function describe(interaction: Interaction): Asked {
  if (interaction.isChatInputCommand()) {
    const options = flattenOptions(interaction.options.data);
    const main = options.question ?? options.speaker ?? options.about ?? '';
    return { command: interaction.commandName, query: String(main), options };
  }
  if (interaction.isMessageContextMenuCommand()) {
    // The message's text is what is looked up; its id says which message it was.
    return { command: interaction.commandName, query: interaction.targetMessage.content.slice(0, LOGGED_MESSAGE_CHARS), options: { message: interaction.targetId } };
  }
  if (interaction.isAutocomplete()) {
    const focused = interaction.options.getFocused(true);
    return { command: `${interaction.commandName}:autocomplete`, query: String(focused.value), options: { focused: focused.name } };
  }
  if (interaction.isButton()) {
    return { command: parseVoteId(interaction.customId) ? 'feedback' : 'button', query: '', options: { customId: interaction.customId } };
  }
  return { command: `interaction:${interaction.type}`, query: '' };
}

export function askerOf(interaction: Interaction): Asker {
  return { user: interaction.user.id, guild: interaction.guildId, channel: interaction.channelId };
}

/** A failure of the reply itself (Discord refused it, the network failed, it timed out), not of answering. */
function isReplyFailure(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError ||
    error instanceof HTTPError ||
    error instanceof RateLimitError ||
    (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'))
  );
}

export class InteractionDispatcher {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly votes = new VoteBook();
  private closed = false;

  constructor(private readonly deps: DispatcherDeps) {}

  /** Handles one interaction; never rejects. */
  handle(interaction: Interaction): Promise<void> {
    return this.track(() => this.run(interaction));
  }

  /** A packet discord.js threw on: logged, and refused politely when it carries what a reply needs. */
  malformed(data: unknown, error: unknown): void {
    void this.track(() => this.refuseRaw(data, 'malformed', error));
  }

  /** A packet discord.js dropped without an interaction (a kind it does not know): "not supported". */
  ignored(data: unknown): void {
    void this.track(() => this.refuseRaw(data, 'unsupported'));
  }

  private track(work: () => Promise<void>): Promise<void> {
    const run = work()
      .catch((error: unknown) => {
        this.deps.app.logger.error({ err: scrubError(error, this.deps.secrets ?? []) }, 'interaction handler failed');
      })
      .finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
    return run;
  }

  private async refuseRaw(data: unknown, kind: 'malformed' | 'unsupported', error?: unknown): Promise<void> {
    const { app, rest, secrets = [] } = this.deps;
    const raw = rawFields(data);
    const line = new QueryLine(app.queryLog, { user: raw.user, guild: raw.guild, channel: raw.channel }, { command: `interaction:${raw.type ?? 'unknown'}`, query: '' });
    const err = error === undefined ? undefined : scrubError(error, secrets);
    app.logger.warn({ interaction: raw.id, type: raw.type, ...(err ? { err } : {}) }, `${kind} interaction`);
    const detail = kind === 'malformed' ? `malformed interaction: ${err?.message ?? ''}` : 'unsupported interaction';
    // A ping or an autocomplete cannot take a message; without id and token nothing can be sent.
    const answerable = rest && raw.id && raw.token && raw.type !== InteractionType.Ping && raw.type !== InteractionType.ApplicationCommandAutocomplete;
    if (!answerable) return line.write({ outcome: 'refused', error: detail });
    try {
      await rest.post(Routes.interactionCallback(raw.id!, raw.token!), {
        auth: false,
        body: {
          type: InteractionResponseType.ChannelMessageWithSource,
          data: { content: kind === 'malformed' ? MESSAGES.malformed : MESSAGES.unsupported, flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } },
        },
      });
      line.write({ outcome: 'refused', error: detail });
    } catch (replyError) {
      line.write({ outcome: 'reply-failed', error: `${detail}; the refusal was not accepted: ${scrubError(replyError, secrets).message}` });
    }
  }

  get pending(): number {
    return this.inFlight.size;
  }

  /** Stops taking interactions: new ones get a short "restarting" answer. */
  close(): void {
    this.closed = true;
  }

  /**
   * Waits for the interactions in flight — including any that arrive while
   * waiting (they are turned away quickly), for `DRAIN_ROUNDS` rounds — at
   * most `timeoutMs`; false when the timeout cut it short.
   */
  async drain(timeoutMs = 10_000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        timedOut = true;
        resolve();
      }, timeoutMs);
    });
    // A few rounds, not "until none": under steady traffic new arrivals (each turned away quickly, its line
    // already logged) never stop until the gateway closes, so waiting for zero always took the whole timeout.
    for (let round = 0; round < DRAIN_ROUNDS && this.inFlight.size > 0 && !timedOut; round++) {
      await Promise.race([Promise.allSettled([...this.inFlight]), timeout]);
    }
    clearTimeout(timer);
    return !timedOut || this.inFlight.size === 0;
  }

  private async run(interaction: Interaction): Promise<void> {
    const { app, secrets = [] } = this.deps;
    let asked: Asked;
    try {
      asked = describe(interaction);
    } catch {
      asked = { command: `interaction:${interaction.type}`, query: '' };
    }
    const asker = askerOf(interaction);
    const line = new QueryLine(app.queryLog, asker, asked);
    const ctx: CommandContext = {
      queries: { engine: app.engine, report: line.report },
      app,
      config: app.config,
      logger: app.logger,
      pages: this.deps.pages,
      asker,
      queryId: line.id,
      report: line.report,
    };
    try {
      if (this.closed) {
        line.report({ results: [], outcome: 'refused', error: 'shutting down' });
        if (interaction.isAutocomplete()) await interaction.respond([]);
        else if (interaction.isRepliable()) await sendEphemeral(interaction, MESSAGES.closing);
      } else if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) await this.command(interaction, ctx);
      else if (interaction.isAutocomplete()) await this.autocomplete(interaction, ctx);
      else if (interaction.isButton()) await this.button(interaction, ctx);
      else {
        line.report({ results: [], outcome: 'refused', error: 'unsupported interaction' });
        if (interaction.isRepliable()) await sendEphemeral(interaction, MESSAGES.unsupported);
      }
      line.write();
    } catch (error) {
      const err = scrubError(error, secrets);
      const outcome = isReplyFailure(error) ? 'reply-failed' : 'error';
      app.logger.error({ err, command: asked.command, interaction: interaction.id, user: asker.user, outcome }, 'interaction failed');
      await this.apologise(interaction, secrets);
      line.write({ outcome, error: err.message });
    }
  }

  private async apologise(interaction: Interaction, secrets: readonly string[]): Promise<void> {
    try {
      if (interaction.isAutocomplete()) {
        if (!interaction.responded) await interaction.respond([]);
      } else if (interaction.isRepliable()) await sendEphemeral(interaction, MESSAGES.error);
    } catch (error) {
      this.deps.app.logger.warn({ err: scrubError(error, secrets), interaction: interaction.id }, 'could not tell the user about an error');
    }
  }

  private async command(interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction, ctx: CommandContext): Promise<void> {
    const command = this.deps.commands.get(interaction.commandName);
    if (!command || commandTypeOf(command) !== interaction.commandType) {
      ctx.report({ results: [], outcome: 'error', error: 'unknown command' });
      await sendEphemeral(interaction, MESSAGES.unknown(interaction.commandName));
      return;
    }
    if (command.cooldown) {
      const wait = this.deps.cooldowns.take(interaction.user.id);
      if (wait > 0) {
        ctx.report({ results: [], outcome: 'cooldown' });
        await sendEphemeral(interaction, MESSAGES.cooldown(wait));
        return;
      }
    }
    await command.execute(interaction, ctx);
  }

  private async autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
    const command = this.deps.commands.get(interaction.commandName);
    if (!command?.autocomplete) {
      ctx.report({ results: [], outcome: 'refused', error: 'no autocomplete for this command' });
      await interaction.respond([]);
      return;
    }
    await command.autocomplete(interaction, ctx);
  }

  private async button(interaction: ButtonInteraction, ctx: CommandContext): Promise<void> {
    const feedback = parseVoteId(interaction.customId);
    if (feedback) {
      const changed = this.votes.cast(interaction.user.id, feedback);
      await sendEphemeral(interaction, changed ? FEEDBACK_MESSAGES.changed(feedback.vote) : FEEDBACK_MESSAGES.noted);
      ctx.report({ results: [], outcome: 'answered', feedback });
      return;
    }
    const found = this.deps.pages.resolve(interaction.customId);
    if (!found) {
      ctx.report({ results: [], outcome: 'refused', error: 'expired or unknown button' });
      await sendEphemeral(interaction, MESSAGES.expired);
      return;
    }
    const { answer, ref } = found;
    const results = (answer.ids[ref.index] ?? []).map((id) => ({ id }));
    const mine = answer.owner === undefined || answer.owner === interaction.user.id;
    if (ref.action === 'share') {
      // Only the asker sees a hidden answer's Share; any other press of one is a forged id.
      if (!mine || !answer.hidden) {
        ctx.report({ results: [], outcome: 'refused', error: answer.hidden ? 'share pressed by someone other than the asker' : 'share of an answer already public' });
        await sendEphemeral(interaction, answer.hidden ? MESSAGES.notYours : MESSAGES.expired);
        return;
      }
      await sharePage(interaction, this.deps.pages, ref.key, answer, ref.index);
      ctx.report({ outcome: 'answered', query: `${answer.command} shared page ${ref.index + 1}`, results });
      return;
    }
    if (ref.action === 'full') {
      await sendFullParagraphs(interaction, answer, ref.index);
      ctx.report({ outcome: 'answered', query: `${answer.command} page ${ref.index + 1} full paragraphs`, results });
      return;
    }
    // Someone else's answer stays as its asker left it: the presser gets their own copy of the page.
    if (mine) await showPage(interaction, ref.key, answer, ref.index);
    else await sendOwnCopy(interaction, this.deps.pages, answer, ref.index);
    ctx.report({ outcome: 'answered', query: `${answer.command} page ${ref.index + 1}${mine ? '' : ' (own copy)'}`, results });
  }
}

/** The few fields of a raw interaction packet a refusal and its log line need, each only when it has the right type. */
function rawFields(data: unknown): { id?: string; token?: string; type?: number; user: string | null; guild: string | null; channel: string | null } {
  const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 && v.length < 200 ? v : undefined);
  const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});
  const id = str(d.id);
  const token = str(d.token);
  return {
    ...(id ? { id } : {}),
    ...(token ? { token } : {}),
    ...(typeof d.type === 'number' ? { type: d.type } : {}),
    user: str(obj(obj(d.member).user).id) ?? str(obj(d.user).id) ?? null,
    guild: str(d.guild_id) ?? null,
    channel: str(d.channel_id) ?? str(obj(d.channel).id) ?? null,
  };
}
