import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseValidYaml } from '../../src/article/frontmatter.js';
import { readSimpleYaml } from '../../src/article/simple-yaml.js';

/** What readSimpleYaml gives, held to what the YAML library gives: values, key order and prototypes. */
function expectSameAsLibrary(text: string): void {
  const simple = readSimpleYaml(text);
  const library = parseValidYaml(text);
  expect(simple).toStrictEqual(library);
  expect(JSON.stringify(simple)).toBe(JSON.stringify(library));
}

describe('readSimpleYaml', () => {
  it.each<[string, string, Record<string, unknown>]>([
    [
      'the bench corpus’s front matter',
      'title: "Bon Fanbro Bai"\ndate: 2007-03-30\nsource: Pseudo Post\nsection: Synthetic Affairs\ntags: [bravel, bedermol, gusklulgou]\n',
      {
        title: 'Bon Fanbro Bai',
        date: '2007-03-30',
        source: 'Pseudo Post',
        section: 'Synthetic Affairs',
        tags: ['bravel', 'bedermol', 'gusklulgou'],
      },
    ],
    ["single quotes, '' a quote", "title: 'It''s here'", { title: "It's here" }],
    ['a double-quoted colon and hash', 'title: "Northvale: a #1 history"', { title: 'Northvale: a #1 history' }],
    ['a colon inside a word', 'time: 10:30 today', { time: '10:30 today' }],
    ['true, false and null', 'a: true\nb: False\nc: NULL\nd:', { a: true, b: false, c: null, d: null }],
    ['a timestamp, as text', 'date: 2019-04-09T23:30:00-05:00', { date: '2019-04-09T23:30:00-05:00' }],
    ['a block list', 'tags:\n  - one\n  - "two"\nnext: x', { tags: ['one', 'two'], next: 'x' }],
    ['a block list at the margin', 'tags:\n- one\n- two\nnext: x', { tags: ['one', 'two'], next: 'x' }],
    ['an empty flow list', 'tags: []', { tags: [] }],
    ['quoted flow items', 'tags: ["a, b", \'c\']', { tags: ['a, b', 'c'] }],
    [
      'nested fields',
      'banner:\n  title: Notice\n  text: "Roads closed."\nafter: y',
      { banner: { title: 'Notice', text: 'Roads closed.' }, after: 'y' },
    ],
    ['blank lines and trailing spaces', '\na: b  \n\nc: d\n', { a: 'b', c: 'd' }],
    ['letters and marks YAML reads as text', "a: it's [so] {x}, y & z!", { a: "it's [so] {x}, y & z!" }],
  ])('reads %s', (_what, text, data) => {
    expect(readSimpleYaml(text)).toStrictEqual(data);
    expectSameAsLibrary(text);
  });

  it.each([
    ['an anchor', 'a: &x b'],
    ['an alias', 'a: b\nc: *a'],
    ['a tag', 'a: !!str b'],
    ['a local tag', 'a: !x b'],
    ['a timestamp tag', 'date: !!timestamp 2019-04-09'],
    ['a multi-line plain value', 'a: b\n  c'],
    ['a multi-line double-quoted value', 'a: "b\n  c"'],
    ['a multi-line single-quoted value', "a: 'b\n  c'"],
    ['a block scalar', 'a: |\n  text'],
    ['a folded block scalar', 'a: >\n  text'],
    ['a value with a colon and a space', 'key: value: x'],
    ['a value ending in a colon', 'key: value:'],
    ['a comment after a value', 'a: b # note'],
    ['a comment after a quoted value', 'a: "b" # note'],
    ['a comment after a list', 'a: [b] # note'],
    ['a comment line', '# note\na: b'],
    ['a hash in a plain value', 'a: b#c'],
    ['an escape in double quotes', 'a: "b\\nc"'],
    ['an integer', 'a: 12'],
    ['a negative integer', 'a: -1'],
    ['a float', 'a: 1.5'],
    ['an exponent', 'a: 1e3'],
    ['hexadecimal', 'a: 0x1F'],
    ['octal', 'a: 0o17'],
    ['infinity', 'a: .inf'],
    ['a tilde', 'a: ~'],
    ['a flow mapping', 'a: {b: c}'],
    ['a flow list over lines', 'a: [b,\n  c]'],
    ['a flow list with a trailing comma', 'a: [b, c,]'],
    ['a flow list with an empty item', 'a: [b, , c]'],
    ['a nested flow list', 'a: [b, [c]]'],
    ['a colon in a flow item', 'a: [b:c]'],
    ['a number in a flow list', 'a: [1, 2]'],
    ['a list of mappings', 'a:\n  - b: c'],
    ['a nested list', 'a:\n  - - b'],
    ['an empty list item', 'a:\n  -\n  - b'],
    ['nested fields two deep', 'a:\n  b:\n    c: d'],
    ['nested fields with a key alone', 'a:\n  b:'],
    ['uneven indentation', 'a:\n  b: c\n   d: e'],
    ['a list item indented deeper', 'a:\n  - b\n    - c'],
    ['a blank line inside a list', 'a:\n  - b\n\n  - c'],
    ['a repeated key', 'a: b\na: c'],
    ['a repeated nested key', 'a:\n  b: c\n  b: d'],
    ['a quoted key', '"a": b'],
    ['a key with a space', 'a b: c'],
    ['a key that is a word YAML reads otherwise', 'true: x'],
    ['a __proto__ key', '__proto__: x'],
    ['a key over 128 characters', `${'k'.repeat(129)}: v`],
    ['a complex key', '? a\n: b'],
    ['a merge key', '<<: {a: b}'],
    ['a directive', '%YAML 1.1\n---\na: b'],
    ['a tab', 'a:\tb'],
    ['a tab in a value', 'a: b\tc'],
    ['a key without a space after the colon', 'a:b'],
    ['a control character', 'a: b\u0007c'],
    ['a line separator', 'a: b\u2028c'],
    ['a top-level list', '- a\n- b'],
    ['a plain scalar', 'just text'],
    ['nothing', ''],
    ['only blank lines', '\n\n'],
  ])('leaves %s to the YAML library', (_what, text) => {
    expect(readSimpleYaml(text)).toBeUndefined();
  });
});

const key = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,12}$/);
/** A character of a plain value, after its first: ASCII punctuation (but `#`), and some from beyond. */
const plainChar = fc.oneof(
  { arbitrary: fc.stringMatching(/^[A-Za-z0-9 ]$/), weight: 10 },
  { arbitrary: fc.constantFrom(...'.,;\'"!?()/&*%$@+=<>|~`-[]{}:^\\'.split('')), weight: 4 },
  { arbitrary: fc.constantFrom('é', '’', '“', '”', '—', '😀', '\u00a0', '日'), weight: 1 },
);
const plainText = fc
  .tuple(fc.stringMatching(/^[A-Za-z0-9]$/), fc.array(plainChar, { maxLength: 20 }))
  .map(([first, rest]) => `${first}${rest.join('')}`.trimEnd());
const quotedText = fc
  .array(fc.oneof(plainChar, fc.constantFrom('#', ': ', ' #')), { maxLength: 20 })
  .map((chars) => chars.join(''));
const scalar = fc.oneof(
  { arbitrary: plainText, weight: 6 },
  { arbitrary: quotedText.map((text) => `"${text.replace(/["\\]/g, '')}"`), weight: 2 },
  { arbitrary: quotedText.map((text) => `'${text.replace(/'/g, "''")}'`), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      'true',
      'False',
      'NULL',
      'null',
      '2019-04-09',
      '2019-04-09 10:00',
      '12',
      '1.5',
      '0x1f',
      'y',
      'no',
    ),
    weight: 2,
  },
);
const flowItem = fc.oneof(
  plainText.map((text) => text.replace(/[,[\]{}:]/g, '').trim()).filter((text) => text !== ''),
  scalar.filter((text) => /^["']/.test(text)),
);
const flowList = fc
  .tuple(fc.array(flowItem, { maxLength: 5 }), fc.constantFrom(', ', ',', ' , '))
  .map(([items, comma]) => `[${items.join(comma)}]`);
const inline = fc.oneof({ arbitrary: scalar, weight: 4 }, { arbitrary: flowList, weight: 1 });
/** The lines after `key:` that give its value: a block list or nested fields. */
const block = fc.oneof(
  fc
    .tuple(fc.constantFrom('', '  ', '    '), fc.array(inline, { minLength: 1, maxLength: 4 }))
    .map(([indent, items]) => items.map((item) => `\n${indent}- ${item}`).join('')),
  fc
    .tuple(
      fc.constantFrom('  ', '    '),
      fc.uniqueArray(fc.tuple(key, inline), { minLength: 1, maxLength: 4, selector: ([name]) => name }),
    )
    .map(([indent, fields]) => fields.map(([name, value]) => `\n${indent}${name}: ${value}`).join('')),
);
const field = fc.tuple(
  key,
  fc.oneof(
    { arbitrary: inline.map((value) => `: ${value}`), weight: 5 },
    { arbitrary: block.map((lines) => `:${lines}`), weight: 2 },
    { arbitrary: fc.constant(':'), weight: 1 },
  ),
);
/** Front matter of the kinds readSimpleYaml reads (and numbers, which it leaves): unique keys, one a line. */
const simpleFrontMatter = fc
  .uniqueArray(field, { minLength: 1, maxLength: 8, selector: ([name]) => name })
  .chain((fields) =>
    fc.constantFrom('\n', '\n\n').map((gap) => fields.map(([name, rest]) => `${name}${rest}`).join(gap)),
  );

/** YAML-ish text with the constructs readSimpleYaml must leave to the library thrown in. */
const hazard = fc.constantFrom(
  ' #',
  '#',
  ': ',
  ':',
  '&a ',
  '*a',
  '!!str ',
  '!x ',
  '|',
  '>',
  '\n  ',
  '\n    ',
  '\n- ',
  '\n  - ',
  '\t',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  '?',
  '-',
  '~',
  '%',
  '\\',
  '0x',
  '.5',
  '1e3',
  '\u2028',
);
const mixedFrontMatter = fc
  .array(fc.oneof({ arbitrary: simpleFrontMatter, weight: 2 }, { arbitrary: hazard, weight: 1 }), {
    minLength: 1,
    maxLength: 8,
  })
  .map((pieces) => pieces.join(''));

describe('readSimpleYaml against the YAML library', () => {
  it('reads the front matter it takes exactly as the library does', () => {
    fc.assert(
      fc.property(simpleFrontMatter, (text) => {
        if (readSimpleYaml(text) !== undefined) expectSameAsLibrary(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('takes most simple front matter (so the property above has cases to check)', () => {
    const texts = fc.sample(simpleFrontMatter, 2000);
    const taken = texts.filter((text) => readSimpleYaml(text) !== undefined).length;
    expect(taken).toBeGreaterThan(texts.length / 2);
  });

  it('never gives what the library would not, whatever the text', () => {
    fc.assert(
      fc.property(mixedFrontMatter, (text) => {
        if (readSimpleYaml(text) !== undefined) expectSameAsLibrary(text);
      }),
      { numRuns: 3000 },
    );
  });
});
