/** `/quote speaker:<name> [about:<words>]` — what someone was quoted as saying, with autocomplete of speakers. */
import { SlashCommandBuilder } from 'discord.js';
import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../src/bot/command.js';
import { idsPerPage, hideOption, sendPages, wantsHidden } from '../src/bot/command.js';
import { LIMITS } from '../src/bot/limits.js';
import * as queries from '../src/queries.js';
import type { APIEmbed } from 'discord-api-types/v10';
import type { QuoteResult, Quotation } from '../src/quotes/types.js';
import { MAX_SUGGESTIONS, MESSAGES } from '../src/queries/input.js';
import { fitEmbed, paginateEmbeds, trimText } from '../src/bot/limits.js';
import type { Page } from '../src/bot/render.js';
import { COLOR, PASSAGE_TEXT, escapeText, excerptText, fitEscaped, maskedLink, outletOf, passageBudget, sourceLine } from '../src/bot/render.js';

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

/** Other articles reporting the same words shown in one entry. */
const ALSO_SHOWN = 3;

/** `\nAlso in: [Outlet, ¶n](url), …` naming the other articles that report the same quotation; empty when none do. */
export function alsoReportedLine(q: Pick<Quotation, 'alsoReportedBy'>): string {
  const others = q.alsoReportedBy ?? [];
  if (others.length === 0) return '';
  const shown = others.slice(0, ALSO_SHOWN).map((a) => maskedLink(`${outletOf(a)}, ¶${a.paragraph}`, a.url));
  const more = others.length > ALSO_SHOWN ? ` and ${others.length - ALSO_SHOWN} more` : '';
  return `\nAlso in: ${shown.join(', ')}${more}`;
}

/** `/quote`: one quotation in its sentence, the quoted words in bold, and its source line. */
export function quotationEmbed(q: Quotation, max = PASSAGE_TEXT): APIEmbed {
  const source = sourceLine(q, q.paragraph) + alsoReportedLine(q);
  const context = q.context.includes(q.text) ? q.context : q.text;
  return fitEmbed({ color: COLOR, description: `${excerptText(context, q.text, Math.max(80, max - source.length - 1))}\n${source}` });
}

/**
 * `/quote`: pages of `perPage` quotations. `total` is how many the speaker
 * has (on that topic) when `result.quotes` holds only the first of them, so
 * the count said here is the one autocomplete shows.
 */
export function renderQuote(result: QuoteResult, about: string | undefined, perPage: number, total = result.quotes.length): Page[] {
  const who = fitEscaped(result.query, 200);
  if (result.speaker === null) {
    const suggestions = result.suggestions.slice(0, MAX_SUGGESTIONS).map(escapeText);
    return [{ content: trimText(MESSAGES.unknownSpeaker(who, suggestions), LIMITS.content), embeds: [] }];
  }
  const aboutText = about ? ` about “${fitEscaped(about, 200)}”` : '';
  const speaker = fitEscaped(result.speaker, 200);
  if (result.quotes.length === 0) {
    return [{ content: `No quotation from ${speaker}${aboutText} in the articles.`, embeds: [] }];
  }
  const shown = result.quotes.length;
  const count = shown < total ? `the first ${shown} of ${total} quotations` : `${total} quotation${total === 1 ? '' : 's'}`;
  const content = trimText(`**Quotes from ${speaker}**${aboutText} · ${count}`, LIMITS.content);
  const budget = passageBudget(perPage);
  const embeds = result.quotes.map((q) => quotationEmbed(q, budget));
  return paginateEmbeds(embeds, { maxEmbeds: perPage }).map((page) => ({ content, embeds: page }));
}
