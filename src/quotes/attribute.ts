/**
 * Speaker attribution: each quotation gets the speaker its sentence names (a
 * speech verb's subject before it, or `…”, X said` after it), a pronoun's
 * antecedent, a title's holder, or the speaker of the quotation it continues.
 * When none of these says who spoke, the speaker stays null.
 */
import { attributionOf } from '../corpus/attribution.js';
import { analyse as analyseText } from '../nlp/index.js';
import type { Article, Quotation } from '../types.js';
import { findCues, findNames } from './cues.js';
import type { Cue, NameRun } from './cues.js';
import { findQuotes, scopeAt, scopesOf } from './extract.js';
import type { QuoteSpan, Scope } from './extract.js';
import { People } from './people.js';
import type { ParagraphClues } from './people.js';
import { tokenize } from './phrases.js';
import type { Mention } from './phrases.js';
import { SpeakerRegistry, normaliseName } from './speakers.js';

interface Analysis extends ParagraphClues {
  text: string;
  quotes: QuoteSpan[];
  scopes: Scope[];
}

interface Event {
  paragraph: number;
  offset: number;
  speaker: string;
  kind: 'person' | 'organisation';
}

function analyse(text: string): Analysis {
  const quotes = findQuotes(text);
  // One wink-nlp pass gives both the sentences and the tokens.
  const sentences = analyseText(text);
  const toks = tokenize(text, quotes, sentences.flatMap((s) => s.tokens));
  return { text, quotes, scopes: scopesOf(text, quotes, sentences), cues: findCues(toks), names: findNames(toks) };
}

export interface Attribution {
  quotations: Quotation[];
  registry: SpeakerRegistry;
  people: People;
}

/** Finds and attributes every quotation in the articles, in corpus order. */
export function attributeCorpus(articles: Article[]): Attribution {
  const analyses = new Map<string, Analysis[]>(articles.map((a) => [a.articleId, a.paragraphs.map((p) => analyse(p.text))]));
  const people = new People(analyses);
  const registry = new SpeakerRegistry();
  const quotations: Quotation[] = [];
  for (const article of articles) {
    new ArticleAttributor(article, analyses.get(article.articleId) ?? [], people, registry).run(quotations);
  }
  return { quotations, registry, people };
}

class ArticleAttributor {
  private readonly events: Event[] = [];
  private readonly mentions: (Event & { possessive: boolean; subject: boolean })[] = [];
  /** Speakers of each paragraph's quotations, in order. */
  private readonly quoteSpeakers: (string | null)[][] = [];
  /** Speaker of each paragraph's last speech cue. */
  private readonly lastCueSpeaker: (string | null)[] = [];

  constructor(
    private readonly article: Article,
    private readonly paragraphs: Analysis[],
    private readonly people: People,
    private readonly registry: SpeakerRegistry,
  ) {}

  run(out: Quotation[]): void {
    this.paragraphs.forEach((p, pi) => {
      for (const run of p.names) this.notePerson(run, pi);
      const cueSpeakers: (string | null)[] = [];
      p.cues.forEach((cue, ci) => {
        const inherited = ci > 0 ? (cueSpeakers[ci - 1] ?? null) : null;
        const speaker = cue.inherits ? inherited : this.resolve(cue, pi, p);
        cueSpeakers.push(speaker);
        if (speaker) this.events.push({ paragraph: pi, offset: cue.offset, speaker, kind: this.registry.kindOf(speaker) ?? 'person' });
      });
      this.lastCueSpeaker.push(cueSpeakers[cueSpeakers.length - 1] ?? null);
      const speakers: (string | null)[] = [];
      p.quotes.forEach((q, qi) => {
        const speaker = this.speakerOf(p, pi, q, qi, cueSpeakers, speakers);
        speakers.push(speaker);
        const first = scopeAt(p.scopes, q.open);
        const last = scopeAt(p.scopes, Math.max(q.open, q.close - 1));
        const paragraph = this.article.paragraphs[pi]!;
        out.push({
          ...attributionOf(this.article),
          paragraphId: paragraph.id,
          paragraph: paragraph.number,
          text: q.text,
          context: p.text.slice(Math.min(first.start, q.open), Math.max(last.end, q.close)).trim(),
          speaker,
        });
      });
      this.quoteSpeakers.push(speakers);
    });
  }

  private notePerson(run: NameRun, pi: number): void {
    if (this.people.classify(run.name) !== 'person') return;
    const person = this.people.personOf(run.name, this.article.articleId);
    if (person) this.mentions.push({ paragraph: pi, offset: run.offset, speaker: person, kind: 'person', possessive: run.possessive, subject: run.subject && !run.possessive });
  }

  private speakerOf(p: Analysis, pi: number, q: QuoteSpan, qi: number, cueSpeakers: (string | null)[], earlier: (string | null)[]): string | null {
    const scope = scopeAt(p.scopes, q.open);
    const endScope = scopeAt(p.scopes, Math.max(q.open, q.close - 1));
    // The nearest speech cue before the quotation in its sentence governs it.
    let chosen = -1;
    p.cues.forEach((cue, ci) => {
      if (cue.offset >= scope.start && cue.offset < q.open) chosen = ci;
    });
    if (chosen < 0) {
      // Else an attribution after it: `”, he said` or `…, Asif said.`
      chosen = p.cues.findIndex(
        (cue) => cue.offset >= q.close && cue.offset < endScope.end && cue.subject !== null && (cue.afterQuote || cue.opensClause) &&
          !p.quotes.some((other) => other.open >= q.close && other.open < cue.subjectOffset),
      );
    }
    if (chosen >= 0) return cueSpeakers[chosen] ?? null;
    // A quotation opening its sentence with no cue continues the one before it.
    const opensSentence = p.text.slice(scope.start, q.open).trim() === '';
    if (opensSentence && qi > 0) return earlier[qi - 1] ?? null;
    const onlyQuotes = p.quotes.reduce((rest, other) => rest.replace(p.text.slice(other.open, other.close), ''), p.text);
    if (opensSentence && /^[\s\p{P}]*$/u.test(onlyQuotes) && pi > 0) {
      const previous = this.quoteSpeakers[pi - 1] ?? [];
      if (previous.length > 0) return previous[previous.length - 1] ?? null;
      // `Asif said:` closing the paragraph before introduces this one.
      if (this.paragraphs[pi - 1]?.text.trimEnd().endsWith(':')) return this.lastCueSpeaker[pi - 1] ?? null;
    }
    return null;
  }

  private resolve(cue: Cue, pi: number, p: Analysis): string | null {
    const s = cue.subject;
    if (!s) return null;
    return this.resolveMention(s, pi, cue, p);
  }

  private resolveMention(s: Mention, pi: number, cue: Cue, p: Analysis): string | null {
    switch (s.kind) {
      case 'pronoun':
        return this.antecedent(s.pronoun, pi, cue, p);
      case 'title': {
        const holder = this.people.titleHolder(s.title, this.article.articleId);
        return holder ? this.registry.add(holder, 'person') : null;
      }
      case 'org':
        return this.organisation(s.name, s.abbreviation);
      case 'name': {
        const cls = this.people.classify(s.name);
        if (cls === 'org' || (s.withThe && cls !== 'person')) return this.organisation(s.name, s.abbreviation);
        if (cls === 'person' || s.titled) {
          const person = this.people.personOf(s.name, this.article.articleId) ?? s.name;
          return this.registry.add(person, 'person');
        }
        if (cls === 'place') return this.placeSpeaker(s.name, pi);
        return null;
      }
    }
  }

  /** `he`/`she`: after a quotation, the person who last spoke; before one, the person last named in the sentence. */
  private antecedent(pronoun: string, pi: number, cue: Cue, p: Analysis): string | null {
    const kind = pronoun === 'he' || pronoun === 'she' ? 'person' : 'organisation';
    const before = (list: Event[], paragraph: number, offset = Infinity): Event | undefined =>
      list.filter((e) => e.paragraph === paragraph && e.offset < offset && e.kind === kind).pop();
    const spoke = (): Event | undefined => before(this.events, pi, cue.subjectOffset) ?? before(this.events, pi - 1);
    if (kind === 'organisation') return spoke()?.speaker ?? null;
    if (!cue.afterQuote) {
      const scope = scopeAt(p.scopes, cue.subjectOffset);
      const named = this.mentions.filter((m) => m.paragraph === pi && m.offset >= scope.start && m.offset < cue.subjectOffset).pop();
      if (named) return this.registry.add(named.speaker, 'person');
    }
    // Else who last spoke here, who was last named here as an actor, who last spoke or was named before.
    // In this paragraph, whoever came last of the last speaker and the last person written as a subject.
    const actors = this.mentions.filter((m) => !m.possessive);
    const spokeHere = before(this.events, pi, cue.subjectOffset);
    const actedHere = before(this.mentions.filter((m) => m.subject), pi, cue.subjectOffset);
    const here = spokeHere && actedHere ? (actedHere.offset > spokeHere.offset ? actedHere : spokeHere) : (spokeHere ?? actedHere);
    const found = here ?? before(actors, pi, cue.subjectOffset) ?? before(this.events, pi - 1) ?? before(actors, pi - 1);
    return found ? this.registry.add(found.speaker, 'person') : null;
  }

  /** A country or city as speaker stands for its organisation that spoke last (`Pakistan said` after `the Foreign Office said`). */
  private placeSpeaker(name: string, pi: number): string | null {
    const key = normaliseName(name);
    const recent = this.events.filter(
      (e) => e.kind === 'organisation' && e.paragraph >= pi - 3 && normaliseName(e.speaker).split(' ').includes(key),
    ).pop();
    return recent ? recent.speaker : this.organisation(name, null);
  }

  private organisation(name: string, abbreviation: string | null): string | null {
    if (!/\p{Lu}/u.test(name)) {
      // `the ministry`, `the foreign ministry`: the organisation of that kind that spoke last in this article.
      const head = normaliseName(name).split(' ').pop() ?? '';
      return this.events.filter((e) => e.kind === 'organisation' && normaliseName(e.speaker).split(' ').pop() === head).pop()?.speaker ?? null;
    }
    const known = this.registry.find(name) ?? (abbreviation ? this.registry.find(abbreviation) : undefined);
    if (known && this.registry.kindOf(known) === 'organisation') {
      if (abbreviation) this.registry.addAlias(known, abbreviation);
      return known;
    }
    const canonical = this.registry.add(name, 'organisation');
    if (abbreviation) this.registry.addAlias(canonical, abbreviation);
    // `Pakistan Foreign Office` is also `Foreign Office`; a lower-case remainder (`foreign ministry`) is too generic.
    const words = name.split(' ');
    if (words.length > 2 && this.people.classify(words[0]!) === 'place' && /^\p{Lu}/u.test(words[1] ?? '')) {
      const rest = words.slice(1).join(' ');
      if (!this.registry.find(rest)) this.registry.addAlias(canonical, rest);
    }
    return canonical;
  }
}
