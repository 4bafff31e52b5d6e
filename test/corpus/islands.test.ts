import { describe, expect, it } from 'vitest';
import { classifyBlocks } from '../../src/corpus/classify.js';
import { prose } from './helpers.js';

const kindOf = (lines: string[], text: string): string | undefined => classifyBlocks(lines.map((t) => ({ text: t }))).find((b) => b.text === text)?.kind;
const story = ['The mayor', 'The treasurer', 'The harbour master', 'The ferry operator', 'The deputy mayor', 'The harbour pilot'].map((who) => prose(who));
const menu = ['World', 'Politics', 'Business', 'Sport', 'Weather'];

describe('short runs of prose after the story, cut off from it by furniture', () => {
  it('are the page’s tail, not the story: a site describing itself after the menus', () => {
    const tail = 'Harbour News is the leading source of news for the coast, with daily headlines and breaking stories from every town.';
    expect(kindOf([...story, ...menu, tail, 'Contact us', 'Advertise'], tail)).toBe('sidebar');
  });

  it('stay the story when only a picture stands between them and it', () => {
    const last = 'The ferry will run again from Monday, the operator said, once the pier has been checked by engineers.';
    const lines = [...story, 'The ferry at the quay last winter.', 'Photograph: Ann Smith/Harbour News', last];
    expect(kindOf(lines, last)).toBe('body');
  });

  it('stay the story after a box of three links set into it', () => {
    const last = 'The ferry will run again from Monday, the operator said, once the pier has been checked by engineers.';
    const lines = [...story, 'Read more:', 'Harbour Board Approves Ferry Plan', 'Storm Closes Coastal Road', last, prose('The fisherman')];
    expect(kindOf(lines, last)).toBe('body');
  });

  it('stay the story when they hold a good share of its words', () => {
    const second = [prose('The fisherman'), prose('The lifeboat crew')];
    const lines = [...story.slice(0, 3), ...menu, ...second];
    expect(kindOf(lines, second[0]!)).toBe('body');
  });
});
