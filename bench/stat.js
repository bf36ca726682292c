// Owns `node bench/stat.js DIR`: the ways Node can look at every article file's size and mtime (the index's
// per-run check in the default NEWS_INDEX_CHECK=files mode), each timed in-process, median of several rounds.
// The index keeps the file names, so the sweep needs no listing; the listing variants show what reading the
// folder would add. Prints a table, or JSON with --json (bench/run.js reads that).
import { lstat, lstatSync, opendirSync, readdirSync, statSync } from 'node:fs';
import { lstat as lstatPromise } from 'node:fs/promises';
import { join, sep } from 'node:path';

const ROUNDS = 9;

function names(dir) {
  return readdirSync(dir).filter((name) => name.endsWith('.md'));
}

/** Each variant returns a number (a sum of sizes) so nothing can be optimised away. */
function variants(dir, files) {
  const prefix = dir.endsWith(sep) ? dir : dir + sep;
  const paths = files.map((name) => prefix + name);
  return [
    {
      name: 'lstatSync, throwIfNoEntry false (news)',
      run: () => {
        let sum = 0;
        for (const path of paths) sum += lstatSync(path, { throwIfNoEntry: false })?.size ?? 0;
        return sum;
      },
    },
    {
      name: 'lstatSync',
      run: () => {
        let sum = 0;
        for (const path of paths) sum += lstatSync(path).size;
        return sum;
      },
    },
    {
      name: 'statSync',
      run: () => {
        let sum = 0;
        for (const path of paths) sum += statSync(path).size;
        return sum;
      },
    },
    {
      name: 'lstatSync, bigint',
      run: () => {
        let sum = 0;
        for (const path of paths) sum += Number(lstatSync(path, { bigint: true }).size);
        return sum;
      },
    },
    {
      name: 'fs.lstat, all at once (thread pool)',
      run: () =>
        new Promise((resolve) => {
          let left = paths.length;
          let sum = 0;
          for (const path of paths) {
            lstat(path, (error, stat) => {
              if (!error) sum += stat.size;
              if (--left === 0) resolve(sum);
            });
          }
        }),
    },
    {
      name: 'fs.promises.lstat, all at once',
      run: async () => (await Promise.all(paths.map((path) => lstatPromise(path)))).reduce((a, s) => a + s.size, 0),
    },
    {
      name: 'readdirSync (names only)',
      run: () => readdirSync(dir).length,
    },
    {
      name: 'readdirSync, withFileTypes',
      run: () => readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile()).length,
    },
    {
      name: 'readdirSync withFileTypes + lstatSync',
      run: () => {
        let sum = 0;
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          if (entry.name.endsWith('.md')) sum += lstatSync(join(dir, entry.name)).size;
        }
        return sum;
      },
    },
    {
      name: 'opendirSync + lstatSync',
      run: () => {
        let sum = 0;
        const handle = opendirSync(dir, { bufferSize: 1024 });
        for (let entry = handle.readSync(); entry !== null; entry = handle.readSync()) {
          if (entry.name.endsWith('.md')) sum += lstatSync(join(dir, entry.name)).size;
        }
        handle.closeSync();
        return sum;
      },
    },
  ];
}

async function timeVariant(variant) {
  await variant.run();
  const times = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    await variant.run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name: variant.name, ms: times[Math.floor(times.length / 2)] };
}

async function main() {
  const [dir, flag] = process.argv.slice(2);
  if (dir === undefined) {
    console.error('usage: node bench/stat.js DIR [--json]');
    return 2;
  }
  const files = names(dir);
  const results = [];
  for (const variant of variants(dir, files)) results.push(await timeVariant(variant));
  if (flag === '--json') {
    console.log(JSON.stringify({ files: files.length, variants: results }));
  } else {
    for (const { name, ms } of results) {
      console.log(
        `${name.padEnd(42)} ${ms.toFixed(2).padStart(8)} ms  ${((ms * 1000) / files.length).toFixed(2)} µs a file`,
      );
    }
  }
  return 0;
}

process.exitCode = await main();
