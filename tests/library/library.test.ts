import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotFoundError, UsageError } from '../../src/errors.js';
import { MAX_ARTICLE_BYTES, readArticleFile, scanFolders } from '../../src/library/files.js';
import { resolveFolders } from '../../src/library/folders.js';
import { ArticleLoader, loadArticles, loadBlocks } from '../../src/library/loader.js';
import { findArticleFile, suggestSlugs } from '../../src/library/slugs.js';
import { ARTICLES, BROKEN, BUNDLED_DIR, temporaryFolder } from '../helpers.js';

function tempFolder(files: Record<string, string>): string {
  const dir = temporaryFolder('news-library-');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('resolveFolders', () => {
  it('puts --dir first, then NEWS_PATH entries, then the bundled folder', () => {
    const folders = resolveFolders(['/a', '/b'], '/c::/d', { dir: '/bundled' });
    expect(folders.map((folder) => [folder.path, folder.origin])).toEqual([
      ['/a', '--dir'],
      ['/b', '--dir'],
      ['/c', 'NEWS_PATH'],
      ['/d', 'NEWS_PATH'],
      ['/bundled', 'bundled'],
    ]);
  });

  it('reads a folder named twice only once', () => {
    expect(resolveFolders(['/a', '/a/'], '/a', { dir: '/a' })).toHaveLength(1);
  });
});

describe('scanFolders', () => {
  it('lists .md files by slug and skips badly named files with a problem', () => {
    const catalog = scanFolders([{ path: BROKEN, origin: '--dir' }]);
    expect(catalog.files.map((file) => file.slug)).toEqual([
      'bad-date',
      'bad-yaml',
      'good',
      'list-front-matter',
      'unterminated',
    ]);
    expect(catalog.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/bad name\.md: has a name that is not a valid slug/),
    ]);
  });

  it('lets the first folder win a slug and remembers what it hides', () => {
    const user = tempFolder({ 'abe-putin.md': '# Mine\n' });
    const catalog = scanFolders(resolveFolders([user], undefined, { dir: BUNDLED_DIR }));
    expect(findArticleFile(catalog, 'abe-putin').path).toBe(join(user, 'abe-putin.md'));
    expect(catalog.shadowed).toHaveLength(1);
    expect(catalog.shadowed[0]?.hidden.folder.origin).toBe('bundled');
  });

  it.each([
    ['--dir', ['/no/such/folder'], undefined, /--dir '\/no\/such\/folder': no such folder/],
    ['NEWS_PATH', [], '/no/such/folder', /NEWS_PATH '\/no\/such\/folder': no such folder/],
  ])('refuses a missing %s folder by name', (_origin, dirs, newsPath, message) => {
    expect(() => scanFolders(resolveFolders(dirs, newsPath, { dir: BUNDLED_DIR }))).toThrow(message);
  });

  it('refuses a file given as a folder', () => {
    expect(() => scanFolders([{ path: join(ARTICLES, 'sample.md'), origin: '--dir' }])).toThrow(/not a folder/);
  });

  it('reports a folder named x.md instead of reading it', () => {
    const dir = tempFolder({});
    mkdirSync(join(dir, 'folder.md'));
    expect(scanFolders([{ path: dir, origin: '--dir' }]).problems[0]?.message).toMatch(/is a folder/);
  });
});

describe('loadArticles', () => {
  it('loads every article whose file it can read, with warnings for its front matter, and reports the rest', async () => {
    const { articles, problems } = await loadArticles(scanFolders([{ path: BROKEN, origin: '--dir' }]));
    expect(articles.map((article) => [article.slug, article.warnings.length])).toEqual([
      ['bad-date', 1],
      ['bad-yaml', 1],
      ['good', 0],
      ['list-front-matter', 1],
      ['unterminated', 1],
    ]);
    expect(problems.map((problem) => problem.message)).toEqual([expect.stringContaining(join(BROKEN, 'bad name.md'))]);
  });
});

describe('ArticleLoader.blocks', () => {
  it('gives each article the blocks loadBlocks gives it, the Markdown module imported once', async () => {
    const loader = new ArticleLoader(MAX_ARTICLE_BYTES);
    const { files } = scanFolders([{ path: ARTICLES, origin: '--dir' }]);
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const article = await loader.load(file);
      const blocks = await loader.blocks(article);
      expect(blocks.length, file.slug).toBeGreaterThan(0);
      expect(blocks, file.slug).toEqual(await loadBlocks(article));
    }
  });
});

describe('readArticleFile', () => {
  it('refuses files over the size limit before reading them', () => {
    const dir = tempFolder({ 'big.md': 'x'.repeat(MAX_ARTICLE_BYTES + 1) });
    expect(() => readArticleFile(join(dir, 'big.md'))).toThrow(/over the 1048576-byte limit/);
  });

  it('reads invalid UTF-8 without crashing', () => {
    const dir = tempFolder({});
    writeFileSync(join(dir, 'bad.md'), Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x41]));
    expect(readArticleFile(join(dir, 'bad.md'))).toBe('# \ufffd\ufffdA');
  });
});

describe('findArticleFile', () => {
  const catalog = scanFolders([{ path: ARTICLES, origin: '--dir' }]);

  it('refuses a path instead of a slug', () => {
    for (const slug of ['../x', '/etc/passwd', 'a/b', '.hidden']) {
      expect(() => findArticleFile(catalog, slug)).toThrow(UsageError);
    }
  });

  it('suggests close slugs for an unknown one', () => {
    expect(() => findArticleFile(catalog, 'sampel')).toThrow(NotFoundError);
    expect(() => findArticleFile(catalog, 'sampel')).toThrow(/did you mean sample\?/);
  });
});

describe('suggestSlugs', () => {
  const slugs = ['abe-putin', 'abe-visit', 'brexit-vote', 'sample'];
  it.each([
    ['abe-puttin', ['abe-putin']],
    ['abe', ['abe-putin', 'abe-visit']],
    ['ABE-PUTIN', ['abe-putin']],
    ['brexit', ['brexit-vote']],
    ['zzzzzzzz', []],
  ])('%s → %j', (wanted, expected) => {
    expect(suggestSlugs(wanted, slugs)).toEqual(expected);
  });
});

describe('scanFolders with hostile entries', () => {
  it('refuses pipes, links out of the folder and link loops, and follows links inside it', () => {
    const dir = tempFolder({ 'good.md': '# Good\n' });
    spawnSync('mkfifo', [join(dir, 'fifo.md')]);
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    symlinkSync('loop.md', join(dir, 'loop.md'));
    symlinkSync('good.md', join(dir, 'alias.md'));
    const catalog = scanFolders([{ path: dir, origin: '--dir' }]);
    expect(catalog.files.map((file) => file.slug)).toEqual(['alias', 'good']);
    const reasons = Object.fromEntries(catalog.problems.map((problem) => [basename(problem.path), problem.message]));
    expect(reasons['fifo.md']).toMatch(/not a regular file/);
    expect(reasons['zero.md']).toMatch(/outside its folder/);
    expect(reasons['loop.md']).toMatch(/loops/);
    expect(() => findArticleFile(catalog, 'fifo')).toThrow(/fifo\.md: is not a regular file/);
  });
});
