/**
 * "Find in the articles" — a message context-menu command (right-click a
 * message → Apps): the passages that bear on what the message says, quoted
 * and sourced, exactly as `/ask` answers a question.
 */
import { ApplicationCommandType, ContextMenuCommandBuilder } from 'discord.js';
import type { MessageContextMenuCommandInteraction } from 'discord.js';
import type { CommandContext } from '../src/bot/command.js';
import { idsPerPage, sendEphemeral, sendPages } from '../src/bot/command.js';
import { trimText } from '../src/bot/limits.js';
import { escapeText } from '../src/bot/render.js';
import { FIND_MESSAGES, findInMessage, messageText } from '../src/queries/find.js';
import { PAGES_PER_QUESTION, renderAsk } from './ask.js';

export const cooldown = true;

/** Most characters of the message quoted back above the passages. */
const QUOTED_MESSAGE = 200;

export const data = new ContextMenuCommandBuilder().setName('Find in the articles').setType(ApplicationCommandType.Message);

export async function execute(interaction: MessageContextMenuCommandInteraction, ctx: CommandContext): Promise<void> {
  const text = interaction.targetMessage.content;
  if (!messageText(text)) {
    ctx.report({ results: [], outcome: 'refused', error: 'no text in the message' });
    await sendEphemeral(interaction, FIND_MESSAGES.empty);
    return;
  }
  const perPage = ctx.config.ANSWER_LIMIT;
  const result = findInMessage(ctx.queries, text, perPage * PAGES_PER_QUESTION);
  // The message, not the words searched for, heads the answer: that is what the reader right-clicked.
  const quoted = `“${escapeText(trimText(result.query, QUOTED_MESSAGE))}”`;
  const content = result.answers.length > 0 ? `**In the articles, on** ${quoted}` : FIND_MESSAGES.nothing(quoted);
  const pages = renderAsk(result, perPage, content);
  await sendPages(interaction, ctx, pages, idsPerPage(pages, result.answers.map((a) => a.paragraphId)));
}
