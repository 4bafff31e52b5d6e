/**
 * Stage 3b: what the whole corpus says about organisations that speak. Built
 * from every speech cue before any quotation is attributed, so that naming an
 * organisation does not depend on which article was read first: `the FO` is
 * the Foreign Office wherever `(FO)` was written, and `the Foreign Office` is
 * `Pakistan Foreign Office` when that is the only Foreign Office there is.
 */
import type { ParagraphClues } from './people.js';
import { normaliseName } from './speakers.js';

export interface OrganisationMention {
  name: string;
  abbreviation: string | null;
  /** The first word is a place (`Pakistan Foreign Office`). */
  placeFirst: boolean;
}

export class Organisations {
  /** Normalised name or alias → canonical display name. */
  private readonly canonicalOf = new Map<string, string>();
  private readonly aliases = new Map<string, Set<string>>();

  constructor(mentions: OrganisationMention[]) {
    // The most written spelling of each name is its display; ties go to the first in sort order.
    const spellings = new Map<string, Map<string, number>>();
    for (const m of mentions) {
      const key = normaliseName(m.name);
      const counts = spellings.get(key) ?? new Map<string, number>();
      counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
      spellings.set(key, counts);
    }
    const display = (key: string): string =>
      [...(spellings.get(key) ?? [])].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? key;
    // `Pakistan Foreign Office` is also `Foreign Office` when no other one is.
    const shortForms = new Map<string, Set<string>>();
    const restDisplay = new Map<string, string>();
    for (const m of mentions) {
      const words = m.name.split(' ');
      if (!m.placeFirst || words.length <= 2 || !/^\p{Lu}/u.test(words[1] ?? '')) continue;
      const rest = normaliseName(words.slice(1).join(' '));
      if (!restDisplay.has(rest)) restDisplay.set(rest, words.slice(1).join(' '));
      shortForms.set(rest, (shortForms.get(rest) ?? new Set()).add(normaliseName(m.name)));
    }
    const into = new Map<string, string>();
    for (const [rest, longs] of shortForms) if (longs.size === 1) into.set(rest, [...longs][0]!);
    for (const key of [...spellings.keys()].sort()) {
      const target = into.get(key) ?? key;
      const canonical = display(target);
      this.canonicalOf.set(key, canonical);
      this.alias(canonical, display(key));
    }
    for (const [rest, long] of into) {
      const canonical = display(long);
      if (!this.canonicalOf.has(rest)) this.canonicalOf.set(rest, canonical);
      this.alias(canonical, spellings.has(rest) ? display(rest) : (restDisplay.get(rest) ?? rest));
    }
    // Abbreviations written once with a name stand for it everywhere: the one it was most written with.
    const withAbbreviation = new Map<string, Map<string, number>>();
    for (const m of mentions) {
      if (!m.abbreviation) continue;
      const canonical = this.canonicalOf.get(normaliseName(m.name))!;
      const counts = withAbbreviation.get(m.abbreviation) ?? new Map<string, number>();
      counts.set(canonical, (counts.get(canonical) ?? 0) + 1);
      withAbbreviation.set(m.abbreviation, counts);
    }
    for (const [abbreviation, counts] of [...withAbbreviation].sort((a, b) => a[0].localeCompare(b[0]))) {
      const canonical = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
      // `the FO said` written on its own is the one written out with `(FO)`.
      this.canonicalOf.set(normaliseName(abbreviation), canonical);
      this.alias(canonical, abbreviation);
    }
  }

  private alias(canonical: string, alias: string): void {
    const set = this.aliases.get(canonical) ?? new Set<string>();
    if (alias !== canonical) set.add(alias);
    this.aliases.set(canonical, set);
  }

  /** The canonical name of an organisation written as `name` (or by its abbreviation). */
  canonical(name: string, abbreviation: string | null = null): string {
    return this.canonicalOf.get(normaliseName(name)) ?? (abbreviation ? this.canonicalOf.get(normaliseName(abbreviation)) : undefined) ?? name;
  }

  /** Every organisation with its other names, for the registry. */
  all(): [string, string[]][] {
    return [...this.aliases].map(([name, aliases]) => [name, [...aliases]]);
  }

  /** Used by the attribution stage to list what it may meet: every organisation mention of the corpus. */
  static mentionsIn(articles: Iterable<ParagraphClues[]>, isOrganisation: (name: string, withThe: boolean) => boolean, isPlace: (word: string) => boolean): OrganisationMention[] {
    const out: OrganisationMention[] = [];
    for (const paragraphs of articles) {
      for (const p of paragraphs) {
        for (const cue of p.cues) {
          const s = cue.subject;
          if (!s || !/\p{Lu}/u.test(s.kind === 'org' || s.kind === 'name' ? s.name : '')) continue;
          if (s.kind === 'org' || (s.kind === 'name' && isOrganisation(s.name, s.withThe))) {
            out.push({ name: s.name, abbreviation: s.abbreviation, placeFirst: isPlace(s.name.split(' ')[0] ?? '') });
          }
        }
      }
    }
    return out;
  }
}
