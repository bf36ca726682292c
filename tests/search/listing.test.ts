// `list` through the index merges each segment's precomputed order; these runs compare it with
// `--no-cache`, which sorts the articles read from their files, over libraries made to tie: a few
// dates, titles that differ only in case, undated articles, and folders indexed in several steps
// so that one folder holds several segments.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../helpers.js';
import { cached, type FakeArticle, PAST, settleFolder, uncached, writeArticle } from '../library/index/support.js';

const DATES = [undefined, '2019-05-01', '2020-01-01', '2020-01-02', '2021-07-30'];
const TITLES = ['Synthetic alpha', 'synthetic ALPHA', 'Synthetic beta', 'Zeta synthetic', 'ábaco synthetic'];

const article = fc.record({
  title: fc.constantFrom(...TITLES),
  date: fc.constantFrom(...DATES),
  tagged: fc.boolean(),
});

/** Folders of articles; each folder's articles come in one or two batches (two batches, two segments). */
const library = fc.array(fc.array(fc.array(article, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 2 }), {
  minLength: 1,
  maxLength: 3,
});

const COMMANDS = [
  ['list'],
  ['list', '--sort', 'title'],
  ['list', '--limit', '3'],
  ['list', '--sort', 'title', '--limit', '4'],
  ['list', '--since', '2020-01-01'],
  ['list', '--until', '2020-01-02', '--sort', 'title'],
  ['list', '--tag', 'fauna', '--limit', '2'],
  ['list', '--json', '--limit', '5'],
];

describe('list through the index', () => {
  it('prints what --no-cache prints, ties and all, however the library is cut into segments', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(library, async (folders) => {
        run += 1;
        const cache = temporaryFolder('news-cache-');
        const paths = folders.map(() => temporaryFolder('news-listing-'));
        const argv = (command: string[]) => [...paths.flatMap((path) => ['--dir', path]), ...command];
        const batches = Math.max(...folders.map((batchesOf) => batchesOf.length));
        for (let batch = 0; batch < batches; batch++) {
          for (const [f, batchesOf] of folders.entries()) {
            for (const [n, made] of (batchesOf[batch] ?? []).entries()) {
              const fake: FakeArticle = {
                title: made.title,
                ...(made.date === undefined ? {} : { date: made.date }),
                ...(made.tagged ? { tags: ['fauna'] } : {}),
                body: `Synthetic body ${run} ${f} ${batch} ${n}.`,
              };
              writeArticle(paths[f] as string, `r${run}-f${f}-b${batch}-n${n}`, fake);
            }
            // A new folder mtime per batch, as adding files gives it: the index looks again.
            settleFolder(paths[f] as string, PAST + batch * 60);
          }
          // Index this batch, so the next one lands in a segment of its own.
          await cached(cache, argv(['list']));
        }
        for (const command of COMMANDS) {
          expect(await cached(cache, argv(command)), command.join(' ')).toEqual(await uncached(argv(command)));
        }
      }),
      { numRuns: 12 },
    );
  }, 60_000);
});
