/**
 * Titles and roles written next to people's names (`Chancellor Gordon Brown`,
 * `X, the company's chief operating officer,`), by article and across the
 * corpus: who holds `the chancellor` in this article, else in the corpus, and
 * every role a person is given. Filled by `People` as it reads the corpus.
 */
import { SPOKES_WORDS, fitsRole, isTitleWord } from './vocabulary.js';

interface TitleRow {
  title: string;
  person: string;
}

export class Titles {
  /** [articleId, title, person] for every title written next to a person's name. */
  private readonly rows: (TitleRow & { articleId: string })[] = [];
  private readonly byArticle = new Map<string, TitleRow[]>();
  /** Rows by the title's last word, indexed on first use (rows added later are not among them). */
  private byHead: Map<string, TitleRow[]> | undefined;
  /** `holderOf` across the corpus, by title asked for: like `byHead`, fixed on first use. */
  private readonly corpusHolders = new Map<string, string | null | undefined>();
  /** Each person's roles, indexed on first use. */
  private rolesByPerson: Map<string, Set<string>> | undefined;

  add(articleId: string, title: string, person: string): void {
    this.rows.push({ articleId, title, person });
    const rows = this.byArticle.get(articleId) ?? [];
    rows.push({ title, person });
    this.byArticle.set(articleId, rows);
  }

  /** The one person holding `title` (`defence minister`, `minister`) in the article, else in the corpus. */
  holder(title: string, articleId: string): string | null {
    const holder = this.holderOf(title.split(' '), articleId);
    // `the presidential spokesman` is `the spokesman` when no title holds the adjective.
    const titleWords = title.split(' ').filter(isTitleWord);
    return holder !== undefined || titleWords.length === 0 ? (holder ?? null) : (this.holderOf(titleWords, articleId) ?? null);
  }

  /** The one person holding `title` with every word of it (`norland ambassador` is never just any ambassador). */
  exactHolder(title: string, articleId: string): string | null {
    return this.holderOf(title.split(' '), articleId) ?? null;
  }

  /** The one holder; null when several hold it; undefined when nobody does. */
  private holderOf(want: string[], articleId: string): string | null | undefined {
    const holders = (rows: TitleRow[]): Set<string> => new Set(rows.filter((r) => fitsRole(want, r.title)).map((r) => r.person));
    const local = holders(this.byArticle.get(articleId) ?? []);
    if (local.size === 1) return [...local][0]!;
    if (local.size > 1) return null;
    // Every organisation has its spokespeople: one named in another article is not this one's.
    if (SPOKES_WORDS.has(want[want.length - 1] ?? '')) return undefined;
    // The corpus's answer is the same for every article asking: worked out once per title, not by reading every
    // row with its last word again for each mention (a fifth of the quote book at 30k paragraphs, growing).
    const key = want.join(' ');
    if (this.corpusHolders.has(key)) return this.corpusHolders.get(key);
    if (!this.byHead) {
      this.byHead = new Map();
      for (const r of this.rows) {
        const head = r.title.split(' ').pop() ?? '';
        const rows = this.byHead.get(head) ?? [];
        rows.push(r);
        this.byHead.set(head, rows);
      }
    }
    const global = holders(this.byHead.get(want[want.length - 1] ?? '') ?? []);
    const found = global.size === 1 ? [...global][0]! : global.size === 0 ? undefined : null;
    this.corpusHolders.set(key, found);
    return found;
  }

  /** Every role written next to a person's name in the corpus (`swiss federal prosecutor`, `china ambassador`). */
  rolesOf(person: string): string[] {
    if (!this.rolesByPerson) {
      this.rolesByPerson = new Map();
      for (const r of this.rows) this.rolesByPerson.set(r.person, (this.rolesByPerson.get(r.person) ?? new Set()).add(r.title));
    }
    return [...(this.rolesByPerson.get(person) ?? [])];
  }

  /** Titles that only one person holds in the corpus: `the defence minister`, `the chancellor`. */
  aliases(): Map<string, string> {
    const out = new Map<string, string>();
    const byTitle = new Map<string, Set<string>>();
    for (const r of this.rows) byTitle.set(r.title, (byTitle.get(r.title) ?? new Set()).add(r.person));
    for (const [title, people] of byTitle) if (people.size === 1) out.set(`the ${title}`, [...people][0]!);
    return out;
  }
}
