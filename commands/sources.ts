/** `/sources` — the articles in the index with outlet, date and paragraph count. */
import { SlashCommandBuilder } from 'discord.js';
import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../src/bot/command.js';
import { sendPages } from '../src/bot/command.js';
import * as queries from '../src/queries.js';
import type { ArticleSummary } from '../src/engine/engine.js';
import type { Page } from '../src/bot/render.js';
import { dateOf, escapeText, listPages, maskedLink, outletOf } from '../src/bot/render.js';

export const cooldown = true;

export const data = new SlashCommandBuilder().setName('sources').setDescription('The articles the bot answers from');

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const list = await queries.sources(ctx.queries);
  await sendPages(interaction, ctx, renderSources(list));
}

/** Articles per page, for reading on a phone; the 4,096 limit applies too. */
export const SOURCES_PER_PAGE = 15;

/** `/sources`: the articles with outlet, date and paragraph count. */
export function renderSources(sources: ArticleSummary[]): Page[] {
  const lines = sources.map(
    (s, i) =>
      `**${i + 1}.** ${maskedLink(s.title, s.url)} — ${escapeText(outletOf(s))}, ${dateOf(s)} · ${s.paragraphs} paragraph${s.paragraphs === 1 ? '' : 's'}`,
  );
  return listPages(`Articles in the index (${sources.length})`, lines, SOURCES_PER_PAGE);
}
