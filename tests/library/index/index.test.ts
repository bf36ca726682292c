import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Env } from '../../../src/cli/settings.js';
import { buildChunk } from '../../../src/library/index/build.js';
import { checksum } from '../../../src/library/index/bytes.js';
import { SEGMENT_MAGIC } from '../../../src/library/index/format.js';
import { MemorySource, Segment } from '../../../src/library/index/reader.js';
import { ROOT, runCli, temporaryFolder } from '../../helpers.js';
import {
  articleText,
  cached,
  DAMAGED_NOTE,
  expectSameAsUncached,
  type FakeArticle,
  indexDir,
  leftovers,
  lines,
  MARSH,
  marshFolder,
  outcome,
  PAST,
  QUERIES,
  type Run,
  SEGMENT,
  segmentFiles,
  settleFolder,
  slugsOf,
  snapshot,
  uncached,
  writeArticle,
} from './support.js';

describe('the index cache', () => {
  it('is built on the first run and reused, untouched, by the next', async () => {
    const folder = marshFolder();
    const cache = temporaryFolder('news-cache-');
    const runs = [
      ['--dir', folder, 'list'],
      ['--dir', folder, 'search', 'glorbix'],
      ['--dir', folder, 'search', '--json', 'wuzzle'],
    ];
    const first: Run[] = [];
    for (const argv of runs) first.push(await cached(cache, argv));
    expect(first.map((run) => [run.code, run.stderr])).toEqual([
      [0, ''],
      [0, ''],
      [0, ''],
    ]);
    expect(slugsOf(first[0]?.stdout ?? '')).toEqual(['quokka-one', 'quokka-two', 'wombat-three', 'abe-putin']);
    expect(slugsOf(first[1]?.stdout ?? '').sort()).toEqual(['quokka-one', 'quokka-two']);

    const dir = indexDir(cache);
    expect(readdirSync(dir).filter((name) => name !== 'manifest' && !SEGMENT.test(name))).toEqual([]);
    const [sum, ...json] = readFileSync(join(dir, 'manifest'), 'utf8').split('\n');
    expect(sum).toMatch(/^\d+$/);
    expect(() => JSON.parse(json.join('\n'))).not.toThrow();
    expect(segmentFiles(dir).length).toBeGreaterThan(0);
    for (const name of segmentFiles(dir))
      expect(readFileSync(join(dir, name)).subarray(0, 8).toString()).toBe(SEGMENT_MAGIC);

    const before = snapshot(cache);
    for (const [index, argv] of runs.entries()) expect(await cached(cache, argv)).toEqual(first[index]);
    expect(snapshot(cache)).toEqual(before);
  });

  it('follows added, changed, deleted and renamed articles, always printing what --no-cache prints', async () => {
    const folder = marshFolder();
    const cache = temporaryFolder('news-cache-');
    await expectSameAsUncached(cache, folder);

    // Added: found by search, listed.
    writeArticle(folder, 'numbat-four', {
      title: 'Synthetic numbat bulletin four',
      date: '2021-04-01',
      body: 'The zorblefax hummed beside a synthetic glorbix.',
    });
    const added = await cached(cache, ['--dir', folder, 'search', 'zorblefax']);
    expect(outcome(added)).toEqual({
      code: 0,
      stdout: expect.stringMatching(/^numbat-four\t2021-04-01\t/),
      stderr: '',
    });
    expect(slugsOf((await cached(cache, ['--dir', folder, 'list'])).stdout)).toContain('numbat-four');
    await expectSameAsUncached(cache, folder, [...QUERIES, 'zorblefax']);

    // Changed in place, to text of the very same length: only the mtime tells.
    const path = join(folder, 'quokka-one.md');
    const oldText = readFileSync(path, 'utf8');
    const newText = oldText.replace('quokka report', 'wallab report').replace('glorbix', 'plimsok');
    expect(newText.length).toBe(oldText.length);
    writeArticle(folder, 'quokka-one', newText, PAST + 100);
    const gone = await cached(cache, ['--dir', folder, 'search', 'glorbix']);
    expect(slugsOf(gone.stdout)).not.toContain('quokka-one');
    expect(slugsOf((await cached(cache, ['--dir', folder, 'search', 'plimsok'])).stdout)).toEqual(['quokka-one']);
    expect((await cached(cache, ['--dir', folder, 'list'])).stdout).toContain(
      'quokka-one\t2021-03-01\tSynthetic wallab report one\n',
    );
    await expectSameAsUncached(cache, folder, [...QUERIES, 'plimsok', 'wallab', 'quokka']);

    // Deleted: gone from list and search.
    unlinkSync(join(folder, 'quokka-two.md'));
    expect(slugsOf((await cached(cache, ['--dir', folder, 'list'])).stdout)).not.toContain('quokka-two');
    expect(slugsOf((await cached(cache, ['--dir', folder, 'search', 'glorbix'])).stdout)).toEqual(['numbat-four']);
    await expectSameAsUncached(cache, folder);

    // Renamed: the old slug gone, the new one in its place.
    renameSync(join(folder, 'wombat-three.md'), join(folder, 'wombat-renamed.md'));
    const listed = slugsOf((await cached(cache, ['--dir', folder, 'list'])).stdout);
    expect(listed).toContain('wombat-renamed');
    expect(listed).not.toContain('wombat-three');
    expect(slugsOf((await cached(cache, ['--dir', folder, 'search', 'wuzzle'])).stdout)).toEqual(['wombat-renamed']);
    await expectSameAsUncached(cache, folder);
    expect(leftovers(cache)).toEqual([]);
  });

  it('sees an article rewritten at the same size within the second it was indexed', async () => {
    const folder = marshFolder();
    const cache = temporaryFolder('news-cache-');
    // A clock too coarse to tell the two versions apart: both carry the very same mtime, just now.
    const now = Date.now() / 1000;
    const first = articleText({ title: 'Synthetic racy report', body: 'A glorbix, freshly written.' });
    const second = first.replace('glorbix', 'plimsok');
    writeArticle(folder, 'racy', first, now);
    settleFolder(folder);
    expect(slugsOf((await cached(cache, ['--dir', folder, 'search', 'glorbix'])).stdout)).toContain('racy');
    writeArticle(folder, 'racy', second, now);
    settleFolder(folder);
    expect(slugsOf((await cached(cache, ['--dir', folder, 'search', 'plimsok'])).stdout)).toEqual(['racy']);
    expect(slugsOf((await cached(cache, ['--dir', folder, 'search', 'glorbix'])).stdout)).not.toContain('racy');
    await expectSameAsUncached(cache, folder, ['glorbix', 'plimsok']);
  });

  it('hides an article of the same name in a later folder, as --no-cache does', async () => {
    const first = marshFolder();
    const second = marshFolder({
      'quokka-one': { title: 'Synthetic shadowed quokka', date: '2023-01-01', body: 'A hidden glorbix.' },
      'echidna-five': { title: 'Synthetic echidna memo', date: '2023-02-01', body: 'A glorbix, not hidden.' },
    });
    const cache = temporaryFolder('news-cache-');
    for (const folders of [
      ['--dir', first, '--dir', second],
      ['--dir', second, '--dir', first],
      ['--dir', first, '--dir', second],
    ]) {
      for (const command of [
        ['list', '--json'],
        ['search', 'glorbix'],
      ]) {
        const argv = [...folders, ...command];
        const run = await cached(cache, argv);
        expect(run, argv.join(' ')).toEqual(await uncached(argv));
        expect(run.stderr).toContain('hides');
      }
    }
  });

  it('with NEWS_INDEX_CHECK=folders misses an edit in place but sees an added article', async () => {
    const folder = marshFolder();
    const cache = temporaryFolder('news-cache-');
    const env = { NEWS_INDEX_CHECK: 'folders' };
    expect(slugsOf((await cached(cache, ['--dir', folder, 'search', 'glorbix'], env)).stdout).sort()).toEqual([
      'quokka-one',
      'quokka-two',
    ]);

    writeArticle(folder, 'quokka-one', { ...(MARSH['quokka-one'] as FakeArticle), body: 'Now about a plimsok.' });
    settleFolder(folder);
    const edited = await cached(cache, ['--dir', folder, 'search', 'plimsok'], env);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toBe('');
    expect(slugsOf((await cached(cache, ['--dir', folder, 'search', 'glorbix'], env)).stdout)).toContain('quokka-one');

    // An added file changes the folder's mtime: the folder is listed again, and every file checked.
    writeArticle(folder, 'numbat-four', { title: 'Synthetic numbat bulletin four', body: 'A zorblefax.' });
    const added = await cached(cache, ['--dir', folder, 'search', 'zorblefax'], env);
    expect(outcome(added)).toEqual({ code: 0, stdout: expect.stringMatching(/^numbat-four\t/), stderr: '' });
    for (const query of ['plimsok', 'glorbix', 'zorblefax']) {
      const argv = ['--dir', folder, 'search', '--json', query];
      expect(await cached(cache, argv, env), query).toEqual(await uncached(argv));
    }
  });

  it('refuses an unknown NEWS_INDEX_CHECK with one line and exit 2', async () => {
    const folder = marshFolder();
    const cache = temporaryFolder('news-cache-');
    const run = await cached(cache, ['--dir', folder, 'list'], { NEWS_INDEX_CHECK: 'bogus' });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/^news: .*NEWS_INDEX_CHECK/)]);
    expect(readdirSync(cache)).toEqual([]);
  });
});

/** A segment file's region table: name → [offset, length, checksum], from its JSON header. */
function regionsOf(path: string): Record<string, [number, number, number]> {
  const bytes = readFileSync(path);
  const length = bytes.readUInt32LE(8);
  return JSON.parse(bytes.subarray(16, 16 + length).toString('utf8')).regions;
}

/** Inverts bytes [from, to) of a file in place. */
function flipBytes(path: string, from: number, to: number): void {
  const bytes = readFileSync(path);
  for (let at = from; at < to; at++) bytes[at] = (bytes[at] as number) ^ 0xff;
  writeFileSync(path, bytes);
}

function flipRegion(path: string, region: string): void {
  const [offset, length] = regionsOf(path)[region] ?? [0, 0];
  expect(length, region).toBeGreaterThan(0);
  flipBytes(path, offset, offset + length);
}

/** Rewrites the manifest as `change` says, with a checksum that matches: damage only its content shows. */
function forgeManifest(dir: string, change: (manifest: Record<string, unknown>) => Record<string, unknown>): void {
  const path = join(dir, 'manifest');
  const text = readFileSync(path, 'utf8');
  const body = JSON.stringify(change(JSON.parse(text.slice(text.indexOf('\n') + 1))));
  writeFileSync(path, `${checksum(Buffer.from(body))}\n${body}`);
}

/** Damage done to a built index directory; every query must still give the right answer. */
const DAMAGE: [string, (dir: string) => void][] = [
  [
    'a segment truncated to half',
    (dir) => {
      const path = join(dir, segmentFiles(dir)[0] as string);
      truncateSync(path, Math.floor(statSync(path).size / 2));
    },
  ],
  ['a segment cut to nothing', (dir) => truncateSync(join(dir, segmentFiles(dir)[0] as string), 0)],
  [
    'a segment cut short by 8 bytes',
    (dir) => {
      const path = join(dir, segmentFiles(dir)[0] as string);
      truncateSync(path, statSync(path).size - 8);
    },
  ],
  [
    'bytes flipped in the segment header',
    (dir) => {
      const path = join(dir, segmentFiles(dir)[0] as string);
      flipBytes(path, 40, 42);
    },
  ],
  ...['names', 'lens', 'days', 'meta', 'bodies', 'dict', 'post'].map((region): [string, (dir: string) => void] => [
    `the ${region} region of a segment flipped`,
    (dir) => flipRegion(join(dir, segmentFiles(dir)[0] as string), region),
  ]),
  [
    'the postings of every segment flipped',
    (dir) => {
      for (const name of segmentFiles(dir)) flipRegion(join(dir, name), 'post');
    },
  ],
  ['the manifest replaced with garbage', (dir) => writeFileSync(join(dir, 'manifest'), 'Synthetic garbage\n{not json')],
  [
    'the manifest cut in half',
    (dir) => {
      const path = join(dir, 'manifest');
      truncateSync(path, Math.floor(statSync(path).size / 2));
    },
  ],
  [
    'the manifest, checksum right, naming another folder',
    (dir) => forgeManifest(dir, (manifest) => ({ ...manifest, folder: '/synthetic/elsewhere' })),
  ],
  [
    'the manifest, checksum right, of another format',
    (dir) => forgeManifest(dir, (manifest) => ({ ...manifest, format: 'news-index-0' })),
  ],
  [
    'the manifest, checksum right, naming a segment that is not there',
    (dir) => forgeManifest(dir, (manifest) => ({ ...manifest, segments: [{ file: 'seg-missing.idx', deleted: [] }] })),
  ],
  [
    'the manifest, checksum right, deleting a document past the end',
    (dir) =>
      forgeManifest(dir, (manifest) => ({
        ...manifest,
        segments: (manifest.segments as { file: string }[]).map(({ file }) => ({ file, deleted: [99] })),
      })),
  ],
  ['the manifest emptied', (dir) => writeFileSync(join(dir, 'manifest'), '')],
  [
    'a segment replaced by random bytes',
    (dir) => writeFileSync(join(dir, segmentFiles(dir)[0] as string), randomish()),
  ],
  [
    'a segment replaced by a text file',
    (dir) => writeFileSync(join(dir, segmentFiles(dir)[0] as string), 'Synthetic notes, not an index at all.\n'),
  ],
  [
    'a segment replaced by one starting with the right magic',
    (dir) => writeFileSync(join(dir, segmentFiles(dir)[0] as string), `${SEGMENT_MAGIC}${'\u0000'.repeat(8)}{}`),
  ],
  ['a segment removed', (dir) => unlinkSync(join(dir, segmentFiles(dir)[0] as string))],
];

/** Bytes that are no index: a fixed pseudo-random sequence, so a failure can be replayed. */
function randomish(): Buffer {
  const bytes = Buffer.alloc(4096);
  let state = 0x2545f491;
  for (let at = 0; at < bytes.length; at++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[at] = state & 0xff;
  }
  return bytes;
}

describe('a damaged index', () => {
  it.each(DAMAGE)('is rebuilt after %s: right results, one note, then silence', async (_, damage) => {
    const folder = marshFolder();
    const cache = temporaryFolder('news-cache-');
    const search = ['--dir', folder, 'search', '--json', 'synthetic'];
    const list = ['--dir', folder, 'list', '--json'];
    const expectedSearch = await uncached(search);
    const expectedList = await uncached(list);
    expect(await cached(cache, search)).toEqual(expectedSearch);
    damage(indexDir(cache));

    const recovered = await cached(cache, search);
    expect(recovered.code).toBe(0);
    expect(recovered.stdout).toBe(expectedSearch.stdout);
    expect(lines(recovered.stderr)).toEqual([expect.stringMatching(DAMAGED_NOTE)]);

    expect(await cached(cache, search)).toEqual(expectedSearch);
    expect(await cached(cache, list)).toEqual(expectedList);
    expect(leftovers(cache)).toEqual([]);
  });

  it.each(['listing', 'byDate', 'byTitle', 'words'])(
    'is rebuilt when `list` finds its %s region flipped: right rows, one note, then silence',
    async (region) => {
      const folder = marshFolder();
      const cache = temporaryFolder('news-cache-');
      const commands = [
        ['--dir', folder, 'list'],
        ['--dir', folder, 'list', '--sort', 'title'],
        ['--dir', folder, 'list', '--json'],
      ];
      const expected = await Promise.all(commands.map((argv) => uncached(argv)));
      expect(await cached(cache, commands[0] as string[])).toEqual(expected[0]);
      for (const name of segmentFiles(indexDir(cache))) flipRegion(join(indexDir(cache), name), region);

      const argv = (region === 'byTitle' ? commands[1] : region === 'words' ? commands[2] : commands[0]) as string[];
      const want = expected[commands.indexOf(argv)] as Run;
      const recovered = await cached(cache, argv);
      expect(recovered.stdout).toBe(want.stdout);
      expect(lines(recovered.stderr)).toEqual([expect.stringMatching(DAMAGED_NOTE)]);
      for (const [index, command] of commands.entries()) expect(await cached(cache, command)).toEqual(expected[index]);
    },
  );

  it("gives the right answer when another folder's intact segment stands in for one of its own", async () => {
    const folder = marshFolder();
    const other = marshFolder({
      'other-one': { title: 'Synthetic other one', date: '2020-01-01', body: 'A glorbix elsewhere.' },
    });
    const cache = temporaryFolder('news-cache-');
    const otherCache = temporaryFolder('news-cache-');
    const search = ['--dir', folder, 'search', 'glorbix'];
    const expected = await uncached(search);
    await cached(cache, search);
    await cached(otherCache, ['--dir', other, 'search', 'glorbix']);
    const [mine] = segmentFiles(indexDir(cache));
    const [theirs] = segmentFiles(indexDir(otherCache));
    // Every checksum in the stand-in is right: only its file names betray it.
    cpSync(join(indexDir(otherCache), theirs as string), join(indexDir(cache), mine as string));

    expect(await cached(cache, search)).toEqual(expected);
    expect(await cached(cache, search)).toEqual(expected);
  });

  it('never gives a wrong answer whichever single byte of a segment is flipped', async () => {
    const folder = marshFolder();
    const cache = temporaryFolder('news-cache-');
    const pristine = temporaryFolder('news-pristine-');
    const argv = ['--dir', folder, 'search', '--json', 'synthetic'];
    const expected = await uncached(argv);
    await cached(cache, argv);
    cpSync(cache, pristine, { recursive: true });
    const segment = segmentFiles(indexDir(cache))[0] as string;
    const size = statSync(join(indexDir(cache), segment)).size;
    // About 60 positions spread over the whole file, headers, tables, padding and postings alike.
    const step = Math.max(1, Math.floor(size / 60));
    for (let at = 3; at < size; at += step) {
      rmSync(cache, { recursive: true, force: true });
      cpSync(pristine, cache, { recursive: true });
      flipBytes(join(indexDir(cache), segment), at, at + 1);
      const damaged = await cached(cache, argv);
      expect({ at, code: damaged.code, stdout: damaged.stdout }).toEqual({
        at,
        code: 0,
        stdout: expected.stdout,
      });
      expect(
        lines(damaged.stderr).filter((line) => !DAMAGED_NOTE.test(line)),
        `byte ${at}`,
      ).toEqual([]);
      expect({ at, ...(await cached(cache, argv)) }).toEqual({ at, ...expected });
    }
  });
});

/** Only PATH, a private HOME and the given cache: nothing of the developer's shell reaches news. */
describe('skipped articles', () => {
  it('warn and exit 2 on every run, cached or not, until the file is fixed', async () => {
    // Front matter that cannot be read never skips an article; a file over the size limit does.
    const env = { NEWS_MAX_ARTICLE_BYTES: '20000' };
    const folder = marshFolder();
    const cache = temporaryFolder('news-cache-');
    const broken = writeArticle(
      folder,
      'broken',
      `---\ntitle: Synthetic sprawl\n---\n${'Glorbix filler. '.repeat(2000)}\n`,
    );
    settleFolder(folder);
    const warning = expect.stringMatching(new RegExp(`^news: warning: skipped ${broken.replace(/\W/g, '\\$&')}: `));
    for (let round = 0; round < 3; round++) {
      const list = await cached(cache, ['--dir', folder, 'list'], env);
      expect(list.code, `round ${round}`).toBe(2);
      expect(lines(list.stderr)).toEqual([warning]);
      expect(slugsOf(list.stdout)).toEqual(['quokka-one', 'quokka-two', 'wombat-three', 'abe-putin']);
      const search = await cached(cache, ['--dir', folder, 'search', 'glorbix'], env);
      expect(search.code).toBe(2);
      expect(lines(search.stderr)).toEqual([warning]);
      expect(slugsOf(search.stdout).sort()).toEqual(['quokka-one', 'quokka-two']);
    }

    writeArticle(
      folder,
      'broken',
      { title: 'Synthetic mended report', date: '2022-01-01', body: 'Glorbix.' },
      PAST + 100,
    );
    const list = await cached(cache, ['--dir', folder, 'list'], env);
    expect(outcome(list)).toEqual({ code: 0, stdout: expect.stringMatching(/^broken\t2022-01-01\t/), stderr: '' });
    expect(await cached(cache, ['--dir', folder, 'search', 'glorbix'])).toEqual(
      await uncached(['--dir', folder, 'search', 'glorbix']),
    );
  });
});

describe('where the cache lives', () => {
  it('is nowhere with --no-cache', async () => {
    const folder = marshFolder();
    const cache = temporaryFolder('news-cache-');
    const run = await runCli(['--no-cache', '--dir', folder, 'search', 'glorbix'], {
      env: { NEWS_CACHE_DIR: cache, HOME: cache },
    });
    expect(run.code).toBe(0);
    expect(readdirSync(cache)).toEqual([]);
  });

  it.each([
    ['$XDG_CACHE_HOME/news when it is absolute', (xdg: string, home: string) => ({ XDG_CACHE_HOME: xdg, HOME: home })],
    ['$HOME/.cache/news with HOME alone', (_: string, home: string) => ({ HOME: home })],
    [
      '$HOME/.cache/news when XDG_CACHE_HOME is relative',
      (_: string, home: string) => ({ XDG_CACHE_HOME: 'news-relative-xdg-cache', HOME: home }),
    ],
  ])('is %s', async (_, envOf) => {
    const folder = marshFolder();
    const xdg = temporaryFolder('news-xdg-');
    const home = temporaryFolder('news-home-');
    const env: Env = envOf(xdg, home);
    const argv = ['--dir', folder, 'search', 'glorbix'];
    expect(outcome(await runCli(argv, { env }))).toEqual(await uncached(argv));
    const expectedRoot = env.XDG_CACHE_HOME === xdg ? join(xdg, 'news') : join(home, '.cache', 'news');
    expect(readdirSync(indexDir(expectedRoot))).toContain('manifest');
    const other = expectedRoot.startsWith(xdg) ? home : xdg;
    expect(readdirSync(other)).toEqual([]);
    expect(existsSync(join(ROOT, 'news-relative-xdg-cache'))).toBe(false);
    expect(existsSync('news-relative-xdg-cache')).toBe(false);
  });

  /** A cache path that cannot be created: it lies under a regular file. */
  function blockedCache(): string {
    const blocker = join(temporaryFolder('news-blocker-'), 'plain-file');
    writeFileSync(blocker, 'Synthetic file where a folder should be.\n');
    return join(blocker, 'cache');
  }

  it('cannot be written under a regular file: a note, right results, exit 0', async () => {
    const folder = marshFolder();
    const cache = blockedCache();
    for (const command of [['list'], ['search', 'glorbix'], ['search', '--json', 'wuzzle']]) {
      const argv = ['--dir', folder, ...command];
      const run = await cached(cache, argv);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe((await uncached(argv)).stdout);
      expect(lines(run.stderr)).toContainEqual(
        expect.stringMatching(/^news: note: cannot write the search index in .*\(ENOTDIR\)/),
      );
      expect(run.stderr).toContain(`cannot write the search index in ${cache} (ENOTDIR)`);
    }
  });

  // A cache that cannot even be read (ENOTDIR) is no damaged index: there never was one.
  it('cannot be written under a regular file: says so in exactly one note', async () => {
    const folder = marshFolder();
    const cache = blockedCache();
    const run = await cached(cache, ['--dir', folder, 'search', 'glorbix']);
    expect(lines(run.stderr)).toEqual([
      expect.stringMatching(/^news: note: cannot write the search index in .*\(ENOTDIR\)/),
    ]);
  });
});

const RANKING: Record<string, FakeArticle> = {
  // Newer and first by name, with the word thrice: only the title's weight puts the other first.
  'a-body-hit': { title: 'Synthetic body notes', date: '2022-01-01', body: 'A zindle, a zindle and one more zindle.' },
  'z-title-hit': { title: 'Synthetic zindle crossing', date: '2010-01-01', body: 'Nothing of the sort in here.' },
  // As long as each other; the scattered one is newer and first by name: only the phrase decides.
  'a-scattered': {
    title: 'Synthetic scatter',
    date: '2016-01-01',
    body: 'The wuggle ran while the crimbly flag waved.',
  },
  'z-phrase': {
    title: 'Synthetic phrasing',
    date: '2015-01-01',
    body: 'The crimbly wuggle is a synthetic phrase here.',
  },
  // Identical but for the date; the older first by name.
  'a-tie-older': { title: 'Synthetic tie report', date: '2000-06-01', body: 'One quibbet only.' },
  'z-tie-newer': { title: 'Synthetic tie report', date: '2020-06-01', body: 'One quibbet only.' },
  'kangaroo-notes': {
    title: 'Synthetic marsupial notes',
    date: '2019-01-01',
    body: '🦘 Ünïcode 🦘 first: the snorkwhistle sang, then the 🦘 snorkwhistle slept.',
  },
};

describe('ranking through the CLI', () => {
  async function searchSlugs(cache: string, folder: string, query: string): Promise<string[]> {
    const argv = ['--dir', folder, 'search', query];
    const run = await cached(cache, argv);
    expect(run).toEqual(await uncached(argv));
    return slugsOf(run.stdout);
  }

  it('puts a title hit above body hits, a phrase above scattered words, and the newer of equals first', async () => {
    const folder = marshFolder(RANKING);
    const cache = temporaryFolder('news-cache-');
    expect(await searchSlugs(cache, folder, 'zindle')).toEqual(['z-title-hit', 'a-body-hit']);
    expect(await searchSlugs(cache, folder, 'crimbly wuggle')).toEqual(['z-phrase', 'a-scattered']);
    expect(await searchSlugs(cache, folder, '"crimbly wuggle"')).toEqual(['z-phrase']);
    expect(await searchSlugs(cache, folder, 'quibbet')).toEqual(['z-tie-newer', 'a-tie-older']);
    const tie = JSON.parse((await cached(cache, ['--dir', folder, 'search', '--json', 'quibbet'])).stdout);
    expect(tie[0].score).toBe(tie[1].score);
  });

  it('points --json matches at the query words, counted in code points', async () => {
    const folder = marshFolder(RANKING);
    const cache = temporaryFolder('news-cache-');
    for (const [query, words] of [
      ['snorkwhistle', ['snorkwhistle', 'snorkwhistle']],
      ['snorkwhistle sang', ['snorkwhistle', 'sang', 'snorkwhistle']],
      ['ünïcode', ['Ünïcode']],
    ] as const) {
      const argv = ['--dir', folder, 'search', '--json', query];
      const run = await cached(cache, argv);
      expect(run).toEqual(await uncached(argv));
      const [hit, ...rest] = JSON.parse(run.stdout) as { slug: string; snippet: string; matches: [number, number][] }[];
      expect(rest).toEqual([]);
      expect(hit?.slug).toBe('kangaroo-notes');
      const points = Array.from(hit?.snippet ?? '');
      expect(hit?.matches.map(([start, end]) => points.slice(start, end).join(''))).toEqual(words);
    }
  });
});

describe('building segments', () => {
  it('starts a new segment once one holds enough text, and each reads back in name order', async () => {
    const folder = marshFolder();
    const names = readdirSync(folder).sort();
    const files = { folder: { path: folder, origin: '--dir' as const }, names };
    const segments: Segment[] = [];
    await buildChunk(files, { maxBytes: 1 << 20 }, (bytes) => segments.push(new Segment(new MemorySource(bytes))), 1);
    expect(segments.map((segment) => segment.names)).toEqual(names.map((name) => [name]));
  });

  it('makes a file that vanished between listing and reading a skipped article, not a failed build', async () => {
    const folder = marshFolder();
    const names = readdirSync(folder).sort();
    const files = { folder: { path: folder, origin: '--dir' as const }, names };
    unlinkSync(join(folder, 'quokka-two.md'));
    const segments: Segment[] = [];
    await buildChunk(files, { maxBytes: 1 << 20 }, (bytes) => segments.push(new Segment(new MemorySource(bytes))));
    const [segment] = segments as [Segment];
    const doc = segment.find('quokka-two.md');
    expect(segment.count).toBe(3);
    expect(segment.problems).toEqual([doc]);
    expect(segment.meta(doc)).toMatch(/^cannot be read \(ENOENT\)/);
  });
});
