/** Each /ask rule on made-up articles of the same shape as the failures it fixes. */
import { describe, expect, it } from 'vitest';
import { buildArticle } from '../../src/corpus/load.js';
import { SearchIndex, Synonyms, WordNet } from '../../src/search/index.js';
import type { SearchIndexJSON } from '../../src/search/index.js';
import type { Article } from '../../src/corpus/types.js';

const wordnet = new WordNet();

function article(id: string, text: string): Article {
  const built = buildArticle(`${id}.txt`, text, { title: `Title ${id}` }, 'hash');
  if (!built) throw new Error('test article is empty');
  return built;
}

const corpus = [
  article(
    'bridge',
    [
      'Bridge story',
      'The county engineers inspected the river bridge after the floods and found cracks in two arches.',
      'Repairing the river bridge will cost £4.2m and take eighteen months, the engineers said.',
      'The river bridge first opened to traffic in March 1931.',
      'Senate leader Marta Olsen said the river bridge repairs would be paid for from the roads budget.',
    ].join('\n\n'),
  ),
  article(
    'ferry',
    [
      'Ferry story',
      'Islanders met at the quay hall.',
      'The ferry toll was debated.',
      'Drivers now pay a ferry toll of £3 at the quay.',
      'The ferry timetable changed.',
      'The ferry timetable changed in May 2019 after complaints from the quay.',
      'The ferry crew were thanked.',
      'The ferry crew were thanked by harbour master Tom Ashdown at the quay.',
    ].join('\n\n'),
  ),
  article(
    'library',
    ['Library story', 'The town library will stay open on Sundays after volunteers offered to staff it.', 'Readers borrowed more audiobooks than printed novels last year.'].join(
      '\n\n',
    ),
  ),
];
const index = SearchIndex.build(corpus, new Synonyms([]), wordnet);
const top = (q: string): string | undefined => index.ask(q)[0]?.paragraphId;

describe('/ask rules', () => {
  it('refuses a question with no content words, with a one-line hint', () => {
    for (const q of ['tell me more', 'why?', 'Explain.', '']) {
      const answer = index.answer(q);
      expect(answer.answers).toEqual([]);
      expect(answer.hint).toMatch(/^Ask about .+/);
      expect(answer.hint).not.toContain('\n');
    }
    expect(index.answer('tell me more about the library').hint).toBeUndefined();
  });

  it('corrects misspelt words to corpus words and shows the corrected question', () => {
    const answer = index.answer('how much will repairng the brigde cost');
    expect(answer.correctedQuery).toBe('how much will repairing the bridge cost');
    expect(answer.answers[0]?.paragraphId).toBe('bridge#2');
    expect(index.answer('river bridge repairs').correctedQuery).toBeUndefined();
  });

  it('meets a title worded differently instead of taking it for an unknown name', () => {
    expect(index.concepts('senator')[0]?.variants.has('senate')).toBe(true);
    expect(index.concepts('Senator Olsen')[0]?.unknownName).toBe(false);
    expect(top('What did Senator Olsen say about the bridge repairs')).toBe('bridge#4');
    // A title the corpus never uses before a known name is not an unknown name either.
    expect(index.concepts('Governor Olsen')[0]?.unknownName).toBe(false);
    expect(top('What did Governor Olsen say about the bridge repairs')).toBe('bridge#4');
  });

  it('expands a common word through WordNet, and a name only as a name', () => {
    const bakery = SearchIndex.build(
      [article('bakery', ['Bakery story', 'Tom Brown opened the bakery on the quay.', 'The cook baked brownish loaves.', 'Flour came from America.'].join('\n\n'))],
      new Synonyms([]),
      wordnet,
    );
    const variantsOf = (q: string, term: string): string[] => [...(bakery.concepts(q).find((c) => c.term === term)?.variants.keys() ?? [])];
    expect(variantsOf('What did Tom Brown say about the quay?', 'brown')).toEqual(['brown']);
    expect(variantsOf('who baked the brown loaves', 'brown')).toContain('brownish');
    // A name WordNet knows as a name keeps what it derives: `American` meets `America`.
    expect(variantsOf('Did Tom Brown use American flour?', 'american')).toContain('america');
  });

  it('knows a name its headline gives, though the paragraphs word it otherwise', () => {
    const built = buildArticle(
      'whigs.txt',
      ['Whigs under fire over leaflet', 'The Liberal Party was criticised on Monday for a leaflet that misquoted a rival candidate.', 'Rain is expected at the weekend.'].join('\n\n'),
      { title: 'Whigs under fire over leaflet' },
      'hash',
    );
    if (!built) throw new Error('test article is empty');
    const party = SearchIndex.build([built], new Synonyms([]), wordnet);
    // `Whigs` is no paragraph's word, yet the corpus knows it: not a name the articles lack.
    expect(party.concepts('Whigs')[0]?.unknownName).toBe(false);
    expect(party.ask('Which leaflet got the Whigs criticised on Monday?')[0]?.paragraphId).toBe('whigs#1');
    // A name in no title and no paragraph is still absent.
    expect(party.concepts('Levellers')[0]?.unknownName).toBe(true);
    expect(party.ask('Which leaflet got the Levellers criticised on Monday?')).toEqual([]);
  });

  it('meets a proper-noun plural in -ies by its singular', () => {
    const built = article('tory', ['Tory story', 'A Tory councillor resigned over the parking charges.'].join('\n\n'));
    const party = SearchIndex.build([built], new Synonyms([]), wordnet);
    expect(party.concepts('Tories')[0]?.variants.has('tory')).toBe(true);
  });

  it('still refuses when the person asked about is absent', () => {
    expect(index.ask('What did Senator Jorgensen say about the bridge repairs')).toEqual([]);
  });

  it('prefers a passage holding the kind of answer asked for', () => {
    expect(top('how much is the ferry toll')).toBe('ferry#3');
    expect(top('when did the ferry timetable change')).toBe('ferry#5');
    expect(top('who thanked the ferry crew')).toBe('ferry#7');
    // The same questions without the wording that asks for a kind (nor feedback): the shorter passage comes first.
    const untyped = SearchIndex.build(corpus, new Synonyms([]), wordnet, {
      answerTypeBoost: 1,
      requiredAnswerTypes: [],
      feedback: { passages: 5, terms: 0, boost: 0, weight: 0 },
    });
    expect(untyped.ask('how much is the ferry toll')[0]?.paragraphId).toBe('ferry#2');
  });

  it('refuses "how many" when no passage meeting the question holds a number', () => {
    expect(index.ask('how many crew members were thanked on the ferry')).toEqual([]);
    expect(index.ask('were the ferry crew thanked')[0]?.paragraphId).toMatch(/^ferry#/);
  });

  it('refuses "when" and "who" when no passage meeting the question holds a date or a person', () => {
    expect(index.ask('when will the town library stay open on Sundays')).toEqual([]);
    expect(index.ask('who borrowed more audiobooks than printed novels')).toEqual([]);
    expect(top('when did the river bridge first open')).toBe('bridge#3');
  });

  it('needs the sentence holding the date to meet more of the question than its names', () => {
    const visits = [
      article(
        'visits',
        ['Visits story', 'Ellen Tasker toured the fish market on 4 May 2018.', 'The swimming pool closed for repairs.', 'Readers borrowed more audiobooks.'].join('\n\n'),
      ),
    ];
    const visitIndex = SearchIndex.build(visits, new Synonyms([]), wordnet);
    expect(visitIndex.ask('When will Ellen Tasker open the pool?')).toEqual([]);
    expect(visitIndex.ask('When did Ellen Tasker tour the market?')[0]?.paragraphId).toBe('visits#1');
  });

  it('answers "when will …" only from a sentence that speaks of the future', () => {
    const pool = (lines: string[]): SearchIndex =>
      SearchIndex.build([article('pool', ['Pool story', ...lines, 'Readers borrowed more audiobooks.'].join('\n\n'))], new Synonyms([]), wordnet);
    const q = 'When will the harbour pool reopen?';
    expect(pool(['The harbour pool shut for repairs in March 2019.', 'The council will reopen the harbour pool in June 2021.']).ask(q)[0]?.paragraphId).toBe('pool#2');
    expect(pool(['The harbour pool shut for repairs in March 2019.', 'The harbour pool reopened in June 2021.']).ask('When did the harbour pool reopen?')[0]?.paragraphId).toBe('pool#2');
    expect(pool(['The harbour pool shut for repairs in March 2019.', 'The harbour pool reopened in June 2021.']).ask(q)).toEqual([]);
  });

  it('needs the sentence holding the amount to be about the question, not a sum said of something else', () => {
    const harbour = [
      article(
        'harbour',
        [
          'Harbour story',
          'The harbour board approved the new ferry terminal in a closed vote. The old harbour crane was sold for £2m.',
          'The marina berth fee rose to £40 a night.',
        ].join('\n\n'),
      ),
    ];
    const strict = SearchIndex.build(harbour, new Synonyms([]), wordnet);
    const loose = SearchIndex.build(harbour, new Synonyms([]), wordnet, { answerCoverage: 0 });
    const q = 'how much did the harbour board pay for the new ferry terminal';
    expect(loose.ask(q)[0]?.paragraphId).toBe('harbour#1');
    expect(strict.ask(q)).toEqual([]);
    expect(strict.ask('how much was the old harbour crane sold for')[0]?.paragraphId).toBe('harbour#1');
  });

  it('lets a sentence holding the amount meet by "he" or "she" the person its paragraph names', () => {
    const ropes = (second: string): SearchIndex =>
      SearchIndex.build(
        [article('ropes', ['Ropes story', `Harbour master Tom Ashdown met the inspectors at the quay. ${second}`, 'Readers borrowed more audiobooks.'].join('\n\n'))],
        new Synonyms([]),
        wordnet,
      );
    const q = 'How much has Tom Ashdown spent?';
    expect(ropes('He said he has spent £12,000 on new mooring ropes.').ask(q)[0]?.paragraphId).toBe('ropes#1');
    // Without the pronoun the sum may be someone else's: the sentence must meet the name itself.
    expect(ropes('The council has spent £12,000 on new mooring ropes.').ask(q)).toEqual([]);
  });

  it('lets the sentence naming who did it word the rest of the question differently', () => {
    const pier = [
      article(
        'pier',
        [
          'Pier story',
          'Storm damage closed the old pier for the summer season.',
          'Tom Ashdown apologised to the passengers at the pier.',
          'The ferry company paid for hotel rooms.',
        ].join('\n\n'),
      ),
    ];
    const q = 'who said sorry to the pier passengers for the storm damage';
    expect(SearchIndex.build(pier, new Synonyms([]), wordnet).ask(q)[0]?.paragraphId).toBe('pier#2');
    // Held to the coverage asked of amounts and dates, the apology is not found.
    expect(SearchIndex.build(pier, new Synonyms([]), wordnet, { personCoverage: 0.4 }).ask(q)).toEqual([]);
  });

  it('answers "who did X blame" with whatever party the text names, a person or not', () => {
    const floods = [
      article(
        'floods',
        ['Floods story', 'The harbour master blamed the drainage contractor for the flooding of the quay.', 'Readers borrowed more audiobooks.'].join('\n\n'),
      ),
    ];
    const floodIndex = SearchIndex.build(floods, new Synonyms([]), wordnet);
    expect(floodIndex.ask('Who did the harbour master blame for the flooding?')[0]?.paragraphId).toBe('floods#1');
    // Asked who did the blaming, a passage naming no person still does not answer.
    expect(floodIndex.ask('Who blamed the drainage contractor for the flooding?')).toEqual([]);
  });

  it('weighs a common word no paragraph uses in any form less, so a paraphrase is not refused for it', () => {
    const q = 'do grumbling motorcyclists resent paying the toll';
    expect(index.ask(q)[0]?.paragraphId).toBe('ferry#3');
    const full = SearchIndex.build(corpus, new Synonyms([]), wordnet, { unmetWeight: 1 });
    expect(full.ask(q)).toEqual([]);
    // A name nobody mentions still weighs in full, and still means "nothing in the articles".
    expect(index.ask('does Ingrid Vasquez resent paying the toll')).toEqual([]);
  });

  it('answers the same after a save and restore, corrections and types included', () => {
    const saved = JSON.parse(JSON.stringify(index)) as SearchIndexJSON;
    const restored = SearchIndex.fromJSON(saved, corpus, new Synonyms([]), wordnet);
    for (const q of ['how much will repairng the brigde cost', 'when did the river bridge open', 'tell me more']) {
      expect(restored.answer(q)).toEqual(index.answer(q));
    }
  });
});

describe('pseudo-relevance feedback', () => {
  const storms = [
    article(
      'storm',
      [
        'Storm story',
        'The storm flooded the harbour and wrecked the breakwater near the lifeboat slipway.',
        'Harbour storm damage closed the breakwater and the lifeboat slipway for a week.',
        'After the storm the harbour master praised the volunteers.',
        'Engineers say rebuilding the harbour breakwater and the lifeboat slipway will take a year.',
        'Storm clouds gathered over the harbour fair, which went ahead.',
      ].join('\n\n'),
    ),
  ];
  const off = { feedback: { passages: 5, terms: 0, boost: 0.3, weight: 0.1 } };
  const on = { feedback: { passages: 5, terms: 12, boost: 0.3, weight: 0.3 } };
  const rankOf = (tuning: object, q: string, id: string): number =>
    SearchIndex.build(storms, new Synonyms([]), wordnet, tuning).ask(q, 5).findIndex((p) => p.paragraphId === id);

  it('lifts a passage sharing the first answers’ words over one that only repeats the question’s', () => {
    // storm#2 shares `breakwater`, `lifeboat`, `slipway` with the best answer; storm#5 only the question's words.
    expect(rankOf(off, 'harbour storm', 'storm#2')).toBeGreaterThan(rankOf(off, 'harbour storm', 'storm#5'));
    expect(rankOf(on, 'harbour storm', 'storm#5')).toBeGreaterThanOrEqual(0);
    expect(rankOf(on, 'harbour storm', 'storm#2')).toBeLessThan(rankOf(on, 'harbour storm', 'storm#5'));
  });

  it('never turns a refusal into an answer', () => {
    for (const q of ['harbour tax rebate', 'volunteer pay rise']) {
      expect(SearchIndex.build(storms, new Synonyms([]), wordnet, on).ask(q)).toEqual(
        SearchIndex.build(storms, new Synonyms([]), wordnet, off).ask(q),
      );
    }
  });
});

describe('a text told twice', () => {
  const repeated = [
    article(
      'canal',
      [
        'Canal story',
        'The canal trust has bought the old lock keeper’s cottage for £310,000 to turn it into a museum.',
        'Volunteers will run it.',
        'The canal trust has bought the old lock keeper’s cottage for £310,000, and will turn it into a museum, the trust said.',
        'The museum opens next spring.',
      ].join('\n\n'),
    ),
  ];
  const ids = (tuning: object): string[] =>
    SearchIndex.build(repeated, new Synonyms([]), wordnet, tuning).ask('canal trust lock keeper cottage museum', 5).map((p) => p.paragraphId);

  it('is quoted once, from the later paragraph (the body, not the summary above it)', () => {
    expect(ids({})).toContain('canal#3');
    expect(ids({})).not.toContain('canal#1');
    expect(ids({ repeatOverlap: 1 })).toEqual(expect.arrayContaining(['canal#1', 'canal#3']));
  });

  it('keeps the answer, not a later subheading made of a few of its words', () => {
    const explainer = article(
      'inquiry',
      [
        'Inquiry story',
        'The harbour board closed its safety inquiry into the ferry captain on Friday, three years after the collision.',
        'The captain has always denied wrongdoing.',
        'What was the safety inquiry about?',
        'It looked at the night the ferry struck the pier.',
      ].join('\n\n'),
    );
    const first = SearchIndex.build([explainer], new Synonyms([]), wordnet).ask('When did the harbour board close the safety inquiry?', 5);
    expect(first[0]?.paragraphId).toBe('inquiry#1');
    expect(first.map((p) => p.paragraphId)).not.toContain('inquiry#3');
  });
});

describe('photo captions', () => {
  const built = article(
    'parade',
    [
      'Parade story',
      'Dancers in green costumes wave flags at the harbour parade on Saturday.',
      'The harbour parade drew twelve thousand visitors, the organisers said.',
      'Organisers thanked the dancers and the brass band.',
    ].join('\n\n'),
  );
  const withCaption: Article = { ...built, paragraphs: built.paragraphs.map((p) => (p.number === 1 ? { ...p, kind: 'caption' } : p)) };
  const index = SearchIndex.build([withCaption], new Synonyms([]), wordnet);
  const ids = (q: string): string[] => index.ask(q, 5).map((p) => p.paragraphId);

  it('are left out when a paragraph of the story answers', () => {
    expect(ids('harbour parade dancers')).not.toContain('parade#1');
    expect(ids('harbour parade dancers').length).toBeGreaterThan(0);
  });

  it('are never quoted, even when only a caption holds what was asked', () => {
    expect(ids('green costumes flags')).toEqual([]);
  });

  it('take no candidate place from a paragraph of the story', () => {
    // One candidate: the caption, holding Saturday as well, would take it and leave no answer.
    const oneCandidate = SearchIndex.build([withCaption], new Synonyms([]), wordnet, { candidates: 1 });
    expect(oneCandidate.ask('harbour parade on Saturday', 5).map((p) => p.paragraphId)).toEqual(['parade#2']);
  });
});

describe('places left after the answers', () => {
  const village = [
    article(
      'orchard',
      [
        'Orchard story',
        'The cider orchard in Hartley planted four hundred apple trees this winter.',
        // A quarter of the question: under the threshold, but about it.
        'Volunteers from Hartley pruned the orchard in the frost.',
        // Only the village's name: not about the question.
        'A bakery in Hartley opened on the high street.',
      ].join('\n\n'),
    ),
    article('harbour', ['Harbour story', 'The harbour wall was repaired after the gales.', 'Fishing boats stayed in port for a week.', 'The lifeboat crew trained on Sunday.'].join('\n\n')),
    article('school', ['School story', 'The primary school will get a new roof next summer.', 'Parents raised money for a playground.', 'The head teacher retires in July.'].join('\n\n')),
  ];
  const ids = (tuning: object, q: string): string[] =>
    SearchIndex.build(village, new Synonyms([]), wordnet, tuning).ask(q, 3).map((p) => p.paragraphId);
  const off = { fill: { enabled: false, minCoverage: 0.2 } };
  const question = 'Which apple trees did the cider orchard in Hartley plant?';

  it('are taken by a paragraph meeting part of the question, after the one meeting it all', () => {
    expect(ids(off, question)).toEqual(['orchard#1']);
    expect(ids({}, question)).toEqual(['orchard#1', 'orchard#2']);
  });

  it('are not taken by a paragraph sharing only a minor word', () => {
    expect(ids({}, question)).not.toContain('orchard#3');
  });

  it('are never filled when nothing answers: refusal stays the threshold’s', () => {
    for (const q of ['Who repaired the cider press?', 'What did the mayor say about parking fines?']) expect(ids({}, q)).toEqual(ids(off, q));
    expect(ids({}, 'What did the mayor say about parking fines?')).toEqual([]);
  });
});

describe('names left to the rest of the article', () => {
  const built = article(
    'statue',
    [
      'Statue story',
      'Brackwater unveiled a bronze statue of its first mayor in the market square on Saturday.',
      // Speaks of the mayor without naming the town: the lead did.
      'Edith Rowe, who died in 1950 aged 88, led the town council for twenty years.',
      'The sculptor worked from photographs.',
    ].join('\n\n'),
  );
  const others = [
    article('school', ['School story', 'The primary school will get a new roof next summer.', 'Parents raised money for a playground.', 'The head teacher retires in July.'].join('\n\n')),
  ];
  // Without the places after the answers, which would hold the paragraph either way.
  const ids = (articles: Article[], tuning: object, question = 'How old was the mayor of Brackwater when she died?'): string[] =>
    SearchIndex.build(articles, new Synonyms([]), wordnet, { fill: { enabled: false, minCoverage: 0.2 }, ...tuning })
      .ask(question, 3)
      .map((p) => p.paragraphId);

  it('count, in part, for a paragraph of an article that names them elsewhere', () => {
    expect(ids([built, ...others], { contextNames: 0 })).not.toContain('statue#2');
    expect(ids([built, ...others], {})).toContain('statue#2');
  });
});
