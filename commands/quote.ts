/** `/quote speaker:<name> [about:<words>]` — what someone was quoted as saying, with autocomplete of speakers. */
import { SlashCommandBuilder } from 'discord.js';
import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../src/bot/command.js';
import { idsPerPage, hideOption, sendPages, wantsHidden } from '../src/bot/command.js';
import { LIMITS } from '../src/bot/limits.js';
import { renderQuote } from '../src/bot/render.js';
import * as queries from '../src/queries.js';

/** Most quotations paged through in one answer (the reply says how many more there are). */
export const MAX_QUOTES_SHOWN = 60;

export const cooldown = true;

export const data = new SlashCommandBuilder()
  .setName('quote')
  .setDescription('What a person or organisation was quoted as saying in the articles')
  .addStringOption((o) =>
    o.setName('speaker').setDescription('Who said it (start typing to pick)').setRequired(true).setMaxLength(100).setAutocomplete(true),
  )
  .addStringOption((o) => o.setName('about').setDescription('Only quotes about these words').setMaxLength(200))
  .addBooleanOption(hideOption);

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const speaker = interaction.options.getString('speaker', true);
  const about = interaction.options.getString('about') ?? undefined;
  const perPage = ctx.config.ANSWER_LIMIT;
  const result = await queries.quote(ctx.queries, speaker, about);
  const total = result.quotes.length;
  const shown = { ...result, quotes: result.quotes.slice(0, MAX_QUOTES_SHOWN) };
  const pages = renderQuote(shown, about, perPage, total);
  const ids = idsPerPage(pages, shown.quotes.map((q) => q.paragraphId));
  await sendPages(interaction, ctx, pages, ids, { hidden: wantsHidden(interaction) });
}

/** Speakers whose name starts with what has been typed, from memory, at most 25. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  const typed = String(interaction.options.getFocused()).slice(0, LIMITS.choiceValue);
  const found = await queries.speakers(ctx.queries, typed, LIMITS.choices);
  await interaction.respond(
    found
      .filter((s) => s.name.length <= LIMITS.choiceValue)
      .slice(0, LIMITS.choices)
      .map((s) => ({ name: `${s.name} (${s.quoteCount})`.slice(0, LIMITS.choiceName), value: s.name })),
  );
}
