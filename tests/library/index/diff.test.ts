import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, renameSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleError } from '../../../src/errors.js';
import {
  listArticleNames,
  listFolder,
  listMarkdownNames,
  nameProblem,
  refuseByMode,
} from '../../../src/library/files.js';
import type { Folder } from '../../../src/library/folders.js';
import { buildChunk } from '../../../src/library/index/build.js';
import { compareWithFolder } from '../../../src/library/index/diff.js';
import { MANIFEST_FORMAT, type Manifest } from '../../../src/library/index/manifest.js';
import { MemorySource, Segment } from '../../../src/library/index/reader.js';
import { temporaryFolder } from '../../helpers.js';
import {
  cached,
  expectSameAsUncached,
  type FakeArticle,
  lines,
  MARSH,
  marshFolder,
  settleFolder,
  uncached,
  writeArticle,
} from './support.js';

function makeFifo(path: string): void {
  const made = spawnSync('mkfifo', [path], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`mkfifo ${path} failed: ${made.stderr}`);
}

const NUMBAT = { title: 'Synthetic numbat bulletin', date: '2021-04-01', body: 'The zorblefax hummed by a glorbix.' };

/**
 * Every kind of entry a folder may hold beside its articles, added to `folder`: names that are not
 * articles', links inside and out of the folder, a subfolder (named like an article, and not), a pipe.
 */
function addHazards(folder: string, outside: string): void {
  writeArticle(folder, 'numbat-four', NUMBAT);
  writeArticle(folder, 'bad name', NUMBAT);
  writeArticle(folder, '.hidden', NUMBAT);
  writeFileSync(join(folder, 'notes.txt'), 'Synthetic notes, not an article.\n');
  writeFileSync(join(folder, 'md'), 'Synthetic file without a dot.\n');
  mkdirSync(join(folder, 'sub.md'));
  writeArticle(join(folder, 'sub.md'), 'inner', NUMBAT);
  mkdirSync(join(folder, 'plain-subfolder'));
  writeArticle(join(folder, 'plain-subfolder'), 'deeper', NUMBAT);
  makeFifo(join(folder, 'fifo.md'));
  symlinkSync('numbat-four.md', join(folder, 'alias.md'));
  symlinkSync('plain-subfolder', join(folder, 'to-folder.md'));
  symlinkSync('loop.md', join(folder, 'loop.md'));
  symlinkSync('nothing-here.md', join(folder, 'dangling.md'));
  writeArticle(outside, 'elsewhere', NUMBAT);
  symlinkSync(join(outside, 'elsewhere.md'), join(folder, 'outside.md'));
}

describe('listing a folder for the index', () => {
  it('finds what listFolder finds, leaving only the slug check of names for later', () => {
    const folder = marshFolder();
    addHazards(folder, temporaryFolder('news-outside-'));
    const dir: Folder = { path: folder, origin: '--dir' };
    const listed: ArticleError[] = [];
    const files = listFolder(dir, listed);

    const problems: [string, string][] = [];
    const names = listArticleNames(dir, problems);
    const valid = [...names].filter((name) => nameProblem(name) === undefined);
    const badNames = [...names].filter((name) => nameProblem(name) !== undefined);
    for (const name of badNames) problems.push([name, nameProblem(name) as string]);

    expect(valid.sort()).toEqual(files.map((file) => `${file.slug}.md`).sort());
    expect(problems.sort()).toEqual(
      listed.map((problem): [string, string] => [problem.path.slice(folder.length + 1), problem.problem]).sort(),
    );
    // What each kind of entry comes to, so a wrong fast path cannot hide behind listFolder agreeing with it.
    expect(valid.sort()).toEqual([
      'alias.md',
      'numbat-four.md',
      'quokka-one.md',
      'quokka-two.md',
      'to-folder.md',
      'wombat-three.md',
    ]);
    expect(Object.fromEntries(problems)).toEqual({
      'bad name.md': expect.stringMatching(/not a valid slug/),
      '.hidden.md': expect.stringMatching(/not a valid slug/),
      'sub.md': expect.stringMatching(/is a folder/),
      'fifo.md': expect.stringMatching(/not a regular file/),
      'loop.md': expect.stringMatching(/loops/),
      'dangling.md': expect.stringMatching(/link to nothing/),
      'outside.md': expect.stringMatching(/outside its folder/),
    });
  });
});

describe('listing a folder by name', () => {
  it('refuses, by the lstat of each name, what listing by directory entries refuses', () => {
    const folder = marshFolder();
    addHazards(folder, temporaryFolder('news-outside-'));
    const dir: Folder = { path: folder, origin: '--dir' };
    const problems: [string, string][] = [];
    const accepted = [...listArticleNames(dir, problems)];
    const byName: [string, string | undefined][] = [...listMarkdownNames(dir)].map((name) => {
      const path = join(folder, name);
      return [name, refuseByMode(dir, lstatSync(path).mode, path)];
    });
    expect(
      byName
        .filter(([, refusal]) => refusal === undefined)
        .map(([name]) => name)
        .sort(),
    ).toEqual(accepted.sort());
    expect(byName.filter(([, refusal]) => refusal !== undefined).sort()).toEqual(problems.sort());
    expect(problems).toHaveLength(5);
  });
});

describe('an indexed folder that changes', () => {
  it('sees names that are no articles, links and subfolders added to it, as --no-cache does', async () => {
    const folder = marshFolder();
    const cache = temporaryFolder('news-cache-');
    await expectSameAsUncached(cache, folder);
    addHazards(folder, temporaryFolder('news-outside-'));
    for (let round = 0; round < 2; round++) {
      // The second round answers from the manifest: the folder settled, nothing listed again.
      await expectSameAsUncached(cache, folder, ['glorbix', 'zorblefax']);
      const run = await cached(cache, ['--dir', folder, 'search', 'zorblefax']);
      expect(run.code).toBe(2);
      expect(
        lines(run.stderr)
          .map((line) => line.replace(/^.*\//, '').replace(/:.*/, ''))
          .sort(),
      ).toEqual([
        '.hidden.md',
        'bad name.md',
        'dangling.md',
        'fifo.md',
        'loop.md',
        'outside.md',
        'sub.md',
        'to-folder.md',
      ]);
      settleFolder(folder);
    }
  });

  it.each([
    ['a folder', (path: string) => mkdirSync(path)],
    ['a pipe', (path: string) => makeFifo(path)],
    ['a link to an article', (path: string) => symlinkSync('quokka-two.md', path)],
    ['a link out of the folder', (path: string) => symlinkSync('/dev/zero', path)],
    ['a link that loops', (path: string) => symlinkSync('quokka-one.md', path)],
    ['a link to a folder', (path: string) => symlinkSync('.', path)],
  ])('sees an indexed article replaced by %s, as --no-cache does', async (_, replace) => {
    const folder = marshFolder();
    const cache = temporaryFolder('news-cache-');
    await expectSameAsUncached(cache, folder);
    const path = join(folder, 'quokka-one.md');
    unlinkSync(path);
    replace(path);
    await expectSameAsUncached(cache, folder);
    settleFolder(folder);
    await expectSameAsUncached(cache, folder);
    // And back to an article: indexed again.
    rmSync(path, { recursive: true });
    writeArticle(folder, 'quokka-one', MARSH['quokka-one'] as FakeArticle);
    await expectSameAsUncached(cache, folder);
  });

  it('shows one article with `read` as --no-cache does, whatever else the folder gained', async () => {
    const folder = marshFolder();
    const cache = temporaryFolder('news-cache-');
    await expectSameAsUncached(cache, folder);
    addHazards(folder, temporaryFolder('news-outside-'));
    unlinkSync(join(folder, 'quokka-two.md'));
    mkdirSync(join(folder, 'quokka-two.md'));
    for (const slug of ['numbat-four', 'alias', 'quokka-one', 'quokka-two', 'fifo', 'outside']) {
      const argv = ['--dir', folder, 'read', slug];
      expect(await cached(cache, argv), slug).toEqual(await uncached(argv));
    }
    await expectSameAsUncached(cache, folder, ['glorbix', 'zorblefax']);
  });

  it('reads only what is new or changed, trusting the names it holds', async () => {
    const folder = marshFolder();
    const dir: Folder = { path: folder, origin: '--dir' };
    const segments: Uint8Array[] = [];
    const names = listFolder(dir, []).map((file) => `${file.slug}.md`);
    await buildChunk({ folder: dir, names }, { maxBytes: 1 << 20 }, (bytes) => segments.push(bytes));
    const segment = new Segment(new MemorySource(segments[0] as Uint8Array));
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      folder,
      dir: { mtimeMs: -1, ino: 0 },
      segments: [{ file: 'seg', deleted: [] }],
      problems: [],
    };
    writeArticle(folder, 'numbat-four', NUMBAT);
    writeArticle(folder, 'quokka-two', { ...NUMBAT, body: 'Edited.' }, Math.floor(Date.now() / 1000) - 60);
    renameSync(join(folder, 'wombat-three.md'), join(folder, 'wombat-renamed.md'));
    writeArticle(folder, 'bad name', NUMBAT);
    const diff = compareWithFolder(dir, statSync(folder), { manifest, segments: [segment] }, true, true);
    expect([...diff.toRead].sort()).toEqual(['numbat-four.md', 'quokka-two.md', 'wombat-renamed.md']);
    expect(diff.deleted.map((docs) => [...docs].map((doc) => segment.name(doc)).sort())).toEqual([
      ['quokka-two.md', 'wombat-three.md'],
    ]);
    expect(diff.dropped).toBe(2);
    expect(diff.problems).toEqual([['bad name.md', expect.stringMatching(/not a valid slug/)]]);
  });
});
