/**
 * Which pronoun a person of one article takes, where the article itself says so
 * and never says otherwise: a courtesy title (`Mr`, `Ms`), a gendered role
 * (`spokeswoman`), or `he`/`she`, `his`/`her` in a sentence that names no one
 * else. `he said` is never resolved to a woman the article calls `she`.
 */
import type { Analysis } from './analyse.js';
import { PERSON_NOUNS, TITLE_HEADS } from './vocabulary.js';

export type PersonalPronoun = 'he' | 'she';

const HONORIFIC_BEFORE: Record<PersonalPronoun, RegExp> = {
  he: /\b(?:Mr|Mister|Sir|Lord|King|Prince)\.?\s+$/u,
  she: /\b(?:Mrs|Ms|Miss|Madam|Dame|Lady|Queen|Princess)\.?\s+$/u,
};
const GENDERED_ROLES: Record<PersonalPronoun, RegExp> = {
  he: /\b(?:spokes|chair|congress|business|council|assembly|police|sports)man\b/u,
  she: /\b(?:spokes|chair|congress|business|council|assembly|police|sports)woman\b|\bactress\b/u,
};
/** The first personal pronoun in some text, or a word for another person before it. */
const FIRST_PRONOUN = new RegExp(`\\b(?:(he|him|his|himself)|(she|her|hers|herself)|(${[...PERSON_NOUNS, ...TITLE_HEADS].join('|')})s?)\\b`, 'iu');

interface Evidence {
  title: Record<PersonalPronoun, number>;
  pronoun: Record<PersonalPronoun, number>;
}

/**
 * The pronoun of each person (`personOf` gives a name's person, null for no person) the paragraphs of one article
 * settle: by courtesy titles and gendered roles when they agree, else by pronouns near the name when they agree.
 */
export function pronounsOf(paragraphs: readonly Analysis[], personOf: (name: string) => string | null): Map<string, PersonalPronoun> {
  const evidence = new Map<string, Evidence>();
  const note = (person: string, kind: keyof Evidence, pronoun: PersonalPronoun): void => {
    const e = evidence.get(person) ?? { title: { he: 0, she: 0 }, pronoun: { he: 0, she: 0 } };
    e[kind][pronoun]++;
    evidence.set(person, e);
  };
  for (const p of paragraphs) {
    const outside = p.quotes.reduce((text, q) => text.slice(0, q.open) + ' '.repeat(q.close - q.open) + text.slice(q.close), p.text);
    const people = p.names.map((run) => ({ run, person: personOf(run.name) })).filter((x): x is { run: typeof x.run; person: string } => x.person !== null);
    for (const { run, person } of people) {
      for (const pronoun of ['he', 'she'] as const) {
        if (HONORIFIC_BEFORE[pronoun].test(p.text.slice(Math.max(0, run.offset - 12), run.offset))) note(person, 'title', pronoun);
        if (run.titles.some((t) => GENDERED_ROLES[pronoun].test(t))) note(person, 'title', pronoun);
      }
    }
    // A sentence naming one person only: the first pronoun after the name is that person's, unless a word for
    // someone else comes first (`Reyes said a nurse told him she …`: `she` may be the nurse).
    for (const scope of p.scopes) {
      const here = people.filter(({ run }) => run.offset >= scope.start && run.offset < scope.end);
      if (here.length === 0 || new Set(here.map((x) => x.person)).size > 1) continue;
      const first = FIRST_PRONOUN.exec(outside.slice(here[0]!.run.offset + here[0]!.run.name.length, scope.end));
      if (first?.[1]) note(here[0]!.person, 'pronoun', 'he');
      else if (first?.[2]) note(here[0]!.person, 'pronoun', 'she');
    }
  }
  const out = new Map<string, PersonalPronoun>();
  for (const [person, e] of evidence) {
    const settled = settle(e.title) ?? (e.title.he + e.title.she === 0 ? settle(e.pronoun) : null);
    if (settled) out.set(person, settled);
  }
  return out;
}

/** One pronoun when the evidence has only that one. */
function settle(counts: Record<PersonalPronoun, number>): PersonalPronoun | null {
  if (counts.he > 0 && counts.she === 0) return 'he';
  if (counts.she > 0 && counts.he === 0) return 'she';
  return null;
}

