// Front matter as site generators write it, through the CLI: no article is skipped, fields come out right.

import { cpSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, lines, privateCacheDir, runCli, temporaryFolder } from '../helpers.js';

const FRONT_MATTER = join(FIXTURES, 'frontmatter');
const cache = privateCacheDir();

interface ListRow {
  slug: string;
  title: string;
  date: string | null;
  author: string | null;
  source: string | null;
  tags: string[];
  summary: string | null;
}

describe('a folder of site-generator posts', () => {
  it('lists every post (drafts with --drafts), dated and titled from its front matter, newest first', async () => {
    const { code, stdout } = await runCli(['--no-cache', '--dir', FRONT_MATTER, 'list', '--drafts']);
    expect(code).toBe(0);
    expect(lines(stdout).map((line) => line.split('\t'))).toEqual([
      ['2019-04-09-jekyll-post', '2019-04-09', 'A Jekyll post dated by its file name'],
      ['bom-blank-lines', '2019-04-09', 'After a byte-order mark and blank lines'],
      ['broken-yaml', '2019-04-09', 'Northvale: a history in three parts'],
      ['json-front-matter', '2019-04-09', 'A post with JSON front matter'],
      ['unquoted-timestamp', '2019-04-09', 'An unquoted timestamp late in the day'],
      ['zola-toml', '2019-04-09', 'Northvale council votes on the budget'],
      ['hugo-yaml', '2019-03-26', 'Northvale’s bridge reopens after repairs'],
      ['abe-putin', '2016-05-06', 'Japan’s Abe hails ‘breakthrough’ in island dispute at Putin talks: official'],
      ['entities', '', 'Café talks end in Northvale. “Finally”'],
      ['odd-fields', '', '1984'],
    ]);
  });

  it('gives authors, tags, summaries and sources from every format in --json', async () => {
    const { code, stdout } = await runCli(['--no-cache', '--dir', FRONT_MATTER, 'list', '--json', '--drafts']);
    expect(code).toBe(0);
    const rows = new Map((JSON.parse(stdout) as ListRow[]).map((row) => [row.slug, row]));
    expect(rows.get('hugo-yaml')).toMatchObject({
      author: 'jane-doe and ada-quill',
      tags: ['bridges', 'infrastructure', 'Northvale'],
      summary: 'The Example Gazette’s synthetic report — nothing here is news.',
    });
    expect(rows.get('zola-toml')).toMatchObject({
      author: 'Ada Quill',
      source: 'Example Gazette',
      tags: ['budget', 'Council', 'Local politics'],
      summary: 'A synthetic Zola post with taxonomies and extras.',
    });
    expect(rows.get('json-front-matter')).toMatchObject({ author: 'Jane Doe', tags: ['json', 'Northvale'] });
    expect(rows.get('unquoted-timestamp')).toMatchObject({ author: 'Jane Doe and Ada Quill', tags: ['weather'] });
    expect(rows.get('entities')).toMatchObject({
      author: 'Renée Quill',
      summary: 'Fish & chips — and &#27; written as text',
    });
    expect(rows.get('odd-fields')).toMatchObject({ title: '1984', tags: ['plain', '7'], summary: null, source: null });
  });

  it('gives the same through the search index as without it', async () => {
    for (const argv of [['list'], ['list', '--json'], ['list', '--drafts'], ['search', 'Northvale']]) {
      const uncached = await runCli(['--no-cache', '--dir', FRONT_MATTER, ...argv]);
      const cached = await runCli(['--dir', FRONT_MATTER, ...argv], { env: { NEWS_CACHE_DIR: cache } });
      expect({ code: cached.code, stdout: cached.stdout }, argv.join(' ')).toEqual({
        code: uncached.code,
        stdout: uncached.stdout,
      });
    }
  });

  it('warns about what front matter could not be read once, when a file is indexed, and when it is read', async () => {
    const folder = temporaryFolder('news-warnings-');
    cpSync(join(FRONT_MATTER, 'odd-fields.md'), join(folder, 'odd-fields.md'));
    // An hour ago: a file changed within the last second is read again on the next run, by design.
    const past = Date.now() / 1000 - 3600;
    utimesSync(join(folder, 'odd-fields.md'), past, past);
    utimesSync(folder, past, past);
    const env = { NEWS_CACHE_DIR: temporaryFolder('news-warnings-cache-') };
    const warning = `news: warning: ${join(folder, 'odd-fields.md')}: front matter 'date' is not a date ('next Tuesday'); ignored it`;
    const first = await runCli(['--dir', folder, 'list'], { env });
    expect(first.code).toBe(0);
    expect(lines(first.stderr)).toContain(warning);
    const again = await runCli(['--dir', folder, 'list'], { env });
    expect(again.stderr).toBe('');
    for (const options of [{ env }, {}]) {
      const read = await runCli(['--dir', folder, 'read', 'odd-fields'], options);
      expect(read.code).toBe(0);
      expect(lines(read.stderr)).toContain(warning);
    }
  });

  it('hides drafts from list, search and quotes unless asked, and reads them by name', async () => {
    const env = { NEWS_CACHE_DIR: cache };
    for (const cached of [true, false]) {
      const base = cached ? ['--dir', FRONT_MATTER] : ['--no-cache', '--dir', FRONT_MATTER];
      const options = cached ? { env } : {};
      const listed = await runCli([...base, 'list'], options);
      expect(listed.stdout).not.toContain('hugo-yaml');
      expect((await runCli([...base, 'list', '--drafts'], options)).stdout).toContain('hugo-yaml');
      expect((await runCli([...base, 'search', 'bridge'], options)).code).toBe(1);
      expect((await runCli([...base, 'search', 'bridge', '--drafts'], options)).stdout).toMatch(/^hugo-yaml\t/);
      const read = await runCli([...base, 'read', 'hugo-yaml'], options);
      expect(read.code).toBe(0);
      expect(read.stdout).toContain('Northvale’s bridge reopens after repairs');
    }
  });

  it.each([
    ['hugo-yaml', 'Northvale’s bridge reopens after repairs', 'Tuesday 26 March 2019'],
    ['zola-toml', 'Northvale council votes on the budget', 'Tuesday 9 April 2019 · Example Gazette'],
    ['broken-yaml', 'Northvale: a history in three parts', 'Tuesday 9 April 2019'],
    ['odd-fields', '1984', 'Synthetic text whose front matter has odd values.'],
  ])('reads %s with its title and dateline', async (slug, title, line) => {
    const { code, stdout } = await runCli(['--no-cache', '--dir', FRONT_MATTER, 'read', slug]);
    expect(code).toBe(0);
    expect(lines(stdout)[0]).toBe(title);
    expect(stdout).toContain(line);
  });

  it.each([
    ['tag:council', ['zola-toml']],
    ['tag:infrastructure --drafts', ['hugo-yaml']],
    ['Cafés', ['entities']],
    ['title:history', ['broken-yaml']],
  ])('finds %s in the fields front matter gave', async (query, slugs) => {
    const { code, stdout } = await runCli(['--no-cache', '--dir', FRONT_MATTER, 'search', ...query.split(' ')]);
    expect(code).toBe(0);
    expect(lines(stdout).map((line) => line.split('\t')[0])).toEqual(slugs);
  });

  it('filters on dates and tags that come from any format', async () => {
    const since = await runCli(['--no-cache', '--dir', FRONT_MATTER, 'list', '--since', '2019-04-01']);
    expect(lines(since.stdout)).toHaveLength(6);
    const tagged = await runCli(['--no-cache', '--dir', FRONT_MATTER, 'list', '--tag', 'local politics']);
    expect(lines(tagged.stdout).map((line) => line.split('\t')[0])).toEqual(['zola-toml']);
  });

  it('lists a post whose front matter is broken in every way, from its heading or name', async () => {
    const folder = temporaryFolder('news-frontmatter-');
    cpSync(FRONT_MATTER, folder, { recursive: true });
    const broken = {
      'no-end.md': '---\ntitle: Never closed\n\n# The heading\n\nSynthetic body.\n',
      'bad-toml.md': '+++\ntitle = "unclosed\n+++\n\nSynthetic body.\n',
      'bad-json.md': '{"title": "x",}\n\n# Heading of bad JSON\n',
      'deep.md': `---\ntitle: ${'['.repeat(5000)}\n---\n\n# Deep heading\n`,
      'huge.md': `---\ntitle: ${'x'.repeat(70_000)}\n---\n\nSynthetic body.\n`,
    };
    for (const [name, text] of Object.entries(broken)) writeFileSync(join(folder, name), text);
    const { code, stdout } = await runCli(['--no-cache', '--dir', folder, 'list', '--drafts']);
    expect(code).toBe(0);
    const titles = new Map(lines(stdout).map((line) => [line.split('\t')[0], line.split('\t')[2]]));
    expect(titles.size).toBe(15);
    expect(Object.fromEntries(Object.keys(broken).map((name) => [name, titles.get(name.slice(0, -3))]))).toEqual({
      'no-end.md': 'The heading',
      'bad-toml.md': 'bad-toml',
      'bad-json.md': 'Heading of bad JSON',
      'deep.md': 'Deep heading',
      'huge.md': 'huge',
    });
  });
});

describe('a front matter slug', () => {
  it('is another name read takes for the article, with or without the index', async () => {
    for (const options of [{ env: { NEWS_CACHE_DIR: cache } }, {}]) {
      const { code, stdout } = await runCli(['--dir', FRONT_MATTER, 'read', 'northvale-bridge-reopens'], options);
      expect(code).toBe(0);
      expect(lines(stdout)[0]).toBe('Northvale’s bridge reopens after repairs');
    }
    expect((await runCli(['--dir', FRONT_MATTER, 'read', 'not-an-alias'])).code).toBe(1);
  });
});
