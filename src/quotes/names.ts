/**
 * How people's names are written, as far as English news text shows it: the
 * lower-case particles that belong to a surname (`Carla del Ponte`, `Ursula von
 * der Leyen`), and the nationality written in front of a name that is not part
 * of it (`Swiss Thomas Gurtner`), the words one person's spellings share. Generic vocabulary only: no particular
 * person's name lives here.
 */
import { memoise } from '../nlp/memo.js';
import type { Tok } from './phrases.js';
import { editDistance } from './spelling.js';
import { APPOSITION_DASHES, CALENDAR_WORDS, DETERMINERS, NAME_PARTICLES, ORG_WORDS, PERSON_NOUNS, SECOND_PARTICLES, SPOKES_WORDS, TITLE_HEADS, isCapitalised, isPossessive, isTitleWord } from './vocabulary.js';

/**
 * `Carla del Ponte` as the tokenizer gives it (`del`, `Ponte`): the particles and the
 * capitalised word after them become one word, so that a name keeps its surname whole
 * and `del Ponte told` has a subject. Only particles written right before a capitalised
 * word, one space apart, are joined.
 */
export function joinNameParticles(toks: Tok[]): Tok[] {
  const out: Tok[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    let k = i;
    if (t.quote < 0 && NAME_PARTICLES.has(t.value)) {
      k = i + 1;
      if (SECOND_PARTICLES.has(toks[k]?.value ?? '') && toks[k]!.start === toks[k - 1]!.end + 1) k++;
    }
    const name = toks[k];
    const adjacent = k > i && toks.slice(i + 1, k + 1).every((x, n) => x.start === toks[i + n]!.end + 1 && x.quote === t.quote);
    if (!adjacent || !name || !/^\p{Lu}\p{Ll}/u.test(name.value) || CALENDAR_WORDS.has(name.value.toLowerCase())) {
      out.push(t);
      continue;
    }
    const value = toks.slice(i, k + 1).map((x) => x.value).join(' ');
    out.push({ ...name, value, lower: value.toLowerCase(), lemma: value.toLowerCase(), pos: 'PROPN', start: t.start });
    i = k;
  }
  return out;
}

/** Nationality adjectives and the country each names (`Chinese` → `china`), lower-cased. */
export const DEMONYMS: ReadonlyMap<string, string> = new Map(
  (
    'afghan afghanistan|albanian albania|algerian algeria|american america|angolan angola|argentine argentina|argentinian argentina|' +
    'armenian armenia|australian australia|austrian austria|azerbaijani azerbaijan|bahraini bahrain|bangladeshi bangladesh|' +
    'belarusian belarus|belgian belgium|bolivian bolivia|bosnian bosnia|brazilian brazil|british britain|bulgarian bulgaria|' +
    'burmese burma|cambodian cambodia|cameroonian cameroon|canadian canada|chilean chile|chinese china|colombian colombia|' +
    'congolese congo|croatian croatia|cuban cuba|cypriot cyprus|czech czechia|danish denmark|dutch netherlands|ecuadorian ecuador|' +
    'egyptian egypt|emirati emirates|english england|eritrean eritrea|estonian estonia|ethiopian ethiopia|european europe|' +
    'filipino philippines|finnish finland|french france|georgian georgia|german germany|ghanaian ghana|greek greece|' +
    'guatemalan guatemala|haitian haiti|honduran honduras|hungarian hungary|icelandic iceland|indian india|indonesian indonesia|' +
    'iranian iran|iraqi iraq|irish ireland|israeli israel|italian italy|ivorian ivory coast|jamaican jamaica|japanese japan|' +
    'jordanian jordan|kazakh kazakhstan|kenyan kenya|korean korea|kosovar kosovo|kuwaiti kuwait|kyrgyz kyrgyzstan|latvian latvia|' +
    'lebanese lebanon|liberian liberia|libyan libya|lithuanian lithuania|malawian malawi|malaysian malaysia|malian mali|' +
    'maltese malta|mexican mexico|moldovan moldova|mongolian mongolia|moroccan morocco|mozambican mozambique|namibian namibia|' +
    'nepalese nepal|nepali nepal|nicaraguan nicaragua|nigerian nigeria|norwegian norway|omani oman|pakistani pakistan|' +
    'palestinian palestine|panamanian panama|paraguayan paraguay|peruvian peru|polish poland|portuguese portugal|qatari qatar|' +
    'romanian romania|russian russia|rwandan rwanda|saudi saudi arabia|scottish scotland|senegalese senegal|serbian serbia|' +
    'singaporean singapore|slovak slovakia|slovenian slovenia|somali somalia|spanish spain|sudanese sudan|swedish sweden|' +
    'swiss switzerland|syrian syria|taiwanese taiwan|tajik tajikistan|tanzanian tanzania|thai thailand|tibetan tibet|' +
    'tunisian tunisia|turkish turkey|turkmen turkmenistan|ugandan uganda|ukrainian ukraine|uruguayan uruguay|uzbek uzbekistan|' +
    'venezuelan venezuela|vietnamese vietnam|welsh wales|yemeni yemen|zambian zambia|zimbabwean zimbabwe'
  )
    .split('|')
    .map((pair) => {
      const [demonym, ...country] = pair.split(' ');
      return [demonym!, country.join(' ')] as const;
    }),
);

/** Other ways of writing a country that a role may use (`U.S. attorney`, `UK ambassador`). */
const COUNTRY_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ['us', 'america'], ['u.s.', 'america'], ['u.s', 'america'], ['usa', 'america'], ['united states', 'america'],
  ['uk', 'britain'], ['u.k.', 'britain'], ['united kingdom', 'britain'], ['great britain', 'britain'],
]);

/** The country a word of a role names, by its name, its adjective or its abbreviation; else the word itself. */
export function countryOf(word: string): string {
  const w = word.toLowerCase().replace(/['’]s$/u, '');
  return DEMONYMS.get(w) ?? COUNTRY_SPELLINGS.get(w) ?? w;
}

/**
 * How many words at the front of a name describe the person and are not part of the name:
 * a nationality (`Swiss` in `Swiss Thomas Gurtner`) or a common noun for a person opening a
 * sentence (`Farmer` in `Farmer Ted Hope`). Only when a full name of two words or more
 * follows, and the name is no organisation's (`British Airways`, `Chinese Communist Party`
 * keep theirs).
 */
export function leadingDemonyms(words: readonly string[]): number {
  const last = words[words.length - 1]?.toLowerCase() ?? '';
  if (ORG_WORDS.has(last)) return 0;
  let k = 0;
  while (k < words.length - 2 && (DEMONYMS.has(words[k]!.toLowerCase()) || PERSON_NOUNS.has(words[k]!.toLowerCase()))) k++;
  return k;
}

const CALENDAR_LOWER: ReadonlySet<string> = new Set(['today', 'yesterday', 'tomorrow', 'tonight', 'week', 'month', 'year', 'morning', 'evening', 'night']);

/** A lower-case word that may qualify a role (`state schools` superintendent, `chief operating` officer). */
function isRoleWord(t: Tok | undefined): boolean {
  if (!t || t.quote >= 0 || !/^\p{Ll}[\p{Ll}-]*$/u.test(t.value) || CALENDAR_LOWER.has(t.lower) || DETERMINERS.has(t.lower)) return false;
  return isTitleWord(t.lower) || t.pos === 'NOUN' || t.pos === 'ADJ' || (t.pos === 'VERB' && t.lower.endsWith('ing'));
}

/** Most words a role's qualifiers run to before its head. */
const MAX_ROLE_QUALIFIERS = 3;

/**
 * Where the role written before a name starts, going back from `titleStart` over
 * the lower-case words that qualify it: `state schools Superintendent Jane Roe`,
 * `chief operating officer John Doe`, `search and rescue director X`. Unchanged
 * when the words before the name hold no title.
 */
export function roleStart(toks: Tok[], titleStart: number, nameStart: number): number {
  if (!toks.slice(titleStart, nameStart).some((t) => TITLE_HEADS.has(t.lower))) return titleStart;
  let k = titleStart;
  let qualifiers = 0;
  while (k > 0 && qualifiers < MAX_ROLE_QUALIFIERS) {
    const t = toks[k - 1]!;
    if (t.quote < 0 && isTitleWord(t.lower)) k--;
    else if (isRoleWord(t)) {
      k--;
      qualifiers++;
    } else if (t.lower === 'and' && isRoleWord(toks[k - 2]) && k < titleStart) k--;
    else break;
  }
  return toks[k]?.lower === 'and' ? k + 1 : k;
}

/** What may follow a role in an apposition: its end, or what it is of (`the U.S. attorney for the Southern District`). */
const AFTER_ROLE = new Set([',', '.', ';', ':', ')', '—', '–', 'of', 'for', 'at', 'with', 'in', 'to', 'who', 'whose', 'on']);

/**
 * The role in an apposition after a name (`Jane Roe, the company's chief operating
 * officer, said`; `John Doe, China's ambassador to Britain,`): its qualifiers and head,
 * and the same with its named owner in front when one is written (`china ambassador`).
 * A spokesperson's role is theirs too (`Jane Roe, a spokeswoman for the airline,` is `the spokeswoman`).
 */
export function appositionRoles(toks: Tok[], end: number): string[] {
  return toks[end]?.value === ',' || APPOSITION_DASHES.has(toks[end]?.value ?? '') ? rolesFrom(toks, end + 1, false) : [];
}

/**
 * The role a name is said to hold (`Jane Roe is the chief executive of Acme`, `John Doe was the
 * company's founder`): read as in an apposition, and a bare head of something counts here.
 */
export function copularRoles(toks: Tok[], end: number): string[] {
  const verb = toks[end]?.lower;
  return (verb === 'is' || verb === 'was') && toks[end + 1]?.lower !== 'not' ? rolesFrom(toks, end + 1, true) : [];
}

/**
 * The role written before a name across the place it serves (`China's ambassador to Britain Liu Xiaming`,
 * `special envoy to Sudan Jane Roe`): read as in an apposition.
 */
export function rolesAcross(toks: Tok[], nameStart: number): string[] {
  if (toks[nameStart - 1]?.lower !== 'to' || !TITLE_HEADS.has(toks[nameStart - 2]?.lower ?? '')) return [];
  let s = nameStart - 2;
  while (s > 0 && s > nameStart - 8 && toks[s - 1]!.quote < 0 && (isRoleWord(toks[s - 1]) || isPossessive(toks[s - 1]!.value) || isCapitalised(toks[s - 1]!.value))) s--;
  return rolesFrom(toks, s, true);
}

function rolesFrom(toks: Tok[], start: number, bareHeadOf: boolean): string[] {
  let k = start;
  if (['the', 'a', 'an'].includes(toks[k]?.lower ?? '')) k++;
  let owner: string[] = [];
  let m = k;
  while (m < toks.length && m < k + 4 && toks[m]!.quote < 0 && /^\p{L}/u.test(toks[m]!.value) && isCapitalised(toks[m]!.value)) m++;
  if (m > k && isPossessive(toks[m]?.value ?? '')) {
    owner = toks.slice(k, m).map((t) => t.lower);
    k = m + 1;
  } else if (isRoleWord(toks[k]) && isPossessive(toks[k + 1]?.value ?? '')) k += 2; // `the company's`: an owner named elsewhere
  else if (isRoleWord(toks[k]) && isRoleWord(toks[k + 1]) && isPossessive(toks[k + 2]?.value ?? '')) k += 3; // `the ferry line's`
  const words: string[] = [];
  let h = k;
  while (h < toks.length && h < k + MAX_ROLE_QUALIFIERS + 2) {
    const t = toks[h]!;
    const capitalisedWord = t.quote < 0 && /^\p{L}/u.test(t.value) && isCapitalised(t.value) && !isPossessive(toks[h + 1]?.value ?? '');
    if (!capitalisedWord && !isRoleWord(t)) break;
    words.push(t.lower);
    h++;
  }
  // The head is the last title word of the run, right before the end of the apposition.
  while (words.length > 0 && !TITLE_HEADS.has(words[words.length - 1]!)) {
    words.pop();
    h--;
  }
  const head = words[words.length - 1];
  if (!head) return [];
  // A bare head followed by what it is of is another role (`MP for Witney`, `head of the agency`): only a qualified one
  // is read, or a spokesperson's, who is `the spokesman` whoever they speak for.
  const closer = toks[h]?.lower ?? ',';
  const bareHead = /^\p{L}/u.test(closer) && words.length === 1 && owner.length === 0 && !SPOKES_WORDS.has(head);
  if (!AFTER_ROLE.has(closer) || (!bareHeadOf && bareHead)) return [];
  return owner.length > 0 ? [words.join(' '), `${owner.join(' ')} ${words.join(' ')}`] : [words.join(' ')];
}

/**
 * Each word of a text with the lower-case word before its first occurrence (`michael` before `pompeo`),
 * remembered by text across reloads (`nlp/memo.ts`): a reload reads only new paragraphs.
 */
export const lowerCaseWordsBefore = memoise((text: string): [string, string][] => {
  const out: [string, string][] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}'’])(\p{Ll}{2,}) (?=(\p{L}+)(?!\p{L}))/gu)) {
    const [, first, word] = m;
    if (!first || !word || seen.has(word)) continue;
    seen.add(word);
    out.push([word, first]);
  }
  return out;
}, (text) => text);

/** Same last name and the other words alike or missing: `Khwaja Asif` / `Khawaja Asif`, `Dastgir Khan` / `Khurram Dastgir Khan`. */
export function samePerson(a: string[], b: string[]): boolean {
  if (a[a.length - 1] !== b[b.length - 1]) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.slice(long.length - short.length).every((w, i) => w === short[i])) return true;
  return short.length === long.length && short.every((w, i) => w === long[i] || (w.length > 3 && editDistance(w, long[i] ?? '', 2) <= 2));
}

