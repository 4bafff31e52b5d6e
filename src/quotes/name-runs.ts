/**
 * The capitalised names of a paragraph outside its quotation marks, each with what
 * its neighbours say about it: the titles written with it (`Defence Minister X`,
 * `X, the company's chief operating officer,`), whether it reads like a place or an
 * organisation (`in Islamabad`), and whether it is a clause's subject. People (stage 3)
 * reads them across the corpus.
 */
import { appositionRoles, copularRoles, leadingDemonyms, roleStart, rolesAcross } from './names.js';
import { isSourceNoun } from './phrases.js';
import type { Tok } from './phrases.js';
import { HONORIFICS, ORG_WORDS, PLACE_PREPOSITIONS, TITLE_HEADS, TITLE_MODIFIERS, isCapitalised, isPossessive, isTitleWord, NOT_NAME_POS } from './vocabulary.js';

/** A capitalised name outside quotation marks and what its neighbours say about it. */
export interface NameRun {
  /** The name without titles in front (`Khurram Dastgir Khan`). */
  name: string;
  offset: number;
  /** A courtesy title or job title came with it (`Mr`, `Defence Minister`, `foreign minister`). */
  titled: boolean;
  /** Job titles written next to it, lower-cased (`defence minister`). */
  titles: string[];
  /** Written like a place or organisation (`in Islamabad`, `the Pentagon`, `Pakistan's foreign minister`). */
  placeLike: boolean;
  /** First word of its sentence, where any word is capitalised (`Critics said`). */
  sentenceInitial: boolean;
  /** Followed by a possessive (`Trump's tirade`): named in passing, not as an actor. */
  possessive: boolean;
  /** Written as the subject of a clause (`Okafor disagreed`, `Maria Lopez, the mayor, was`). */
  subject: boolean;
  /** The age written after it between commas (`Jose Ruiz, 56,`): who `the 56-year-old` is. */
  age?: string;
}

const isWord = (t: Tok): boolean => /^\p{L}/u.test(t.value);

/** Every run of capitalised words outside quotation marks. */
export function findNames(toks: Tok[]): NameRun[] {
  const runs: NameRun[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    if (t.quote >= 0 || !isWord(t) || !isCapitalised(t.value)) {
      i++;
      continue;
    }
    let j = i;
    while (j < toks.length && toks[j]!.quote < 0 && isWord(toks[j]!) && isCapitalised(toks[j]!.value)) j++;
    let start = i;
    // Words that only open a sentence (`Meanwhile`, `Following`) are not part of a name; mid-sentence a capital is.
    while (start < j && toks[start]!.initial && NOT_NAME_POS.has(toks[start]!.pos) && !isTitleWord(toks[start]!.lower)) start++;
    // Titles in front, capitalised or not: `Defence Minister`, `foreign minister`, `Colonel`.
    let nameStart = start;
    while (nameStart < j && isTitleWord(toks[nameStart]!.lower)) nameStart++;
    // `Israeli Prime Minister Benjamin Netanyahu`: the name starts after the last title word.
    for (let k = j - 2; k >= nameStart; k--) {
      if (TITLE_HEADS.has(toks[k]!.lower) || HONORIFICS.has(toks[k]!.lower)) {
        nameStart = k + 1;
        break;
      }
    }
    let titleStart = start;
    while (titleStart > 0 && toks[titleStart - 1]!.quote < 0 && isTitleWord(toks[titleStart - 1]!.lower)) titleStart--;
    // `state schools Superintendent Jane Roe`: lower-case words qualifying the title are part of it.
    titleStart = roleStart(toks, titleStart, nameStart);
    // `Frank Field MP`: a title after the name is not part of it.
    let nameEnd = j;
    while (nameEnd - 2 > nameStart && TITLE_HEADS.has(toks[nameEnd - 1]!.lower) && toks[nameEnd - 1]!.value === toks[nameEnd - 1]!.value.toUpperCase()) nameEnd--;
    // `Swiss Thomas Gurtner`: a nationality in front is not part of the name.
    nameStart += leadingDemonyms(toks.slice(nameStart, nameEnd).map((t) => t.value));
    // `ambassador to Britain Liu Xiaming`: the place the role serves is not part of the name.
    const across = nameStart === titleStart && nameEnd - nameStart >= 3 ? rolesAcross(toks, titleStart) : [];
    if (across.length > 0) nameStart++;
    if (nameStart < nameEnd) {
      const run = describe(toks, titleStart, nameStart, nameEnd, across);
      if (nameEnd < j) {
        run.titles.push(toks[j - 1]!.lower);
        run.titled = true;
        run.placeLike = false;
      }
      runs.push(run);
    }
    i = j;
  }
  return runs;
}

/** Words that open an apposition after a name (`X, the last of six defendants, continued`). */
const APPOSITION_OPENERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'who', 'whose', 'his', 'her', 'its', 'their']);

/** `…, Ismoil, the last of the defendants convicted, continued`: an apposition between commas, then a verb. */
function verbAfterApposition(toks: Tok[], comma: number): boolean {
  if (!APPOSITION_OPENERS.has(toks[comma + 1]?.lower ?? '')) return false;
  for (let k = comma + 2; k < toks.length && k <= comma + 20; k++) {
    const t = toks[k]!;
    if (t.quote >= 0 || /^[.!?;:]$/.test(t.value)) return false;
    if (t.value === ',') return toks[k + 1]?.pos === 'VERB' || toks[k + 1]?.pos === 'AUX';
  }
  return false;
}

function describe(toks: Tok[], titleStart: number, nameStart: number, end: number, across: string[]): NameRun {
  const titleToks = toks.slice(titleStart, nameStart);
  const titles: string[] = [];
  const heads = titleToks.filter((t) => TITLE_HEADS.has(t.lower));
  if (heads.length > 0) {
    // `Defence Minister` → `defence minister`; `spokesman Colonel` → `spokesman`; `Mr` alone is no job title.
    const words = titleToks.map((t) => t.lower).filter((w) => !HONORIFICS.has(w) || TITLE_HEADS.has(w));
    const head = words.findIndex((w) => TITLE_HEADS.has(w));
    if (head >= 0) titles.push(words.slice(0, head + 1).join(' '));
  }
  // Whose title: `Pentagon spokesman Colonel Rob Manning` → `pentagon spokesman`, `Tory leader Michael Howard` → `tory leader`.
  if (titleToks[0] && !isCapitalised(titleToks[0].value) && titles.length > 0) {
    let k = titleStart;
    while (k > 0 && toks[k - 1]!.quote < 0 && isWord(toks[k - 1]!) && isCapitalised(toks[k - 1]!.value)) k--;
    const owner = toks.slice(k, titleStart).filter((t) => t.pos !== 'DET' && !HONORIFICS.has(t.lower));
    if (owner.length > 0) titles.push(`${owner.map((t) => t.lower).join(' ')} ${titles[0]}`);
  }
  // Apposition: `Khurram Dastgir Khan, Pakistan's defence minister,`; `X, the company's chief operating officer,`.
  for (const role of [...appositionRoles(toks, end), ...copularRoles(toks, end), ...across]) if (!titles.includes(role)) titles.push(role);
  const prev = toks[titleStart - 1];
  const next = toks[end];
  const afterNext = toks[end + 1];
  const placeLike =
    // `according to Paul Ames`, `a statement from Paul Ames` name a source, not a destination.
    (prev !== undefined && titleStart === nameStart && (PLACE_PREPOSITIONS.has(prev.lower) || prev.lower === 'the') && toks[titleStart - 2]?.lower !== 'according' &&
      !(prev.lower === 'from' && isSourceNoun(toks[titleStart - 2]?.lower ?? ''))) ||
    (next !== undefined && (ORG_WORDS.has(next.lower) || TITLE_HEADS.has(next.lower) || TITLE_MODIFIERS.has(next.lower))) ||
    (next !== undefined && isPossessive(next.value) && afterNext !== undefined && (TITLE_MODIFIERS.has(afterNext.lower) || TITLE_HEADS.has(afterNext.lower) || ORG_WORDS.has(afterNext.lower)));
  const nameToks = toks.slice(nameStart, end);
  return {
    name: nameToks.map((t) => t.value).join(' ').replace(/\s+-\s+/g, '-'),
    offset: nameToks[0]!.start,
    sentenceInitial: prev === undefined || /^[.!?]$/.test(prev.value),
    possessive: next !== undefined && isPossessive(next.value),
    subject:
      prev?.pos !== 'ADP' &&
      next !== undefined &&
      (next.pos === 'VERB' || next.pos === 'AUX' || (next.value === ',' && (prev === undefined || /^[.!?]$/.test(prev.value) || verbAfterApposition(toks, end)))),
    titled: titles.length > 0 || titleToks.some((t) => TITLE_HEADS.has(t.lower) || HONORIFICS.has(t.lower)),
    titles,
    placeLike,
    ...(next?.value === ',' && afterNext?.pos === 'NUM' && /^\d{1,3}$/.test(afterNext.value) && [',', '.'].includes(toks[end + 2]?.value ?? '') ? { age: afterNext.value } : {}),
  };
}
