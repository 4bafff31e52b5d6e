import { describe, expect, it, vi } from 'vitest';
import { analyseSeeds } from '../../src/engine/build.js';
import { analyse, sharingAnalyses } from '../../src/nlp/index.js';
import { endBuild } from '../../src/nlp/memo.js';
import { seedsFolder } from '../helpers/seeds.js';

/** Every text wink-nlp reads, counted, by every instance (the timeline's date finder included: it reads the shared pass). */
const reads = vi.hoisted(() => new Map<string, number>());
vi.mock('wink-nlp', async (importOriginal) => {
  const real = (await importOriginal<{ default: (...args: unknown[]) => Record<string, unknown> }>()).default;
  return {
    default: (...args: unknown[]) => {
      const nlp = real(...args) as { readDoc: (text: string) => unknown };
      const read = nlp.readDoc.bind(nlp);
      nlp.readDoc = (text: string) => {
        reads.set(text, (reads.get(text) ?? 0) + 1);
        return read(text);
      };
      return nlp;
    },
  };
});

describe('one wink-nlp pass per paragraph', () => {
  it('shares an analysis inside sharingAnalyses and remembers nothing outside it', () => {
    const text = 'The council met on Monday. It voted to close the ferry.';
    const [first, second] = sharingAnalyses(() => [analyse(text), analyse(text)]);
    expect(second).toBe(first);
    expect(analyse(text)).not.toBe(first);
    expect(analyse(text)).toEqual(first);
  });

  it('reads each paragraph once for the index, the quote book and the timeline together', async () => {
    const dir = await seedsFolder({
      'harbour.txt': [
        'Harbour wall to be rebuilt',
        '"The wall will not survive another winter," the harbour master Jane Doyle said on 3 March 2019.',
        'The city council voted to rebuild it in May 2019, and work started in June.',
        'Doyle said the cost had doubled since 2015.',
        'Residents welcomed the decision. Some of them worried about the noise of the works.',
      ].join('\n\n'),
      'ferries.txt': ['Ferries bought', 'The government bought three ferries from a shipyard in 2018, minister Tom Reyes said.', '"We need these boats," Reyes told reporters. Fishermen agreed with him.'].join('\n\n'),
    });
    endBuild();
    endBuild();
    reads.clear();
    const payload = await analyseSeeds({ seedsDir: dir });
    const eventTexts = new Set(payload.timeline.map((e) => e.text));
    const paragraphs = payload.corpus.articles.flatMap((a) => a.paragraphs);
    expect(payload.quotes.quotations.length).toBeGreaterThan(0);
    expect(payload.timeline.length).toBeGreaterThan(0);
    // The timeline's merge reads an event's sentence alone, which may be its whole paragraph.
    const counted = paragraphs.filter((p) => !eventTexts.has(p.text));
    expect(counted.length).toBeGreaterThan(1);
    for (const p of counted) expect({ text: p.text, reads: reads.get(p.text) }).toEqual({ text: p.text, reads: 1 });
  });
});
