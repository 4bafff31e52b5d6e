/** `/timeline [from] [to] [about]` — dated events from the articles, oldest first, paged when long. */
import { SlashCommandBuilder } from 'discord.js';
import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../src/bot/command.js';
import { sendEphemeral, hideOption, sendPages, wantsHidden } from '../src/bot/command.js';
import { InputError, parseTimelineInput } from '../src/queries/input.js';
import type { TimelineInput } from '../src/queries/input.js';
import * as queries from '../src/queries.js';
import type { TimelineEvent, TimelineResult } from '../src/timeline/types.js';
import type { TimelineQuery } from '../src/queries.js';
import { dateLabel } from '../src/timeline/index.js';
import type { Page } from '../src/bot/render.js';
import { trimText } from '../src/bot/limits.js';
import { MUTED, escapeText, fitEscaped, listPages, maskedLink, outletOf } from '../src/bot/render.js';

export const cooldown = true;

export const data = new SlashCommandBuilder()
  .setName('timeline')
  .setDescription('Dated events from the articles, oldest first')
  .addIntegerOption((o) => o.setName('from').setDescription('First year, e.g. 2017').setMinValue(1900).setMaxValue(2100))
  .addIntegerOption((o) => o.setName('to').setDescription('Last year, e.g. 2019').setMinValue(1900).setMaxValue(2100))
  .addStringOption((o) => o.setName('about').setDescription('Only events about these words').setMaxLength(200))
  .addBooleanOption(hideOption);

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  let query: TimelineInput;
  try {
    query = parseTimelineInput({
      from: interaction.options.getInteger('from'),
      to: interaction.options.getInteger('to'),
      about: interaction.options.getString('about'),
    });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    ctx.report({ results: [], outcome: 'refused', error: error.message });
    await sendEphemeral(interaction, escapeText(error.message));
    return;
  }
  const result = await queries.timeline(ctx.queries, query);
  const pages = renderTimeline(result, query);
  await sendPages(interaction, ctx, pages, [result.events.map((e) => e.date)], { hidden: wantsHidden(interaction) });
}

/** Events per page, for reading on a phone; the 4,096 limit applies too. */
export const EVENTS_PER_PAGE = 8;

/** Most characters of an article title standing in for an unknown outlet in a source link. */
const TITLE_FOR_OUTLET = 40;

function eventLine(e: TimelineEvent): string {
  const when = dateLabel(e);
  // An unknown outlet is named by its article's title: "Outlet unknown, ¶12" twice would not tell the sources apart.
  const name = (s: TimelineEvent['sources'][number]): string => (s.outlet ? outletOf(s) : trimText(s.title, TITLE_FOR_OUTLET));
  const sources = e.sources
    .slice(0, 3)
    .map((s) => maskedLink(`${name(s)}, ¶${s.paragraph}`, s.url))
    .join(', ');
  return `**${when}** · ${fitEscaped(e.when, 60)} — ${fitEscaped(e.label, 600)}${sources ? ` — ${sources}` : ''}`;
}

export function renderTimeline(result: TimelineResult, query: TimelineQuery): Page[] {
  const range =
    query.from !== undefined || query.to !== undefined ? ` ${query.from ?? '…'}–${query.to ?? '…'}` : '';
  const about = query.about ? ` about “${fitEscaped(query.about, 150)}”` : '';
  if (result.events.length === 0) {
    return [{ content: `No dated events${range}${about} in the articles.`, embeds: [] }];
  }
  return listPages(`Timeline${range}${about}`, result.events.map(eventLine), EVENTS_PER_PAGE, `${result.events.length} events`, MUTED);
}
