/**
 * Moderator corrections to the speaker registry, read from `seeds/speakers.json`
 * so that a wrong name, a missing alias or a misattributed quotation can be
 * fixed without touching code.
 */
import { join } from 'node:path';
import { readJsonFile } from '../corpus/data-file.js';
import { z } from 'zod';

/** The name of the overrides file inside the seeds folder. */
export const SPEAKERS_FILE = 'speakers.json';

/** Thrown when the overrides file exists but cannot be used; the message names the file and the problem. */
export class QuotesDataError extends Error {
  constructor(readonly file: string, detail: string) {
    super(`quotes: cannot use ${file}: ${detail}`);
    this.name = 'QuotesDataError';
  }
}

const speakerSchema = z.object({
  /** The canonical name to show. */
  name: z.string().trim().min(1),
  /**
   * Other names for the same speaker. A speaker found in the articles under
   * `name` or any of these is merged into this one and shown as `name`, which
   * is how a speaker is renamed or two speakers are joined.
   */
  aliases: z.array(z.string().trim().min(1)).default([]),
  /** Overrides whether this is a person or an organisation. */
  kind: z.enum(['person', 'organisation']).optional(),
});

const quotationSchema = z.object({
  /** The paragraph id, `<articleId>#<n>`. */
  paragraphId: z.string().trim().min(1),
  /** The first words of the quotation as written (case and spacing are ignored). */
  text: z.string().trim().min(1),
  /** The true speaker (a canonical name or an alias), or null when the text does not say. */
  speaker: z.string().trim().min(1).nullable(),
});

const fileSchema = z.object({
  $comment: z.unknown().optional(),
  speakers: z.array(speakerSchema).default([]),
  quotations: z.array(quotationSchema).default([]),
});

export type SpeakerOverride = z.infer<typeof speakerSchema>;
export type QuotationOverride = z.infer<typeof quotationSchema>;

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
  const result = fileSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new QuotesDataError(file, problems.join('; '));
  }
  return { speakers: result.data.speakers, quotations: result.data.quotations };
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
