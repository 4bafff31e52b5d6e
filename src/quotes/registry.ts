/**
 * Stage 5: the registry of speakers, built after every decision as a pure
 * function of them and of what the corpus says about names: each speaker with
 * its kind and aliases (spellings and short forms, `Mr X`, titles only one
 * person holds, an organisation's abbreviations and short forms).
 */
import type { Article } from '../corpus/types.js';
import type { Decision } from './types.js';
import type { Organisations } from './organisations.js';
import type { People } from './people.js';
import { SpeakerRegistry } from './speakers.js';

export function buildRegistry(decisions: Iterable<Decision | null>, people: People, organisations: Organisations, articles: Article[]): SpeakerRegistry {
  const registry = new SpeakerRegistry();
  const kinds = new Map<string, Decision['kind']>();
  for (const d of decisions) if (d && !kinds.has(d.speaker)) kinds.set(d.speaker, d.kind);
  // Sorted, so that which alias wins a clash never depends on article order.
  const names = [...kinds.keys()].sort();
  for (const name of names) registry.add(name, kinds.get(name)!);
  for (const name of names) {
    if (kinds.get(name) === 'person') for (const spelling of people.spellingsOf(name)) registry.addAlias(name, spelling);
  }
  for (const [organisation, aliases] of organisations.all()) {
    if (registry.kindOf(organisation) === 'organisation') for (const alias of aliases) registry.addAlias(organisation, alias);
  }
  for (const [title, person] of people.titles.aliases()) if (registry.has(person)) registry.addAlias(person, title);
  for (const name of names) if (kinds.get(name) === 'person') for (const role of people.titles.rolesOf(name)) registry.addRole(name, role);
  for (const article of articles) {
    for (const p of article.paragraphs) {
      for (const m of p.text.matchAll(/\b(Mr|Mrs|Ms|Dr)\.? (\p{Lu}[\p{L}-]+)/gu)) {
        const person = people.personOf(m[2] ?? '', article.articleId);
        if (person && registry.has(person)) registry.addAlias(person, `${m[1]} ${m[2]}`);
      }
    }
  }
  return registry;
}
