import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { BUNDLED_DIR, ESCAPE, FIXTURES, fakeIo, lines, runCli, temporaryFolder } from './helpers.js';

const _ARTICLES = join(FIXTURES, 'articles');
const _BROKEN = join(FIXTURES, 'broken');

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

describe('usage errors in the house style', () => {
  it.each([
    [
      ['list', '-n', '0'],
      "news: --limit 0: give a whole number of articles, 1 or more (run 'news list --help' for usage)",
    ],
    [
      ['search', 'x', '-n', '0'],
      "news: --limit 0: give a whole number of hits, 1 or more (run 'news search --help' for usage)",
    ],
    [
      ['read', 'x', '--width', '5'],
      "news: --width 5: give a whole number of columns from 20 to 1000 (run 'news --help' for usage)",
    ],
    [['lsit'], "news: unknown command 'lsit'; did you mean list? (run 'news --help' for usage)"],
    [['list', '--jsn'], "news: unknown option '--jsn'; did you mean --json? (run 'news list --help' for usage)"],
    [['help', 'nosuch'], "news: unknown command 'nosuch' (run 'news --help' for usage)"],
    [['help', 'serch'], "news: unknown command 'serch'; did you mean search, fetch? (run 'news --help' for usage)"],
    [['search', ''], "news: the query is empty; give a word to search for, like 'news search treaty'"],
    [
      ['list', '--since', '2020-01-01', '--until', '2019-01-01'],
      'news: --since 2020-01-01 is after --until 2019-01-01; swap the two dates',
    ],
  ])('%j: exit 2 and exactly one line', async (argv, line) => {
    const { code, stdout, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${line}\n`);
  });

  it('help <command> shows that command’s help and exits 0', async () => {
    const { code, stdout } = await runCli(['help', 'search']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: news search \[options\] <query\.\.\.>/);
  });
});

describe('a NEWS_PATH folder that no longer exists', () => {
  it('is left out with one warning, and every command goes on', async () => {
    const env = { NEWS_PATH: '/no/such/news/folder' };
    for (const argv of [['read', 'abe-putin'], ['list'], ['search', 'Putin'], ['quotes', 'abe-putin']]) {
      const { code, stdout, stderr } = await runCli(argv, { env });
      expect(code, argv.join(' ')).toBe(0);
      expect(stdout).not.toBe('');
      expect(lines(stderr)).toEqual([
        "news: warning: NEWS_PATH folder '/no/such/news/folder' is not a folder that exists; left it out (remove it from NEWS_PATH)",
      ]);
    }
  });

  it('is still an error when named with --dir', async () => {
    const { code, stderr } = await runCli(['--dir', '/no/such/news/folder', 'list']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/no such folder/);
  });
});

describe('empty results', () => {
  it.each([
    [
      ['list', '--tag', 'nope'],
      "news: note: no article matches --tag nope; run 'news list' without filters to see them all",
    ],
    [
      ['list', '--since', '2100-01-01'],
      "news: note: no article matches --since 2100-01-01; run 'news list' without filters to see them all",
    ],
    [
      ['search', 'nothingmatchesthis'],
      "news: note: no article matches 'nothingmatchesthis'; try fewer or shorter words",
    ],
    [['quotes', '--speaker', 'nobody'], "news: note: no quotations by 'nobody' found"],
  ])('%j: exit 1, nothing on stdout, one note', async (argv, note) => {
    const { code, stdout, stderr } = await runCli(argv);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${note}\n`);
  });

  it('still prints [] for --json', async () => {
    const { code, stdout } = await runCli(['list', '--tag', 'nope', '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual([]);
  });
});
