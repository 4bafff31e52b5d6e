/**
 * Paragraphs of a story that share a word or a shape with page furniture: the
 * recognisers must not take them for it. Each case pairs the body shape with
 * the furniture it resembles, so that a rule loosened too far fails as well.
 */
import { describe, expect, it } from 'vitest';
import { cleanPage } from '../../src/corpus/clean.js';
import { judgeCaption, recogniseFurniture } from '../../src/corpus/furniture.js';
import { signalsOf } from '../../src/corpus/signals.js';
import { prose } from './helpers.js';

const recognise = (text: string): string | null => recogniseFurniture(text, signalsOf(text));
const page = (...blocks: string[]): string => blocks.join('\n\n');
const kindOf = (text: string, ...blocks: string[]): string | undefined => cleanPage(page(...blocks)).blocks.find((b) => b.text === text)?.kind;
const bodyOf = (...blocks: string[]): string[] => cleanPage(page(...blocks)).paragraphs.filter((p) => p.kind === 'body').map((p) => p.text);

describe('sentences that open like a byline', () => {
  it('reads "By" and a time, or "By" and a clause after the comma, as prose', () => {
    expect(recognise('By Friday, officials had counted fewer than half of the ballots.')).toBeNull();
    expect(recognise('By then, it was too late to stop the ferry.')).toBeNull();
    expect(recognise('By Nov. 3 the river had risen by two metres.')).toBeNull();
  });

  it('still reads names after "By" as a byline, in any case', () => {
    expect(recognise('By Maria Lopez and Tom Reed, Harbour News')).toBe('byline');
    expect(recognise('BY MARIA LOPEZ')).toBe('byline');
    expect(recognise('By Maria Lopez | Transport correspondent')).toBe('byline');
  });

  it('does not take the story’s opening paragraphs for a summary when a later paragraph opens with "By"', () => {
    const later = 'By Monday, the queue at the quay had grown to more than a hundred cars.';
    const story = [prose('The mayor'), prose('The clerk'), later, prose('The treasurer'), prose('The union'), prose('The pilot')];
    expect(bodyOf('Ferry vote delayed', ...story)).toEqual(story);
  });
});

describe('sentences that begin with a furniture word', () => {
  it('keeps "Copyright …" and "Comments …" sentences, and drops the copyright line and the comment count', () => {
    expect(recognise('Copyright lawyers for the band said the song had been used without permission.')).toBeNull();
    expect(recognise('Comments from residents at the meeting were mixed.')).toBeNull();
    expect(recognise('Copyright 2020 Harbour News. All rights reserved.')).toBe('copyright');
    expect(recognise('© Harbour News Ltd')).toBe('copyright');
    expect(recognise('Copyright @ 2020 Harbour News.')).toBe('copyright');
    expect(recognise('12 Comments')).toBe('comments');
    expect(recognise('Comments (4)')).toBe('comments');
  });

  it('keeps a sentence about social networks, and drops a share bar and a line of share words', () => {
    expect(recognise('Facebook and Twitter removed the video within hours.')).toBeNull();
    expect(recognise('Facebook Twitter Email Print')).toBe('navigation');
    expect(recognise('Read more about sharing.')).toBe('navigation');
  });

  it('does not read a line that opens with "Topics" and goes on in lower case as the page’s tag list', () => {
    expect(recognise('Topics discussed at the meeting included the harbour budget and ferry times')).toBeNull();
    expect(recognise('Topics Harbour Ferry Council')).toBe('navigation');
  });
});

describe('someone speaking to a broadcaster', () => {
  it('keeps a sentence in which someone tells an outlet named in capitals something', () => {
    expect(recognise('The governor later told MSNBC: It is not over, and we will appeal the ruling.')).toBeNull();
  });

  it('still drops another story’s headline run into its teaser’s dateline', () => {
    expect(recognise('Ferry board approves new terminal plan PORT TALBOT: The ferry board on Tuesday approved a plan.')).toBe('navigation');
  });
});

describe('the last paragraph and a reporter’s bio', () => {
  const story = [prose('The mayor'), prose('The treasurer')];

  it('keeps a closing paragraph about someone’s career or an address the story gives', () => {
    for (const last of [
      'Reed, a Republican, joined the state senate in 2011.',
      'Her husband was a former newspaper editor who died in 2015.',
      'Anyone with information is asked to email tips@harbourpolice.example.',
    ]) {
      expect(kindOf(last, ...story, last)).toBe('body');
    }
  });

  it('drops a reporter’s bio and contact line after the story', () => {
    const bio = 'Maria Lopez joined the paper in 2014 and covers the harbour.';
    expect(kindOf(bio, ...story, bio)).toBe('bio');
    const contact = 'Maria Lopez may be reached at mlopez@harbournews.example.';
    expect(kindOf(contact, ...story, contact)).toBe('bio');
    const address = 'newsdesk@harbournews.example (555) 010-0000';
    expect(kindOf(address, ...story, address)).toBe('bio');
  });
});

describe('a social-media post quoted in the story', () => {
  const post = 'We are proud of our town and we will keep the ferry running no matter what it takes. pic.twitter.com/AbC123';
  const signature = '— Tom Reed (@tomreed) March 3, 2020';

  it('keeps the post’s words and drops the line that signs it', () => {
    const blocks = [prose('The mayor'), post, signature, prose('The treasurer')];
    expect(bodyOf(...blocks)).toEqual([prose('The mayor'), post, prose('The treasurer')]);
    expect(kindOf(signature, ...blocks)).toBe('post-signature');
  });

  it('keeps a post signed on the same line between paragraphs, but not another story’s headline there', () => {
    const signed = `${post} — Tom Reed (@tomreed) March 3, 2020`;
    expect(kindOf(signed, prose('The mayor'), signed, prose('The treasurer'))).toBe('body');
    const teaser = 'Staffers say nothing: harbour ferry crossings were quietly cut before the storm season began on the coast';
    expect(kindOf(teaser, prose('The mayor'), teaser, prose('The treasurer'))).toBe('navigation');
  });
});

describe('section headings', () => {
  it('keeps a question of three function words as a heading, but not "By" or "And more" alone', () => {
    const heading = 'What happens next';
    expect(kindOf(heading, prose('The mayor'), heading, 'Nobody knows yet.', prose('The treasurer'))).toBe('heading');
    expect(kindOf('And more', prose('The mayor'), 'And more', prose('The treasurer'))).toBe('navigation');
  });

  it('reads one navigation word in a heading as the story’s word, and a line of them as a menu', () => {
    expect(recognise('What happens next')).toBeNull();
    expect(recognise('Latest video')).toBe('navigation');
    expect(recognise('Watch and share the video')).toBe('navigation');
    expect(recognise('View all (4)')).toBe('navigation');
  });

  it('takes a prompt to follow the outlet on a network for a share line, but not a sentence that opens with "Follow"', () => {
    expect(recognise('Follow Harbour News onTwitter')).toBe('share');
    expect(recognise('Follow the money on this one, the auditor told the committee.')).toBeNull();
  });
});

describe('a box of links set inside the story', () => {
  const links = ['Ferry strike talks collapse', 'Council tax frozen for a second year'];

  it('goes on with the story when one paragraph, a section heading and two paragraphs follow the box', () => {
    const story = [prose('The treasurer'), 'The vote', prose('The union'), prose('The pilot')];
    const blocks = [prose('The mayor'), prose('The clerk'), 'Related coverage', ...links, ...story];
    expect(bodyOf(...blocks)).toEqual([prose('The mayor'), prose('The clerk'), prose('The treasurer'), prose('The union'), prose('The pilot')]);
    expect(kindOf('The vote', ...blocks)).toBe('heading');
  });

  it('goes on with the story when a post embedded after the box (its heading and signature line) sits between the paragraphs', () => {
    const post = ['Council statement', '— Porthaven Council (@porthavencouncil) March 3, 2020'];
    const rest = [prose('The treasurer'), prose('The union')];
    const blocks = [prose('The mayor'), prose('The clerk'), 'Related coverage', ...links, prose('The pilot'), ...post, ...rest];
    expect(bodyOf(...blocks)).toEqual([prose('The mayor'), prose('The clerk'), prose('The pilot'), ...rest]);
  });

  it('still takes headlines and teasers in turn under the heading for other stories', () => {
    const teasers = [prose('A football coach'), 'Rail strike called off', prose('A rail union'), 'Library hours cut', prose('A librarian')];
    expect(bodyOf(prose('The mayor'), prose('The clerk'), 'Related coverage', links[0]!, ...teasers)).toEqual([prose('The mayor'), prose('The clerk')]);
  });
});

describe('a widget of the page set into the copied story', () => {
  const widget = ['Most popular', 'Storm closes coastal road', 'Library hours cut again', 'School wins chess title', 'Bus fares to rise', 'Market moves to new square', 'Council tax frozen', 'New ferry named'];

  it('goes on with the story when a run of paragraphs follows a long list of other stories', () => {
    const rest = [prose('The treasurer'), prose('The union'), prose('The pilot')];
    expect(bodyOf(prose('The mayor'), prose('The clerk'), ...widget, ...rest)).toEqual([prose('The mayor'), prose('The clerk'), ...rest]);
  });

  it('still takes two paragraphs after a long list for other stories', () => {
    expect(bodyOf(prose('The mayor'), prose('The clerk'), ...widget, prose('A rail union'), prose('A football coach'))).toEqual([prose('The mayor'), prose('The clerk')]);
  });
});

describe('picture credits', () => {
  it('reads a long office name handing a picture on as a credit, not a heading', () => {
    expect(recognise('State Harbour Survey Records Office via AP')).toBe('credit');
    expect(recognise('The harbour office said it would pass the records to the police via email.')).toBeNull();
  });
});

describe('sentences that end by naming a picture agency or a source', () => {
  it('keeps a sentence that names the agency as part of it', () => {
    for (const sentence of [
      'Emissions from the harbour fell by 4 percent last year, according to EPA data.',
      'The new quay wall was approved by the EPA.',
      'She sold the photographs of the flood to Getty Images last year.',
      'The source: a leaked memo seen by reporters at the harbour office.',
    ]) {
      expect(judgeCaption(sentence)).toEqual({ kind: 'not-caption' });
    }
  });

  it('still strips an agency credit after the caption’s full stop or a separator', () => {
    expect(judgeCaption('Workers clear debris from the quay on Tuesday. EPA/JANE ROE')).toEqual({ kind: 'keep', text: 'Workers clear debris from the quay on Tuesday.' });
    expect(judgeCaption('Jane Roe | Harbour News | Getty Images')).toEqual({ kind: 'drop' });
    expect(judgeCaption('Smoke rises over the port after the fire. Photo: Jane Roe')).toEqual({ kind: 'keep', text: 'Smoke rises over the port after the fire.' });
  });
});

describe('sentences that open with a page action', () => {
  it('keeps a sentence of the story that opens with words a page uses for itself', () => {
    for (const sentence of [
      'Sign up for the vaccine opened on Monday, officials said.',
      'Subscribers to the ferry pass will pay more from next month.',
      'Log in problems hit the bank’s customers for a second day on Tuesday.',
      'Skip to the end of the report and the numbers are stark.',
    ]) {
      expect(recognise(sentence)).toBeNull();
    }
  });

  it('still drops the page’s prompts, short or speaking to the reader', () => {
    expect(recognise('Subscribe')).toBe('share');
    expect(recognise('Log in to continue reading.')).toBe('share');
    expect(recognise('Sign up to get the best of the harbour news sent to you every morning.')).toBe('share');
  });
});

describe('a bracketed line', () => {
  it('keeps a bracketed clause of the story without its full stop, and drops a bracketed link to another story', () => {
    expect(recognise('(The ferry company did not respond to a request for comment on Tuesday)')).toBeNull();
    expect(recognise('(Ferry strike: What we know so far about the talks)')).toBe('navigation');
    expect(recognise('(Harbour council approves new terminal after long delay)')).toBe('navigation');
  });
});
