import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressLine } from '../src/commands/open-library.js';
import { main } from '../src/main.js';
import { BUNDLED_DIR, ESCAPE, FIXTURES, fakeIo, runCli, stripAnsi, temporaryFolder } from './helpers.js';

const ARTICLES = join(FIXTURES, 'articles');
const BROKEN = join(FIXTURES, 'broken');

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

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

  it('skips broken articles with one warning each, lists the rest, and exits 2', async () => {
    const { code, stdout, stderr } = await runCli(['list', '--dir', BROKEN]);
    expect(code).toBe(2);
    expect(lines(stdout).map((line) => line.split('\t')[0])).toEqual(['good', 'abe-putin']);
    const warnings = lines(stderr);
    expect(warnings).toHaveLength(5);
    for (const warning of warnings) expect(warning).toMatch(/^news: warning: skipped .*broken\/.*\.md: /);
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

describe('news read', () => {
  it('renders plain text wrapped to 80 columns when piped', async () => {
    const { code, stdout, stderr } = await runCli(['read', 'abe-putin']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(ESCAPE);
    expect(stdout).toContain('Notice: Consular assistance in Russia');
    expect(stdout).toContain('Friday 6 May 2016 · EmbassyPages · News · AFP');
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it.each([
    [['--width', '40'], {}, 40],
    [[], { COLUMNS: '50' }, 50],
  ])('wraps to %j %j', async (flags, env, width) => {
    const { stdout } = await runCli(['read', 'abe-putin', ...flags], { env });
    const widest = Math.max(...stdout.split('\n').map((line) => line.length));
    expect(widest).toBeLessThanOrEqual(width);
    expect(widest).toBeGreaterThan(width - 10);
  });

  it('accepts global options before or after the command', async () => {
    const before = await runCli(['--color', 'always', 'read', 'abe-putin']);
    const after = await runCli(['read', 'abe-putin', '--color', 'always']);
    expect(before.stdout).toMatch(ESCAPE);
    expect(after.stdout).toBe(before.stdout);
  });

  it('honours NO_COLOR on a terminal but keeps the layout', async () => {
    const { stdout } = await runCli(['read', 'abe-putin', '--no-pager'], { tty: true, env: { NO_COLOR: '1' } });
    expect(stdout).not.toMatch(ESCAPE);
    expect(stdout).toContain('╭─ Notice');
  });

  it('styles on a terminal, capped at the reading measure', async () => {
    const { stdout } = await runCli(['read', 'abe-putin', '--no-pager'], { tty: true, columns: 200 });
    expect(stdout).toMatch(ESCAPE);
    const widest = Math.max(
      ...stripAnsi(stdout)
        .split('\n')
        .map((line) => line.length),
    );
    expect(widest).toBe(100);
  });

  it('exits 1 with a suggestion for an unknown slug, printing nothing on stdout', async () => {
    const { code, stdout, stderr } = await runCli(['read', 'abe-puttin']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      "news: no article named 'abe-puttin' (did you mean abe-putin?); run 'news list' to see every article\n",
    );
  });

  it.each(['../abe-putin', '/etc/passwd', 'articles/abe-putin'])('refuses the path %s with exit 2', async (slug) => {
    const { code, stdout, stderr } = await runCli(['read', slug]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(lines(stderr)).toEqual([expect.stringMatching(/is not an article name/)]);
  });

  it('fails with exit 2 naming the file when the article is invalid', async () => {
    const { code, stdout, stderr } = await runCli(['read', 'bad-date', '--dir', BROKEN]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^news: .*broken\/bad-date\.md: front matter 'date' must be a real calendar date/);
  });

  it('reads a folder named by --dir and NEWS_PATH once, without notes', async () => {
    const { stdout, stderr } = await runCli(['read', 'abe-putin', '--dir', ARTICLES], {
      env: { NEWS_PATH: `${ARTICLES}:${BUNDLED_DIR}` },
    });
    expect(stdout).toContain('Japan’s Abe');
    expect(stderr).toBe('');
  });
});

describe('news search', () => {
  it('prints slug, date, title and snippet tab-separated when piped', async () => {
    const { code, stdout } = await runCli(['search', 'peace', 'treaty']);
    expect(code).toBe(0);
    const [row] = lines(stdout).map((line) => line.split('\t'));
    expect(row?.slice(0, 2)).toEqual(['abe-putin', '2016-05-06']);
    expect(row?.[3]).toMatch(/peace treaty/);
  });

  it('highlights matches on a terminal', async () => {
    const { stdout } = await runCli(['search', 'Lavrov'], { tty: true });
    expect(stdout).toContain('\u001b[1m\u001b[33mLavrov');
  });

  it('gives JSON hits with a score', async () => {
    const { stdout } = await runCli(['search', 'Putin', '--json']);
    expect(JSON.parse(stdout)).toEqual([
      {
        slug: 'abe-putin',
        title: expect.any(String),
        date: '2016-05-06',
        score: expect.any(Number),
        snippet: expect.stringContaining('Putin'),
        matches: expect.any(Array),
        path: expect.stringContaining('abe-putin.md'),
      },
    ]);
  });

  it('gives match offsets in code points that point at the query words', async () => {
    const { stdout } = await runCli(['search', 'Putin', 'Abe', '--json']);
    const [hit] = JSON.parse(stdout) as { snippet: string; matches: [number, number][] }[];
    const points = [...(hit?.snippet ?? '')];
    const found = (hit?.matches ?? []).map(([start, end]) => points.slice(start, end).join(''));
    expect(found.length).toBeGreaterThan(0);
    for (const word of found) expect(['Putin', 'Abe']).toContain(word);
  });

  it('honours --limit', async () => {
    const { stdout } = await runCli(['search', 'fixture', '--limit', '1', '--dir', join(FIXTURES, 'ranking')]);
    expect(lines(stdout)).toHaveLength(1);
  });

  it('exits 1 when nothing matches', async () => {
    const { code, stdout, stderr } = await runCli(['search', 'zzzz']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(lines(stderr)).toHaveLength(1);
  });
});

describe('usage', () => {
  it.each([
    [['--bogus']],
    [['lst']],
    [['read']],
    [['read', 'abe-putin', '--width', '5']],
    [['--color', 'sometimes', 'list']],
    [['search', 'x', '--limit', '0']],
    [['list', '--dir', '/no/such/folder']],
  ])('%j is one line on stderr and exit 2', async (argv) => {
    const { code, stdout, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(lines(stderr)).toHaveLength(1);
    expect(stderr).toMatch(/^news: /);
  });

  it('prints help on stdout with exit 0 for --help, and the exit codes in it', async () => {
    const { code, stdout, stderr } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/Exit status:\n {2}0 /);
    expect(stdout).toContain('NEWS_PATH');
  });

  it('prints the version', async () => {
    const { code, stdout } = await runCli(['--version']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('shows usage on stderr with exit 2 when no command is given', async () => {
    const { code, stdout, stderr } = await runCli([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Usage: news');
  });
});

describe('output errors', () => {
  it('treats a closed pipe as success', async () => {
    const io = fakeIo({ writeError: Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }) });
    expect(await main(['read', 'abe-putin'], io, {}, { bundled: { dir: BUNDLED_DIR } })).toBe(0);
    expect(io.stderr.text).toBe('');
  });

  it('reports any other write error in one line with exit 2', async () => {
    const io = fakeIo({ writeError: Object.assign(new Error('write ENOSPC'), { code: 'ENOSPC' }) });
    expect(await main(['list'], io, {}, { bundled: { dir: BUNDLED_DIR } })).toBe(2);
    expect(io.stderr.text).toBe('news: cannot write the output (ENOSPC); check the disk or the receiving program\n');
  });
});

describe('untrusted arguments', () => {
  it('never echo control characters back from an unknown option or slug', async () => {
    for (const argv of [['--\u001b]52;c;aGk=\u0007'], ['read', 'x\u001b[2J'], ['search', '\u009b31m']]) {
      const { stdout, stderr } = await runCli(argv);
      expect(stdout + stderr).not.toMatch(ESCAPE);
    }
  });
});

describe('article size cap', () => {
  it('refuses an article over NEWS_MAX_ARTICLE_BYTES and shows the others', async () => {
    const { code, stdout, stderr } = await runCli(['list'], { env: { NEWS_MAX_ARTICLE_BYTES: '100' } });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /abe-putin\.md: is \d+ bytes, over the 100-byte limit; shorten it or raise NEWS_MAX_ARTICLE_BYTES/,
    );
  });

  it('refuses a value that is not a number of bytes', async () => {
    const { code, stderr } = await runCli(['list'], { env: { NEWS_MAX_ARTICLE_BYTES: 'lots' } });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^news: NEWS_MAX_ARTICLE_BYTES='lots' is not a whole number of bytes/);
  });
});

describe('JSON output', () => {
  it('escapes C1 and bidi characters from paths as \\u sequences', async () => {
    const parent = temporaryFolder('news-json-');
    const folder = join(parent, 'odd\u009b\u202ename');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.md'), '# A\n');
    const { stdout } = await runCli(['list', '--json', '--dir', folder]);
    expect(stdout).not.toMatch(/[\u009b\u202e]/);
    expect(stdout).toContain('odd\\u009b\\u202ename');
    const entry = JSON.parse(stdout).find((article: { slug: string }) => article.slug === 'a');
    expect(entry.path).toBe(join(folder, 'a.md'));
  });
});

describe('news completion', () => {
  it.each(['bash', 'zsh', 'fish'])('prints a %s script', async (shell) => {
    const { code, stdout, stderr } = await runCli(['completion', shell]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('__complete-slugs');
  });

  it('lists slug and title for every folder it can read, skipping one still being typed', async () => {
    const { code, stdout, stderr } = await runCli(['__complete-slugs', '--dir', ARTICLES, '--dir', '/no/such/fold']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(lines(stdout)).toEqual([
      'abe-putin\tJapan’s Abe hails ‘breakthrough’ in island dispute at Putin talks: official',
      'no-front-matter\tHeading becomes the title',
      'sample\tFixture: a synthetic article that uses every feature',
      'undated\tUndated fixture',
    ]);
  });

  it('keeps __complete-slugs out of the help', async () => {
    expect((await runCli(['--help'])).stdout).not.toContain('__complete');
  });
});

describe('paging', () => {
  it('pages output taller than the screen with less -R and LESS=FRX by default', async () => {
    const { stdout, paged } = await runCli(['read', 'abe-putin'], { tty: true, rows: 30, env: { TERM: 'xterm' } });
    expect(stdout).toBe('');
    expect(paged).toHaveLength(1);
    expect(paged[0]?.pager.argv).toEqual(['less', '-R']);
    expect(paged[0]?.pager.env).toMatchObject({ LESS: 'FRX', TERM: 'xterm' });
    expect(paged[0]?.text).toContain('Kawamura');
  });

  it('prints output that fits on the screen', async () => {
    const { stdout, paged } = await runCli(['list'], { tty: true, rows: 30 });
    expect(paged).toEqual([]);
    expect(stdout).toContain('abe-putin');
  });

  it('prints directly when the pager cannot start', async () => {
    const { stdout, paged } = await runCli(['read', 'abe-putin'], { tty: true, pagerStarts: false });
    expect(paged).toEqual([]);
    expect(stdout).toContain('Kawamura');
  });
});

describe('news read --outline and --section', () => {
  it('prints the headline and subheadings', async () => {
    const { code, stdout } = await runCli(['read', 'abe-putin', '--outline']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      'Japan’s Abe hails ‘breakthrough’ in island dispute at Putin talks: official\n' +
        '  – Symbol of warming ties –\n' +
        '  – Lingering tensions –\n',
    );
  });

  it.each(['Lingering tensions', 'lingering', '– LINGERING TENSIONS –'])('prints one section for %j', async (name) => {
    const { code, stdout } = await runCli(['read', 'abe-putin', '--section', name]);
    expect(code).toBe(0);
    expect(stdout).toContain('– Lingering tensions –');
    expect(stdout).toContain('Kawamura insisted Friday');
    expect(stdout).not.toContain('Symbol of warming ties');
    expect(stdout).not.toContain('Consular assistance');
    expect(stdout).toContain('Friday 6 May 2016');
  });

  it('exits 1 naming the sections there are', async () => {
    const { code, stdout, stderr } = await runCli(['read', 'abe-putin', '--section', 'weather']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      "news: no section 'weather' in abe-putin; its sections are: – Symbol of warming ties –; – Lingering tensions –\n",
    );
  });
});

describe('links', () => {
  it('are numbered references listed after the article, never dropped', async () => {
    const { stdout } = await runCli(['read', 'sample', '--dir', ARTICLES]);
    expect(stdout).toContain('a link label[1] and');
    expect(stdout).toMatch(/\nLinks\n\[1\] https:\/\/example\.test\/link\n$/);
  });
});

describe('news quotes', () => {
  it('prints slug, speaker and quote tab-separated, in article order', async () => {
    const { code, stdout } = await runCli(['quotes', 'abe-putin']);
    expect(code).toBe(0);
    const rows = lines(stdout).map((line) => line.split('\t'));
    expect(rows).toHaveLength(16);
    expect(rows[0]).toEqual([
      'abe-putin',
      'Yasuhisa Kawamura',
      'The prime minister said that today he could feel a breakthrough, he could make a breakthrough in the currently stagnated negotiation,',
    ]);
  });

  it('filters by speaker and gives JSON with the paragraph number', async () => {
    const { stdout } = await runCli(['quotes', '--speaker', 'LAVROV', '--json']);
    expect(JSON.parse(stdout)).toEqual([
      {
        slug: 'abe-putin',
        speaker: 'Sergei Lavrov',
        quote: 'discussed the problem of the peace treaty,',
        paragraph: 14,
      },
      { slug: 'abe-putin', speaker: 'Sergei Lavrov', quote: 'move forward', paragraph: 15 },
      { slug: 'abe-putin', speaker: 'Sergei Lavrov', quote: 'result of World War II', paragraph: 15 },
    ]);
  });

  it('marks unattributed quotations on a terminal and leaves the speaker empty when piped', async () => {
    const folder = temporaryFolder('news-quotes-');
    writeFileSync(join(folder, 'q.md'), 'A sign read “Closed for the season” all week.\n\nA synthetic paragraph.\n');
    const piped = await runCli(['quotes', 'q', '--dir', folder]);
    expect(piped.stdout).toBe('q\t\tClosed for the season\n');
    const styled = await runCli(['quotes', 'q', '--dir', folder, '--no-pager'], { tty: true });
    expect(stripAnsi(styled.stdout)).toContain('(unattributed): “Closed for the season”');
  });

  it('exits 1 with a note when nothing matches', async () => {
    const { code, stdout, stderr } = await runCli(['quotes', '--speaker', 'nobody']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe("news: note: no quotations by 'nobody' found\n");
  });
});

describe('paging, per command', () => {
  it.each([
    [['list'], false],
    [['read', 'abe-putin'], true],
    [['search', 'Putin'], false],
    [['quotes'], true],
    [['quotes', '--json'], false],
    [['completion', 'bash'], false],
  ])('%j on a 10-line terminal pages: %s', async (argv, pages) => {
    const { paged } = await runCli(argv, { tty: true, rows: 10 });
    expect(paged.length > 0).toBe(pages);
  });
});

describe('__complete-slugs', () => {
  it('reads titles without parsing: quoted, from a heading, or none for a file it cannot read', async () => {
    const folder = temporaryFolder('news-complete-');
    writeFileSync(join(folder, 'a.md'), '---\ntitle: "Quoted: title"\ndate: 2020-01-01\n---\nBody\n');
    writeFileSync(join(folder, 'b.md'), "---\ntitle: 'Single quoted'\n---\n");
    writeFileSync(join(folder, 'c.md'), 'Intro\n\n# From the heading\n');
    writeFileSync(join(folder, 'd.md'), '---\ntitle: [broken\n---\n');
    mkdirSync(join(folder, 'e.md'));
    const { code, stdout } = await runCli(['__complete-slugs', '--dir', folder]);
    expect(code).toBe(0);
    expect(lines(stdout)).toEqual([
      'a\tQuoted: title',
      'abe-putin\tJapan’s Abe hails ‘breakthrough’ in island dispute at Putin talks: official',
      'b\tSingle quoted',
      'c\tFrom the heading',
      'd\t[broken',
    ]);
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

describe('index progress', () => {
  function recorder() {
    const sink = {
      isTTY: true,
      text: '',
      write(text: string) {
        sink.text += text;
      },
    };
    return sink;
  }

  it('stays silent for the first second, then redraws one line at most ten times a second', () => {
    const sink = recorder();
    let now = 0;
    const progress = progressLine(sink, () => now);
    now = 900;
    progress.update(10, 100);
    expect(sink.text).toBe('');
    now = 1000;
    progress.update(20, 100);
    expect(sink.text).toBe('\rnews: indexing articles: 20 of 100\u001b[K');
    now = 1050;
    progress.update(30, 100);
    now = 1100;
    progress.update(40, 100);
    expect(sink.text).toBe('\rnews: indexing articles: 20 of 100\u001b[K\rnews: indexing articles: 40 of 100\u001b[K');
    progress.done();
    expect(sink.text.endsWith('\r\u001b[K')).toBe(true);
  });

  it('clears nothing when it never drew', () => {
    const sink = recorder();
    const progress = progressLine(sink, () => 0);
    progress.update(1, 2);
    progress.done();
    expect(sink.text).toBe('');
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
