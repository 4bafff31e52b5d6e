import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { readHtmlPage, withoutOutlet, withPageMetadata } from '../../src/corpus/html.js';
import { seedsFolder } from '../helpers/seeds.js';

/** A made-up saved news page: the shape of a real one (menus, share bar, figure, related list, footer), none of its text. */
const prose = (n: number): string =>
  `<p>Paragraph ${n}: the harbour board said on Tuesday that it would spend the money on a new ferry terminal, and that work would begin in the spring once the council had approved the plans for the quay.</p>`;

function savedPage(head: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}</head><body>
  <header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  <form role="search"><input name="q" placeholder="Search"></form></header>
  <main><article>
    <h1>Harbour board approves ferry terminal</h1>
    <div class="byline">By Maria Lopez</div>
    <div class="share"><a href="#">Share on Facebook</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
    <figure><img src="quay.jpg" alt=""><figcaption>Workers repair the old quay wall after the January storm.</figcaption></figure>
    ${[1, 2, 3, 4, 5].map(prose).join('\n    ')}
    <p>“We have waited long enough,” said the board&rsquo;s chair, Ann Smith &amp; her deputy.</p>
    ${[6, 7].map(prose).join('\n    ')}
  </article>
  <aside><h2>Related stories</h2><ul><li><a href="/a">Storm closes coastal road</a></li><li><a href="/b">Library hours cut again</a></li></ul></aside>
  </main>
  <footer><p>Copyright Harbour News 2021. All rights reserved.</p></footer>
  </body></html>`;
}

const fullHead = `<title>Harbour board approves ferry terminal | Harbour News</title>
  <meta property="og:title" content="Harbour board approves ferry terminal">
  <meta property="og:site_name" content="Harbour News">
  <meta name="author" content="Maria Lopez">
  <meta property="article:published_time" content="2021-03-02T07:15:00+00:00">
  <link rel="canonical" href="https://harbour.example/news/ferry-terminal">`;

const jsonLdHead = `<title>Ferry terminal approved</title>
  <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
  {"@type":"NewsArticle","headline":"Ferry terminal approved","datePublished":"2021-03-04","author":[{"@type":"Person","name":"Tom Reed"}],
   "publisher":{"@type":"Organization","name":"Quay Gazette"}}]}</script>`;

describe('readHtmlPage', () => {
  it('extracts the article text and reads title, outlet, author, canonical URL and date from the meta tags', () => {
    const page = readHtmlPage(savedPage(fullHead));
    expect(page?.metadata).toEqual({
      title: 'Harbour board approves ferry terminal',
      outlet: 'Harbour News',
      author: 'Maria Lopez',
      url: 'https://harbour.example/news/ferry-terminal',
      published: '2021-03-02',
    });
    const texts = page?.units.map((u) => u.text) ?? [];
    expect(texts.some((t) => t.startsWith('Paragraph 7:'))).toBe(true);
    expect(texts).toContain('“We have waited long enough,” said the board’s chair, Ann Smith & her deputy.');
    expect(page?.units.find((u) => u.text.startsWith('Workers repair'))?.hint).toBe('caption');
  });

  it('reads the metadata from JSON-LD when the page has no meta tags', () => {
    expect(readHtmlPage(savedPage(jsonLdHead))?.metadata).toMatchObject({
      title: 'Ferry terminal approved',
      outlet: 'Quay Gazette',
      author: 'Tom Reed',
      published: '2021-03-04',
    });
  });

  it('drops the site name a page title ends with, and nothing else', () => {
    expect(withoutOutlet('Ferry plan approved | Harbour News', 'Harbour News')).toBe('Ferry plan approved');
    expect(withoutOutlet('Ferry plan approved - HarbourNews.com', 'HarbourNews.com')).toBe('Ferry plan approved');
    expect(withoutOutlet('Harbour board: ferry plan approved', 'Harbour News')).toBe('Harbour board: ferry plan approved');
    expect(withoutOutlet('Ferry plan approved - with conditions', 'Harbour News')).toBe('Ferry plan approved - with conditions');
  });

  it('finds no article in a page that has none', () => {
    expect(readHtmlPage('<html><head><title>Menu</title></head><body><nav><a href="/">Home</a></nav></body></html>')).toBeNull();
  });

  it('lets sources.json correct what the page says', () => {
    const info = withPageMetadata({ title: 'Page title', outlet: 'Hosted', published: '2021-03-02' }, { outlet: 'Associated Press' });
    expect(info).toEqual({ title: 'Page title', outlet: 'Associated Press', published: '2021-03-02', precision: 'day' });
  });
});

describe('loadCorpus with saved web pages', () => {
  it('answers from an .html seed with the metadata read from the page, and marks its caption', async () => {
    const dir = await seedsFolder({ 'terminal.html': savedPage(fullHead) });
    const [article] = (await loadCorpus(dir)).articles;
    expect(article).toMatchObject({
      title: 'Harbour board approves ferry terminal',
      outlet: 'Harbour News',
      author: 'Maria Lopez',
      url: 'https://harbour.example/news/ferry-terminal',
      publishedDate: { value: '2021-03-02', precision: 'day' },
    });
    const texts = article?.paragraphs.map((p) => p.text) ?? [];
    expect(texts.filter((t) => t.startsWith('Paragraph'))).toHaveLength(7);
    expect(texts.some((t) => /Related stories|Storm closes|Copyright|Share on/.test(t))).toBe(false);
    expect(article?.paragraphs.find((p) => p.text.startsWith('Workers repair'))?.kind).toBe('caption');
  });

  it('loads a page with no metadata at all, titled by its headline', async () => {
    const dir = await seedsFolder({ 'bare.html': savedPage('') });
    const { articles } = await loadCorpus(dir);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ outlet: null, published: null });
    expect(articles[0]?.title).toMatch(/Harbour board approves ferry terminal/);
  });

  it('skips and reports a page Readability cannot parse, and loads the rest', async () => {
    const dir = await seedsFolder({
      'menu.html': '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>',
      'terminal.html': savedPage(fullHead),
    });
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.file)).toEqual(['terminal.html']);
    expect(corpus.skipped).toEqual([{ file: 'menu.html', reason: expect.stringMatching(/no article found in the page/) }]);
  });
});
