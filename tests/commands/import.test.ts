import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESCAPE, FIXTURES, lines, ROOT, runCli, stripAnsi, temporaryFolder } from '../helpers.js';
import { articlePage, STORY_TITLE } from '../import/pages.js';

const SEED = join(FIXTURES, 'seed', '000_c66736c8276a510f.txt');
const FEED = join(ROOT, 'tests', 'feeds', 'fixtures', 'rss-2.0.xml');

/** The article files of a folder (not the lock or the importers' index). */
const articleFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.md'));

/** A library folder (not created yet) and a folder of sources with a saved page and a Markdown note. */
function setUp(): { library: string; sources: string; env: Record<string, string> } {
  const root = temporaryFolder('news-import-');
  const sources = join(root, 'sources');
  mkdirSync(sources);
  writeFileSync(
    join(sources, 'bridge.html'),
    articlePage({
      head: '<meta property="og:site_name" content="Example Gazette"><meta property="article:published_time" content="2024-03-05T21:30:00-05:00"><link rel="canonical" href="https://gazette.example/local/bridge.html">',
      middle: '<p>“We will start in the spring,” said Mara Velden, the mayor of Riverton.</p>',
    }),
  );
  writeFileSync(
    join(sources, 'note.md'),
    '---\ntitle: A Northvale note\ndate: 2025-01-02\ntags: [Northvale]\n---\n\nThe harbour froze over for the first time in a decade, and the ferry stayed in port while the town waited for the thaw that came a week later.\n',
  );
  const library = join(root, 'library');
  return { library, sources, env: { NEWS_LIBRARY: library } };
}

describe('news import', () => {
  it('imports a page, a scrape, Markdown and a feed, and every command reads them', async () => {
    const { library, sources, env } = setUp();
    const inputs = [join(sources, 'bridge.html'), SEED, join(sources, 'note.md'), FEED];
    const { code, stdout, stderr } = await runCli(['import', ...inputs], { env });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const rows = lines(stdout).map((line) => line.split('\t'));
    expect(rows.map(([slug, status]) => [slug, status])).toEqual([
      ['riverton-council-votes-to-restore-the-old-stone-bridge', 'imported'],
      ['japans-abe-hails-breakthrough-in-island-dispute-at-putin-talks-official', 'imported'],
      ['a-northvale-note', 'imported'],
      ['first-post', 'imported'],
      ['second-post', 'imported'],
      ['third-post', 'imported'],
    ]);
    for (const [slug, , , path] of rows) expect(path).toBe(join(library, `${slug}.md`));

    const listed = await runCli(['list'], { env });
    expect(listed.code).toBe(0);
    expect(lines(listed.stdout).map((line) => line.split('\t')[0])).toContain('a-northvale-note');
    const read = await runCli(['read', 'riverton-council-votes-to-restore-the-old-stone-bridge'], { env });
    expect(read.stdout).toContain(`${STORY_TITLE}\n`);
    expect(read.stdout).toContain('Tuesday 5 March 2024 · Example Gazette');
    const found = await runCli(['search', 'harbour', 'froze'], { env });
    expect(lines(found.stdout)[0]).toMatch(/^a-northvale-note\t2025-01-02\t/);
    const quotes = await runCli(['quotes', 'riverton-council-votes-to-restore-the-old-stone-bridge'], { env });
    expect(quotes.stdout).toContain('Mara Velden\tWe will start in the spring');
  });

  it('gives the bundled article from the seed scrape: every field a scrape carries, and the body', async () => {
    const { env } = setUp();
    await runCli(['import', SEED, '--slug', 'seed'], { env });
    const imported = JSON.parse((await runCli(['read', 'seed', '--json'], { env })).stdout);
    const bundled = JSON.parse((await runCli(['read', 'abe-putin', '--json'], { env })).stdout);
    for (const field of ['title', 'date', 'section', 'breadcrumb', 'banner', 'blocks', 'links']) {
      expect(imported[field], field).toEqual(bundled[field]);
    }
    // source, agency and tags are editorial additions of the bundled article: no rule reads them from the text.
    expect([imported.source, imported.agency, imported.tags]).toEqual([null, null, []]);
  });

  it('says what it does on a terminal: a line per article and a summary', async () => {
    const { library, sources, env } = setUp();
    const page = join(sources, 'bridge.html');
    await runCli(['import', page], { env });
    const { code, stdout } = await runCli(['import', page, join(sources, 'note.md'), '--color', 'always'], {
      env,
      tty: true,
      columns: 100,
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(ESCAPE);
    expect(lines(stripAnsi(stdout))).toEqual([
      expect.stringMatching(/^duplicate +riverton-council-votes-to-restore-the-old-stone-bridge {2}Riverton council/),
      expect.stringMatching(/^imported +a-northvale-note {2}A Northvale note$/),
      `1 imported, 1 duplicate (library folder: ${library})`,
    ]);
  });

  it('gives JSON: input, status, slug, title, date, url and path of each', async () => {
    const { library, sources, env } = setUp();
    const page = join(sources, 'bridge.html');
    const { code, stdout } = await runCli(['import', page, join(sources, 'missing.html'), '--json'], { env });
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toEqual([
      {
        input: page,
        status: 'imported',
        slug: 'riverton-council-votes-to-restore-the-old-stone-bridge',
        title: STORY_TITLE,
        date: '2024-03-05',
        url: 'https://gazette.example/local/bridge.html',
        path: join(library, 'riverton-council-votes-to-restore-the-old-stone-bridge.md'),
      },
      {
        input: join(sources, 'missing.html'),
        status: 'failed',
        slug: null,
        title: null,
        date: null,
        url: null,
        path: null,
        message: 'no such file',
      },
    ]);
  });

  it('prints what --dry-run would write, and writes nothing', async () => {
    const { library, sources, env } = setUp();
    const { code, stdout } = await runCli(['import', join(sources, 'note.md'), '--dry-run'], { env });
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^---\ntitle: A Northvale note\ndate: 2025-01-02\ntags: \[Northvale\]\nimported: \S+\nfile: note.md\n---\n\nThe harbour froze/,
    );
    expect(existsSync(library)).toBe(false);
  });

  it('writes under --slug, replaces with --force, and numbers a different article of the same slug', async () => {
    const { library, sources, env } = setUp();
    const note = join(sources, 'note.md');
    expect((await runCli(['import', note, '--slug', 'harbour'], { env })).code).toBe(0);
    writeFileSync(note, readFileSync(note, 'utf8').replace('A Northvale note', 'The Northvale note'));
    const again = await runCli(['import', note, '--slug', 'harbour'], { env });
    expect(again.stdout.split('\t').slice(0, 2)).toEqual(['harbour', 'duplicate']);
    const forced = await runCli(['import', note, '--force'], { env });
    expect(forced.stdout.split('\t').slice(0, 2)).toEqual(['harbour', 'replaced']);
    expect(readFileSync(join(library, 'harbour.md'), 'utf8')).toContain('title: The Northvale note');
    writeFileSync(note, '---\ntitle: Other\n---\n\nA different text about the Northvale ferry and its crew of four.\n');
    const other = await runCli(['import', note, '--slug', 'harbour'], { env });
    expect(other.stdout.split('\t').slice(0, 2)).toEqual(['harbour-2', 'imported']);
  });

  it('imports standard input, sniffed', async () => {
    const { library, env } = setUp();
    const input =
      'Northvale ferry returns\n\nPublished on 2025-03-04\n\nThe ferry made its first crossing of the year.\n';
    const { code, stdout } = await runCli(['import', '-'], { env, input });
    expect(code).toBe(0);
    expect(stdout.split('\t').slice(0, 2)).toEqual(['northvale-ferry-returns', 'imported']);
    expect(readFileSync(join(library, 'northvale-ferry-returns.md'), 'utf8')).toContain('date: 2025-03-04');
  });

  it('refuses what is no source with one line naming it, imports the rest, and exits 2', async () => {
    const { library, sources, env } = setUp();
    writeFileSync(join(sources, 'empty.html'), '');
    writeFileSync(
      join(sources, 'image.html'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    );
    writeFileSync(join(sources, 'big.txt'), 'Northvale '.repeat(200));
    const inputs = ['missing.html', 'empty.html', 'image.html', 'big.txt', '.'].map((name) => join(sources, name));
    const { code, stdout, stderr } = await runCli(
      ['import', ...inputs, 'ftp://files.example/page.html', 'file:///etc/passwd', join(sources, 'note.md')],
      { env: { ...env, NEWS_MAX_IMPORT_BYTES: '1000' } },
    );
    expect(code).toBe(2);
    expect(lines(stderr)).toEqual([
      `news: ${join(sources, 'missing.html')}: no such file`,
      `news: ${join(sources, 'empty.html')}: is empty`,
      `news: ${join(sources, 'image.html')}: is binary data, not a web page, text or feed`,
      `news: ${join(sources, 'big.txt')}: is over the 1000 bytes limit; raise NEWS_MAX_IMPORT_BYTES to import it`,
      `news: ${join(sources, '.')}: is a folder; name the files in it`,
      'news: ftp://files.example/page.html: is a ftp: address; only http and https addresses are imported',
      'news: file:///etc/passwd: is a file: address; only http and https addresses are imported',
    ]);
    expect(lines(stdout)).toHaveLength(1);
    expect(articleFiles(library)).toEqual(['a-northvale-note.md']);
  });

  it('notes a page without an article and exits 1 when nothing at all was imported', async () => {
    const { sources, env } = setUp();
    const menu = join(sources, 'menu.html');
    writeFileSync(menu, '<html><body><nav><a href="/a">A</a> <a href="/b">B</a></nav></body></html>');
    const { code, stdout, stderr } = await runCli(['import', menu], { env });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^news: note: .*menu\.html: no article found on this page/);
    expect((await runCli(['import', menu, join(sources, 'note.md')], { env })).code).toBe(0);
  });

  it('needs a library folder, and --slug names one source', async () => {
    const { sources, env } = setUp();
    const nowhere = await runCli(['import', join(sources, 'note.md')], { env: {} });
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/no library folder to import into; set NEWS_LIBRARY or HOME, or give --to DIR/);
    const two = await runCli(['import', 'a.md', 'b.md', '--slug', 'x'], { env });
    expect([two.code, two.stderr]).toEqual([2, 'news: --slug names one article, and 2 sources were given\n']);
    const bad = await runCli(['import', 'a.md', '--slug', '../x'], { env });
    expect(bad.code).toBe(2);
    const to = join(temporaryFolder('news-to-'), 'elsewhere');
    expect((await runCli(['import', join(sources, 'note.md'), '--to', to], { env: {} })).code).toBe(0);
    expect(articleFiles(to)).toEqual(['a-northvale-note.md']);
  });
});

describe('news remove', () => {
  it('deletes an article from the library folder only', async () => {
    const { library, sources, env } = setUp();
    await runCli(['import', join(sources, 'note.md')], { env });
    const removed = await runCli(['remove', 'a-northvale-note'], { env });
    expect([removed.code, removed.stdout, removed.stderr]).toEqual([0, '', '']);
    expect(articleFiles(library)).toEqual([]);
    expect((await runCli(['read', 'a-northvale-note'], { env })).code).toBe(1);
  });

  it('completes the library folder’s slugs only, for the completion scripts', async () => {
    const { sources, env } = setUp();
    await runCli(['import', join(sources, 'note.md')], { env });
    const library = await runCli(['__complete-slugs', '--library'], { env });
    expect(library.stdout).toBe('a-northvale-note\tA Northvale note\n');
    const all = await runCli(['__complete-slugs'], { env });
    expect(lines(all.stdout).map((line) => line.split('\t')[0])).toEqual(['a-northvale-note', 'abe-putin']);
  });

  it('says where an article of another folder is, and suggests library slugs for an unknown one', async () => {
    const { sources, env } = setUp();
    await runCli(['import', join(sources, 'note.md')], { env });
    const bundled = await runCli(['remove', 'abe-putin'], { env });
    expect(bundled.code).toBe(2);
    expect(bundled.stderr).toMatch(
      /^news: 'abe-putin' is in the bundled articles \(.*\), not in the library folder; only imported articles can be removed\n$/,
    );
    const unknown = await runCli(['remove', 'a-northvale-not'], { env });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(
      /no article named 'a-northvale-not' in the library folder .*\(did you mean a-northvale-note\?\)/,
    );
  });
});
