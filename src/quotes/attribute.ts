/**
 * Stage 4, the decisions: each quotation gets the speaker its sentence names (a
 * speech verb's subject before it, or `…”, X said` after it), a pronoun's
 * antecedent, a title's holder, or the speaker of the quotation it continues,
 * with the rule that decided it. When none of these says who spoke, the
 * speaker stays null. Reads the corpus-wide knowledge (people, organisations)
 * but writes nothing shared: one article's decisions never depend on another's.
 */
import type { Cue } from './cues.js';
import type { NameRun } from './name-runs.js';
import type { Analysis } from './analyse.js';
import type { QuoteSpan } from './extract.js';
import { scopeAt } from './extract.js';
import { pronounsOf } from './gender.js';
import type { PersonalPronoun } from './gender.js';
import type { Organisations } from './organisations.js';
import type { People } from './people.js';
import type { Mention } from './phrases.js';
import { normaliseName } from './speakers.js';
import type { AttributedSpan, Decision } from './types.js';
import { lastSpoke, personAged } from './earlier-speakers.js';
import type { SpeechEvent } from './earlier-speakers.js';
import { PERSON_NOUNS, PLACE_PREPOSITIONS, TITLE_HEADS, isGroupNoun } from './vocabulary.js';

/** `The senior official was`, `a spokeswoman for the ministry said`, `One local teacher`: a person written by role alone as a clause subject. */
const ANONYMOUS_SUBJECT = new RegExp(
  `(?:^|[.!?]\\s+)(?:The|A|An|One|Another) (?:[a-z-]+ ){0,3}(?:${[...TITLE_HEADS, ...PERSON_NOUNS].join('|')})s?\\b(?!['’])`,
);

/** A preposition right before a phrase: what follows is its object (`to Britain`, `in the capital`). */
const PREPOSITION_BEFORE = new RegExp(`\\b(?:${[...PLACE_PREPOSITIONS, 'against', 'with', 'by', 'on', 'under', 'over'].join('|')})\\s+$`, 'u');

/** Words standing for an organisation the article has named (`the group`, `the company`). */
const GENERIC_ORG_HEADS: ReadonlySet<string> = new Set(['group', 'company', 'firm', 'organisation', 'organization', 'coalition', 'association', 'charity']);

/** How a cue's position names the rule. */
function cueRule(cue: Cue, after: boolean): string {
  if (cue.kind === 'according') return 'according-to';
  if (cue.kind === 'noun') return 'speech-noun';
  return after ? 'said-after' : 'said-before';
}

/** The one speaker of some speech cues: null when none resolved, or when they name more than one. */
function oneSpeaker(decisions: (Decision | null)[]): Decision | null {
  const resolved = decisions.filter((d): d is Decision => d !== null);
  if (resolved.length === 0 || resolved.length < decisions.length) return null;
  return resolved.every((d) => d.speaker === resolved[0]!.speaker) ? resolved[resolved.length - 1]! : null;
}

/** Attributes every quotation of one article. */
export function attributeArticle(articleId: string, paragraphs: Analysis[], people: People, organisations: Organisations): AttributedSpan[] {
  return new ArticleAttributor(articleId, paragraphs, people, organisations).run();
}

class ArticleAttributor {
  private readonly events: SpeechEvent[] = [];
  private readonly mentions: (SpeechEvent & { possessive: boolean; subject: boolean })[] = [];
  /** Decisions of each paragraph's quotations, in order. */
  private readonly quoteDecisions: (Decision | null)[][] = [];
  /** Decisions of each paragraph's speech cues, in order. */
  private readonly cueDecisions: (Decision | null)[][] = [];
  /** How the last pronoun was resolved, for the rule. */
  private pronounRule = '';
  /** The pronoun each person takes, where the article settles it. */
  private readonly pronouns: Map<string, PersonalPronoun>;

  constructor(
    private readonly articleId: string,
    private readonly paragraphs: Analysis[],
    private readonly people: People,
    private readonly organisations: Organisations,
  ) {
    this.pronouns = pronounsOf(paragraphs, (name) => people.personHere(name, articleId));
  }

  run(): AttributedSpan[] {
    const out: AttributedSpan[] = [];
    this.paragraphs.forEach((p, pi) => {
      for (const run of p.names) this.notePerson(run, pi);
      const cueDecisions: (Decision | null)[] = [];
      p.cues.forEach((cue, ci) => {
        const inherited = ci > 0 ? (cueDecisions[ci - 1] ?? null) : null;
        const decision = cue.inherits ? (inherited && { ...inherited, rule: `${inherited.rule} + shared subject` }) : this.resolve(cue, pi, p);
        cueDecisions.push(decision);
        if (decision) this.events.push({ paragraph: pi, offset: cue.offset, speaker: decision.speaker, kind: decision.kind });
      });
      this.cueDecisions.push(cueDecisions);
      const decisions: (Decision | null)[] = [];
      p.quotes.forEach((q, qi) => {
        const decision = this.decide(p, pi, q, qi, cueDecisions, decisions);
        decisions.push(decision);
        out.push({ paragraph: pi, span: q, decision });
      });
      this.quoteDecisions.push(decisions);
    });
    return out;
  }

  private notePerson(run: NameRun, pi: number): void {
    const person = this.people.personHere(run.name, this.articleId);
    if (person) this.mentions.push({ paragraph: pi, offset: run.offset, speaker: person, kind: 'person', possessive: run.possessive, subject: run.subject && !run.possessive });
  }

  private decide(p: Analysis, pi: number, q: QuoteSpan, qi: number, cueDecisions: (Decision | null)[], earlier: (Decision | null)[]): Decision | null {
    if (p.terms[qi]) return null;
    const scope = scopeAt(p.scopes, q.open);
    const endScope = scopeAt(p.scopes, Math.max(q.open, q.close - 1));
    // The nearest speech cue before the quotation in its sentence governs it.
    let chosen = -1;
    p.cues.forEach((cue, ci) => {
      if (cue.offset >= scope.start && cue.offset < q.open) chosen = ci;
    });
    let after = false;
    // `X was known for telling others “…”, said Y`: the sentence is Y's report, told after the quotation.
    if (chosen >= 0 && p.cues[chosen]!.reported) chosen = -1;
    if (chosen < 0) {
      // Else an attribution after it: `”, he said` or `…, Asif said.`; past other quotations only from a quoted phrase
      // inside a clause (`People face a “clear choice”, either “…” or “…”, he said`), never from a quoted sentence.
      after = true;
      const insideClause = /[\p{L}\p{N}]\s*$/u.test(p.text.slice(scope.start, q.open));
      chosen = p.cues.findIndex(
        (cue) => cue.offset >= q.close && cue.offset < endScope.end && cue.subject !== null && (cue.afterQuote || cue.opensClause) &&
          (insideClause || !p.quotes.some((other) => other.open >= q.close && other.open < cue.subjectOffset)),
      );
    }
    if (chosen >= 0) {
      const d = cueDecisions[chosen] ?? null;
      return d && { ...d, rule: d.rule.replace(/^said-(before|after)/, cueRule(p.cues[chosen]!, after)) };
    }
    // `“…,” a speaker at the rally said`: the sentence says who spoke, in words naming nobody: it continues nothing.
    if (p.cues.some((cue) => cue.kind === 'verb' && cue.offset >= q.close && cue.offset < endScope.end && !cue.inherits && !p.quotes.some((o) => o.open >= q.close && o.open < cue.offset))) return null;
    const continues = (d: Decision | null | undefined, rule: string): Decision | null => (d ? { ...d, rule } : null);
    // A quotation opening its sentence with no cue continues the one before it.
    const opensSentence = p.text.slice(scope.start, q.open).trim() === '';
    // The quotation before, passing over quoted terms: a term is nobody's words, so nothing continues from it.
    let prior = qi - 1;
    while (prior >= 0 && p.terms[prior]) prior--;
    if (opensSentence && prior >= 0) {
      // Someone else written as a subject since the last quotation (`Kennedy attacked Mr Brown. “How can…”`) may be speaking now.
      const since = p.quotes[prior]!.close;
      const previous = earlier[prior];
      const newSubject = this.mentions.some((m) => m.paragraph === pi && m.subject && m.offset >= since && m.offset < q.open && m.speaker !== previous?.speaker);
      return newSubject ? null : continues(previous, 'continues previous quotation');
    }
    const onlyQuotes = p.quotes.reduce((rest, other) => rest.replace(p.text.slice(other.open, other.close), ''), p.text);
    if (opensSentence && /^[\s\p{P}]*$/u.test(onlyQuotes) && pi > 0) {
      const previous = this.quoteDecisions[pi - 1] ?? [];
      if (previous.length > 0) return continues(previous[previous.length - 1], 'continues previous paragraph');
      // `Asif said:` closing the paragraph before introduces this one.
      const cuesBefore = this.cueDecisions[pi - 1] ?? [];
      if (this.paragraphs[pi - 1]?.text.trimEnd().endsWith(':')) return continues(cuesBefore[cuesBefore.length - 1], 'introduced by previous paragraph');
      // `Erekat said it was only the latest move.` then a paragraph of quotation: his words go on.
      return continues(oneSpeaker(cuesBefore), 'continues reported speech of previous paragraph');
    }
    if (opensSentence && prior < 0) {
      // `Sometimes employees don't follow the rules, he said. “But does that mean…”`
      const sentenceBefore = p.scopes.filter((sc) => sc.end <= scope.start).pop();
      if (sentenceBefore && !p.quotes.some((other) => other.open >= sentenceBefore.start && other.open < q.open)) {
        const inside = p.cues.flatMap((cue, ci) => (cue.offset >= sentenceBefore.start && cue.offset < sentenceBefore.end ? [cueDecisions[ci] ?? null] : []));
        return continues(oneSpeaker(inside), 'continues reported speech');
      }
    }
    return null;
  }

  private resolve(cue: Cue, pi: number, p: Analysis): Decision | null {
    const s = cue.subject;
    if (!s) return null;
    const found = this.resolveMention(s, pi, cue, p);
    const via = cue.fromSentence ? ' + participle → sentence subject' : '';
    return found && { ...found, rule: `${cueRule(cue, false)}${via}${found.rule}` };
  }

  /** The speaker a mention names, with the part of the rule that says how (empty for a plain name). */
  private resolveMention(s: Mention, pi: number, cue: Cue, p: Analysis): Decision | null {
    const person = (speaker: string | null, rule: string): Decision | null => (speaker ? { speaker, kind: 'person', rule } : null);
    const organisation = (speaker: string | null, rule: string): Decision | null => (speaker ? { speaker, kind: 'organisation', rule } : null);
    switch (s.kind) {
      case 'pronoun': {
        if (s.pronoun === 'he' || s.pronoun === 'she') {
          const speaker = this.antecedent(pi, cue, p, s.pronoun);
          return person(speaker, ` + pronoun → ${this.pronounRule}`);
        }
        // `they` may be any group the text just mentioned (`Dockers gathered … “…,” they said`): only `it` is the organisation.
        if (s.pronoun !== 'it') return null;
        return organisation(lastSpoke(this.events, 'organisation', pi, cue.subjectOffset)?.speaker ?? null, ' + pronoun → previous organisation');
      }
      case 'statement': {
        // `…, the US military said in a statement. “…,” the statement said.`: whoever spoke last, here or just before.
        const last = lastSpoke(this.events, undefined, pi, cue.subjectOffset);
        return last ? { speaker: last.speaker, kind: last.kind, rule: ' + statement → previous speaker' } : null;
      }
      case 'title':
        return person(this.people.titles.holder(s.title, this.articleId), ' + title → holder');
      case 'age':
        return person(personAged(this.paragraphs, this.people, this.articleId, s.age), ' + age → person of that age');
      case 'org': {
        const named = this.organisation(s.name, s.abbreviation);
        if (named) return organisation(named, ' + organisation');
        return organisation(this.nominalOrganisation(s.name, pi, cue.subjectOffset), ' + nominal → organisation named before');
      }
      case 'name': {
        const cls = this.people.classify(s.name);
        // `For the Lib Dems David Laws said`: a name the corpus knows on its own, then a person's full name.
        const after = cls === 'person' ? null : this.people.afterKnownName(s.name);
        if (after) return person(this.people.personOf(after, this.articleId) ?? after, '');
        // `China's ambassador to Britain accused …`: a place or body after a preposition is its object, never the
        // subject of the speech verb (the speaker is the role before it, unnamed here).
        if (cls !== 'person' && !s.titled && !cue.source && PREPOSITION_BEFORE.test(p.text.slice(0, cue.subjectOffset))) {
          const role = cue.roleBefore?.kind === 'title' ? this.people.titles.exactHolder(cue.roleBefore.title, this.articleId) : null;
          return role && cls === 'place' ? person(role, ' + role before place → holder') : null;
        }
        if (cls === 'org' || (s.withThe && cls !== 'person')) return organisation(this.organisation(s.name, s.abbreviation), ' + organisation');
        if (cls === 'person' || s.titled) return person(this.people.personOf(s.name, this.articleId) ?? s.name, '');
        // `Vos said`, the sentence's first word: the surname of the one person this article names in full with it.
        const surname = cls === 'unknown' ? this.people.personHere(s.name, this.articleId) : null;
        if (surname) return person(surname, ' + surname → full name in article');
        if (cls === 'place') return organisation(this.placeSpeaker(s.name, pi), ' + place → its organisation');
        return null;
      }
    }
  }

  /** `he`/`she`: after a quotation, the person who last spoke; before one, the person last named in the sentence. */
  private antecedent(pi: number, cue: Cue, p: Analysis, pronoun: PersonalPronoun): string | null {
    const nearest = this.nearestAntecedent(pi, cue, p, () => true);
    if (!nearest || this.takes(nearest.speaker, pronoun)) return nearest?.speaker ?? null;
    // `Ms Varga …. “…,” he said`: the nearest person takes the other pronoun. Someone else in this paragraph who
    // takes this one may be meant; reaching further back for one is a guess.
    const agreeing = this.nearestAntecedent(pi, cue, p, (speaker) => this.takes(speaker, pronoun));
    if (agreeing?.paragraph === pi) {
      this.pronounRule += ` (${pronoun})`;
      return agreeing.speaker;
    }
    this.pronounRule = '';
    return null;
  }

  /** Whether a person may be `he` (or `she`): the article never settled it, or settled it so. */
  private takes(person: string, pronoun: PersonalPronoun): boolean {
    const settled = this.pronouns.get(person);
    return settled === undefined || settled === pronoun;
  }

  /** The person a `he`/`she` cue most likely stands for, among those `fits` allows, and the paragraph they were found in. */
  private nearestAntecedent(pi: number, cue: Cue, p: Analysis, fits: (speaker: string) => boolean): { speaker: string; paragraph: number } | null {
    const before = <T extends SpeechEvent>(list: T[], paragraph: number, offset = Infinity): T | undefined =>
      list.filter((e) => e.paragraph === paragraph && e.offset < offset && e.kind === 'person' && fits(e.speaker)).pop();
    if (!cue.afterQuote) {
      const scope = scopeAt(p.scopes, cue.subjectOffset);
      const named = this.mentions.filter((m) => m.paragraph === pi && m.offset >= scope.start && m.offset < cue.subjectOffset && fits(m.speaker)).pop();
      if (named) {
        this.pronounRule = 'named in sentence';
        return named;
      }
    }
    // Else who last spoke here, who was last named here as an actor, who last spoke or was named before.
    // In this paragraph, whoever came last of the last speaker and the last person written as a subject.
    const actors = this.mentions.filter((m) => !m.possessive);
    const spokeHere = before(this.events, pi, cue.subjectOffset);
    const actedHere = before(this.mentions.filter((m) => m.subject), pi, cue.subjectOffset);
    // A subject of a later sentence (`Okafor disagreed.`) takes over from the last speaker; a name inside the
    // speaker's own sentence (`Smith said the chance of Jones backing down was “slim”, he said`) does not.
    const sentenceOf = (offset: number): number => scopeAt(p.scopes, offset).start;
    const takesOver = actedHere && (!spokeHere || (actedHere.offset > spokeHere.offset && sentenceOf(actedHere.offset) !== sentenceOf(spokeHere.offset)));
    const here = takesOver ? actedHere : (spokeHere ?? actedHere);
    // An unnamed person written as a subject here (`The senior official was gloomy`) may be the speaker: nobody named is safe.
    if (!here) {
      const role = [...p.text.slice(0, cue.subjectOffset).matchAll(new RegExp(ANONYMOUS_SUBJECT, 'g'))].pop();
      if (role) {
        // `The judge also imposed a fine … “…,” he said.`: a title the article gave one named person is that person.
        const words = role[0].replace(/^[\s.!?]+/u, '').toLowerCase().split(/\s+/u);
        const holder = words[0] === 'the' && TITLE_HEADS.has(words[words.length - 1]!) ? this.people.titles.holder(words.slice(1).join(' '), this.articleId) : null;
        this.pronounRule = holder ? 'title → holder' : '';
        return holder && fits(holder) ? { speaker: holder, paragraph: pi } : null;
      }
    }
    // A person only named in passing in the paragraph before is no safe antecedent.
    const candidates: [SpeechEvent | undefined, string][] = [
      [here, here === spokeHere ? 'previous speaker' : 'subject in paragraph'],
      [before(actors, pi, cue.subjectOffset), 'named in paragraph'],
      [before(this.events, pi - 1), 'previous speaker'],
      [this.soleSubjectOf(pi - 1), 'subject of previous paragraph'],
      [this.speakerBeforePronounParagraph(pi - 1, cue), 'previous speaker'],
    ];
    const found = candidates.find(([e]) => e !== undefined && fits(e.speaker));
    this.pronounRule = found?.[1] ?? '';
    if (found && this.unknownSubjectSince(p, pi, found[0]!, cue.subjectOffset)) {
      this.pronounRule = '';
      return null;
    }
    return found?.[0] ?? null;
  }

  /**
   * `Dorsey was not available. “…,” he said.`: a name written as a subject after the antecedent found (in a later
   * sentence, or anywhere here when the antecedent is from an earlier paragraph) that the corpus cannot tell is a
   * person or not may be the one speaking now.
   */
  private unknownSubjectSince(p: Analysis, pi: number, found: { paragraph: number; offset?: number }, upTo: number): boolean {
    const sentenceOf = (offset: number): number => scopeAt(p.scopes, offset).start;
    const since = found.paragraph === pi && found.offset !== undefined ? found.offset : -1;
    return p.names.some(
      (n) => n.subject && !n.possessive && n.offset > since && n.offset < upTo && (since < 0 || sentenceOf(n.offset) !== sentenceOf(since)) &&
        this.people.classify(n.name) === 'unknown' && this.people.personHere(n.name, this.articleId) === null && !isGroupNoun(n.name),
    );
  }

  /** A paragraph that names nobody unnamed and quotes nothing: its words cannot hide another speaker. */
  private plainNarration(pi: number): boolean {
    const p = this.paragraphs[pi];
    return p !== undefined && p.quotes.length === 0 && !ANONYMOUS_SUBJECT.test(p.text) && !this.events.some((e) => e.paragraph === pi);
  }

  /**
   * Names in a paragraph that may be people's, whatever they were taken for (`looked at Ian Mott` reads like a
   * place): a person's, or any full name of two words that is no organisation's; not `TV`, `Monday`, `Mogadishu`.
   */
  private maybePeopleIn(pi: number): string[] {
    return (this.paragraphs[pi]?.names ?? [])
      .map((n) => n.name)
      .filter((n) => this.people.classify(n) === 'person' || (n.includes(' ') && this.people.classify(n) !== 'org'));
  }

  /** `During the hearing, Ismoil, the last defendant, kept silent.` then `“…,” he said`: the one person that paragraph names, as its subject. */
  private soleSubjectOf(pi: number): SpeechEvent | undefined {
    if (!this.plainNarration(pi)) return undefined;
    const named = this.mentions.filter((m) => m.paragraph === pi);
    const subject = named.find((m) => m.subject);
    const same = this.maybePeopleIn(pi).every((n) => this.people.personOf(n, this.articleId) === subject?.speaker);
    return subject && same && new Set(named.map((m) => m.speaker)).size === 1 ? subject : undefined;
  }

  /**
   * `“…,” Gurtner said.` / `He blamed a TV crew.` / `“…,” he said.`: a paragraph naming nobody, opened by the same
   * pronoun, goes on about the person who spoke in the paragraph before it.
   */
  private speakerBeforePronounParagraph(pi: number, cue: Cue): SpeechEvent | undefined {
    const pronoun = cue.subject?.kind === 'pronoun' ? cue.subject.pronoun : '';
    const p = this.paragraphs[pi];
    if (!p || !this.plainNarration(pi) || this.maybePeopleIn(pi).length > 0) return undefined;
    if (!new RegExp(`^${pronoun}\\b`, 'iu').test(p.text.trimStart())) return undefined;
    return this.events.filter((e) => e.paragraph === pi - 1 && e.kind === 'person').pop();
  }

  /** A country or city as speaker stands for its organisation that spoke last (`Pakistan said` after `the Foreign Office said`). */
  private placeSpeaker(name: string, pi: number): string | null {
    const key = normaliseName(name);
    const recent = this.events.filter(
      (e) => e.kind === 'organisation' && e.paragraph >= pi - 3 && normaliseName(e.speaker).split(' ').includes(key),
    ).pop();
    return recent ? recent.speaker : this.organisation(name, null);
  }

  /**
   * `The group, WeWorkers Coalition, formed …` then `the group added that …`: a generic word for an organisation is
   * the one organisation named in this paragraph (before it) or the three before; nobody when several were.
   */
  private nominalOrganisation(name: string, pi: number, offset: number): string | null {
    const words = normaliseName(name).split(' ');
    if (/\p{Lu}/u.test(name) || words.length !== 1 || !GENERIC_ORG_HEADS.has(words[0]!)) return null;
    const named = new Set<string>();
    for (let k = Math.max(0, pi - 3); k <= pi; k++) {
      for (const n of this.paragraphs[k]?.names ?? []) {
        if ((k < pi || n.offset < offset) && this.people.classify(n.name) === 'org') named.add(this.organisations.canonical(n.name, null));
      }
    }
    return named.size === 1 ? [...named][0]! : null;
  }

  private organisation(name: string, abbreviation: string | null): string | null {
    if (!/\p{Lu}/u.test(name)) {
      // `the ministry`, `the foreign ministry`: the organisation of that kind that spoke last in this article.
      const head = normaliseName(name).split(' ').pop() ?? '';
      return this.events.filter((e) => e.kind === 'organisation' && normaliseName(e.speaker).split(' ').pop() === head).pop()?.speaker ?? null;
    }
    return this.organisations.canonical(name, abbreviation);
  }
}
