/**
 * Paged answers: the pages are kept in memory under a random key, and the
 * buttons carry `page:<key>:<index>` (show that page), `full:<key>:<index>`
 * (its whole paragraphs, to the presser only) or `share:<key>:<index>` (post
 * that page of a hidden answer to the channel). A custom id that does
 * not parse, names no live key or an index out of range is treated as
 * expired — the same answer a forged id gets — and keys expire after `ttlMs`.
 */
import { randomBytes } from 'node:crypto';
import type { APIActionRowComponent, APIButtonComponent, APIComponentInMessageActionRow } from 'discord-api-types/v10';
import { ButtonStyle, ComponentType } from 'discord.js';
import type { Page } from './render.js';

export const PAGE_TTL_MS = 10 * 60 * 1000;
const KEY_LENGTH = 12;
const ID = /^(page|share|full):([A-Za-z0-9_-]{12}):(\d{1,4})$/;

export interface PagedAnswer {
  /** The command that produced the pages, for the log. */
  command: string;
  pages: Page[];
  /** Result ids per page, for the log. */
  ids: string[][];
  /** The answer's query id, when it has vote buttons (they stay under every page). */
  queryId?: string | undefined;
  /** The user the answer was given to: only they page it in place or share it. */
  owner?: string;
  /** Shown only to its owner (ephemeral), with a Share button. */
  hidden?: boolean;
  /** The pages of a hidden answer already posted to the channel: their Share says so, and is off. */
  shared?: Set<number>;
  createdAt: number;
}

export interface PageStoreOptions {
  /** How long buttons work, in ms. Default: 10 minutes. */
  ttlMs?: number;
  /** Most answers kept; the oldest goes first. Default: 1000. */
  max?: number;
  /** Clock, for tests. Default: `Date.now`. */
  now?: () => number;
}

export interface PageRef {
  /** `page`: show page `index`; `full`: its whole paragraphs; `share`: post page `index` to the channel. */
  action: 'page' | 'full' | 'share';
  key: string;
  index: number;
}

/** Parses a page button's custom id; null when it is not one of ours. */
export function parsePageId(customId: string): PageRef | null {
  const m = ID.exec(customId);
  if (!m) return null;
  return { action: m[1] as PageRef['action'], key: m[2] as string, index: Number(m[3]) };
}

export const pageId = (key: string, index: number): string => `page:${key}:${index}`;
export const shareId = (key: string, index: number): string => `share:${key}:${index}`;
export const fullId = (key: string, index: number): string => `full:${key}:${index}`;

export class PageStore {
  private readonly entries = new Map<string, PagedAnswer>();
  private readonly ttlMs: number;
  private readonly max: number;
  readonly now: () => number;

  constructor(options: PageStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? PAGE_TTL_MS;
    this.max = options.max ?? 1000;
    this.now = options.now ?? Date.now;
  }

  /** Keeps the pages and returns their key (only answers with more than one page need one). */
  put(answer: Omit<PagedAnswer, 'createdAt'>): string {
    this.sweep();
    while (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    const key = randomBytes(9).toString('base64url').slice(0, KEY_LENGTH);
    this.entries.set(key, { ...answer, createdAt: this.now() });
    return key;
  }

  /** The page a button points at, or null when the id is forged, unknown or expired. */
  resolve(customId: string): { answer: PagedAnswer; ref: PageRef } | null {
    const ref = parsePageId(customId);
    if (!ref) return null;
    const answer = this.entries.get(ref.key);
    if (!answer) return null;
    if (this.now() - answer.createdAt >= this.ttlMs) {
      this.entries.delete(ref.key);
      return null;
    }
    if (ref.index >= answer.pages.length) return null;
    return { answer, ref };
  }

  get size(): number {
    return this.entries.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, answer] of this.entries) {
      if (now - answer.createdAt < this.ttlMs) break; // insertion order is age order
      this.entries.delete(key);
    }
  }
}

function button(label: string, customId: string, disabled = false, style: ButtonStyle.Primary | ButtonStyle.Secondary = ButtonStyle.Secondary): APIButtonComponent {
  return { type: ComponentType.Button, style, label, custom_id: customId, disabled };
}

/** The labels of the answer buttons: the same on every page of every command. */
export const PAGE_LABELS = { prev: '◀ Prev', next: 'Next ▶', full: 'Full paragraphs', share: 'Share', shared: 'Shared ✓' } as const;

/**
 * The buttons under page `index` of `count`: Prev, where we are, Next —
 * always the same three, the ends disabled, none when there is one page —
 * then Full paragraphs when the page has a longer version, and Share on a
 * hidden answer.
 */
export function pageButtons(
  key: string,
  index: number,
  count: number,
  options: { share?: boolean; shared?: boolean; full?: boolean } = {},
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const row: APIButtonComponent[] =
    count <= 1
      ? []
      : [
          button(PAGE_LABELS.prev, pageId(key, Math.max(0, index - 1)), index === 0),
          // Disabled, so never pressed; its id only has to be unique in the message.
          button(`${index + 1} / ${count}`, `page:${key}:at`, true),
          button(PAGE_LABELS.next, pageId(key, Math.min(count - 1, index + 1)), index + 1 >= count),
        ];
  if (options.full) row.push(button(PAGE_LABELS.full, fullId(key, index)));
  if (options.share) {
    row.push(
      options.shared
        ? button(PAGE_LABELS.shared, shareId(key, index), true)
        : button(PAGE_LABELS.share, shareId(key, index), false, ButtonStyle.Primary),
    );
  }
  return row.length ? [{ type: ComponentType.ActionRow, components: row }] : [];
}
