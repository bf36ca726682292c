import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBody } from '../../src/article/markdown.js';
import type { Block } from '../../src/article/model.js';
import { parseArticle } from '../../src/article/parse.js';
import { extractQuotations } from '../../src/quotes/extract.js';
import { BUNDLED_DIR, FIXTURES, parseBodyNow } from '../helpers.js';

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

function loadBlocks(path: string): Block[] {
  return parseBodyNow(parseArticle(readFileSync(path, 'utf8'), 'quotes', path, {}).body);
}

describe('extractQuotations: where the speaker stands', () => {
  it.each<[string, string[], [string | null, string][]]>([
    [
      'after the quote, name first',
      ['“We will build the bridge,” Minister Alma Tester said.'],
      [['Alma Tester', 'We will build the bridge']],
    ],
    [
      'after the quote, verb first',
      ['“We will build the bridge,” said Minister Alma Tester.'],
      [['Alma Tester', 'We will build the bridge']],
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
      [['Alma Tester', 'build the bridge without delay']],
    ],
    [
      'two quotes, one attribution at the end',
      ['“The minister said that the bridge is ready” and the sides “agreed to open it soon,” Alma Tester said.'],
      [
        ['Alma Tester', 'The minister said that the bridge is ready'],
        ['Alma Tester', 'agreed to open it soon'],
      ],
    ],
    [
      'a split quote keeps its speaker',
      ['“The bridge is ready,” Alma Tester said, “and it opens on Monday.”'],
      [
        ['Alma Tester', 'The bridge is ready'],
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
      [['Alma Tester', 'a frank exchange of views']],
    ],
    [
      'described … as',
      ['Alma Tester described the talks as “a frank exchange of views”.'],
      [['Alma Tester', 'a frank exchange of views']],
    ],
    [
      'according to',
      ['“The bridge opens on Monday,” according to Minister Alma Tester.'],
      [['Alma Tester', 'The bridge opens on Monday']],
    ],
    [
      'according to sources quoted by an agency',
      ['“The bridge opens on Monday,” according to sources quoted by the Fixture news agency.'],
      [['sources quoted by the Fixture news agency', 'The bridge opens on Monday']],
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
      'nor does one before a capitalised determiner or pronoun, which starts a sentence',
      [
        'Ask riders “Was the bus on time?” The driver shares the answers.',
        '“Why now, of all times?” She shrugged and left.',
      ],
      [
        [null, 'Was the bus on time?'],
        [null, 'Why now, of all times?'],
      ],
    ],
    [
      'a full stop inside the quote does: an attribution in the next sentence is not borrowed',
      ['“We will build the bridge.” Alma Tester said more talks would follow.'],
      [[null, 'We will build the bridge.']],
    ],
    [
      'words inside a quote never attribute it',
      ['“Bob Fake said nothing about the bridge,” Alma Tester said.'],
      [['Alma Tester', 'Bob Fake said nothing about the bridge']],
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
      ['Alma Tester said somebody in the crowd shouted “the bridge is ours” twice.'],
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
      [['Alma Tester', 'We will build the bridge']],
    ],
    [
      'a surname shared by two people stays a surname',
      ['Minister Alma Tester met President Rob Tester.', '“We will build the bridge,” Tester said.'],
      [['Tester', 'We will build the bridge']],
    ],
    [
      'an honorific is not part of the name',
      ['Minister Alma Tester arrived.', '“We will build the bridge,” Ms Tester said.'],
      [['Alma Tester', 'We will build the bridge']],
    ],
    [
      'he: the most recent named speaker',
      ['“We will build the bridge,” Minister Bob Fake said.', '“It will open on Monday,” he added.'],
      [
        ['Bob Fake', 'We will build the bridge'],
        ['Bob Fake', 'It will open on Monday'],
      ],
    ],
    ['he with no speaker before it: null', ['“It will open on Monday,” he added.'], [[null, 'It will open on Monday']]],
    [
      'a single unknown word is a speaker but not a “he”',
      ['“Prices will rise this year,” Fakeland said.', '“Wages will not follow,” he added.'],
      [
        ['Fakeland', 'Prices will rise this year'],
        [null, 'Wages will not follow'],
      ],
    ],
    [
      'it: the most recent organisation',
      ['“Prices will rise,” said the government newspaper the Daily Fixture.', '“Wages will not follow,” it said.'],
      [
        ['Daily Fixture', 'Prices will rise'],
        ['Daily Fixture', 'Wages will not follow'],
      ],
    ],
    [
      'an organisation with a possessive and an apposition',
      ['“Prices will rise,” Fakeland’s government newspaper the Daily Fixture said Thursday.'],
      [['Daily Fixture', 'Prices will rise']],
    ],
    [
      'a title resolves to the one person introduced with it',
      ['Prime Minister Alma Tester met Bob Fake.', '“We will build the bridge,” the prime minister said.'],
      [['Alma Tester', 'We will build the bridge']],
    ],
    [
      'a spokesman resolves through a longer title',
      [
        '“We will build the bridge,” Fakeland foreign ministry press secretary Carla Mock said.',
        '“It opens on Monday,” the spokesman said.',
      ],
      [
        ['Carla Mock', 'We will build the bridge'],
        ['Carla Mock', 'It opens on Monday'],
      ],
    ],
    [
      '“the X leader”: a president whose country is named in the apposition',
      [
        'Fakeland President Bob Fake met Minister Alma Tester.',
        '“We will build the bridge,” the Fakeland leader said.',
      ],
      [['Bob Fake', 'We will build the bridge']],
    ],
    [
      '“the X leader”: a president whose country is named near his name',
      [
        'The dispute with Fakeland eased after talks with President Bob Fake.',
        '“We will build the bridge,” the Fakeland leader said.',
      ],
      [['Bob Fake', 'We will build the bridge']],
    ],
    [
      '“the X leader”: with “of X” after the name, the demonym matches the country',
      ['President Bob Fake of Fakelandia met Alma Tester.', '“We will build the bridge,” the Fakelandian leader said.'],
      [['Bob Fake', 'We will build the bridge']],
    ],
    [
      '“the X leader” for a country nobody is from stays a description',
      [
        'President Bob Fake of Fakeland met Prime Minister Alma Tester of Testonia.',
        '“We will build the bridge,” the Otherland leader said.',
      ],
      [['the Otherland leader', 'We will build the bridge']],
    ],
    [
      'a title two people share stays a description',
      ['Prime Minister Alma Tester met Foreign Minister Dana Place.', '“We will build the bridge,” the minister said.'],
      [['the minister', 'We will build the bridge']],
    ],
    [
      'a description introduced only later is not resolved',
      ['“We will build the bridge,” the prime minister said.', 'Prime Minister Alma Tester left.'],
      [['the prime minister', 'We will build the bridge']],
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
      [['Alma Tester', 'We will build the bridge']],
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
        ['Alma Tester', 'Nobody should expect it sooner'],
      ],
    ],
    [
      'a new quote after a closed one is not a continuation',
      ['“We will build the bridge,” Alma Tester said.', '“Nobody should expect it sooner.”'],
      [
        ['Alma Tester', 'We will build the bridge'],
        [null, 'Nobody should expect it sooner.'],
      ],
    ],
    [
      'a quote inside a quote belongs to the outer one',
      ['“They called it ‘a miracle’ on Monday,” Alma Tester said.'],
      [['Alma Tester', 'They called it ‘a miracle’ on Monday']],
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
    expect(found).toEqual([{ speaker: 'Alma Tester', quote: 'We will build the bridge', paragraph: 2 }]);
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
    // Markup left open must not send every mark searching to the paragraph's end.
    ['unclosed template tags', ['({{ x '.repeat(20_000)]],
    ['unclosed HTML comments', ['<!-- '.repeat(20_000)]],
    ['many curly quotes and no straight one', ['“a” '.repeat(50_000)]],
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
      [2, 'Carla Mockford', 'We have turned a page today'],
      [3, 'Carla Mockford', 'work together on the river without the old suspicion'],
      [4, 'Carla Mockford', 'This is a real change'],
      [5, 'Bob Fakeworth', 'Sylvania wants calm borders'],
      [5, 'Bob Fakeworth', 'We have waited a long time for this'],
      [6, 'Alma Tester', 'a frank and friendly exchange'],
      [7, 'Dana Placeholder', 'talked about the dams'],
      [8, 'Dana Placeholder', 'We will keep talking until the river is shared fairly between us.'],
      [9, 'Dana Placeholder', 'Nobody should expect miracles by the summer.'],
      [10, 'Carla Mockford', 'Rivers do not care about borders'],
      [11, 'Carla Mockford', 'reset'],
      [13, 'Morning Lantern', 'Our patience is not endless'],
      [13, 'Morning Lantern', 'Calm is in everyone’s interest'],
      [14, 'a senior Freedonian official', 'The dam talks will resume in June'],
      [15, 'Bob Fakeworth', 'the door is open'],
      [16, null, 'friends across the water, friends for ever'],
      [17, 'the minister', 'Not us'],
      [17, 'Alma Tester', 'We are patient'],
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

/** [speaker, quote] pairs from a Markdown body, parsed as articles are. */
function markdownPairs(markdown: string): [string | null, string][] {
  return extractQuotations(parseBodyNow(markdown)).map((found) => [found.speaker, found.quote]);
}

describe('extractQuotations: prose only', () => {
  it.each<[string, string, [string | null, string][]]>([
    [
      'quote marks in a fenced code block start nothing, and its words attribute nothing',
      '```toml\ntitle = "Building permits, updated nightly"\nnote = "Mara Velden said this is an example"\n```\n',
      [],
    ],
    ['an indented code block', 'Run this:\n\n    npm test -- --grep "the sign-in flow still works"\n', []],
    [
      'inline code with quote marks, beside a real quotation',
      'Run `importer --only "permits"` before “the nightly import starts again,” Mara Velden said.',
      [['Mara Velden', 'the nightly import starts again']],
    ],
    [
      'inline code inside a quotation stays in its text',
      '“Run `make check` before you push,” Mara Velden said.',
      [['Mara Velden', 'Run make check before you push']],
    ],
    ['a quotation of nothing but code', 'Set it to “`true`”, Mara Velden said.', []],
    [
      'an HTML tag that reached the text',
      'A photo. <img alt="A bus at the Northvale depot, seen from the bridge" src="bus.jpg"> More text.',
      [],
    ],
    ['a template tag', '{{< figure caption="A bus at the Northvale depot, seen from above" >}}', []],
    [
      'what is left of a tag cut short',
      'Read about }}" target="_blank">transit data here, “}}">more here”, and alt="A bus at the Northvale depot, seen from the bridge".',
      [],
    ],
    [
      'a Markdown link title the parser could not read',
      'See [the plan]({{< ref "plans/buses" >}} "The plan for buses in the outer districts") for details.',
      [],
    ],
  ])('%s', (_name, markdown, expected) => {
    expect(markdownPairs(markdown)).toEqual(expected);
  });

  it('counts a code block as a paragraph, as blocksToParagraphs does', () => {
    const found = extractQuotations(
      parseBodyNow('Intro.\n\n```\nprint("x y z")\n```\n\n“We will build it,” Mara Velden said.\n'),
    );
    expect(found).toEqual([{ speaker: 'Mara Velden', quote: 'We will build it', paragraph: 3 }]);
  });
});

describe('extractQuotations: what is not speech', () => {
  it.each<[string, string[], [string | null, string][]]>([
    ['a URL, even attributed', ['Mara Velden said the page “https://transit.northvale.example/pilot” is live.'], []],
    ['a file path', ['The settings live in “config/pilot.toml” and “/etc/northvale/pilot.toml” on every server.'], []],
    ['a flag and an identifier', ['Mara Velden said to pass “--dry-run” or set “pilot_v2” first.'], []],
    ['a file name', ['Mara Velden said the file is called “pilot.toml” now.'], []],
    [
      'one plain word, attributed, is still a scare quote kept',
      ['Mara Velden said the plan was a “reset”.'],
      [['Mara Velden', 'reset']],
    ],
    ['the title of a report', ['The report, “Buses for a Growing City,” was published in 2029.'], []],
    ['a name given with a naming verb', ['Mara Velden calls the pilot “Ride Northvale First” in every speech.'], []],
    [
      'Title Case that a speech verb attributes is speech',
      ['“Thank You, Northvale,” Mara Velden said.'],
      [['Mara Velden', 'Thank You, Northvale']],
    ],
    [
      'a nickname between a name’s words',
      ['Marek “Mo” Dvorak said the fix was “small, boring and urgent”.'],
      [['Dvorak', 'small, boring and urgent']],
    ],
  ])('%s', (_name, lines, expected) => {
    expect(pairs(lines)).toEqual(expected);
  });

  it('drops titles in list items and table cells', () => {
    const markdown = [
      '- “Testing With Five Users,” a short guide',
      '- “Content Audits in a Week” (slides)',
      '',
      '| Session | Speaker |',
      '|---|---|',
      '| “Research With the Public” | Lena Marchetti |',
    ].join('\n');
    expect(markdownPairs(markdown)).toEqual([]);
  });
});

describe('extractQuotations: the quotation’s own punctuation', () => {
  it.each<[string, string]>([
    ['“We will build it,” Mara Velden said.', 'We will build it'],
    ['Mara Velden said the plan was “late;” the office disagreed.', 'late'],
    ['Mara Velden said “one thing:” and stopped.', 'one thing'],
    ['“We will build it.” Mara Velden said it twice.', 'We will build it.'],
    ['“Will we build it?” Mara Velden asked.', 'Will we build it?'],
    ['“We will build it!” Mara Velden said.', 'We will build it!'],
    ['“We will build it …” Mara Velden said.', 'We will build it …'],
  ])('%s → %s', (line, quote) => {
    expect(extractQuotations(blocksOf([line]))[0]?.quote).toBe(quote);
  });

  it('pairs a curly opening mark with a straight closing one, and the other way round', () => {
    expect(pairs(['“We will build the bridge," Mara Velden said. "It opens in May.” Then she left.'])).toEqual([
      ['Mara Velden', 'We will build the bridge'],
      ['Mara Velden', 'It opens in May.'],
    ]);
  });
});

describe('extractQuotations: attribution on real copy', () => {
  it.each<[string, string[], [string | null, string][]]>([
    [
      'a quotation continues after “X said.” in the same paragraph',
      ['“The pilot starts in May,” Mara Velden said. “Riders can book from April.” “Nobody pays twice.”'],
      [
        ['Mara Velden', 'The pilot starts in May'],
        ['Mara Velden', 'Riders can book from April.'],
        ['Mara Velden', 'Nobody pays twice.'],
      ],
    ],
    [
      'and after a sentence that reports what X said',
      ['Mara Velden said the pilot starts in May. “Riders can book from April.”'],
      [['Mara Velden', 'Riders can book from April.']],
    ],
    [
      'but not after a sentence with two speakers',
      ['Mara Velden said the pilot was ready, but Tom Ebb said it was not. “We need another month.”'],
      [[null, 'We need another month.']],
    ],
    [
      'nor after a sentence with words and no speech verb in between',
      ['“The pilot starts in May,” Mara Velden said. The buses are new. “Riders can book from April.”'],
      [
        ['Mara Velden', 'The pilot starts in May'],
        [null, 'Riders can book from April.'],
      ],
    ],
    [
      'said that …',
      ['Mara Velden, director of the Northvale Transit Office, said that the plan was “a turning point for the city.”'],
      [['Mara Velden', 'a turning point for the city.']],
    ],
    [
      'a surname first named without a speech verb',
      ['Ottla Quist and Tom Ebb joined the transit office in May.', '“Most trips are short,” Quist said.'],
      [['Ottla Quist', 'Most trips are short']],
    ],
    [
      'a place named after “in” is not a person',
      ['Mara Velden grew up in Lower Ashby.', '“It floods every spring,” Ashby said.'],
      [['Ashby', 'It floods every spring']],
    ],
    [
      'initials are part of a name, even “A.” and “I.”',
      [
        'Beth A. Quorn and Hal I. Orrin joined in May.',
        '“We started small,” Quorn said. “We stayed small,” said Orrin.',
      ],
      [
        ['Beth A. Quorn', 'We started small'],
        ['Hal I. Orrin', 'We stayed small'],
      ],
    ],
    [
      'an agency acronym and a role acronym before the name',
      ['“We will start small,” NTO CIO Oren Halloway said.', '“Then we grow,” Halloway added.'],
      [
        ['Oren Halloway', 'We will start small'],
        ['Oren Halloway', 'Then we grow'],
      ],
    ],
    [
      'an acronym before one word is a description, kept whole',
      ['“We learned a lot,” said an NTO Cadet.'],
      [['an NTO Cadet', 'We learned a lot']],
    ],
    [
      'an organisation and a role before the name',
      ['“We will start small,” Northvale Transit Office director Mara Velden said.'],
      [['Mara Velden', 'We will start small']],
    ],
    [
      'lowercase words before a role after the verb',
      ['“We turned away 200 people,” said summit chair Ines Dorfmann.'],
      [['Ines Dorfmann', 'We turned away 200 people']],
    ],
    [
      'the person before “of”, not the organisation after it',
      ['Lena Marchetti of the Wexmoor Benefits Agency said the form was “written for ourselves, not for them.”'],
      [['Lena Marchetti', 'written for ourselves, not for them.']],
    ],
    [
      'an organisation “of” a place is one description',
      ['The University of Northvale said the study was “the first of its kind.”'],
      [['the University of Northvale', 'the first of its kind.']],
    ],
    [
      'an organisation named after “the”',
      ['“A van is not a bus service,” the Northvale Riders Union wrote.'],
      [['Northvale Riders Union', 'A van is not a bus service']],
    ],
    [
      'a description keeps its lowercase words back to its determiner',
      ['“Rivers will stay high,” the national weather agency said.'],
      [['the national weather agency', 'Rivers will stay high']],
    ],
    [
      'a description with a possessive',
      ['The transit office’s statement said the pilot was “a success by every measure.”'],
      [['the transit office’s statement', 'a success by every measure.']],
    ],
    [
      'a description reads through a preposition to its role',
      ['A spokeswoman for the regional water authority said crews were “working around the clock.”'],
      [['a spokeswoman for the regional water authority', 'working around the clock.']],
    ],
    [
      'a description cut short names nobody',
      ['A veteran regional tram depot night shift rota planning leader noted it was “not used to desks.”'],
      [[null, 'not used to desks.']],
    ],
    [
      '“another X” is not the X named before',
      ['“We learned a lot.” — NTO Cadet', 'Another Cadet said “it was the best year of my career.”'],
      [
        ['NTO Cadet', 'We learned a lot.'],
        ['another Cadet', 'it was the best year of my career.'],
      ],
    ],
    [
      'a participle after the clause’s own verb',
      ['Kofi Mensah-Hart agreed, adding that interviews should feel “more like a working session.”'],
      [['Kofi Mensah-Hart', 'more like a working session.']],
    ],
    [
      'in the words of',
      ['In the words of transit planner Ottla Quist, “a bus nobody rides is a parked bus.”'],
      [['Ottla Quist', 'a bus nobody rides is a parked bus.']],
    ],
    [
      'an interview answer: a known name and a colon open the paragraph',
      ['Mara Velden runs the Northvale Transit Office.', 'Velden: “We start with the riders, not the buses.”'],
      [['Mara Velden', 'We start with the riders, not the buses.']],
    ],
    [
      'a word and a colon that name nobody',
      ['Note: “Riders must book an hour ahead of the trip.”'],
      [[null, 'Riders must book an hour ahead of the trip.']],
    ],
    [
      'a name after a dash',
      [
        '“Ship something small in your first month.” – Yusuf Adeyemi',
        '“Ask the riders first.” — Mara Velden, director',
      ],
      [
        ['Yusuf Adeyemi', 'Ship something small in your first month.'],
        ['Mara Velden', 'Ask the riders first.'],
      ],
    ],
    [
      'a dash that attributes nothing',
      ['“Ship something small in your first month” - and then ship again.'],
      [[null, 'Ship something small in your first month']],
    ],
  ])('%s', (_name, lines, expected) => {
    expect(pairs(lines)).toEqual(expected);
  });

  it.each([
    'says',
    'adds',
    'explains',
    'notes',
    'writes',
    'wrote',
    'tweeted',
    'posted',
    'shared',
    'asserts',
    'answered',
  ])('“…,” Velden %s', (verb) => {
    expect(pairs(['Mara Velden runs the transit office.', `“We will start small,” Velden ${verb}.`])).toEqual([
      ['Mara Velden', 'We will start small'],
    ]);
  });

  it.each<[string, string, string | null]>([
    [
      'shared, with a colon after its object',
      'Mara Velden shared the office’s rule: “If nobody rides it, we change it.”',
      'Mara Velden',
    ],
    [
      'shared, away from the quotation',
      'Mara Velden shared the plan with staff who want “buses that come when needed”.',
      null,
    ],
    ['posted, straight before it', 'Mara Velden posted: “The pilot starts on Monday.”', 'Mara Velden'],
    [
      'disagreed, with a colon',
      'Her neighbour, Mara Velden, disagreed: “Evenings are the only time I can ride.”',
      'Mara Velden',
    ],
  ])('a verb that reports speech only next to a quotation: %s', (_name, line, speaker) => {
    expect(pairs([line]).map(([who]) => who)).toEqual([speaker]);
  });

  it.each<[string, string[], string | null]>([
    [
      'the one person the paragraph named',
      ['Tom Ebb drew the new routes. “We started from the riders,” he said.'],
      'Tom Ebb',
    ],
    [
      'the last speaker when the paragraph names nobody before the pronoun',
      ['“The plan is ready,” Mara Velden said.', '“We started from the riders,” she told Tom Ebb.'],
      'Mara Velden',
    ],
    [
      'the last speaker when the paragraph names two',
      ['“The plan is ready,” Mara Velden said.', 'Tom Ebb met Ottla Quist. “We started from the riders,” she said.'],
      'Mara Velden',
    ],
    [
      '“it”: an organisation described, not named',
      [
        'In a statement, the national weather agency said more rain was due.',
        '“Rivers will stay high for days,” it said.',
      ],
      'the national weather agency',
    ],
  ])('a pronoun is %s', (_name, lines, speaker) => {
    expect(pairs(lines).at(-1)?.[0]).toBe(speaker);
  });

  it.each<[string, string, [string | null, string][]]>([
    [
      'a block quote that ends with a dash citation',
      '> “Accessible is how you build from the first day.”\n>\n> — Jun Okafor, accessibility lead\n',
      [['Jun Okafor', 'Accessible is how you build from the first day.']],
    ],
    [
      'an epigraph without quote marks',
      '> Accessible is how you build from the first day.\n>\n> — Jun Okafor\n',
      [['Jun Okafor', 'Accessible is how you build from the first day.']],
    ],
    ['a block quote without a citation is not a quotation', '> Accessible is how you build from the first day.\n', []],
    [
      'a quotation in a list item',
      'Her rules:\n\n- “Every image needs a text alternative,” Okafor says.\n- “Plain words beat clever words.”\n',
      [
        ['Okafor', 'Every image needs a text alternative'],
        [null, 'Plain words beat clever words.'],
      ],
    ],
  ])('%s', (_name, markdown, expected) => {
    expect(markdownPairs(markdown)).toEqual(expected);
  });
});
