// The search index through the built binary: processes racing for one cache, a lock left behind, the worker thread.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { buildChunkInto } from '../../src/library/index/build.js';
import { openSegment } from '../../src/library/index/cache.js';
import { combineSegments } from '../../src/library/index/combine.js';
import { MemorySink } from '../../src/library/index/writer.js';
import { ROOT, temporaryFolder } from '../helpers.js';
import {
  generatedFolder,
  indexDir,
  leftovers,
  marshFolder,
  PAST,
  PLANTED,
  slugsOf,
  uncached,
  writeArticle,
} from '../library/index/support.js';
import { runNews, scrubbedEnv, startNews } from '../spawn.js';

describe('the built binary', () => {
  it('lets four processes build and update one cache at the same time', async () => {
    const folder = generatedFolder(50, (i) => i % 5 === 0);
    const cache = temporaryFolder('news-cache-');
    const env = scrubbedEnv(cache, { HOME: cache });
    const search = ['--dir', folder, 'search', PLANTED];
    const expected = await uncached(search);
    expect(expected.code).toBe(0);
    expect(slugsOf(expected.stdout)).toHaveLength(10);

    const together = () => Promise.all(Array.from({ length: 4 }, () => startNews(search, env)));
    for (const run of await together()) expect(run).toEqual(expected);

    // The same again while each finds the folder changed and wants to write its update.
    writeArticle(folder, 'article-9000', { title: 'Synthetic late report', body: `A late ${PLANTED}.` });
    writeArticle(
      folder,
      'article-0000',
      { title: 'Synthetic edited report', body: 'No planted word now.' },
      PAST + 100,
    );
    unlinkSync(join(folder, 'article-0005.md'));
    const changed = await uncached(search);
    // One planted word added, one edited away, one deleted.
    expect(slugsOf(changed.stdout)).toHaveLength(9);
    for (const run of await together()) expect(run).toEqual(changed);

    expect(readdirSync(indexDir(cache))).toContain('manifest');
    expect(runNews(search, env)).toEqual(changed);
    expect(runNews(['--dir', folder, 'list'], env)).toEqual(await uncached(['--dir', folder, 'list']));
    expect(leftovers(cache)).toEqual([]);
  });

  it('takes over a lock left by a process that is gone, but not one whose process still runs', async () => {
    const folder = marshFolder();
    const cache = temporaryFolder('news-cache-');
    const env = scrubbedEnv(cache, { HOME: cache });
    const search = ['--dir', folder, 'search', 'glorbix'];
    runNews(search, env);
    const dir = indexDir(cache);
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    const manifestAfter = (lockPid: number) => {
      writeFileSync(join(dir, 'lock'), `${lockPid}\n`);
      writeArticle(folder, `added-${lockPid}`, { title: 'Synthetic addition', body: 'One more glorbix.' });
      expect(runNews(search, env)).toEqual(runNews(['--no-cache', ...search], env));
      return readFileSync(join(dir, 'manifest'), 'utf8');
    };
    const before = readFileSync(join(dir, 'manifest'), 'utf8');
    // A live holder (this test's own process): the run answers from memory and writes nothing.
    expect(manifestAfter(process.pid)).toBe(before);
    expect(existsSync(join(dir, 'lock'))).toBe(true);
    // A holder that is gone: its lock is taken over, the update written, the lock released.
    expect(manifestAfter(gone)).not.toBe(before);
    expect(existsSync(join(dir, 'lock'))).toBe(false);
  });

  it('builds a big folder on two threads with the same results as one thread without the cache', async () => {
    const planted = (i: number) => i % 7 === 3;
    const folder = generatedFolder(600, planted);
    const cache = temporaryFolder('news-cache-');
    const env = scrubbedEnv(cache, { HOME: cache });
    const expectedSlugs = Array.from({ length: 600 }, (_, i) => i)
      .filter(planted)
      .map((i) => `article-${String(i).padStart(4, '0')}`);

    const search = ['--dir', folder, 'search', PLANTED];
    const built = runNews(search, env);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    expect(slugsOf(built.stdout).sort()).toEqual(expectedSlugs);
    // In-process runs have no worker script: one thread reads every file.
    expect(built).toEqual(await uncached(search));
    expect(runNews(['--no-cache', ...search], env)).toEqual(built);
    expect(runNews(search, env)).toEqual(built);

    const list = runNews(['--dir', folder, 'list', '--json'], env);
    expect(list).toEqual(await uncached(['--dir', folder, 'list', '--json']));
    expect(JSON.parse(list.stdout)).toHaveLength(601);
    expect(leftovers(cache)).toEqual([]);
  });

  it("combines a build's segment files in the worker thread, byte for byte as this thread does", async () => {
    const folder = generatedFolder(20, (i) => i % 7 === 3);
    const dir = temporaryFolder('news-combine-');
    const files: string[] = [];
    const names = readdirSync(folder).sort();
    // A held limit of one byte: a segment per article.
    await buildChunkInto(
      { folder: { path: folder, origin: '--dir' }, names },
      { maxBytes: 1 << 20 },
      dir,
      (segment) => files.push(segment.file as string),
      1,
    );
    expect(files).toHaveLength(20);
    const here = new MemorySink();
    combineSegments(
      files.map((file) => openSegment(dir, file)),
      here,
    );
    const worker = new Worker(join(ROOT, 'dist', 'index-worker.cjs'));
    const reply = new Promise<{ type: string; file?: string }>((resolve) => worker.once('message', resolve));
    worker.postMessage({ combine: files, dir });
    const { type, file } = await reply;
    await worker.terminate();
    expect(type).toBe('combined');
    expect(readFileSync(join(dir, file as string))).toEqual(Buffer.from(here.bytes()));
  });
});
