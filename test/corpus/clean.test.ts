import { describe, expect, it } from 'vitest';
import { cleanPage } from '../../src/corpus/clean.js';

const texts = (raw: string): string[] => cleanPage(raw).paragraphs.map((p) => p.text);

describe('cleanPage', () => {
  it('takes a short first line as the headline and drops its repetition', () => {
    const page = cleanPage('Big news today\n\nBig news today\n\nSomething happened in the city on Monday.');
    expect(page.headline).toBe('Big news today');
    expect(texts('Big news today\n\nBig news today\n\nSomething happened in the city on Monday.')).toEqual([
      'Something happened in the city on Monday.',
    ]);
    expect(page.removed.duplicate).toBe(1);
  });

  it('removes ad markers inside a paragraph', () => {
    expect(texts('Headline here\n\nThe minister spoke. ARTICLE CONTINUES AFTER AD\n\nMore text follows.')).toEqual([
      'The minister spoke.',
      'More text follows.',
    ]);
  });

  it('drops image credits and photo-only captions but keeps a caption that reports an event, marked as a caption', () => {
    const page = cleanPage(
      [
        'Headline here',
        '',
        'The minister poses for a photograph in the capital on Monday, June 19, 2017. Photographer: A. Person/Agency',
        'Protesters burn flags during a march against aid cuts in Lahore.Image copyright AFP',
        'Image caption Protesters have denounced the cuts',
        'Image copyright Getty Images',
        '',
        'The body of the story.',
      ].join('\n'),
    );
    expect(page.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['caption', 'Protesters burn flags during a march against aid cuts in Lahore.'],
      ['caption', 'Protesters have denounced the cuts'],
      ['body', 'The body of the story.'],
    ]);
  });

  it('drops copyright, reuse, follow, alert and latest-news lines', () => {
    const raw = [
      'Headline here',
      'Latest news',
      'The story itself.',
      'Get alerts on Pakistan when a new story is published',
      'Copyright The Example Times Limited 2019. All rights reserved.',
      'Reuse this content (opens in new window)',
      'Follow the topics in this article',
    ].join('\n');
    expect(texts(raw)).toEqual(['The story itself.']);
  });

  it('cuts a trailing related-stories sidebar and the comment form after it', () => {
    const raw = [
      'Headline here',
      '',
      'The story itself.',
      '',
      'View the original article: http://example.com/news/1',
      '',
      'In the same category are',
      '',
      'Golf: a player wins the Open Some text about golf.',
      '',
      'Leave a comment',
      'Your email address will not be published. Required fields are marked *',
    ].join('\n');
    const page = cleanPage(raw);
    expect(page.paragraphs.map((p) => p.text)).toEqual(['The story itself.']);
    expect(page.url).toBe('http://example.com/news/1');
  });

  it('cuts a sidebar announced as "Related stories"', () => {
    expect(texts('Headline here\n\nBody text here.\n\nRelated stories\n\nUnrelated story about a football match.')).toEqual([
      'Body text here.',
    ]);
  });

  it('drops a comment form', () => {
    expect(texts('Headline here\n\nBody.\n\nLeave a comment\n\nThis site uses Akismet to reduce spam.')).toEqual(['Body.']);
  });

  it('turns a section heading into the section of the paragraphs below it', () => {
    const page = cleanPage('Headline here\n\nIntro paragraph.\n\nA new section\n\nUnder the section.');
    expect(page.paragraphs).toEqual([
      { kind: 'body', text: 'Intro paragraph.' },
      { kind: 'body', text: 'Under the section.', section: 'A new section' },
    ]);
  });

  it('strips emphasis marks and link placeholders left by a copied page', () => {
    expect(texts('Headline here\n\nIn an interview with the *Wall Street Journal <link>*earlier this week.')).toEqual([
      'In an interview with the Wall Street Journal earlier this week.',
    ]);
  });

  it('does not take a caption for the headline', () => {
    const page = cleanPage('Protesters rally in the capital against the cuts.Image copyright AFP\n\nThe story.');
    expect(page.headline).toBeNull();
  });
});

describe('cleanPage on a page laid out unlike the seeds', () => {
  it('keeps the story and drops navigation, byline, timestamps, share and read-more lines', () => {
    const raw = [
      'Skip to content',
      'Menu',
      'Ferry operator buys three new ships',
      'By Jane Doe, Transport correspondent',
      'Published 5 January 2018',
      'Share this article',
      'Image source, Getty Images',
      'Image caption, The new ships will replace a fleet built in the 1980s',
      'The ferry operator said on Friday it had bought three new ships from a Norwegian yard.',
      'Advertisement',
      'Read more: Port strike ends after two weeks',
      '“This is the biggest order in our history,” the chief executive said.',
      'Sign up for our morning newsletter',
      'More on this story',
      'Port strike ends after two weeks',
    ].join('\n');
    const page = cleanPage(raw);
    expect(page.headline).toBe('Ferry operator buys three new ships');
    expect(page.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['caption', 'The new ships will replace a fleet built in the 1980s'],
      ['body', 'The ferry operator said on Friday it had bought three new ships from a Norwegian yard.'],
      ['body', '“This is the biggest order in our history,” the chief executive said.'],
    ]);
  });
});
