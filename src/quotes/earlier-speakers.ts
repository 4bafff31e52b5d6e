/**
 * What an article has told before a cue about who may be speaking in it: who spoke last, and the one
 * person written with an age. attribute.ts reads these for `it said`, `the statement said`, `the 56-year-old said`.
 */
import type { Analysis } from './analyse.js';
import type { People } from './people.js';
import type { SpeakerKind } from './speakers.js';

/** A speaker (or a person's mention) at a place in the article. */
export interface SpeechEvent {
  paragraph: number;
  offset: number;
  speaker: string;
  kind: SpeakerKind;
}

/** The one person this article writes with that age (`Jose Ruiz, 56,`); null when it is nobody's, or when another name has it too. */
export function personAged(paragraphs: Analysis[], people: People, articleId: string, age: string): string | null {
  const aged = new Set<string>();
  for (const p of paragraphs) {
    for (const run of p.names) if (run.age === age) aged.add(people.personHere(run.name, articleId) ?? run.name);
  }
  const [only] = aged;
  return aged.size === 1 && people.personHere(only!, articleId) === only ? only! : null;
}

/** Who spoke last among `events` (of `kind`, when given) before `offset` in paragraph `pi`, or else last in the paragraph before. */
export function lastSpoke(events: SpeechEvent[], kind: SpeakerKind | undefined, pi: number, offset: number): SpeechEvent | undefined {
  const before = (paragraph: number, upTo = Infinity): SpeechEvent | undefined =>
    events.filter((e) => e.paragraph === paragraph && e.offset < upTo && (kind === undefined || e.kind === kind)).pop();
  return before(pi, offset) ?? before(pi - 1);
}
