import { describe, expect, it } from 'vitest';
import { classifyBlocks } from '../../src/corpus/classify.js';
import { prose } from './helpers.js';

const kinds = (lines: string[]): string[] => classifyBlocks(lines.map((text) => ({ text }))).map((b) => b.kind);
const story = [prose('The mayor'), prose('The treasurer'), prose('The harbour master'), prose('The ferry operator')];
const comment = (who: string): string[] => [`${who} says:`, 'March 4, 2021 at 6:34 am', `${who.replace(/_/g, ' ')} thinks the ferry plan is a waste of money and the council should have listened to residents.`];

describe('a thread of readers’ comments after the story', () => {
  it('is comments from its marker on, each comment with its commenter and time stamp', () => {
    const page = [...story, 'Share this:', '12 responses to “Council delays ferry vote”', ...comment('harbour_fan'), ...comment('old_sailor')];
    const out = kinds(page);
    expect(out.slice(0, 4)).toEqual(['body', 'body', 'body', 'body']);
    expect(out.slice(5).filter((k) => k === 'body')).toEqual([]);
  });

  it('is found from a count in brackets or a "Top rated comments" heading', () => {
    for (const marker of ['[ 167 comments ]', 'Top Rated Comments', 'Comments (12)']) {
      const page = [...story, marker, 'janedoe', '2 days ago at 07:52 am', 'I think the council will change its mind about the ferry before the summer is out.', 'Rating: 36 Votes'];
      expect(kinds(page).slice(4)).not.toContain('body');
    }
  });

  it('leaves a liveblog’s time-stamped entries as the story: no marker opens a thread', () => {
    const page = [...story, '10:32 am', prose('The deputy mayor'), '10:45 am', prose('The harbour pilot')];
    expect(kinds(page).filter((k) => k === 'body').length).toBe(6);
  });

  it('leaves a liveblog’s post introduced by `She wrote:` as the story: a commenter’s time stamp comes right under the handle', () => {
    const post = 'Proud of everyone who turned out at the quay this morning to keep our ferry running.';
    const page = [...story, '10:32 am', 'She wrote:', post, prose('The deputy mayor'), '10:45 am', prose('The harbour pilot')];
    expect(kinds(page).filter((k) => k === 'comments')).toEqual([]);
    expect(kinds(page).filter((k) => k === 'body').length).toBe(7);
  });

  it('needs time stamps after the marker: a share bar counting comments mid-story cuts nothing', () => {
    const page = [...story.slice(0, 3), '12 comments', prose('The deputy mayor'), prose('The harbour pilot'), prose('The fisherman')];
    expect(kinds(page).filter((k) => k === 'body').length).toBe(6);
  });
});
