import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLES, BROKEN, BUNDLED_DIR, ESCAPE, lines, runCli, stripAnsi, temporaryFolder } from '../helpers.js';

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

  it.each(['../abe-putin', 'articles/abe-putin', '/no/such/abe-putin.md'])(
    'reads the path %s as a file, never as a slug: a missing one is exit 2 naming it',
    async (path) => {
      const { code, stdout, stderr } = await runCli(['read', path]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(lines(stderr)).toEqual([`news: ${path}: cannot be read (ENOENT); check the file`]);
    },
  );

  it('refuses a name that is no slug and no path with exit 2', async () => {
    const { code, stderr } = await runCli(['read', '.hidden']);
    expect(code).toBe(2);
    expect(lines(stderr)).toEqual([expect.stringMatching(/is not an article name/)]);
  });

  it('shows an article whose front matter cannot be read in full', async () => {
    const { code, stdout } = await runCli(['read', 'bad-date', '--dir', BROKEN]);
    expect(code).toBe(0);
    expect(stdout).toBe('Impossible date\n===============\n\nBody.\n');
  });

  it('reads a folder named by --dir and NEWS_PATH once, without notes', async () => {
    const { stdout, stderr } = await runCli(['read', 'abe-putin', '--dir', ARTICLES], {
      env: { NEWS_PATH: `${ARTICLES}:${BUNDLED_DIR}` },
    });
    expect(stdout).toContain('Japan’s Abe');
    expect(stderr).toBe('');
  });
});

describe('news read --outline and --section', () => {
  it('prints the headline and subheadings', async () => {
    const { code, stdout } = await runCli(['read', 'abe-putin', '--outline']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      'Japan’s Abe hails ‘breakthrough’ in island dispute at Putin talks: official\n' +
        '  Symbol of warming ties\n' +
        '  Lingering tensions\n',
    );
  });

  it.each(['Lingering tensions', 'lingering', '– LINGERING TENSIONS –'])('prints one section for %j', async (name) => {
    const { code, stdout } = await runCli(['read', 'abe-putin', '--section', name]);
    expect(code).toBe(0);
    expect(stdout).toContain('\nLingering tensions\n');
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
      "news: no section 'weather' in abe-putin; its sections are: Symbol of warming ties; Lingering tensions\n",
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

describe('news read with a file or standard input', () => {
  const sample = join(ARTICLES, 'sample.md');

  it('renders a path with a / as that file, the same as from its folder, without a library', async () => {
    const fromFile = await runCli(['read', sample]);
    const fromFolder = await runCli(['read', 'sample', '--dir', ARTICLES]);
    expect(fromFile.code).toBe(0);
    expect(fromFile.stderr).toBe('');
    expect(fromFile.stdout).toBe(fromFolder.stdout);
  });

  it('renders a name ending in .md when that file exists, and says so when it does not', async () => {
    const folder = temporaryFolder('news-read-file-');
    writeFileSync(join(folder, 'note.md'), '# Synthetic note\n\nA line written for this test.\n');
    const missing = await runCli(['read', join(folder, 'none.md')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/none\.md: cannot be read \(ENOENT\)/);
    // A bare name is a slug unless a file of that name exists (the test cannot change directory,
    // so the relative case is covered end to end in tests/e2e).
    const slug = await runCli(['read', 'none.md']);
    expect(slug.code).toBe(1);
    expect(slug.stderr).toMatch(/^news: no file 'none\.md' here, and no article named 'none\.md'/);
  });

  it('reads - as standard input: front matter and Markdown, under the size cap', async () => {
    const input = '---\ntitle: Synthetic input\ndate: 2001-02-03\n---\n\nRead from **standard input**.\n';
    const { code, stdout, stderr } = await runCli(['read', '-'], { input });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Synthetic input\n===============');
    expect(stdout).toContain('Saturday 3 February 2001');
    expect(stdout).toContain('Read from standard input.');
    const big = await runCli(['read', '-'], { input: 'x'.repeat(64), env: { NEWS_MAX_ARTICLE_BYTES: '32' } });
    expect(big.code).toBe(2);
    expect(big.stderr).toMatch(/^news: standard input is over the 32-byte limit/);
  });

  it('keeps slugs as names: an article in a folder is found by its slug, not as a file here', async () => {
    const { code, stdout } = await runCli(['read', 'sample', '--dir', ARTICLES]);
    expect(code).toBe(0);
    expect(stdout).toContain('Fixture: a synthetic article that uses every feature');
  });
});

describe('a link shown as its own address', () => {
  it('is never cut across lines, in plain or styled output', async () => {
    const url = 'https://example.test/northvale/council/minutes/2019/a-rather-long-synthetic-address';
    const input = `# Synthetic links\n\nThe minutes are at <${url}> for now.\n`;
    for (const options of [{}, { tty: true, columns: 40 }]) {
      const { stdout } = await runCli(['--width', '40', 'read', '-'], { input, ...options });
      expect(lines(stripAnsi(stdout))).toContain(url);
    }
  });
});

describe('news read through the search index', () => {
  it('shows the article as its file is now, checking only that file', async () => {
    const folder = temporaryFolder('news-read-index-');
    const env = { NEWS_CACHE_DIR: temporaryFolder('news-read-index-cache-') };
    const write = (slug: string, body: string, at: number) => {
      const path = join(folder, `${slug}.md`);
      writeFileSync(path, `---\ntitle: Synthetic ${slug}\n---\n\n${body}\n`);
      utimesSync(path, at, at);
    };
    const hourAgo = Date.now() / 1000 - 3600;
    write('first', 'The first version of this synthetic text.', hourAgo);
    write('other', 'Another synthetic text.', hourAgo);
    utimesSync(folder, hourAgo, hourAgo);
    expect((await runCli(['--dir', folder, 'read', 'first'], { env })).stdout).toContain('first version');
    // Edited in place: the folder's mtime does not change, only the file's.
    write('first', 'The second version of this synthetic text.', hourAgo + 60);
    utimesSync(folder, hourAgo, hourAgo);
    const again = await runCli(['--dir', folder, 'read', 'first'], { env });
    expect(again.stdout).toContain('second version');
    expect(again.stdout).not.toContain('first version');
    expect((await runCli(['--dir', folder, 'search', 'second'], { env })).stdout).toMatch(/^first\t/);
  });
});

describe('news read --json', () => {
  it('gives the article as data: metadata, blocks of plain text with link markers, links; never paged', async () => {
    const { code, stdout, paged } = await runCli(['read', 'sample', '--dir', ARTICLES, '--json'], { tty: true });
    expect(code).toBe(0);
    expect(paged).toEqual([]);
    const article = JSON.parse(stdout);
    expect(Object.keys(article)).toEqual([
      'slug',
      'title',
      'date',
      'source',
      'section',
      'author',
      'agency',
      'tags',
      'summary',
      'url',
      'path',
      'banner',
      'breadcrumb',
      'blocks',
      'links',
    ]);
    expect(article.blocks).toContainEqual({ type: 'heading', level: 2, text: '– First subheading –' });
    expect(article.blocks).toContainEqual({
      type: 'paragraph',
      text: 'Some strong words, some emphasised words, some inline code, a link label[1] and & an entity.',
    });
    expect(article.blocks).toContainEqual({ type: 'list', ordered: true, items: ['ordered one', 'ordered two'] });
    expect(article.blocks).toContainEqual({
      type: 'table',
      rows: [
        ['column', 'value'],
        ['one', '1'],
      ],
    });
    expect(article.blocks.find((block: { type: string }) => block.type === 'quote')).toMatchObject({
      type: 'quote',
      blocks: [
        { type: 'paragraph' },
        { type: 'quote', blocks: [{ type: 'paragraph', text: 'A nested blockquote inside it.' }] },
      ],
    });
    expect(article.links).toEqual(['https://example.test/link']);
  });

  it('gives only the headings with --outline, and one section with --section', async () => {
    const outline = JSON.parse((await runCli(['read', 'abe-putin', '--json', '--outline'])).stdout);
    expect(outline.blocks).toEqual([
      { type: 'heading', level: 2, text: 'Symbol of warming ties' },
      { type: 'heading', level: 2, text: 'Lingering tensions' },
    ]);
    const section = JSON.parse((await runCli(['read', 'abe-putin', '--json', '--section', 'lingering'])).stdout);
    expect(section.blocks[0]).toEqual({ type: 'heading', level: 2, text: 'Lingering tensions' });
    expect(section.banner).toBeNull();
  });

  it('escapes C1 and bidi controls, so the data stays inert', async () => {
    const dir = temporaryFolder('news-read-json-');
    writeFileSync(
      join(dir, 'odd.md'),
      '---\ntitle: "A \\u009b2J \\u202e title"\n---\n\nText \u009b and \u202e here.\n',
    );
    const { stdout } = await runCli(['read', 'odd', '--dir', dir, '--json']);
    expect(stdout).not.toMatch(/[\u0080-\u009f\u202e]/);
  });
});
