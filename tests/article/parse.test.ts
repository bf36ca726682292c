import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countWords, parseArticle } from '../../src/article/parse.js';
import { isValidSlug } from '../../src/article/slug.js';
import { FIXTURES } from '../helpers.js';

function parse(source: string) {
  return parseArticle(source, 'slug', 'x/slug.md', {});
}

describe('parseArticle', () => {
  it('reads every front matter field', () => {
    const path = join(FIXTURES, 'articles/sample.md');
    const article = parseArticle(readFileSync(path, 'utf8'), 'sample', path, {});
    expect(article).toMatchObject({
      slug: 'sample',
      title: 'Fixture: a synthetic article that uses every feature',
      date: '2020-02-29',
      source: 'Fixture Wire',
      section: 'Tests',
      author: 'Test Author',
      agency: 'FXA',
      tags: ['fixture', 'synthetic'],
      url: 'https://example.test/fixture',
      banner: { title: 'Synthetic notice', text: 'This banner belongs to a test fixture; nothing here is news.' },
    });
    expect(article.body.startsWith('\n# Fixture')).toBe(true);
  });

  it.each([
    ['front matter title', '---\ntitle: From YAML\n---\n# From heading\n', 'From YAML'],
    ['first # heading', 'Intro\n\n# From heading\n\nBody', 'From heading'],
    ['closed ATX heading', '# Closed heading #\n', 'Closed heading'],
    ['the slug', 'Just a body.\n\n## Not a level-one heading\n', 'slug'],
  ])('takes the title from the %s', (_where, source, title) => {
    expect(parse(source).title).toBe(title);
  });

  it('keeps dates as calendar strings, never Date objects', () => {
    expect(parse('---\ndate: 2016-05-06\n---\n')).toMatchObject({ date: '2016-05-06', warnings: [] });
  });

  it('handles a byte-order mark and CRLF line endings', () => {
    const article = parse('\uFEFF---\r\ntitle: Windows\r\n---\r\nLine one\r\nLine two\r\n');
    expect(article.title).toBe('Windows');
    expect(article.body).toBe('Line one\nLine two\n');
  });

  it('accepts a single tag as text and numbers as text', () => {
    expect(parse('---\ntags: one, two\nsource: 1843\n---\n')).toMatchObject({ tags: ['one', 'two'], source: '1843' });
  });

  it('does not turn YAML escapes into control characters', () => {
    const article = parse('---\ntitle: "red \\e[31m alert \\x9b"\n---\n');
    expect(article.title).toBe('red ^[[31m alert <U+009B>');
  });

  it.each([
    [
      'a date that does not exist',
      '---\ndate: 2016-02-30\n---\n',
      {},
      /^front matter 'date' is not a date \('2016-02-30'\); ignored it$/,
    ],
    [
      'a mapping as title',
      '---\ntitle: {a: 1}\n---\n',
      { title: 'slug' },
      /^front matter 'title' is a mapping, not text; ignored it$/,
    ],
    [
      'tags that are mappings',
      '---\ntags: [{a: 1}, kept]\n---\n',
      { tags: ['kept'] },
      /^front matter 'tags' has an item that is not text; ignored the item$/,
    ],
    ['a list as banner', '---\nbanner: [a]\n---\n', {}, /^front matter 'banner' is a list, not text or a mapping/],
    [
      'invalid YAML',
      '---\ntitle: [unclosed\ndate: 2016-05-06\n---\n',
      { title: 'slug', date: '2016-05-06' },
      /^front matter is not valid YAML \(.*, line 3\); ignored 'title'$/,
    ],
    [
      'duplicate keys',
      '---\ntitle: a\ntitle: b\n---\n',
      { title: 'b' },
      /^front matter gives 'title' more than once; kept the last$/,
    ],
    [
      'a list as front matter',
      '---\n- a\n---\nBody',
      { body: 'Body' },
      /^front matter is a list, not a mapping of fields/,
    ],
    [
      'unterminated front matter',
      '---\ntitle: x\n\nBody\n',
      { title: 'slug', body: 'title: x\n\nBody\n' },
      /^front matter starts with '---' but never ends; read everything after the first '---' as the body$/,
    ],
    [
      'deeply nested flow collections',
      `---\ntitle: ${'['.repeat(5000)}\n---\n# Heading\n`,
      { title: 'Heading', body: '# Heading\n' },
      /^front matter nests too deeply to be fields; read the article without it$/,
    ],
    [
      'deeply indented mappings',
      `---\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')}\n---\n`,
      {},
      /nests too deeply/,
    ],
    [
      'huge front matter',
      `---\ntitle: ${'x'.repeat(70_000)}\n---\n`,
      { title: 'slug' },
      /^front matter is over 65536 characters/,
    ],
  ])('reads an article with %s, with one warning', (_what, source, fields, warning) => {
    const article = parse(source);
    expect(article).toMatchObject(fields);
    expect(article.warnings).toEqual([expect.stringMatching(warning)]);
  });

  it('accepts empty front matter', () => {
    expect(parse('---\n---\nBody').title).toBe('slug');
  });

  it.each<[string, string, string[]]>([
    [
      'a list keeps its steps whole, in order, repeats and all',
      '[Home, home, "World, Asia", Home]',
      ['Home', 'home', 'World, Asia', 'Home'],
    ],
    ['text on its own is split at commas', 'Home, World', ['Home', 'World']],
  ])('reads a breadcrumb as a path: %s', (_what, value, breadcrumb) => {
    expect(parse(`---\nbreadcrumb: ${value}\n---\nBody`).breadcrumb).toEqual(breadcrumb);
  });

  it('still merges tags that differ only in case', () => {
    expect(parse('---\ntags: [Asia, asia, "a, b"]\n---\nBody').tags).toEqual(['Asia', 'a', 'b']);
  });
});

describe('isValidSlug', () => {
  it.each([
    ['abe-putin', true],
    ['a.b_c-1', true],
    ['../x', false],
    ['/etc/passwd', false],
    ['.hidden', false],
    ['a b', false],
    ['', false],
    ['a/b', false],
  ])('%s → %s', (slug, expected) => {
    expect(isValidSlug(slug)).toBe(expected);
  });
});

describe('countWords', () => {
  it('counts words, not punctuation or Markdown', () => {
    expect(countWords('## – Lingering tensions –\n\n“It’s **19,000** people,” he said.')).toBe(7);
  });
});
