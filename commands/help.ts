/** `/help` — what the bot does and how to ask. */
import { SlashCommandBuilder } from 'discord.js';
import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../src/bot/command.js';
import { send } from '../src/bot/command.js';
import type { Page } from '../src/bot/render.js';
import { COLOR } from '../src/bot/render.js';

export const data = new SlashCommandBuilder().setName('help').setDescription('What this bot does and how to ask it');

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  await send(interaction, renderHelp());
  ctx.report({ results: [], outcome: 'answered' });
}

/** `/help`. */
export function renderHelp(): Page {
  return {
    embeds: [
      {
        color: COLOR,
        title: 'newsquote — answers from the news articles, quoted word for word',
        description: [
          'Every answer is a verbatim quote from an article in the index, with its title, outlet, date, paragraph and a link to the source.',
          '',
          '**/ask** `question` — the passages that best answer a question, each with its source; the answering sentence is in **bold**. **Next ▶** shows further passages.',
          '**/quote** `speaker` `about` — what a person or organisation was quoted as saying (start typing a name to pick one).',
          '**/timeline** `from` `to` `about` — dated events from the articles, oldest first.',
          '**Find in the articles** — right-click a message → Apps: the passages that bear on what it says.',
          '**/sources** — the articles in the index.',
          '`hide: True` on /ask, /quote or /timeline shows the answer to you alone; its **Share** button posts it to the channel. **Full paragraphs** shows the whole paragraphs behind an excerpt.',
          '**👍 / 👎** under an answer tell the moderators whether it helped; press again to change your vote.',
          '**/reload** — moderators: re-read the articles; answers keep coming from the old index until the new one is ready.',
          '**/insights** `days` — moderators: the questions asked most, those nothing answered, and the answers rated worst.',
          '',
          'Ask in plain words, e.g. `/ask question: why did Pakistan suspend cooperation?`. If nothing in the articles answers, the bot says so rather than guess.',
        ].join('\n'),
        footer: { text: 'Page buttons expire after 10 minutes; ask again to get fresh ones.' },
      },
    ],
  };
}
