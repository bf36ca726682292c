import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBodyLibraries, parseBody, parseBodyWith } from '../../src/article/markdown.js';
import { lexPlainMarkdown } from '../../src/article/plain.js';
import { plainWord, simpleWord } from '../arbitraries.js';

const libraries = await loadBodyLibraries();

/** Both paths' blocks as JSON: key order counts, since the index stores bodies as JSON. */
const viaPlain = (markdown: string) => JSON.stringify(parseBodyWith(markdown, libraries));
const viaMarked = (markdown: string) => JSON.stringify(parseBodyWith(markdown, libraries, false));

describe('lexPlainMarkdown', () => {
  it.each<[string, string, { depth: number; text: string }[]]>([
    ['one paragraph', 'One line.', [{ depth: 0, text: 'One line.' }]],
    [
      'paragraphs and a heading',
      '\nFirst.\n\n## A heading\n\nSecond, “quoted” — with 2016’s words.\n',
      [
        { depth: 0, text: 'First.' },
        { depth: 2, text: 'A heading' },
        { depth: 0, text: 'Second, “quoted” — with 2016’s words.' },
      ],
    ],
    ['a paragraph over lines', 'one\ntwo\nthree', [{ depth: 0, text: 'one\ntwo\nthree' }]],
    [
      'a heading right after a paragraph line, and a line right after it',
      'text\n# Head\nmore',
      [
        { depth: 0, text: 'text' },
        { depth: 1, text: 'Head' },
        { depth: 0, text: 'more' },
      ],
    ],
    [
      'a line starting with a number that is no list item',
      '2016 was a year.',
      [{ depth: 0, text: '2016 was a year.' }],
    ],
    [
      'punctuation with no Markdown meaning',
      'Is it? Yes! (50%) a/b; c: d = e + f.',
      [{ depth: 0, text: 'Is it? Yes! (50%) a/b; c: d = e + f.' }],
    ],
    ['nothing', '', []],
  ])('reads %s', (_what, markdown, blocks) => {
    expect(lexPlainMarkdown(markdown)).toEqual(blocks);
  });

  it.each([
    ['emphasis', 'a *b* c'],
    ['underscore emphasis', 'a _b_ c'],
    ['strikethrough', 'a ~~b~~ c'],
    ['inline code', 'a `b` c'],
    ['a link', 'a [b](c) d'],
    ['an image', '![a](b)'],
    ['a footnote', 'a[^1]'],
    ['an autolink', 'a <https://x.test> b'],
    ['a bare address', 'see https://x.test now'],
    ['a bare www address', 'see www.x.test now'],
    ['an e-mail address', 'write to a@x.test'],
    ['inline HTML', 'a <b>b</b>'],
    ['a character reference', 'a &amp; b'],
    ['a backslash escape', 'a \\* b'],
    ['a list item', '- item'],
    ['a list item with a plus', '+ item'],
    ['a numbered list item', '1. item'],
    ['a numbered list item with a bracket', '2) item'],
    ['a number and a full stop', '2016. A year.'],
    ['a quote', '> quoted'],
    ['a fence', '```\ncode\n```'],
    ['indented code', '    code'],
    ['a line starting with a space', 'a\n b'],
    ['a table', 'a | b\n--|--\nc | d'],
    ['a setext heading', 'Title\n====='],
    ['a setext heading with dashes', 'Title\n---'],
    ['a rule', '***'],
    ['a hard break', 'a  \nb'],
    ['a space at the end of a line', 'a \nb'],
    ['a tab', 'a\tb'],
    ['a carriage return', 'a\r\nb'],
    ['a no-break space', 'a\u00a0b'],
    ['a line separator', 'a\u2028b'],
    ['a zero-width space', 'a\u200bb'],
    ['a C1 control', 'a\u0085b'],
    ['a control character', 'a\u0007b'],
    ['a line of white space', 'a\n \nb'],
    ['a shortcode', 'a {{< x >}} b'],
    ['a Liquid tag', 'a {% x %} b'],
    ['a hashtag at the start of a line', '#tag words'],
    ['seven hashes', '####### x'],
    ['a heading without text', '##'],
    ['a heading with two spaces', '##  x'],
    ['a heading with a closing hash', '## x #'],
    ['a heading with a hash in it', '## C# today'],
    ['a heading without a space', '##x'],
    ['a heading with a space at its end', '## x '],
  ])('leaves %s to marked', (_what, markdown) => {
    expect(lexPlainMarkdown(markdown)).toBeUndefined();
  });
});

/** Pieces of Markdown: mostly plain words and glue, with every construct plain bodies refuse now and then. */
const piece = fc.oneof(
  { arbitrary: plainWord, weight: 12 },
  { arbitrary: fc.constantFrom(' ', ' ', ' ', '\n', '\n\n', '\n\n', '. ', ', '), weight: 10 },
  {
    arbitrary: fc.constantFrom(
      '\n# ',
      '\n## ',
      '\n###### ',
      '\n####### ',
      '#',
      '\n1. ',
      '\n2) ',
      '\n- ',
      '\n+ ',
      '\n* ',
      '\n> ',
      '\n    ',
      '\n===\n',
      '\n---\n',
      '  \n',
      ' \n',
      '\t',
      '\n \n',
      '\u00a0',
      '\u2028',
      '\u0085',
      '*',
      '_',
      '~~',
      '`',
      '[',
      ']',
      '(',
      ')',
      '!',
      '?',
      ':',
      ';',
      '"',
      "'",
      '$',
      '%',
      '=',
      '^',
      '/',
      '|',
      '\\',
      '&amp;',
      '&#38;',
      '<b>',
      '</b>',
      '<https://x.test>',
      'https://x.test',
      'http',
      'www.x.test',
      'a@x.test',
      '{{< x >}}',
      '{%',
      '[^1]',
      '[^1]: note',
      '2016',
      '\n2016 ',
      '\n2016.',
      '“',
      '”',
    ),
    weight: 4,
  },
);

const markdown = fc.array(piece, { maxLength: 80 }).map((pieces) => pieces.join(''));

/** A line of plain prose: a word first (a number there might start a list item), then words and punctuation. */
const plainLine = fc
  .tuple(simpleWord, fc.array(fc.tuple(fc.constantFrom(' ', ' ', ', ', '. ', ' — '), plainWord), { maxLength: 20 }))
  .map(([first, rest]) => first + rest.map(([glue, word]) => glue + word).join(''));

/** Bodies of plain prose only, as news copy mostly is: paragraphs of lines, and sometimes headings. */
const plainBody = fc
  .array(
    fc.oneof(
      { arbitrary: fc.array(plainLine, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n')), weight: 4 },
      {
        arbitrary: fc
          .tuple(fc.integer({ min: 1, max: 6 }), plainLine)
          .map(([depth, line]) => `${'#'.repeat(depth)} ${line}`),
        weight: 1,
      },
    ),
    { minLength: 1, maxLength: 8 },
  )
  .chain((blocks) => fc.constantFrom('\n', '\n\n').map((gap) => blocks.join(gap)))
  // A word `www` before a full stop would read as the start of an address: not plain prose.
  .filter((body) => !/www\./i.test(body));

describe('plain bodies', () => {
  it('are read as marked reads them, whatever the Markdown', () => {
    fc.assert(
      fc.property(markdown, (body) => {
        expect(viaPlain(body)).toBe(viaMarked(body));
      }),
      { numRuns: 3000 },
    );
  });

  it('are taken in by the plain path when they are plain prose, and read as marked reads them', async () => {
    await fc.assert(
      fc.asyncProperty(plainBody, async (body) => {
        expect(lexPlainMarkdown(body)).toBeDefined();
        expect(viaPlain(body)).toBe(viaMarked(body));
        expect(JSON.stringify(await parseBody(body))).toBe(viaMarked(body));
      }),
      { numRuns: 500 },
    );
  });
});
