import { describe, expect, it } from 'vitest';
import { findQuotes, scopeAt, scopesOf } from '../../src/quotes/extract.js';

describe('findQuotes', () => {
  it('finds text in curly double quotes without the marks or the trailing comma', () => {
    const quotes = findQuotes('“We are not alone,” Asif said.');
    expect(quotes.map((q) => q.text)).toEqual(['We are not alone']);
  });

  it('finds text in straight double quotes, trimming the inner spaces', () => {
    const quotes = findQuotes('" Pakistan \'s chief and I spoke today," Pompeo had tweeted.');
    expect(quotes.map((q) => q.text)).toEqual(["Pakistan 's chief and I spoke today"]);
  });

  it('finds several quoted phrases inside one sentence', () => {
    const quotes = findQuotes('Mr Khan called his comments “deeply offensive” and “counterproductive”.');
    expect(quotes.map((q) => q.text)).toEqual(['deeply offensive', 'counterproductive']);
  });

  it('ignores single quotes and apostrophes', () => {
    expect(findQuotes("He called it a 'scapegoat' in Pakistan's view.")).toEqual([]);
  });

  it('runs a quotation left open to the end of the paragraph', () => {
    const quotes = findQuotes('He said: “We will go on. And on.');
    expect(quotes.map((q) => q.text)).toEqual(['We will go on. And on.']);
  });
});

describe('scopesOf', () => {
  it('keeps a quotation of several sentences in one scope', () => {
    const text = '“We have bought helicopters,” he said. “This is a recalibration. It is their choice.” The talks went on.';
    const quotes = findQuotes(text);
    const scopes = scopesOf(text, quotes);
    const second = quotes[1]!;
    const scope = scopeAt(scopes, second.open);
    expect(text.slice(scope.start, scope.end)).toBe('“This is a recalibration. It is their choice.”');
  });

  it('splits after a closing quote mark followed by a full stop', () => {
    const text = 'Mr Trump tweeted that Pakistan gave “nothing but lies”. Mr Khan called his comments “offensive”.';
    const quotes = findQuotes(text);
    const scopes = scopesOf(text, quotes);
    expect(scopes).toHaveLength(2);
  });
  it('reads an opening mark after a full stop as the next paragraph of a quotation run into this one', () => {
    const quotes = findQuotes('Ann Vale added: "It would be funny. "But it is not funny at all." Then she left.');
    expect(quotes.map((q) => q.text)).toEqual(['It would be funny.', 'But it is not funny at all.']);
  });
});

describe('findQuotes with doubled single marks', () => {
  it('closes a quotation on two right single marks and opens one on two left marks, as wire copy writes them', () => {
    expect(findQuotes('“It was a trick,’’ Ames said.').map((q) => q.text)).toEqual(['It was a trick']);
    expect(findQuotes("He said ``we won'' and left.").map((q) => q.text)).toEqual(['we won']);
    expect(findQuotes('The players’ union said “no”.').map((q) => q.text)).toEqual(['no']);
  });
});
