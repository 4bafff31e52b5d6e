import { describe, expect, it } from 'vitest';
import { buildQuoteBook } from '../../src/quotes/index.js';
import { article } from './helpers.js';

/** Speaker of each quotation, keyed by its text. */
function speakers(...paragraphs: string[]): Record<string, string | null> {
  const book = buildQuoteBook([article('a', paragraphs)]);
  return Object.fromEntries(book.quotations.map((q) => [q.text, q.speaker]));
}

describe('attribution', () => {
  it('gives a quotation to the name whose speech verb follows it', () => {
    expect(speakers('“We will not back down,” Maria Lopez said on Friday.')).toEqual({ 'We will not back down': 'Maria Lopez' });
  });

  it('gives a quoted phrase to the name whose speech verb comes before it in the sentence', () => {
    expect(speakers('Maria Lopez said the talks had “reached a dead end” after weeks of delay.')).toEqual({ 'reached a dead end': 'Maria Lopez' });
  });

  it('reads `X added: "…"` and joins the short name to the full one', () => {
    const got = speakers('Trade minister Maria Lopez spoke in Geneva.', 'Ms Lopez added: “We are ready to sign.”');
    expect(got).toEqual({ 'We are ready to sign.': 'Maria Lopez' });
  });

  it('gives `he said` to nobody when a name the corpus cannot place is the subject since the last speaker', () => {
    expect(speakers('Ada Varn said the club had dropped Theo Klint.', 'Klint was not reachable. “Nobody called me,” he said.')).toEqual({ 'Nobody called me': null });
    expect(speakers('“We dropped him,” Ada Varn said. Klint was not reachable. “Nobody called me,” he said.')).toEqual({ 'We dropped him': 'Ada Varn', 'Nobody called me': null });
    // The speaker named as a person stays the antecedent.
    expect(speakers('Ada Varn spoke on Monday.', '“We dropped him,” Ada Varn said. “He knew why,” she said.')).toEqual({ 'We dropped him': 'Ada Varn', 'He knew why': 'Ada Varn' });
  });

  it('gives `X was quoted by an outlet as saying` to X, not the outlet', () => {
    expect(speakers('Ada Varn was quoted by the Daily Courier as saying the plan was “dead”.')).toEqual({ dead: 'Ada Varn' });
    expect(speakers('The Daily Courier quoted Ada Varn as saying the plan was “dead”.')).toEqual({ dead: 'Ada Varn' });
  });

  it('reads an inverted `…, said X` whose clause starts after the quotation', () => {
    expect(speakers('“We need a bigger deal than the small one” agreed in May, said Ada Varn, an economist at the Lowland Institute.')).toEqual({
      'We need a bigger deal than the small one': 'Ada Varn',
    });
    // Not a date or a participle: `said on Monday`, `said by critics to be`.
    expect(speakers('“The deal is off” after the vote, said on Monday.')).toEqual({ 'The deal is off': null });
    expect(speakers('The bill, said by critics to be “unworkable”, passed.')).toEqual({ unworkable: null });
  });

  it('reads likening, dismissing and assuring as speech', () => {
    expect(speakers('Party chair Ada Varn likened the two rivals to “squabbling toddlers”.')).toEqual({ 'squabbling toddlers': 'Ada Varn' });
    expect(speakers('Ada Varn dismissed the budget as “spend now, pay later”.')).toEqual({ 'spend now, pay later': 'Ada Varn' });
    expect(speakers('Ada Varn assured voters that the risk was “very small”.')).toEqual({ 'very small': 'Ada Varn' });
  });

  it('reads an inverted subject past a lower-case description of it, never a date', () => {
    expect(speakers('“The river rose in minutes,” said resident Ada Varn, 62.')).toEqual({ 'The river rose in minutes': 'Ada Varn' });
    expect(speakers('“We lost the herd,” said local farmer Teo Lind.')).toEqual({ 'We lost the herd': 'Teo Lind' });
    expect(speakers('“It is over,” said relief Monday officials.')).toEqual({ 'It is over': null });
  });

  it('reads the subject of an inverted speech verb after the quotation', () => {
    expect(speakers('“Nothing has changed,” said Daniel Okafor.')).toEqual({ 'Nothing has changed': 'Daniel Okafor' });
  });

  it('lets a title stand for the person the article names with it', () => {
    const got = speakers('Interior Minister Daniel Okafor visited the border on Monday.', '“The border is secure,” the interior minister said.');
    expect(got).toEqual({ 'The border is secure': 'Daniel Okafor' });
  });

  it('resolves a pronoun across a paragraph break to the person who last spoke, not the person last named', () => {
    const got = speakers(
      'Daniel Okafor said the talks would resume next week.',
      'After a meeting with Anna Berg, the two sides agreed on “a framework for progress”, he said.',
    );
    expect(got).toEqual({ 'a framework for progress': 'Daniel Okafor' });
  });

  it('resolves a pronoun to a person named in the same paragraph before one who spoke in the paragraph before', () => {
    const got = speakers('“It is a disgrace,” says Jane Doe, a local resident.', 'Maria Lopez, the mayor, was blunt. “We will go on,” she said.');
    expect(got['We will go on']).toBe('Maria Lopez');
  });

  it('resolves a pronoun to the person who last acted in the paragraph when that is after the last speaker', () => {
    const got = speakers('“We are ready,” Maria Lopez said. Daniel Okafor disagreed. “We are not,” he said.');
    expect(got).toEqual({ 'We are ready': 'Maria Lopez', 'We are not': 'Daniel Okafor' });
  });

  it('does not count a name in passing (`Trump’s tirade`) as the antecedent of a pronoun', () => {
    const got = speakers('The minister Amir Rahim said talks were over.', 'After Lopez’s recent tirade it is “a lever we will use”, he clarified.');
    expect(got['a lever we will use']).toBe('Amir Rahim');
  });

  it('reads the name before a description between commas', () => {
    const got = speakers('“The data is clear,” Dr Ahmed Raza, a virologist at the university, told the BBC.');
    expect(got).toEqual({ 'The data is clear': 'Ahmed Raza' });
  });

  it('does not give a person’s spokesman’s words to the person', () => {
    expect(speakers('Mr Smith’s spokesman said the claims were “baseless”.')).toEqual({ baseless: null });
  });

  it('resolves a pronoun before a quotation to the person named earlier in the sentence', () => {
    const got = speakers('Daniel Okafor spoke first.', 'Anna Berg’s speech, where she accused the board of “gross negligence”, drew applause.');
    expect(got['gross negligence']).toBe('Anna Berg');
  });

  it('gives a continuation paragraph to the speaker of the quotation before it', () => {
    const got = speakers('“We have done our part,” Daniel Okafor told reporters.', '“Now it is their turn to act.”');
    expect(got).toEqual({ 'We have done our part': 'Daniel Okafor', 'Now it is their turn to act.': 'Daniel Okafor' });
  });

  it('gives a quotation opening a sentence with no cue to the speaker of the one before it in the paragraph', () => {
    const got = speakers('“We waited,” Anna Berg said. “Then we acted.”');
    expect(got).toEqual({ 'We waited': 'Anna Berg', 'Then we acted.': 'Anna Berg' });
  });

  it('tells two speakers in one paragraph apart', () => {
    const got = speakers('“The deal is dead,” Maria Lopez said. “It was never alive,” Daniel Okafor replied.');
    expect(got).toEqual({ 'The deal is dead': 'Maria Lopez', 'It was never alive': 'Daniel Okafor' });
  });

  it('does not give a judgement on someone’s comments to the person who made them', () => {
    const got = speakers(
      'Earlier Mr Okafor tweeted that the plan was “a disaster”. Maria Lopez called his comments “reckless” and “untrue”.',
    );
    expect(got).toEqual({ 'a disaster': 'Okafor', reckless: 'Maria Lopez', untrue: 'Maria Lopez' });
  });

  it('gives words inside someone’s reported threats to their owner, not to the speaker of the sentence', () => {
    const got = speakers(
      'Defence Minister Daniel Okafor spoke at a seminar.',
      'The army was put on alert after Lopez’s threats that the border would see “severe consequences” within days, Defence Minister Daniel Okafor said.',
    );
    expect(got['severe consequences']).toBe('Lopez');
  });

  it('gives quotations to organisations: an office, a ministry, an unnamed spokeswoman', () => {
    const got = speakers(
      '“We are monitoring the situation,” the Foreign Office said.',
      'China’s foreign ministry said it was “ready to help”.',
      'A State Department spokeswoman said the aid was “under review”.',
      'The Pentagon on Monday said it was “deeply concerned”.',
    );
    expect(got).toEqual({
      'We are monitoring the situation': 'Foreign Office',
      'ready to help': 'Chinese Foreign Ministry',
      'under review': 'State Department',
      'deeply concerned': 'Pentagon',
    });
  });

  it('gives an `it said` quotation to the organisation that spoke last', () => {
    const got = speakers('The Interior Ministry said the roads were open.', '“No one should travel at night,” it said.');
    expect(got).toEqual({ 'No one should travel at night': 'Interior Ministry' });
  });

  it('leaves scare quotes and unexplained quotations unattributed', () => {
    const got = speakers(
      'The so-called “peace dividend” never arrived.',
      'Anna Berg visited the region.',
      'Critics describe the plan as “a gamble”.',
      'The report asserted that “rogue elements” were to blame.',
    );
    expect(got).toEqual({ 'peace dividend': null, 'a gamble': null, 'rogue elements': null });
  });

  it('leaves a title nobody in the corpus holds unattributed', () => {
    expect(speakers('The army chief said he felt “betrayed”.')).toEqual({ betrayed: null });
  });

  it('reads `according to X` after the quotation', () => {
    expect(speakers('The economy is “in freefall”, according to Finance Minister Jane Doe.')).toEqual({ 'in freefall': 'Jane Doe' });
  });

  it('prefers the name to the title in an apposition before the speech verb', () => {
    expect(speakers('Ms Doe, the finance minister, said the figures were “alarming”.')).toEqual({ alarming: 'Doe' });
  });

  it('skips a participle clause between the name and its speech verb', () => {
    const got = speakers('Secretary of State Rex Tillerson, speaking in Washington, said Pakistan had to “take decisive action”.');
    expect(got).toEqual({ 'take decisive action': 'Rex Tillerson' });
  });

  it('reads `X was quoted as saying`', () => {
    expect(speakers('Jane Doe was quoted as saying that the plan was “unworkable”.')).toEqual({ unworkable: 'Jane Doe' });
  });

  it('gives a quotation paragraph to the speaker whose `said:` ends the paragraph before', () => {
    const got = speakers('Speaking to reporters in Kabul, Ashraf Ghani said:', '“Peace is within reach.”');
    expect(got).toEqual({ 'Peace is within reach.': 'Ashraf Ghani' });
  });

  it('does not pick one of several speakers of a joint statement', () => {
    expect(speakers('Mike Smith and Anna Lee said in a letter that they were “deeply troubled”.')).toEqual({ 'deeply troubled': null });
  });

  it('resolves an unnamed `the ministry` to the ministry that spoke last, and leaves it null when none did', () => {
    const got = speakers('The Interior Ministry said roads were open.', 'The ministry later said they were “closed again”.');
    expect(got).toEqual({ 'closed again': 'Interior Ministry' });
    expect(speakers('The ministry said they were “closed again”.')).toEqual({ 'closed again': null });
  });

  it('keeps the quotation verbatim with the sentence around it as context and the article’s attribution', () => {
    const book = buildQuoteBook([article('a', ['Intro.', 'Talks stalled. “We will wait,” Anna Berg said. Then she left.'])]);
    const q = book.quotations[0]!;
    expect(q).toMatchObject({
      text: 'We will wait',
      context: '“We will wait,” Anna Berg said.',
      articleId: 'a',
      paragraphId: 'a#2',
      paragraph: 2,
      title: 'Title of a',
      outlet: 'Test Outlet',
      published: '2020-01-01',
      url: null,
      speaker: 'Anna Berg',
    });
  });

  it('gives `the spokesman said` to the one person the article wrote as a spokesman, never to one from another article', () => {
    expect(speakers('Lena Vos, a spokeswoman for the ferry line, confirmed the delay.', '“The boats are safe,” the spokeswoman said.')).toEqual({ 'The boats are safe': 'Lena Vos' });
    expect(speakers('“We will sail again,” said Lena Vos, the ferry line’s spokeswoman.', '“The boats are safe,” the spokeswoman said.')).toEqual({
      'We will sail again': 'Lena Vos',
      'The boats are safe': 'Lena Vos',
    });
    // Two spokespeople: which one is not said.
    expect(speakers('Lena Vos, a spokeswoman for the ferry line, confirmed the delay.', 'Ida Brandt, a spokeswoman for the port, disagreed.', '“The boats are safe,” the spokeswoman said.')).toEqual({ 'The boats are safe': null });
    const book = buildQuoteBook([
      article('a', ['Lena Vos, a spokeswoman for the ferry line, confirmed the delay.', '“We are sorry,” Vos said.']),
      article('b', ['The rail strike went on.', '“The trains will run,” the spokeswoman said.']),
    ]);
    expect(book.quotations.map((q) => q.speaker)).toEqual(['Lena Vos', null]);
    expect(book.resolve('the spokeswoman').speaker).toBe('Lena Vos');
  });
});
