/**
 * "Find in the articles" on a message: the passages that bear on what
 * someone posted. Discord's markup (mentions, custom emoji, links,
 * formatting marks) is not part of the claim. A short message is searched as
 * typed, like a `/ask` question. A long one is searched a few sentences at a
 * time, each part as `/ask` would search it, and the answers merged: asked
 * whole, its chatter ("I was reading about this over the weekend…") is
 * mostly words no passage shares, and `/ask` rightly refuses a question whose
 * words are mostly uncovered.
 */
import type { QueryContext } from '../queries.js';
import { ASK_QUESTION_MAX } from './input.js';
import { sentencesOf } from '../nlp/index.js';
import type { AskResult, Passage } from '../search/types.js';

/** The longest text searched in one go: `/ask`'s own limit. */
export const MESSAGE_AS_TYPED = ASK_QUESTION_MAX;
/** Most parts of a long message searched (the rest is not read). */
export const MESSAGE_PARTS = 6;

export const FIND_MESSAGES = {
  empty: 'That message has no text to look up in the articles.',
  nothing: (quoted: string) => `Nothing in the articles bears on ${quoted}.`,
} as const;

const DISCORD_MARKUP = [
  /<a?:\w+:\d+>/g, // custom emoji
  /<(?:@[!&]?|#)\d+>/g, // user, role and channel mentions
  /<t:\d+(?::\w)?>/g, // timestamps
  /https?:\/\/\S+/g, // links
  /[*_~`|>]+/g, // formatting marks
];

/** The message's words without Discord's markup, spaces collapsed. */
export function messageText(content: string): string {
  let text = content;
  for (const pattern of DISCORD_MARKUP) text = text.replace(pattern, ' ');
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * What to search for: the text itself when short, else runs of whole
 * sentences of at most `MESSAGE_AS_TYPED` characters (a longer sentence cut
 * there), at most `MESSAGE_PARTS` of them; none when there is no text.
 */
export function messageParts(content: string): string[] {
  const text = messageText(content);
  if (text === '') return [];
  if (text.length <= MESSAGE_AS_TYPED) return [text];
  const parts: string[] = [];
  let current = '';
  for (const { text: sentence } of sentencesOf(text)) {
    const joined = current ? `${current} ${sentence}` : sentence;
    if (joined.length <= MESSAGE_AS_TYPED) {
      current = joined;
      continue;
    }
    if (current) parts.push(current);
    current = sentence.slice(0, MESSAGE_AS_TYPED);
  }
  if (current) parts.push(current);
  return parts.slice(0, MESSAGE_PARTS);
}

/**
 * `/ask` over each part, answers merged: a passage found by several parts
 * once, at its best score, best first. Reports once, as `/ask` does.
 */
export function findInMessage(ctx: QueryContext, content: string, limit: number): AskResult & { parts: string[] } {
  const parts = messageParts(content);
  const best = new Map<string, Passage>();
  for (const part of parts) {
    for (const passage of ctx.engine.ask(part, limit).answers) {
      const seen = best.get(passage.paragraphId);
      if (!seen || passage.score > seen.score) best.set(passage.paragraphId, passage);
    }
  }
  const answers = [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  ctx.report({
    results: answers.map((a) => ({ id: a.paragraphId, score: a.score })),
    outcome: answers.length > 0 ? 'answered' : 'nothing-found',
  });
  return { query: messageText(content), answers, parts };
}
