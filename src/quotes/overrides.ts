/**
 * Moderator corrections to the speaker registry, read from `seeds/speakers.json`
 * so that a wrong name, a missing alias or a misattributed quotation can be
 * fixed without touching code.
 */
import { join } from 'node:path';
import { readJsonFile } from '../corpus/data-file.js';
import { anything, array, describeProblem, nullable, object, oneOf, optional, readShape, string } from '../corpus/shape.js';

/** The name of the overrides file inside the seeds folder. */
export const SPEAKERS_FILE = 'speakers.json';

/** Thrown when the overrides file exists but cannot be used; the message names the file and the problem. */
export class QuotesDataError extends Error {
  constructor(readonly file: string, detail: string) {
    super(`quotes: cannot use ${file}: ${detail}`);
    this.name = 'QuotesDataError';
  }
}

export interface SpeakerOverride {
  /** The canonical name to show. */
  name: string;
  /**
   * Other names for the same speaker. A speaker found in the articles under
   * `name` or any of these is merged into this one and shown as `name`, which
   * is how a speaker is renamed or two speakers are joined.
   */
  aliases: string[];
  /** Overrides whether this is a person or an organisation. */
  kind?: 'person' | 'organisation';
}

export interface QuotationOverride {
  /** The paragraph id, `<articleId>#<n>`. */
  paragraphId: string;
  /** The first words of the quotation as written (case and spacing are ignored). */
  text: string;
  /** The true speaker (a canonical name or an alias), or null when the text does not say. */
  speaker: string | null;
}

const nonBlank = string({ trim: true, nonEmpty: true });

const speakerShape = object({
  name: nonBlank,
  aliases: optional(array(nonBlank), () => []),
  kind: optional(oneOf(['person', 'organisation'])),
});

const quotationShape = object({ paragraphId: nonBlank, text: nonBlank, speaker: nullable(nonBlank) });

const fileShape = object({
  $comment: optional(anything),
  speakers: optional(array(speakerShape), () => []),
  quotations: optional(array(quotationShape), () => []),
});

/** Corrections a moderator keeps in `seeds/speakers.json`. */
export interface SpeakerOverrides {
  /** Renames, extra aliases, merges and kinds of speakers. */
  speakers: SpeakerOverride[];
  /** Per-quotation corrections of the speaker. */
  quotations: QuotationOverride[];
}

export const NO_OVERRIDES: SpeakerOverrides = Object.freeze({ speakers: [], quotations: [] });

/** Checks parsed JSON against the overrides shape; `file` names it in errors. */
export function parseSpeakerOverrides(data: unknown, file = SPEAKERS_FILE): SpeakerOverrides {
  const { value, problems } = readShape(fileShape, data);
  if (problems.length > 0) throw new QuotesDataError(file, problems.map((p) => describeProblem(p, '(top level)')).join('; '));
  const read = value as SpeakerOverrides;
  return { speakers: read.speakers, quotations: read.quotations };
}

/**
 * Reads `speakers.json` from the seeds folder. A missing file means no
 * overrides; a file that is not valid JSON or not the expected shape throws a
 * QuotesDataError naming the file.
 */
export async function readSpeakerOverrides(seedsDir: string): Promise<SpeakerOverrides> {
  const file = join(seedsDir, SPEAKERS_FILE);
  const data = await readJsonFile(file, (detail) => new QuotesDataError(file, detail));
  return data === undefined ? { speakers: [], quotations: [] } : parseSpeakerOverrides(data, file);
}
