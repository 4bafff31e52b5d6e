/**
 * 👍 / 👎 under an answer. Each button carries `vote:<query id>:up|down`, the
 * id of the answer's query log line, so the press's own line (written by the
 * dispatcher like any other) names the query it rates. The log keeps every
 * press; whoever reads it takes a user's last vote per answer as their vote
 * (`src/insights/`), which is what "a second press changes it" means.
 */
import type { APIActionRowComponent, APIButtonComponent, APIComponentInMessageActionRow } from 'discord-api-types/v10';
import { ButtonStyle, ComponentType } from 'discord.js';
import type { Feedback } from '../logging.js';

const VOTE_ID = /^vote:([A-Za-z0-9_-]{12}):(up|down)$/;

export const VOTE_LABELS = { up: 'Helpful', down: 'Not helpful' } as const;
const VOTE_EMOJI = { up: '👍', down: '👎' } as const;

export const FEEDBACK_MESSAGES = {
  noted: 'Thanks — noted.',
  changed: (vote: Feedback['vote']) => `Thanks — noted: your vote is now ${VOTE_EMOJI[vote]}.`,
} as const;

export const voteId = (queryId: string, vote: Feedback['vote']): string => `vote:${queryId}:${vote}`;

/** The vote a button's custom id stands for; null when it is not a vote button. */
export function parseVoteId(customId: string): Feedback | null {
  const m = VOTE_ID.exec(customId);
  return m ? { rates: m[1] as string, vote: m[2] as Feedback['vote'] } : null;
}

/** The row of vote buttons under the answer of query `queryId`. */
export function feedbackRow(queryId: string): APIActionRowComponent<APIComponentInMessageActionRow> {
  const button = (vote: Feedback['vote']): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: VOTE_LABELS[vote],
    emoji: { name: VOTE_EMOJI[vote] },
    custom_id: voteId(queryId, vote),
  });
  return { type: ComponentType.ActionRow, components: [button('up'), button('down')] };
}

/**
 * The votes seen since start, only to tell someone pressing again that their
 * vote changed; bounded, oldest forgotten first. The log, not this, is the record.
 */
export class VoteBook {
  private readonly votes = new Map<string, Feedback['vote']>();

  constructor(private readonly max = 10_000) {}

  /** Records `user`'s vote; true when it replaces a different earlier one. */
  cast(user: string, feedback: Feedback): boolean {
    const key = `${feedback.rates}:${user}`;
    const before = this.votes.get(key);
    this.votes.delete(key);
    this.votes.set(key, feedback.vote);
    while (this.votes.size > this.max) {
      const oldest = this.votes.keys().next().value;
      if (oldest === undefined) break;
      this.votes.delete(oldest);
    }
    return before !== undefined && before !== feedback.vote;
  }
}
