/**
 * Generic English vocabulary the attribution rules rely on. No names of
 * particular people or organisations live here: those are discovered from the
 * articles themselves.
 */
import { MONTH_NAMES, WEEKDAY_NAMES } from '../nlp/calendar.js';

/** Lemmas of verbs that introduce speech (`said`, `told`, `tweeted`, `called … "…"`): the shared list. */
export { SPEECH_VERBS } from '../nlp/speech-verbs.js';

/**
 * What someone thinks, hopes or fears, in their own quoted words (`X believes the plan is “doomed”`): a speech cue
 * only where no speech verb came before it in the sentence (`the chief saying he feels “betrayed”` is the chief's).
 */
export const THOUGHT_VERBS: ReadonlySet<string> = new Set(['believe', 'think', 'fear', 'hope', 'feel']);

/** Nouns for something said, owned by a named speaker: `Trump's threats that … "…"`. */
export const SPEECH_NOUNS: ReadonlySet<string> = new Set([
  'tweet', 'tweets', 'comment', 'comments', 'remark', 'remarks', 'word', 'words', 'statement', 'statements',
  'announcement', 'threat', 'threats', 'claim', 'claims', 'speech', 'message', 'post', 'warning', 'pledge',
  'promise', 'accusation', 'accusations', 'allegation', 'allegations', 'assertion', 'declaration', 'reply',
]);

/** Words that may sit between a subject and its speech verb (`Asif had said`, `the FO also said`). */
export const SKIPPABLE_BEFORE_VERB: ReadonlySet<string> = new Set([
  'had', 'has', 'have', 'was', 'is', 'were', 'would', 'will', 'did', 'does', 'do', 'also', 'then', 'later',
  'further', 'today', 'yesterday', 'tonight', 'earlier', 'again', 'reportedly', 'once', 'recently',
  'previously', 'repeatedly', 'publicly', 'privately', 'separately', 'simply', 'only', 'just', 'even',
  'still', 'already', 'subsequently', 'finally', 'currently', 'initially', 'too', "'d", 'may', 'might',
  'could', 'should', 'can', 'reportedly', 'quickly', 'immediately', 'flatly', 'bluntly', 'firmly', 'not', 'since',
]);

/** Days and months, so that `the Pentagon on Monday said` finds its subject. */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set([...WEEKDAY_NAMES, ...MONTH_NAMES]);

/** Courtesy titles and ranks written before a name (`Mr Khan`, `Colonel Rob Manning`). */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dr', 'dr.', 'prof', 'professor', 'sir', 'dame', 'lord',
  'lady', 'colonel', 'col', 'col.', 'general', 'gen', 'gen.', 'major', 'maj', 'captain', 'capt', 'lieutenant',
  'lt', 'admiral', 'adm', 'sergeant', 'sgt', 'brigadier', 'marshal', 'commander', 'sheikh', 'imam',
  'senator', 'sen', 'sen.', 'rep', 'rep.', 'judge', 'justice', 'king', 'queen', 'prince', 'princess',
  'president', 'chancellor', 'premier', 'governor', 'mayor', 'ambassador', 'minister', 'secretary',
  'gov', 'gov.', 'rev', 'rev.',
]);

/** Head words of a title that stands for a person (`the defence minister`, `the army chief`). */
export const TITLE_HEADS: ReadonlySet<string> = new Set([
  'minister', 'secretary', 'president', 'vice-president', 'premier', 'chancellor', 'ambassador', 'envoy',
  'chief', 'commander', 'general', 'governor', 'mayor', 'senator', 'spokesman', 'spokeswoman',
  'spokesperson', 'adviser', 'advisor', 'director', 'head', 'leader', 'chairman', 'chairwoman', 'chair',
  'official', 'diplomat', 'colonel', 'admiral', 'king', 'queen', 'prince', 'attorney', 'counsel',
  'representative', 'aide', 'negotiator', 'prosecutor', 'judge', 'ceo', 'founder', 'analyst', 'pm', 'mp',
  'officer', 'superintendent', 'executive', 'manager', 'coach', 'economist', 'scholar', 'speaker',
  // Offices of local and state government, written before a name as often as after it (`County Treasurer Ada Varn`).
  'treasurer', 'comptroller', 'auditor', 'sheriff', 'coroner', 'registrar', 'inspector',
  'congressman', 'congresswoman', 'assemblyman', 'assemblywoman', 'councilman', 'councilwoman', 'alderman',
]);

/** Words that qualify a title (`defence` in `the defence minister`). */
export const TITLE_MODIFIERS: ReadonlySet<string> = new Set([
  'defence', 'defense', 'foreign', 'interior', 'home', 'finance', 'prime', 'state', 'army', 'military',
  'deputy', 'vice', 'former', 'acting', 'junior', 'senior', 'chief', 'top', 'federal', 'national', 'first',
  'information', 'trade', 'commerce', 'health', 'education', 'energy', 'justice', 'law', 'security',
  'intelligence', 'press', 'police', 'navy', 'naval', 'air', 'force', 'staff', 'assistant', 'general',
  'executive', 'provincial', 'regional', 'opposition', 'party', 'cabinet', 'economic', 'political',
  'secretary', 'vice-', 'us', 'u.s.', 'uk', 'eu', 'un', 'then', 'current', 'new', 'outgoing', 'incoming',
  'shadow',
]);

/** Nouns for people who are not titles (`a local teacher`, `one resident`): a subject the text leaves unnamed. */
export const PERSON_NOUNS: ReadonlySet<string> = new Set([
  'man', 'woman', 'men', 'women', 'person', 'people', 'boy', 'girl', 'child', 'mother', 'father', 'parent', 'son',
  'daughter', 'wife', 'husband', 'brother', 'sister', 'friend', 'neighbour', 'neighbor', 'relative', 'resident',
  'local', 'villager', 'citizen', 'voter', 'protester', 'protestor', 'demonstrator', 'activist', 'campaigner',
  'worker', 'employee', 'staffer', 'farmer', 'teacher', 'student', 'doctor', 'nurse', 'lawyer', 'driver', 'pilot',
  'soldier', 'officer', 'policeman', 'policewoman', 'witness', 'survivor', 'victim', 'passenger', 'shopkeeper',
  'owner', 'trader', 'investor', 'economist', 'expert', 'critic', 'supporter', 'fan', 'member', 'source',
  'insider', 'aide', 'observer', 'researcher', 'scientist', 'engineer', 'journalist', 'reporter', 'veteran',
  'colleague', 'manager', 'banker', 'businessman', 'businesswoman', 'mp', 'lawmaker', 'legislator', 'councillor',
]);

/** `People would face a choice`, `Residents were angry`: a capitalised word for people in general, never one `he` or `she`. */
export function isGroupNoun(name: string): boolean {
  const lower = name.toLowerCase();
  return !lower.includes(' ') && (PERSON_NOUNS.has(lower) || (lower.endsWith('s') && PERSON_NOUNS.has(lower.slice(0, -1))));
}

/** Modifiers that make another role of a title: the deputy prime minister is not the prime minister. */
export const OTHER_ROLE_MODIFIERS: ReadonlySet<string> = new Set(['deputy', 'shadow', 'former', 'vice', 'junior', 'assistant', 'ex']);

/**
 * Whether a role (`swiss federal prosecutor`, space-separated words) is the one asked for by `wanted`:
 * the same head (last word), every wanted word among its words, and any word making another role
 * (`deputy`, `former`) asked for too — the prime minister is not the deputy prime minister.
 */
export function fitsRole(wanted: readonly string[], role: string): boolean {
  const words = role.split(' ');
  return (
    words[words.length - 1] === wanted[wanted.length - 1] &&
    wanted.every((w) => words.includes(w)) &&
    words.every((w) => !OTHER_ROLE_MODIFIERS.has(w) || wanted.includes(w))
  );
}

/** Unnamed spokespeople stand for their organisation (`a State Department spokeswoman`). */
export const SPOKES_WORDS: ReadonlySet<string> = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'spokesmen', 'spokeswomen']);

/** Head words of an organisation's name (`Foreign Office`, `foreign ministry`, `State Department`). */
export const ORG_WORDS: ReadonlySet<string> = new Set([
  'ministry', 'office', 'department', 'government', 'administration', 'embassy', 'agency', 'council',
  'commission', 'committee', 'authority', 'authorities', 'army', 'military', 'police', 'party', 'cabinet',
  'parliament', 'senate', 'congress', 'assembly', 'court', 'bank', 'company', 'corporation', 'group',
  'organisation', 'organization', 'union', 'alliance', 'coalition', 'command', 'secretariat', 'bureau',
  'service', 'services', 'directorate', 'board', 'institute', 'foundation', 'association', 'federation',
  'forces', 'force', 'navy', 'presidency', 'white house', 'kremlin', 'regime', 'junta', 'mission', 'nato',
  // A company's legal form ends its name (`Acme Inc`, `Berg Holdings plc`).
  'inc', 'inc.', 'corp', 'corp.', 'ltd', 'ltd.', 'plc', 'llc', 'gmbh',
]);

/** Prepositions that mark a name as a place (`in Islamabad`, `from Russia`). */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set([
  'in', 'from', 'into', 'across', 'near', 'at', 'to', 'towards', 'toward', 'throughout', 'inside', 'outside',
]);

/** Dashes that mark off an apposition as commas do (`Jane Roe — the city's mayor — said`). */
export const APPOSITION_DASHES: ReadonlySet<string> = new Set(['—', '–', '--']);

/** Personal pronouns that can be the subject of a speech verb. */
export const PERSON_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she']);
export const THING_PRONOUNS: ReadonlySet<string> = new Set(['it', 'they']);

/** Determiners dropped from the front of a speaker phrase. */
export const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their']);

export const isPossessive = (value: string): boolean => value === "'s" || value === '’s' || value === "'" || value === '’';

/** Lower-case words that open a surname (`del Ponte`, `van der Berg`, `bin Salman`, `al Qaeda`). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'al', 'el', 'bin', 'ibn', 'da', 'das', 'de', 'del', 'della', 'dos', 'du', 'di', 'la', 'le', 'van', 'von', 'ter',
]);
/** Particles that only follow another one (`von der`, `van den`, `de la`, `de los`). */
export const SECOND_PARTICLES: ReadonlySet<string> = new Set(['der', 'den', 'la', 'le', 'los', 'las', 'de']);
/** A surname opened by particles (`del Ponte`, `al-Assad`), as names.ts joins them into one word. */
const PARTICLE_NAME = new RegExp(`^(?:(?:${[...NAME_PARTICLES, ...SECOND_PARTICLES].join('|')})[ -])+\\p{Lu}`, 'u');

/** True for a word written with a capital first letter (`Khan`, `FO`, `Su-35`), or a surname opened by particles (`del Ponte`). */
export const isCapitalised = (value: string): boolean => /^\p{Lu}/u.test(value) || PARTICLE_NAME.test(value);

/** A word that belongs to a title (`defence`, `minister`, `Mr`). */
export const isTitleWord = (lower: string): boolean =>
  TITLE_HEADS.has(lower) || TITLE_MODIFIERS.has(lower) || HONORIFICS.has(lower) || isHyphenatedTitle(lower);

/** `then-premier`, `ex-president`, `co-founder`: every part a title word or a prefix that dates one. */
const isHyphenatedTitle = (lower: string): boolean =>
  lower.includes('-') && lower.split('-').every((part) => ['ex', 'co', 'then'].includes(part) || TITLE_HEADS.has(part) || TITLE_MODIFIERS.has(part) || HONORIFICS.has(part));

/** Parts of speech of words that open a sentence before a name without being part of it (`Meanwhile`, `Following`). */
export const NOT_NAME_POS: ReadonlySet<string> = new Set(['ADV', 'ADP', 'SCONJ', 'CCONJ', 'VERB', 'INTJ', 'DET', 'PRON', 'AUX']);
/** The narrower set a speaker phrase drops from its front (a determiner there is read separately). */
export const PHRASE_OPENER_POS: ReadonlySet<string> = new Set(['ADV', 'ADP', 'SCONJ', 'CCONJ', 'VERB', 'INTJ']);
