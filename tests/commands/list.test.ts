import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ARTICLES,
  BROKEN,
  BUNDLED_DIR,
  ESCAPE,
  FIXTURES,
  lines,
  runCli,
  stripAnsi,
  temporaryFolder,
} from '../helpers.js';

describe('news list', () => {
  it('prints slug, date and title tab-separated, newest first, when piped', async () => {
    const { code, stdout, stderr } = await runCli(['list', '--dir', ARTICLES]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(lines(stdout).map((line) => line.split('\t'))).toEqual([
      ['sample', '2020-02-29', 'Fixture: a synthetic article that uses every feature'],
      ['abe-putin', '2016-05-06', 'Japan’s Abe hails ‘breakthrough’ in island dispute at Putin talks: official'],
      ['no-front-matter', '', 'Heading becomes the title'],
      ['undated', '', 'Undated fixture'],
    ]);
    expect(stdout).not.toMatch(ESCAPE);
  });

  it('prints an aligned, coloured table on a terminal, within its width', async () => {
    const { code, stdout } = await runCli(['list', '--dir', ARTICLES], { tty: true, columns: 60 });
    expect(code).toBe(0);
    expect(stdout).toMatch(ESCAPE);
    const rows = lines(stripAnsi(stdout));
    expect(rows[0]).toMatch(/^2020-02-29 {2}sample {11}1 min {2}Fixture: a synthetic/);
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(60);
  });

  it('gives JSON with ISO dates and stable keys', async () => {
    const { code, stdout } = await runCli(['list', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      expect.objectContaining({
        slug: 'abe-putin',
        date: '2016-05-06',
        source: 'EmbassyPages',
        section: 'News',
        agency: 'AFP',
        tags: ['Japan', 'Russia', 'Kuril Islands', 'diplomacy'],
        words: expect.any(Number),
      }),
    ]);
  });

  it('lists articles whose front matter cannot be read, skipping only a file it cannot name, and exits 2', async () => {
    // Front matter problems are warnings on the article, never a reason to leave it out; a file
    // whose name is not a slug is still skipped with one warning.
    const { code, stdout, stderr } = await runCli(['list', '--dir', BROKEN]);
    expect(code).toBe(2);
    expect(lines(stdout).map((line) => line.split('\t'))).toEqual([
      ['good', '2019-09-09', 'The one good fixture among broken ones'],
      ['abe-putin', '2016-05-06', 'Japan’s Abe hails ‘breakthrough’ in island dispute at Putin talks: official'],
      ['bad-date', '', 'Impossible date'],
      ['bad-yaml', '', 'bad-yaml'],
      ['list-front-matter', '', 'list-front-matter'],
      ['unterminated', '', 'unterminated'],
    ]);
    expect(lines(stderr)).toEqual([
      expect.stringMatching(/broken\/bad-date\.md: front matter 'date' is not a date \('2016-02-30'\); ignored it$/),
      expect.stringMatching(/broken\/bad-yaml\.md: front matter is not valid YAML/),
      expect.stringMatching(/broken\/list-front-matter\.md: front matter is a list, not a mapping of fields/),
      expect.stringMatching(/broken\/unterminated\.md: front matter starts with '---' but never ends/),
      expect.stringMatching(/^news: warning: skipped .*broken\/bad name\.md: /),
    ]);
  });

  it('notes when a user article hides a bundled one of the same slug', async () => {
    const user = temporaryFolder('news-cli-');
    writeFileSync(join(user, 'abe-putin.md'), '# My own copy\n');
    const { code, stdout, stderr } = await runCli(['list', '--dir', user]);
    expect(code).toBe(0);
    expect(stdout).toBe('abe-putin\t\tMy own copy\n');
    expect(stderr).toBe(
      `news: note: 'abe-putin' from ${join(user, 'abe-putin.md')} hides ${join(BUNDLED_DIR, 'abe-putin.md')}\n`,
    );
  });
});

describe('news list --json', () => {
  it("gives each article's summary, or null", async () => {
    const folder = temporaryFolder('news-summary-');
    writeFileSync(
      join(folder, 'with-summary.md'),
      '---\ntitle: Synthetic standfirst\nsummary: A synthetic numbat census.\n---\n\nBody.\n',
    );
    const { stdout } = await runCli(['--dir', folder, 'list', '--json']);
    const rows = JSON.parse(stdout) as { slug: string; summary: string | null }[];
    expect(rows.find((row) => row.slug === 'with-summary')?.summary).toBe('A synthetic numbat census.');
    expect(rows.find((row) => row.slug === 'abe-putin')?.summary).toBeNull();
  });
});

describe('list and search filters', () => {
  const RANKING = join(FIXTURES, 'ranking');

  it('list filters by date, sorts by title and limits', async () => {
    const { code, stdout } = await runCli([
      'list',
      '--dir',
      RANKING,
      '--since',
      '2015-01-01',
      '--sort',
      'title',
      '-n',
      '3',
    ]);
    expect(code).toBe(0);
    expect(lines(stdout).map((line) => line.split('\t')[0])).toEqual(['body-hit', 'heading-hit', 'abe-putin']);
  });

  it('list filters by tag and source', async () => {
    expect((await runCli(['list', '--tag', 'kuril islands'])).stdout).toMatch(/^abe-putin\t/);
    expect((await runCli(['list', '--source', 'nowhere'])).stdout).toBe('');
  });

  it('search honours --since and --until', async () => {
    expect((await runCli(['search', 'quokka', '--dir', RANKING, '--since', '2010-01-01'])).stdout).toMatch(
      /^tie-new\t/,
    );
    const none = await runCli(['search', 'quokka', '--dir', RANKING, '--until', '1999-12-31']);
    expect(none.code).toBe(1);
  });

  it.each([
    [['list', '--since', '2016-02-30']],
    [['list', '--sort', 'size']],
    [['search', 'x', '--until', 'yesterday']],
  ])('%j is a usage error', async (argv) => {
    const { code, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(lines(stderr)).toHaveLength(1);
  });
});

describe('news list on a terminal', () => {
  it('never truncates a slug, however narrow: the title gives way', async () => {
    const folder = temporaryFolder('news-list-slugs-');
    const slug = 'a-rather-long-synthetic-slug-that-must-stay-whole';
    writeFileSync(
      join(folder, `${slug}.md`),
      '---\ntitle: A synthetic title long enough to be cut somewhere\n---\n\nText.\n',
    );
    const { stdout } = await runCli(['list', '--dir', folder], { tty: true, columns: 60 });
    const row = lines(stripAnsi(stdout)).find((line) => line.includes('a-rather'));
    expect(row).toContain(slug);
    expect(row).toContain('…');
  });

  it('uses the whole width of a terminal wider than 100 columns for the table', async () => {
    const { stdout } = await runCli(['list'], { tty: true, columns: 160 });
    const row = lines(stripAnsi(stdout))[0] ?? '';
    expect(row).toContain('Japan’s Abe hails ‘breakthrough’ in island dispute at Putin talks: official');
    expect(row.length).toBeGreaterThan(100);
  });
});

describe('news list and the library folder', () => {
  it('leaves out a library folder that does not exist yet, silently', async () => {
    const library = join(temporaryFolder('news-library-'), 'not-yet');
    const { code, stdout, stderr } = await runCli(['list'], { env: { NEWS_LIBRARY: library } });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(lines(stdout).map((line) => line.split('\t')[0])).toEqual(['abe-putin']);
  });

  it('reads the library folder after --dir and before the bundled articles', async () => {
    const library = temporaryFolder('news-library-');
    writeFileSync(join(library, 'abe-putin.md'), '---\ntitle: Imported copy\n---\n\nText.\n');
    writeFileSync(join(library, 'imported.md'), '---\ntitle: Imported\ndate: 2020-01-01\n---\n\nText.\n');
    const { code, stdout, stderr } = await runCli(['list', '--no-cache'], { env: { NEWS_LIBRARY: library } });
    expect(code).toBe(0);
    expect(lines(stdout).map((line) => line.split('\t')[2])).toEqual(['Imported', 'Imported copy']);
    expect(stderr).toMatch(/note: 'abe-putin' from .*abe-putin\.md hides .*articles\/abe-putin\.md/);
  });
});
