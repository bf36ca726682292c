import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBody } from '../../src/article/markdown.js';
import type { Block } from '../../src/article/model.js';
import { parseArticle } from '../../src/article/parse.js';
import { extractQuotations } from '../../src/quotes/extract.js';
import { BUNDLED_DIR, FIXTURES } from '../helpers.js';

/** Plain paragraphs as document blocks; a line starting with "# " is a heading. */
function blocksOf(lines: readonly string[]): Block[] {
  return lines.map((line) =>
    line.startsWith('# ')
      ? { kind: 'heading', depth: 1, spans: [{ text: line.slice(2), style: 'plain' }] }
      : { kind: 'paragraph', spans: [{ text: line, style: 'plain' }] },
  );
}

/** [speaker, quote] pairs: the part of a Quotation the rules decide. */
function pairs(lines: readonly string[]): [string | null, string][] {
  return extractQuotations(blocksOf(lines)).map((found) => [found.speaker, found.quote]);
}

function loadBlocks(path: string): Promise<Block[]> {
  return parseBody(parseArticle(readFileSync(path, 'utf8'), 'quotes', path).body);
}

describe('extractQuotations: where the speaker stands', () => {
  it.each<[string, string[], [string | null, string][]]>([
    [
      'after the quote, name first',
      ['“We will build the bridge,” Minister Alma Tester said.'],
      [['Alma Tester', 'We will build the bridge,']],
    ],
    [
      'after the quote, verb first',
      ['“We will build the bridge,” said Minister Alma Tester.'],
      [['Alma Tester', 'We will build the bridge,']],
    ],
    [
      'before the quote, with an addressee',
      ['Alma Tester told Bob Fake, “We will build the bridge.”'],
      [['Alma Tester', 'We will build the bridge.']],
    ],
    [
      'before the quote, with a colon',
      ['Alma Tester said: “We will build the bridge.”'],
      [['Alma Tester', 'We will build the bridge.']],
    ],
    [
      'mid-sentence quote takes the attribution verb’s subject',
      ['Tester and Fake agreed to “build the bridge without delay,” Minister Alma Tester said.'],
      [['Alma Tester', 'build the bridge without delay,']],
    ],
    [
      'two quotes, one attribution at the end',
      ['“The minister said that the bridge is ready” and the sides “agreed to open it soon,” Alma Tester said.'],
      [
        ['Alma Tester', 'The minister said that the bridge is ready'],
        ['Alma Tester', 'agreed to open it soon,'],
      ],
    ],
    [
      'a split quote keeps its speaker',
      ['“The bridge is ready,” Alma Tester said, “and it opens on Monday.”'],
      [
        ['Alma Tester', 'The bridge is ready,'],
        ['Alma Tester', 'and it opens on Monday.'],
      ],
    ],
    [
      'an attribution with time words and adverbs around the verb',
      ['Minister Alma Tester also insisted Friday that the bridge “has been well explained to everyone.”'],
      [['Alma Tester', 'has been well explained to everyone.']],
    ],
    [
      'a participle of a speech verb',
      ['Talks resumed, with Minister Alma Tester saying the sides could meet “as soon as possible”.'],
      [['Alma Tester', 'as soon as possible']],
    ],
    [
      'called: the naming verb beats the attribution after the quote',
      ['Minister Alma Tester met Bob Fake.', 'In what Tester called “a frank exchange of views,” Bob Fake said.'],
      [['Alma Tester', 'a frank exchange of views,']],
    ],
    [
      'described … as',
      ['Alma Tester described the talks as “a frank exchange of views”.'],
      [['Alma Tester', 'a frank exchange of views']],
    ],
    [
      'according to',
      ['“The bridge opens on Monday,” according to Minister Alma Tester.'],
      [['Alma Tester', 'The bridge opens on Monday,']],
    ],
    [
      'according to sources quoted by an agency',
      ['“The bridge opens on Monday,” according to sources quoted by the Fixture news agency.'],
      [['sources quoted by the Fixture news agency', 'The bridge opens on Monday,']],
    ],
    [
      'was quoted as saying',
      ['Alma Tester was quoted as saying “the bridge opens soon”.'],
      [['Alma Tester', 'the bridge opens soon']],
    ],
    [
      'quoted X as saying',
      ['Fixture radio quoted Alma Tester as saying “the bridge opens soon”.'],
      [['Alma Tester', 'the bridge opens soon']],
    ],
    [
      'a question mark inside the quote does not end the sentence',
      ['“Why build it now?” Alma Tester asked.'],
      [['Alma Tester', 'Why build it now?']],
    ],
    [
      'a full stop inside the quote does: an attribution in the next sentence is not borrowed',
      ['“We will build the bridge.” Alma Tester said more talks would follow.'],
      [[null, 'We will build the bridge.']],
    ],
    [
      'words inside a quote never attribute it',
      ['“Bob Fake said nothing about the bridge,” Alma Tester said.'],
      [['Alma Tester', 'Bob Fake said nothing about the bridge,']],
    ],
    [
      'an abbreviation does not cut the sentence',
      ['Mr. Bob Fake said “the bridge is ready”.'],
      [['Bob Fake', 'the bridge is ready']],
    ],
    [
      'an aside between commas that is a name',
      ['The minister, Alma Tester, said “the bridge is ready”.'],
      [['Alma Tester', 'the bridge is ready']],
    ],
    [
      'an aside between commas that is not a name',
      ['Alma Tester, 54, said “the bridge is ready”.', 'Bob Fake, who flew in on Monday, said “it is not”.'],
      [
        ['Alma Tester', 'the bridge is ready'],
        ['Bob Fake', 'it is not'],
      ],
    ],
    [
      'a speech verb whose speaker cannot be read blocks a farther attribution',
      ['Alma Tester said a man in the crowd shouted “the bridge is ours” twice.'],
      [[null, 'the bridge is ours']],
    ],
    [
      'a participle without a subject continues the speaker',
      ['Alma Tester said the talks went well, adding “the bridge is ready”.'],
      [['Alma Tester', 'the bridge is ready']],
    ],
    [
      'no speech verb: speaker null',
      ['Posters in the capital read “a bridge for all of us, for ever”.'],
      [[null, 'a bridge for all of us, for ever']],
    ],
    [
      'attribution in another sentence: speaker null',
      ['Alma Tester was blunt. “The bridge is late and over budget.”'],
      [[null, 'The bridge is late and over budget.']],
    ],
  ])('%s', (_name, lines, expected) => {
    expect(pairs(lines)).toEqual(expected);
  });
});

describe('extractQuotations: resolving who the speaker is', () => {
  it.each<[string, string[], [string | null, string][]]>([
    [
      'a surname resolves to the full name introduced earlier',
      ['Minister Alma Tester arrived in the capital.', '“We will build the bridge,” Tester said.'],
      [['Alma Tester', 'We will build the bridge,']],
    ],
    [
      'a surname shared by two people stays a surname',
      ['Minister Alma Tester met President Rob Tester.', '“We will build the bridge,” Tester said.'],
      [['Tester', 'We will build the bridge,']],
    ],
    [
      'an honorific is not part of the name',
      ['Minister Alma Tester arrived.', '“We will build the bridge,” Ms Tester said.'],
      [['Alma Tester', 'We will build the bridge,']],
    ],
    [
      'he: the most recent named speaker',
      ['“We will build the bridge,” Minister Bob Fake said.', '“It will open on Monday,” he added.'],
      [
        ['Bob Fake', 'We will build the bridge,'],
        ['Bob Fake', 'It will open on Monday,'],
      ],
    ],
    [
      'he with no speaker before it: null',
      ['“It will open on Monday,” he added.'],
      [[null, 'It will open on Monday,']],
    ],
    [
      'a single unknown word is a speaker but not a “he”',
      ['“Prices will rise this year,” Fakeland said.', '“Wages will not follow,” he added.'],
      [
        ['Fakeland', 'Prices will rise this year,'],
        [null, 'Wages will not follow,'],
      ],
    ],
    [
      'it: the most recent organisation',
      ['“Prices will rise,” said the government newspaper the Daily Fixture.', '“Wages will not follow,” it said.'],
      [
        ['Daily Fixture', 'Prices will rise,'],
        ['Daily Fixture', 'Wages will not follow,'],
      ],
    ],
    [
      'an organisation with a possessive and an apposition',
      ['“Prices will rise,” Fakeland’s government newspaper the Daily Fixture said Thursday.'],
      [['Daily Fixture', 'Prices will rise,']],
    ],
    [
      'a title resolves to the one person introduced with it',
      ['Prime Minister Alma Tester met Bob Fake.', '“We will build the bridge,” the prime minister said.'],
      [['Alma Tester', 'We will build the bridge,']],
    ],
    [
      'a spokesman resolves through a longer title',
      [
        '“We will build the bridge,” Fakeland foreign ministry press secretary Carla Mock said.',
        '“It opens on Monday,” the spokesman said.',
      ],
      [
        ['Carla Mock', 'We will build the bridge,'],
        ['Carla Mock', 'It opens on Monday,'],
      ],
    ],
    [
      '“the X leader”: a president whose country is named in the apposition',
      [
        'Fakeland President Bob Fake met Minister Alma Tester.',
        '“We will build the bridge,” the Fakeland leader said.',
      ],
      [['Bob Fake', 'We will build the bridge,']],
    ],
    [
      '“the X leader”: a president whose country is named near his name',
      [
        'The dispute with Fakeland eased after talks with President Bob Fake.',
        '“We will build the bridge,” the Fakeland leader said.',
      ],
      [['Bob Fake', 'We will build the bridge,']],
    ],
    [
      '“the X leader”: with “of X” after the name, the demonym matches the country',
      ['President Bob Fake of Fakelandia met Alma Tester.', '“We will build the bridge,” the Fakelandian leader said.'],
      [['Bob Fake', 'We will build the bridge,']],
    ],
    [
      '“the X leader” for a country nobody is from stays a description',
      [
        'President Bob Fake of Fakeland met Prime Minister Alma Tester of Testonia.',
        '“We will build the bridge,” the Otherland leader said.',
      ],
      [['the Otherland leader', 'We will build the bridge,']],
    ],
    [
      'a title two people share stays a description',
      ['Prime Minister Alma Tester met Foreign Minister Dana Place.', '“We will build the bridge,” the minister said.'],
      [['the minister', 'We will build the bridge,']],
    ],
    [
      'a description introduced only later is not resolved',
      ['“We will build the bridge,” the prime minister said.', 'Prime Minister Alma Tester left.'],
      [['the prime minister', 'We will build the bridge,']],
    ],
  ])('%s', (_name, lines, expected) => {
    expect(pairs(lines)).toEqual(expected);
  });
});

describe('extractQuotations: quote marks and short fragments', () => {
  it.each<[string, string[], [string | null, string][]]>([
    [
      'straight double quotes pair up',
      ['"We will build the bridge," Alma Tester said.'],
      [['Alma Tester', 'We will build the bridge,']],
    ],
    [
      'an unclosed quote runs to the paragraph end and continues in the next',
      ['Alma Tester said: “We will build the bridge this year.', '“Nobody should expect it sooner.”'],
      [
        ['Alma Tester', 'We will build the bridge this year.'],
        ['Alma Tester', 'Nobody should expect it sooner.'],
      ],
    ],
    [
      'a continued quote takes an attribution from its last paragraph',
      ['“We will build the bridge this year.', '“Nobody should expect it sooner,” Alma Tester said.'],
      [
        ['Alma Tester', 'We will build the bridge this year.'],
        ['Alma Tester', 'Nobody should expect it sooner,'],
      ],
    ],
    [
      'a new quote after a closed one is not a continuation',
      ['“We will build the bridge,” Alma Tester said.', '“Nobody should expect it sooner.”'],
      [
        ['Alma Tester', 'We will build the bridge,'],
        [null, 'Nobody should expect it sooner.'],
      ],
    ],
    [
      'a quote inside a quote belongs to the outer one',
      ['“They called it ‘a miracle’ on Monday,” Alma Tester said.'],
      [['Alma Tester', 'They called it ‘a miracle’ on Monday,']],
    ],
    ['apostrophes are not single quotes', ['The leaders’ talks on Fakeland’s bridge went well, Alma Tester said.'], []],
    [
      'a ‘ that does not pair up before the next one is an apostrophe',
      ['In the ‘90s, Minister Alma Tester said, the bridge was a ‘miracle’.'],
      [['Alma Tester', 'miracle']],
    ],
    ['an unattributed one-word scare quote is dropped', ['Alma Tester hailed a “breakthrough” on the bridge.'], []],
    ['an unattributed two-word scare quote is dropped', ['The plan was hailed as a “fresh start” for the region.'], []],
    [
      'an attributed one-word quote in single quotes is kept',
      ['Minister Alma Tester said the talks were a ‘breakthrough’.'],
      [['Alma Tester', 'breakthrough']],
    ],
    [
      'an attributed two-word quote is kept, as is a longer one in the same sentence',
      ['Alma Tester said Fakeland wants to “move forward” but will not budge on the “result of the vote”.'],
      [
        ['Alma Tester', 'move forward'],
        ['Alma Tester', 'result of the vote'],
      ],
    ],
    ['an empty pair of quotes is no quotation', ['Alma Tester said “” and left.'], []],
  ])('%s', (_name, lines, expected) => {
    expect(pairs(lines)).toEqual(expected);
  });

  it('numbers paragraphs among body paragraphs, headings left out', () => {
    const found = extractQuotations(
      blocksOf([
        'Minister Alma Tester arrived.',
        '# A heading with “a quote in it, said nobody”',
        '“We will build the bridge,” Tester said.',
      ]),
    );
    expect(found).toEqual([{ speaker: 'Alma Tester', quote: 'We will build the bridge,', paragraph: 2 }]);
  });

  it('reads quotations inside block quotes and lists', async () => {
    const found = extractQuotations(
      await parseBody('> “We will build the bridge,” Alma Tester said.\n\n- “It opens soon,” she added.\n'),
    );
    expect(found.map((quotation) => [quotation.speaker, quotation.paragraph])).toEqual([
      ['Alma Tester', 1],
      ['Alma Tester', 2],
    ]);
  });

  it.each([
    ['many short paragraphs', Array.from({ length: 5000 }, () => '“We will build it,” Minister Alma Tester said.')],
    [
      'one endless sentence',
      ['Alma Tester said “we go now” and in what Bob Fake called “a deal” then ‘ '.repeat(5000)],
    ],
    ['unpaired single quotes', ['‘a '.repeat(50_000)]],
  ])('stays linear on %s', (_name, lines) => {
    const started = performance.now();
    extractQuotations(blocksOf(lines));
    expect(performance.now() - started).toBeLessThan(1500);
  });
});

describe('extractQuotations on articles', () => {
  it('reads the synthetic fixture article', async () => {
    const found = extractQuotations(await loadBlocks(join(FIXTURES, 'quotes/river-talks.md')));
    expect(found.map((quotation) => [quotation.paragraph, quotation.speaker, quotation.quote])).toEqual([
      [2, 'Carla Mockford', 'We have turned a page today,'],
      [3, 'Carla Mockford', 'work together on the river without the old suspicion,'],
      [4, 'Carla Mockford', 'This is a real change,'],
      [5, 'Bob Fakeworth', 'Sylvania wants calm borders,'],
      [5, 'Bob Fakeworth', 'We have waited a long time for this,'],
      [6, 'Alma Tester', 'a frank and friendly exchange,'],
      [7, 'Dana Placeholder', 'talked about the dams,'],
      [8, 'Dana Placeholder', 'We will keep talking until the river is shared fairly between us.'],
      [9, 'Dana Placeholder', 'Nobody should expect miracles by the summer.'],
      [10, 'Carla Mockford', 'Rivers do not care about borders,'],
      [11, 'Carla Mockford', 'reset'],
      [13, 'Morning Lantern', 'Our patience is not endless,'],
      [13, 'Morning Lantern', 'Calm is in everyone’s interest,'],
      [14, 'a senior Freedonian official', 'The dam talks will resume in June,'],
      [15, 'Bob Fakeworth', 'the door is open'],
      [16, null, 'friends across the water, friends for ever'],
      [17, 'the minister', 'Not us,'],
      [17, 'Alma Tester', 'We are patient,'],
    ]);
  });

  it('reads the bundled Abe–Putin article', async () => {
    const found = extractQuotations(await loadBlocks(join(BUNDLED_DIR, 'abe-putin.md')));
    expect(found.map((quotation) => [quotation.paragraph, quotation.speaker, quotation.quote.slice(0, 24)])).toEqual([
      [2, 'Yasuhisa Kawamura', 'The prime minister said '],
      [6, 'Yasuhisa Kawamura', 'The prime minister said '],
      [6, 'Yasuhisa Kawamura', 'agreed today that they t'],
      [7, 'Yasuhisa Kawamura', 'promote negotiations by '],
      [8, 'Yasuhisa Kawamura', 'This is literally a new '],
      [9, 'Vladimir Putin', 'Japan is not just our ne'],
      [10, 'Vladimir Putin', 'We have certain question'],
      [12, 'Shinzo Abe', 'an extensive, frank and '],
      [13, 'Fumio Kishida', 'as soon as possible'],
      [14, 'Sergei Lavrov', 'discussed the problem of'],
      [15, 'Sergei Lavrov', 'move forward'],
      [15, 'Sergei Lavrov', 'result of World War II'],
      [19, 'Yasuhisa Kawamura', 'we agreed in principle t'],
      [22, 'Vladimir Putin', 'pressure from (Japan’s) '],
      [24, 'Rossiiskaya Gazeta', 'Evidently Japan will try'],
      [26, 'Yasuhisa Kawamura', 'has been well explained '],
    ]);
  });
});
