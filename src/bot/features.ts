/**
 * The queries whose core is still landing (`quote`, `speakers`, `timeline`).
 * Looked up on `src/queries.ts` at run time so the commands light up as soon
 * as they exist; until then the commands say the feature is not available —
 * never a stub answer. Replace with direct imports once they have landed.
 */
import * as queries from '../queries.js';
import type { Asker, QueryContext } from '../queries.js';
import type { QuoteResult, Speaker, TimelineResult } from '../types.js';

export type QuoteQuery = (ctx: QueryContext, speaker: string, about: string | undefined, asker: Asker, limit?: number) => Promise<QuoteResult>;
export type SpeakersQuery = (ctx: QueryContext, prefix: string, asker: Asker, limit?: number) => Promise<Speaker[]>;
export type TimelineQueryFn = (
  ctx: QueryContext,
  range: { from?: number; to?: number; about?: string },
  asker: Asker,
) => Promise<TimelineResult>;

const table = queries as unknown as Record<string, unknown>;
const fn = <T>(name: string): T | undefined => (typeof table[name] === 'function' ? (table[name] as T) : undefined);

export const features = {
  quote: fn<QuoteQuery>('quote'),
  speakers: fn<SpeakersQuery>('speakers'),
  timeline: fn<TimelineQueryFn>('timeline'),
};

export const NOT_AVAILABLE = (what: string): string => `${what} is not available yet — it is still being built. Try /ask meanwhile.`;
