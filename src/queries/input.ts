/**
 * Input rules that used to live in each adapter (Discord refused a reversed
 * range, the terminal and CLI answered it silently): one parser per command,
 * one message per mistake, the same in Discord, the terminal and the CLI.
 */
/** A mistake in what someone typed; its message is meant for them, as is. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export interface TimelineInput {
  from?: number;
  to?: number;
  about?: string;
}

/** Most names offered for a speaker the articles do not know. */
export const MAX_SUGGESTIONS = 10;
/** The longest `/ask` question Discord lets a user type; what a longer text (a message, the CLI) is searched in pieces of. */
export const ASK_QUESTION_MAX = 300;

/** `/insights`' period, in days, and list length. */
export const INSIGHTS_DAYS = { default: 7, min: 1, max: 365 } as const;
export const INSIGHTS_TOP = { default: 10, min: 1, max: 50 } as const;

export const MESSAGES = {
  notANumber: (name: string, value: string, min: number, max: number) => `“${name}” must be a whole number from ${min} to ${max}, not “${value}”.`,
  notAYear: (name: string, value: string) => `“${name}” must be a year such as 2018, not “${value}”.`,
  reversedRange: (from: number, to: number) => `“from” (${from}) is after “to” (${to}): swap them and ask again.`,
  unknownSpeaker: (name: string, suggestions: readonly string[]) =>
    `I don’t know a speaker called “${name}” in the articles.${suggestions.length ? ` Did you mean: ${suggestions.join(', ')}?` : ''}`,
} as const;

/**
 * A number an adapter hands over either as a number (Discord) or as the text
 * typed (terminal, CLI): blank gives `blank`; anything else must pass `valid`
 * or is refused with `message`.
 */
function typedNumber<Blank>(value: unknown, blank: Blank, valid: (text: string) => boolean, message: (text: string) => string): number | Blank {
  if (value === undefined || value === null || String(value).trim() === '') return blank;
  const text = String(value).trim();
  if ((typeof value !== 'number' && typeof value !== 'string') || !valid(text)) throw new InputError(message(text));
  return Number(text);
}

const year = (name: string, value: unknown): number | undefined =>
  typedNumber(value, undefined, (text) => /^\d{4}$/.test(text), (text) => MESSAGES.notAYear(name, text));

/** `/timeline`'s options from any adapter (numbers or the text typed), or an `InputError` saying what is wrong. */
export function parseTimelineInput(raw: { from?: unknown; to?: unknown; about?: unknown }): TimelineInput {
  const from = year('from', raw.from);
  const to = year('to', raw.to);
  if (raw.about !== undefined && raw.about !== null && typeof raw.about !== 'string') throw new InputError('That timeline request could not be read.');
  const about = raw.about?.trim() || undefined;
  if (from !== undefined && to !== undefined && from > to) throw new InputError(MESSAGES.reversedRange(from, to));
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), ...(about !== undefined ? { about } : {}) };
}

const wholeNumber = (name: string, bounds: { default: number; min: number; max: number }, value: unknown): number =>
  typedNumber(
    value,
    bounds.default,
    (text) => /^\d+$/.test(text) && Number(text) >= bounds.min && Number(text) <= bounds.max,
    (text) => MESSAGES.notANumber(name, text, bounds.min, bounds.max),
  );

/** `/insights`' options from Discord or `npm run insights`, or an `InputError`. */
export function parseInsightsInput(raw: { days?: unknown; top?: unknown }): { days: number; top: number } {
  return { days: wholeNumber('days', INSIGHTS_DAYS, raw.days), top: wholeNumber('top', INSIGHTS_TOP, raw.top) };
}
