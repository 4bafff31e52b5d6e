/**
 * `/insights [days]` — moderators only (the same check as `/reload`): from
 * the query log, over the last `days` days, the questions asked most, those
 * answered "nothing in the articles", and the answers rated worst by 👎, user
 * ids hashed. Ephemeral: it is for the moderator who asked.
 */
import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { ChatInputCommandInteraction } from 'discord.js';
import type { APIEmbed } from 'discord-api-types/v10';
import type { CommandContext } from '../src/bot/command.js';
import { send, sendEphemeral } from '../src/bot/command.js';
import { LIMITS, chunkLines, fitEmbed, trimText } from '../src/bot/limits.js';
import { admitModerator } from '../src/bot/moderators.js';
import { COLOR, escapeText } from '../src/bot/render.js';
import { count } from '../src/insights/index.js';
import type { AskedQuestion, Insights } from '../src/insights/index.js';
import { insightsFromFile } from '../src/insights/read.js';
import { INSIGHTS_DAYS, InputError, parseInsightsInput } from '../src/queries/input.js';

export const REFUSAL = 'Only moderators can see the insights.';
/** Most characters of a question in a list line. */
const QUESTION_CHARS = 120;

export const data = new SlashCommandBuilder()
  .setName('insights')
  .setDescription('Moderators: most asked questions, unanswered ones and worst-rated answers')
  .addIntegerOption((o) =>
    o.setName('days').setDescription(`The last how many days (default ${INSIGHTS_DAYS.default})`).setMinValue(INSIGHTS_DAYS.min).setMaxValue(INSIGHTS_DAYS.max),
  )
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild);

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  if (!(await admitModerator(interaction, ctx, REFUSAL))) return;
  let input: { days: number; top: number };
  try {
    input = parseInsightsInput({ days: interaction.options.getInteger('days') });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    ctx.report({ results: [], outcome: 'refused', error: error.message });
    await sendEphemeral(interaction, escapeText(error.message));
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const summary = await insightsFromFile(ctx.config.QUERY_LOG, input);
  ctx.report({ results: [], outcome: 'answered' });
  await send(interaction, { embeds: [insightsEmbed(summary)] });
}

const quoted = (text: string): string => `“${escapeText(trimText(text.replace(/\s+/g, ' '), QUESTION_CHARS))}”`;

/** As many of `lines` as one field holds; 'none' for no lines (chunkLines gives no chunk then). */
const fieldOf = (lines: string[]): string => chunkLines(lines, LIMITS.fieldValue)[0] ?? 'none';

function questionList(list: AskedQuestion[]): string {
  return fieldOf(list.map((q, i) => `${i + 1}. ${quoted(q.question)} — ${q.times}× · ${count(q.people, 'person', 'people')}`));
}

export function insightsEmbed(s: Insights): APIEmbed {
  const t = s.totals;
  const worst = s.worstRated.map((r, i) => `${i + 1}. /${escapeText(r.command)} ${quoted(r.question)} — ${r.down} 👎 / ${r.up} 👍 · asked by \`${r.askedBy ?? '?'}\``);
  return fitEmbed({
    color: COLOR,
    title: `Insights — the last ${count(s.days, 'day', 'days')}`,
    description:
      `${count(t.queries, 'query', 'queries')} from ${count(t.people, 'person', 'people')}; ${count(t.questions, 'question', 'questions')}, ` +
      `${t.nothingFound} answered “nothing in the articles”; votes ${t.votesUp} 👍 · ${t.votesDown} 👎.`,
    fields: [
      { name: 'Most asked', value: questionList(s.mostAsked) },
      { name: 'Nothing in the articles', value: questionList(s.nothingFound) },
      { name: 'Worst rated', value: fieldOf(worst) },
    ],
    footer: {
      text: `People are shown as hashes, new for every report.${s.skippedLines ? ` ${s.skippedLines} unreadable log lines skipped.` : ''}`,
    },
  });
}
