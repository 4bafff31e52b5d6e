/**
 * Stage 3b: what the whole corpus says about organisations that speak. Built
 * from every speech cue before any quotation is attributed, so that naming an
 * organisation does not depend on which article was read first: `the FO` is
 * the Foreign Office wherever `(FO)` was written, and `the Foreign Office` is
 * `Pakistan Foreign Office` when that is the only Foreign Office there is.
 */
import { DEMONYMS, countryOf } from './names.js';
import type { ParagraphClues } from './people.js';
import { normaliseName } from './speakers.js';
import { memoise } from '../nlp/memo.js';

/** Three or more capitalised words, joined by `of`, `for`, `and` or `on` (`Center for Disease Control and Prevention`). */
const LONG_NAME = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’-]+(?:\s+(?:(?:of|for|and|on)\s+)*\p{Lu}[\p{L}'’-]+){2,}/gu;

/** The long capitalised names of one paragraph, remembered by text across reloads (`nlp/memo.ts`): a reload reads only new paragraphs. */
const longNamesIn = memoise((text: string): string[] => [...text.matchAll(LONG_NAME)].map((m) => m[0].replace(/^The /u, '')), (text) => text);
const CONNECTORS: ReadonlySet<string> = new Set(['of', 'for', 'and', 'on']);

/**
 * The acronyms a long name may go by, as `nationality|acronym` keys: the initials of its capitalised
 * words, whole or up to a connector (`|CDCP`, `|CCDC` …), and after a leading nationality with it or
 * without it (`Chinese|CDC` and `|CDC` for `Chinese Center for Disease Control and Prevention`).
 */
function acronymsOf(name: string): string[] {
  const words = name.split(/\s+/);
  const initialsOf = (from: string[], nationality: string): string[] => {
    const out: string[] = [];
    let initials = '';
    from.forEach((w, i) => {
      if (CONNECTORS.has(w)) return;
      initials += w[0];
      const next = from[i + 1];
      if (initials.length >= 2 && (next === undefined || CONNECTORS.has(next))) out.push(`${nationality}|${initials}`);
    });
    return out;
  };
  const nationality = DEMONYMS.has(words[0]!.toLowerCase()) ? words[0]! : null;
  // `the CDC` alone is the Chinese one too, when the corpus writes no other long name with those initials.
  return [...initialsOf(words, ''), ...(nationality ? [...initialsOf(words.slice(1), nationality), ...initialsOf(words.slice(1), '')] : [])];
}

/** Nationality adjectives by country, the first listed for each (`china` → `Chinese`). */
const NATIONALITY_OF = new Map<string, string>();
for (const [demonym, country] of DEMONYMS) if (!NATIONALITY_OF.has(country)) NATIONALITY_OF.set(country, demonym.charAt(0).toUpperCase() + demonym.slice(1));

/**
 * `Russia's foreign ministry` is named as `Russian foreign ministry` is, `Russian Foreign Ministry`, so that
 * every spelling is one organisation: a country's possessive before lower-case words becomes its nationality,
 * and the lower-case words after a nationality are capitalised.
 */
function byNationality(name: string): string {
  const m = /^(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)(?:['’]s?)? (\p{Ll}[\p{Ll} -]*)$/u.exec(name);
  const written = m?.[1] ?? '';
  const nationality = DEMONYMS.has(written.toLowerCase()) ? written : m && /['’]/u.test(name) ? NATIONALITY_OF.get(countryOf(written)) : undefined;
  if (!m || !nationality) return name;
  return `${nationality} ${m[2]!.replace(/(^|[\s-])(\p{Ll})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase())}`;
}

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

  /** Acronym → the long names written in the corpus whose initials it is (`CDC` → `Chinese Center for Disease Control and Prevention`). */
  private readonly longNames = new Map<string, Set<string>>();

  constructor(mentions: OrganisationMention[], writtenNames: Iterable<string> = []) {
    for (const name of writtenNames) for (const acronym of acronymsOf(name)) this.longNames.set(acronym, (this.longNames.get(acronym) ?? new Set()).add(name));
    mentions = mentions.map((m) => ({ ...m, name: byNationality(m.name) }));
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
      const canonical = this.spelledOut(display(target)) ?? display(target);
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
    const written = byNationality(name);
    return (
      this.canonicalOf.get(normaliseName(written)) ??
      (abbreviation ? this.canonicalOf.get(normaliseName(abbreviation)) : undefined) ??
      this.spelledOut(written) ??
      written
    );
  }

  /**
   * An acronym, after a nationality or not (`the CDC`, `the Chinese CDC`), as the one long name
   * the corpus writes whose initials it is and that starts with the same nationality; else undefined.
   */
  private spelledOut(name: string): string | undefined {
    const words = name.split(' ');
    const acronym = words[words.length - 1] ?? '';
    if (words.length > 2 || !/^\p{Lu}{2,6}$/u.test(acronym)) return undefined;
    // `UK`, `US`: a country's abbreviation stands for no organisation.
    if (countryOf(acronym) !== acronym.toLowerCase()) return undefined;
    const nationality = words.length === 2 ? words[0]! : '';
    const found = [...(this.longNames.get(`${nationality}|${acronym}`) ?? [])];
    return found.length === 1 ? found[0] : undefined;
  }

  /** Every organisation with its other names, for the registry. */
  all(): [string, string[]][] {
    return [...this.aliases].map(([name, aliases]) => [name, [...aliases]]);
  }

  /**
   * Long capitalised names written anywhere in the corpus (`the Chinese Center for Disease Control and Prevention`,
   * `National Transportation Safety Board`): what an acronym may stand for.
   */
  static namesWrittenIn(articles: Iterable<ParagraphClues[]>): Set<string> {
    const out = new Set<string>();
    for (const paragraphs of articles) {
      for (const p of paragraphs) for (const name of longNamesIn(p.text)) out.add(name);
    }
    return out;
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
