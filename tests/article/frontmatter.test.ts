import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.js';
import { loadAllFrontMatterLibraries, readFrontMatter } from '../../src/article/frontmatter.js';
import { loadAndParseArticle, parseArticle } from '../../src/article/parse.js';
import { FIXTURES } from '../helpers.js';

const FRONT_MATTER = join(FIXTURES, 'frontmatter');
const libraries = await loadAllFrontMatterLibraries();

function parse(source: string, slug = 'slug'): Article {
  return parseArticle(source, slug, `x/${slug}.md`, libraries);
}

const yaml = (fields: string, body = 'Synthetic body.\n') => `---\n${fields}\n---\n\n${body}`;
const toml = (fields: string, body = 'Synthetic body.\n') => `+++\n${fields}\n+++\n\n${body}`;

describe('front matter dates: the calendar date as written', () => {
  it.each([
    ['a time and a numeric offset', yaml('date: 2019-03-26 12:38:00 -0500'), '2019-03-26'],
    ['a one-digit hour', yaml('date: 2012-10-19 2:05:46 -0400'), '2012-10-19'],
    ['an unquoted timestamp late in the day west of UTC', yaml('date: 2019-04-09T23:30:00-05:00'), '2019-04-09'],
    ['an unquoted timestamp early in the day east of UTC', yaml('date: 2019-04-09T00:30:00+14:00'), '2019-04-09'],
    ['a quoted timestamp in UTC', yaml('date: "2019-04-09T15:00:00Z"'), '2019-04-09'],
    [
      'an explicit !!timestamp, which YAML would turn into a Date',
      yaml('date: !!timestamp 2019-04-09T23:30:00-05:00'),
      '2019-04-09',
    ],
    ['one-digit month and day', yaml('date: 2019-4-9'), '2019-04-09'],
    ['a written date', yaml('date: April 9, 2019'), '2019-04-09'],
    ['publishDate when there is no date', yaml('publishDate: 2019-04-09T10:00:00+02:00'), '2019-04-09'],
    ['a field name in another case', yaml('PublishDate: 2019-04-09'), '2019-04-09'],
    ['pubDate', yaml('pubDate: Tue, 09 Apr 2019 15:00:00 +0000'), '2019-04-09'],
    ['published as a date', yaml('published: 2019-04-09'), '2019-04-09'],
    ['created', yaml('created: 2019-04-09'), '2019-04-09'],
    ['date before publishDate', yaml('date: 2019-04-09\npublishDate: 2019-05-01'), '2019-04-09'],
    ['a TOML offset datetime', toml('date = 2019-04-09T23:30:00-05:00'), '2019-04-09'],
    ['a TOML local date', toml('date = 2019-04-09'), '2019-04-09'],
    ['a TOML local datetime', toml('date = 2019-04-09T23:30:00'), '2019-04-09'],
    ['a JSON string', '{"date": "2019-04-09T23:30:00-05:00"}\n\nBody.\n', '2019-04-09'],
    ['a date under [extra]', toml('[extra]\ndate = 2019-04-09'), '2019-04-09'],
  ])('%s', (_what, source, date) => {
    expect(parse(source)).toMatchObject({ date, warnings: [] });
  });

  it.each([
    ['2019-04-09-northvale-fair', 'Body.\n', '2019-04-09'],
    ['2019-4-9-northvale-fair', 'Body.\n', '2019-04-09'],
    ['2019-04-09_northvale-fair', 'Body.\n', '2019-04-09'],
    ['2019-04-09', 'Body.\n', '2019-04-09'],
    ['2019-04-09-northvale-fair', yaml('title: Fair'), '2019-04-09'],
    ['2019-04-09-northvale-fair', yaml('date: 2020-01-01'), '2020-01-01'],
    ['2019-02-30-northvale-fair', 'Body.\n', undefined],
    ['20190409-northvale-fair', 'Body.\n', undefined],
    ['northvale-2019-04-09', 'Body.\n', undefined],
  ])('a file called %s.md is dated %s', (slug, source, date) => {
    expect(parse(source, slug).date).toBe(date);
  });

  it.each([
    ['a Zola path', toml('path = "2019/04/09/northvale-budget"'), 'slug', '2019-04-09'],
    ['a permalink under a section', yaml('permalink: /letters/2019/4/9/fair/'), 'slug', '2019-04-09'],
    ['a URL', yaml('url: https://example.test/2019/04/09/fair.html'), 'slug', '2019-04-09'],
    ['an address ending in the day', yaml('path: 2019/04/09'), 'slug', '2019-04-09'],
    ['an address with no real day', toml('path = "2019/13/09/x"'), 'slug', undefined],
    ['numbers that are not segments', yaml('url: https://example.test/a2019/04/09x'), 'slug', undefined],
    ['a date field before an address', yaml('date: 2020-01-01\npath: 2019/04/09/x'), 'slug', '2020-01-01'],
    ['a file name before an address', yaml('path: 2019/04/09/x'), '2018-01-01-x', '2018-01-01'],
    ['an address that is not text, unwarned', yaml('path: {a: 1}'), 'slug', undefined],
  ])('dates a post by %s when nothing else does', (_what, source, slug, date) => {
    expect(parse(source, slug)).toMatchObject({ warnings: [] });
    expect(parse(source, slug).date).toBe(date);
  });

  it('drops a date it cannot read with one warning, then tries the next field and the file name', () => {
    expect(parse(yaml('date: next Tuesday\npublishDate: 2019-04-09'))).toMatchObject({
      date: '2019-04-09',
      warnings: ["front matter 'date' is not a date ('next Tuesday'); ignored it"],
    });
    expect(parse(yaml('date: 1554822000'), '2019-04-09-fair')).toMatchObject({
      date: '2019-04-09',
      warnings: ["front matter 'date' is not a date (the number 1554822000); ignored it"],
    });
    expect(parse(toml('date = 07:32:00'))).toMatchObject({
      warnings: ["front matter 'date' is not a date ('07:32:00.000'); ignored it"],
    });
    expect(parse(toml('date = 07:32:00')).date).toBeUndefined();
  });

  it('reads an ambiguous numeric date by a weekday the body names, and says how', () => {
    const article = parse(yaml('date: 06/05/2016', 'The synthetic Northvale fair opened on Sunday.\n'));
    expect(article.date).toBe('2016-06-05');
    expect(article.warnings).toEqual([
      expect.stringMatching(/^front matter 'date': the text says Sunday: 06\/05\/2016 is/),
    ]);
  });

  it("takes Jekyll's published: true or false as a flag, not as a date", () => {
    expect(parse(yaml('published: false'))).toMatchObject({ draft: true, warnings: [] });
    expect(parse(yaml('published: false')).date).toBeUndefined();
    const published = parse(yaml('published: true'));
    expect(published).toMatchObject({ warnings: [] });
    expect(published.draft).toBeUndefined();
  });
});

describe('front matter formats', () => {
  it.each([
    ['YAML', yaml('title: From YAML'), 'yaml'],
    ['YAML closed by ...', '---\ntitle: From YAML\n...\nBody.\n', 'yaml'],
    ['YAML after blank lines', `\n\n${yaml('title: From YAML')}`, 'yaml'],
    ['YAML after a byte-order mark and blank lines', `\uFEFF\n \n${yaml('title: From YAML')}`, 'yaml'],
    ['TOML', toml('title = "From TOML"'), 'toml'],
    ['TOML with CRLF line endings', toml('title = "From TOML"').replace(/\n/g, '\r\n'), 'toml'],
    ['JSON', '{\n  "title": "From JSON"\n}\n\nSynthetic body.\n', 'json'],
    ['JSON on one line', '{"title": "From JSON"}\nSynthetic body.\n', 'json'],
  ])('%s', (_what, source, format) => {
    const article = parse(source);
    expect(article.title).toMatch(/^From /);
    expect(article.body.trim()).toBe(source.includes('Body.') ? 'Body.' : 'Synthetic body.');
    expect(article.warnings).toEqual([]);
    expect(readFrontMatter(source.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'), libraries).format).toBe(format);
  });

  it.each([
    ['a Hugo shortcode', '{{< figure src="northvale.jpg" >}}\n\n# Title\n'],
    ['a Liquid tag', '{% include notice.html %}\n\n# Title\n'],
    ['a brace in prose', '{Northvale} is a synthetic town.\n\n# Title\n'],
    ['a rule after text', 'Intro.\n\n---\n\n# Title\n'],
  ])('leaves %s at the top as body', (_what, source) => {
    expect(parse(source)).toMatchObject({ title: 'Title', body: source, warnings: [] });
  });

  it('reads Zola taxonomies and extras as if at the top level, the top level winning', () => {
    const article = parse(
      toml(
        [
          'title = "Council budget"',
          'description = "A synthetic description."',
          '[taxonomies]',
          'tags = ["Budget", "council"]',
          'categories = ["Council", "Local politics"]',
          '[extra]',
          'author = "Ada Quill"',
          'source = "Example Gazette"',
          'title = "Not the title"',
        ].join('\n'),
      ),
    );
    expect(article).toMatchObject({
      title: 'Council budget',
      summary: 'A synthetic description.',
      tags: ['Budget', 'council', 'Local politics'],
      author: 'Ada Quill',
      source: 'Example Gazette',
      warnings: [],
    });
  });

  it("reads Hugo's params like Zola's extra", () => {
    expect(parse(yaml('params:\n  author: Jane Doe\n  summary: Synthetic.'))).toMatchObject({
      author: 'Jane Doe',
      summary: 'Synthetic.',
    });
  });

  it.each([
    [
      'invalid TOML',
      toml('title = "unclosed'),
      /^front matter is not valid TOML \(Invalid TOML document: .*\); read the article without it$/,
    ],
    [
      'invalid JSON',
      '{"title": "x",}\n\n# Heading\n',
      /^front matter is not valid JSON \(.*\); read the article without it$/,
    ],
    [
      'unterminated TOML',
      '+++\ntitle = "x"\n\n# Heading\n',
      /^front matter starts with '\+\+\+' but never ends; read everything after the first '\+\+\+' as the body$/,
    ],
    [
      'unterminated JSON',
      '{"title": "x"\n\n# Heading\n',
      /^front matter starts with '\{' but never ends; read the whole file as the body$/,
    ],
    ['TOML nested too deeply', toml(`title = ${'['.repeat(40)}${']'.repeat(40)}`), /nests too deeply/],
    [
      'YAML aliases that multiply',
      yaml(
        [
          'a: &a [x, x, x, x, x, x, x, x, x]',
          ...'bcdefgh'.split('').map((key, i) => `${key}: &${key} [${`*${'abcdefgh'[i]}, `.repeat(9)}]`),
        ].join('\n'),
      ),
      /^front matter is not valid YAML \(Excessive alias count.*\); read the article without it$/,
    ],
    [
      'YAML that is only text',
      yaml('just some words'),
      /^front matter is text, not a mapping of fields; read the article without it$/,
    ],
  ])('reads an article with %s, with one warning', (_what, source, warning) => {
    const article = parse(source);
    expect(article.warnings).toEqual([expect.stringMatching(warning)]);
    expect(article.title).toMatch(/^(Heading|slug)$/);
  });

  it('reads invalid YAML field by field: valid fields kept, a plain line with a colon as text', () => {
    const article = parse(
      yaml(
        'title: Northvale: a history\ndate: 2019-04-09\ntags:\n- one\n- two\nbanner: {title: [x}\nsummary: Synthetic.',
      ),
    );
    expect(article).toMatchObject({
      title: 'Northvale: a history',
      date: '2019-04-09',
      tags: ['one', 'two'],
      summary: 'Synthetic.',
      warnings: [
        "front matter is not valid YAML (Nested mappings are not allowed in compact mappings, line 2); read 'title' as plain text and ignored 'banner'",
      ],
    });
  });

  it('never lets a __proto__ field change what fields are', () => {
    for (const source of [
      yaml('__proto__: {title: Polluted}\nsummary: Kept.'),
      yaml('__proto__: {title: Polluted}\nsummary: Kept.\nbroken: [x'),
      '{"__proto__": {"title": "Polluted"}, "summary": "Kept."}\n',
      toml('summary = "Kept."\n[__proto__]\ntitle = "Polluted"'),
    ]) {
      expect(parse(source)).toMatchObject({ title: 'slug', summary: 'Kept.' });
    }
  });

  it('needs the TOML parser for TOML, and says so, unlike text it can read without it', () => {
    expect(() => parseArticle(toml('title = "x"'), 'slug', 'slug.md', {})).toThrow(/loadFrontMatterLibraries/);
    expect(() => parseArticle(yaml('title: Q&amp;A'), 'slug', 'slug.md', {})).toThrow(/loadFrontMatterLibraries/);
    expect(parseArticle(yaml('title: Plain'), 'slug', 'slug.md', {}).title).toBe('Plain');
  });

  it('loads what a text needs when asked to', async () => {
    const article = await loadAndParseArticle(toml('title = "Q&amp;A in Northvale"'), 'slug', 'slug.md');
    expect(article).toMatchObject({ title: 'Q&A in Northvale', warnings: [] });
    expect((await loadAndParseArticle('# Caf&eacute; news\n', 'slug', 'slug.md')).title).toBe('Café news');
    expect((await loadAndParseArticle(yaml('title: "\\x26eacute;"'), 'slug', 'slug.md')).title).toBe('é');
  });

  it('keeps what follows the block as the body', () => {
    expect(readFrontMatter('---\ntitle: x\n---\nLine one\n---\nLine two\n').body).toBe('Line one\n---\nLine two\n');
    expect(readFrontMatter('{"title": "x"} \nBody\n').body).toBe('Body\n');
  });
});

describe('front matter fields', () => {
  it.each([
    ['an author', 'author: Jane Doe', { author: 'Jane Doe' }],
    ['a list of authors', 'authors: [Jane Doe, Ada Quill]', { author: 'Jane Doe and Ada Quill' }],
    ['three authors', 'authors: [Jane Doe, Ada Quill, Ren Ito]', { author: 'Jane Doe, Ada Quill and Ren Ito' }],
    ['authors as text, never split', 'authors: "Doe, Jane"', { author: 'Doe, Jane' }],
    [
      'author and authors, repeats dropped',
      'author: Jane Doe\nauthors: [jane doe, Ada Quill]',
      { author: 'Jane Doe and Ada Quill' },
    ],
    [
      'authors with names and emails',
      'authors:\n  - name: Jane Doe\n    email: jane@example.test',
      { author: 'Jane Doe' },
    ],
    ['a description', 'description: A synthetic standfirst.', { summary: 'A synthetic standfirst.' }],
    ['an excerpt, as Jekyll writes it', 'excerpt: A synthetic excerpt.', { summary: 'A synthetic excerpt.' }],
    ['a subtitle', 'subtitle: A synthetic subtitle.', { summary: 'A synthetic subtitle.' }],
    [
      'a summary over a description',
      'summary: The summary.\ndescription: The description.',
      { summary: 'The summary.' },
    ],
    [
      'tags from every field that holds them, tags and tag first, repeats in another case dropped',
      'tags: [Budget, council]\ncategories: [Council, Local]\ntopics: [budget]\nkeywords: "roads, Local"\ntag: bridges',
      { tags: ['Budget', 'council', 'bridges', 'Local', 'roads'] },
    ],
    ["Jekyll's category", 'category: Letters', { tags: ['Letters'] }],
    ['numbers as tags', 'tags: [2019, budget]', { tags: ['2019', 'budget'] }],
    ['draft: true', 'draft: true', { draft: true }],
    ['draft written as text', 'draft: "true"', { draft: true }],
    ['a slug, as an alias', 'slug: northvale-fair', { alias: 'northvale-fair' }],
    [
      'character references',
      'title: "Caf&eacute; &#8220;talks&#8221; end&#46;"\nsummary: Fish &amp; chips &mdash; R&D\nauthor: Ren&eacute;e Quill\ntags: [Caf&eacute;s]\nsource: Example&nbsp;Gazette',
      {
        title: 'Café “talks” end.',
        summary: 'Fish & chips — R&D',
        author: 'Renée Quill',
        tags: ['Cafés'],
        source: 'Example\u00a0Gazette',
      },
    ],
    ['a reference once, never twice', 'title: "&amp;#27; is written"', { title: '&#27; is written' }],
    ['a reference to a control character, made safe', 'title: "Bell&#7; &#x1b;[2J"', { title: 'Bell^G ^[[2J' }],
    [
      'a url as written',
      'url: "https://example.test/?a=1&amp;lang=en"',
      { url: 'https://example.test/?a=1&amp;lang=en' },
    ],
  ])('%s', (_what, fields, expected) => {
    expect(parse(yaml(fields))).toMatchObject({ ...expected, warnings: [] });
  });

  it.each([
    ['aliases', 'aliases: [/old/path]'],
    ['expirydate', 'expirydate: 2030-01-01'],
    ['unknown fields of any kind', 'weight: 3\nlayout: post\nfeatured_image: {uid: x}\nmenu: [main]'],
    ['empty values', 'title:\nauthor: ""\ntags: []\ndate:\nsummary: " "'],
    ['draft: false', 'draft: false'],
    ['a slug that is the file name', 'slug: slug'],
  ])('ignores %s without a warning', (_what, fields) => {
    const article = parse(yaml(fields));
    expect(article.warnings).toEqual([]);
    expect(article.draft).toBeUndefined();
    expect(article.alias).toBeUndefined();
  });

  it.each([
    [
      'a mapping as title',
      'title: {text: x}',
      { title: 'slug' },
      "front matter 'title' is a mapping, not text; ignored it",
    ],
    ['a list as summary', 'summary: [a, b]', {}, "front matter 'summary' is a list, not text; ignored it"],
    [
      'a mapping as tags',
      'tags: {a: 1}',
      { tags: [] },
      "front matter 'tags' is a mapping, not text or a list of text; ignored it",
    ],
    [
      'items that are not text',
      'tags: [a, [b], {c: 1}]',
      { tags: ['a'] },
      "front matter 'tags' has 2 items that are not text; ignored them",
    ],
    [
      'an author without a name',
      'authors: [{email: x@example.test}, Ada Quill]',
      { author: 'Ada Quill' },
      "front matter 'authors' has an item that is not text; ignored the item",
    ],
    [
      'a draft that is neither',
      'draft: maybe',
      {},
      "front matter 'draft' is neither true nor false ('maybe'); ignored it",
    ],
    [
      'a slug with a slash',
      'slug: news/northvale',
      {},
      "front matter 'slug' is not a name news can use ('news/northvale': letters, digits, '.', '_' and '-'); ignored it",
    ],
    ['a list as date', 'date: [2019-04-09]', {}, "front matter 'date' is not a date (a list); ignored it"],
    [
      'a nested field',
      '[extra]\nauthor = {a = 1}',
      {},
      "front matter 'extra.author' is a mapping, not text or a list of text; ignored it",
    ],
    [
      'a banner title that is a list',
      'banner: {title: [x], text: Kept.}',
      { banner: { title: '', text: 'Kept.' } },
      "front matter 'banner.title' is a list, not text; ignored it",
    ],
  ])('reads %s with a warning naming the field', (what, fields, expected, warning) => {
    const source = what === 'a nested field' ? toml(fields) : yaml(fields);
    const article = parse(source);
    expect(article).toMatchObject(expected);
    expect(article.warnings).toEqual([warning]);
  });

  it('quotes odd values safely and briefly in warnings', () => {
    const [warning] = parse(yaml(`date: "\\e[31m${'x'.repeat(100)}"`)).warnings;
    expect(warning).toMatch(/^front matter 'date' is not a date \('\^\[\[31mx+…'\); ignored it$/);
    expect(warning?.length).toBeLessThan(100);
  });
});

describe('front matter as sites write it (fixtures)', () => {
  const fixture = (name: string) =>
    loadAndParseArticle(readFileSync(join(FRONT_MATTER, `${name}.md`), 'utf8'), name, name);

  it.each([
    [
      'hugo-yaml',
      {
        title: 'Northvale’s bridge reopens after repairs',
        date: '2019-03-26',
        author: 'jane-doe and ada-quill',
        summary: 'The Example Gazette’s synthetic report — nothing here is news.',
        tags: ['bridges', 'infrastructure', 'Northvale'],
        draft: true,
        alias: 'northvale-bridge-reopens',
        warnings: [],
      },
    ],
    ['unquoted-timestamp', { date: '2019-04-09', author: 'Jane Doe and Ada Quill', tags: ['weather'], warnings: [] }],
    ['2019-04-09-jekyll-post', { date: '2019-04-09', tags: ['Letters'], warnings: [] }],
    [
      'zola-toml',
      {
        title: 'Northvale council votes on the budget',
        date: '2019-04-09',
        summary: 'A synthetic Zola post with taxonomies and extras.',
        tags: ['budget', 'Council', 'Local politics'],
        author: 'Ada Quill',
        source: 'Example Gazette',
        warnings: [],
      },
    ],
    ['json-front-matter', { date: '2019-04-09', tags: ['json', 'Northvale'], author: 'Jane Doe', warnings: [] }],
    ['bom-blank-lines', { title: 'After a byte-order mark and blank lines', date: '2019-04-09', warnings: [] }],
    [
      'broken-yaml',
      {
        title: 'Northvale: a history in three parts',
        date: '2019-04-09',
        tags: [],
        warnings: [
          expect.stringMatching(/^front matter is not valid YAML .*read 'title' as plain text and ignored 'tags'$/),
        ],
      },
    ],
    [
      'entities',
      {
        title: 'Café talks end in Northvale. “Finally”',
        summary: 'Fish & chips — and &#27; written as text',
        author: 'Renée Quill',
        tags: ['Cafés'],
        warnings: [],
      },
    ],
    [
      'odd-fields',
      {
        title: '1984',
        tags: ['plain', '7'],
        warnings: [
          "front matter 'date' is not a date ('next Tuesday'); ignored it",
          "front matter 'summary' is a list, not text; ignored it",
          "front matter 'tags' has an item that is not text; ignored the item",
          "front matter 'draft' is neither true nor false ('maybe'); ignored it",
          "front matter 'source' is a mapping, not text; ignored it",
          "front matter 'slug' is not a name news can use ('not/a/slug': letters, digits, '.', '_' and '-'); ignored it",
        ],
      },
    ],
  ])('%s', async (name, expected) => {
    const article = await fixture(name);
    expect(article).toMatchObject(expected);
    expect(article.body).toMatch(/^\n?(# .*\n\n)?(The|Synthetic) /);
  });
});
