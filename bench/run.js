// Owns `npm run bench`: start-up time and peak memory of whole `news` processes, as ratios to `node -e 0`;
// importing pages and fetching feeds (bench/pages.js, bench/feeds.js) from servers and files it makes itself.
// With --library N, the same for `news list` and `news search` over a synthetic N-article folder (bench/corpus.js),
// also as ratios to `rg -i` over that folder when ripgrep is installed.
// A benchmark, not a test: it reports PASS/MISS against targets but always exits 0 (2 only for a bad flag here).
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { makePage } from './pages.js';

/**
 * The cases. `target` is the highest acceptable ratio of the case's median wall time to the baseline's;
 * `memoryMb` is the highest acceptable peak RSS in MiB, or null for "not budgeted".
 * Every case must exit 0: a failing command would otherwise look fast.
 */
const CASES = [
  { name: 'list', argv: ['list'], target: 1.25, memoryMb: 60 },
  { name: 'search Putin', argv: ['search', 'Putin'], target: 1.3, memoryMb: 60 },
  { name: 'read plain', argv: ['read', 'abe-putin'], target: 1.4, memoryMb: 60 },
  { name: 'read color', argv: ['read', 'abe-putin', '--color', 'always', '--width', '80'], target: 1.6, memoryMb: 70 },
  { name: '--help', argv: ['--help'], target: 1.2, memoryMb: null },
  { name: '--version', argv: ['--version'], target: 1.2, memoryMb: null },
];

/**
 * The --library cases, over a folder of N synthetic articles, with issue 15's targets (ratios to `node -e 0`, so
 * PASS/MISS never depends on ripgrep or SQLite being installed). The queries are words bench/corpus.js plants at
 * known rates: "glacier" in about 0.1% of articles, "treaty" in 2%, the phrase "peace treaty" in 0.5%; the bundled
 * article matches "treaty" too. `NEWS_INDEX_CHECK=folders` ([folders]) skips the lstat of every article per run;
 * the default mode ([files]) does it, and its target is the folders figure plus 1.2 times the time of
 * `find -printf` over the same folder (the same sweep in C), worked out once both are measured.
 */
const RG_QUERY = 'treaty';
const FOLDERS_ONLY = { NEWS_INDEX_CHECK: 'folders' };
const SEARCHES = [
  { name: 'search glacier (rare)', argv: ['search', 'glacier'] },
  { name: 'search treaty', argv: ['search', 'treaty'] },
  { name: 'search "peace treaty"', argv: ['search', '"peace treaty"'] },
];
/** The issue's targets by library size: 10,000 articles, and 100,000 (used from 50,000 on). */
const TARGETS = {
  small: { buildMs: 4500, buildMb: 150, search: 1.4, list: 1.5, listFiles: 2.5, listPage: null, sweep: 1.2 },
  large: { buildMs: 40_000, buildMb: 150, search: 2.5, list: null, listFiles: null, listPage: 2, sweep: null },
};
const LARGE_LIBRARY = 50_000;
/** How many articles the incremental case imports before each of its runs. */
const IMPORTED = 50;

const BASELINE_ARGV = ['-e', '0'];
// Differences of a millisecond matter here, and a shared machine's noise is of that size: 31 rounds
// (about 10 s) give a steadier median than 15 (its spread shrinks with the square root of the rounds).
const DEFAULT_RUNS = 31;
const WARMUP_ROUNDS = 2;
// A library run reads every article, so it takes seconds, not milliseconds: fewer rounds keep 10,000 articles
// to about a minute, and one warm-up round is enough to fill the page cache.
const DEFAULT_LIBRARY_RUNS = 5;
const LIBRARY_WARMUP_ROUNDS = 1;
// Only a safeguard against a hung run; a timed-out case is reported as FAIL and not run again.
const RUN_TIMEOUT_MS = 10 * 60 * 1000;
const TIME_BIN = '/usr/bin/time';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NEWS_BIN = fileURLToPath(new URL('../bin/news.cjs', import.meta.url));
const CORPUS_BIN = fileURLToPath(new URL('corpus.js', import.meta.url));
const FTS5_BIN = fileURLToPath(new URL('fts5.js', import.meta.url));
const STAT_BIN = fileURLToPath(new URL('stat.js', import.meta.url));
const CORPUS_ROOT = fileURLToPath(new URL('.corpus/', import.meta.url));
const MANIFEST_FILE = '.manifest.json';
// Must match GENERATOR_VERSION in bench/corpus.js: a folder made by another version is generated again.
const CORPUS_GENERATOR = 2;

// The search index of --library runs lives here, emptied before each benchmark, never in the developer's ~/.cache.
const CACHE_DIR = fileURLToPath(new URL('.cache/', import.meta.url));
/** Where the --sqlite anchor keeps its FTS5 database: beside the corpora, never committed. */
const fts5Db = (count) => join(CORPUS_ROOT, `fts5-${count}.db`);

// Only PATH, HOME, the bench's own index cache and a library folder that does not exist: a developer's
// NO_COLOR, FORCE_COLOR, COLUMNS, NEWS_PATH or imported articles must not change what is measured.
const ENV = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  NEWS_CACHE_DIR: CACHE_DIR,
  NEWS_LIBRARY: '/nonexistent/news-bench-library',
};

/** After touching one file, or importing IMPORTED articles, the next search may take this many times a search with nothing changed. */
const UPDATE_TARGET = 2;
/** The user folder of the start-up bench's `read` row: the size of a real site's content folder. */
const USER_FOLDER_SIZE = 150;
/** Where runs' stderr goes: 'device' (a character device, as a terminal is) or 'pipe'; set by --stderr. */
const STDERR_MODE = { value: 'device' };

const USAGE = `usage: node bench/run.js [--runs N] [--library N [--sqlite DIR] [--build-runs N]] [--json]
  --runs N        measured rounds (default ${DEFAULT_RUNS}; ${DEFAULT_LIBRARY_RUNS} with --library), after ${WARMUP_ROUNDS} discarded warm-up rounds
                  (${LIBRARY_WARMUP_ROUNDS} with --library)
  --library N     instead of start-up, measure building the index, list and search over N synthetic articles in
                  bench/.corpus/N (generated by bench/corpus.js when that folder is missing), beside find -printf
                  (the stat sweep) and rg -i when installed, against issue 15's targets
  --sqlite DIR    with --library: also build the folder into SQLite FTS5 and query it, with better-sqlite3 from DIR
                  (installed by hand outside the repo: npm install better-sqlite3@12); news never depends on it
  --build-runs N  with --library: how many first builds (and FTS5 builds) to take the median of (default 3)
  --stderr W      where each run's stderr goes: device (default: /dev/null, a character device like the terminal
                  of \`news read x | less\`) or pipe
  --json          print the results as JSON instead of a table`;

function positiveInteger(flag, value) {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < 1) {
    throw new Error(`${flag} must be a positive integer, got '${value}'`);
  }
  return number;
}

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string' },
      library: { type: 'string' },
      json: { type: 'boolean' },
      stderr: { type: 'string' },
      sqlite: { type: 'string' },
      'build-runs': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return { help: true };
  const library = values.library === undefined ? null : positiveInteger('--library', values.library);
  const defaultRuns = library === null ? DEFAULT_RUNS : DEFAULT_LIBRARY_RUNS;
  const runs = values.runs === undefined ? defaultRuns : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got '${values.runs}'`);
  const stderr = values.stderr ?? 'device';
  if (stderr !== 'device' && stderr !== 'pipe') throw new Error(`--stderr must be device or pipe, got '${stderr}'`);
  const buildRuns = values['build-runs'] === undefined ? 3 : positiveInteger('--build-runs', values['build-runs']);
  if (values.sqlite !== undefined && !existsSync(values.sqlite))
    throw new Error(`--sqlite ${values.sqlite}: no such folder`);
  return { runs, library, json: values.json === true, stderr, sqlite: values.sqlite, buildRuns };
}

/**
 * Where each run's stderr goes. A user runs `news read x | less` from a terminal: stdout is a pipe and
 * stderr the terminal, a character device, which once cost news ~0.15× `node -e 0` more than a pipe (it
 * loaded node:tty to ask about it). So runs write stderr to /dev/null, a character device too, and GNU time
 * writes its figure to a file instead; `--stderr pipe` measures with stderr piped, as earlier benches did.
 */
const STDERR_DEVICE = '/dev/null';
const TIME_OUTPUT = join(mkdtempSync(join(tmpdir(), 'news-bench-')), 'rss');

/**
 * Builds the command line for one run. Both baseline and cases go through /usr/bin/time when it exists,
 * so its own start-up cost is paid on both sides of the ratio. `file` is node unless a case names another program.
 */
function commandFor(nodeArgs, memoryTool, file = process.execPath, stderr = 'pipe') {
  if (!memoryTool) return { file, args: nodeArgs };
  const output = stderr === 'pipe' ? [] : ['-o', TIME_OUTPUT];
  return { file: TIME_BIN, args: [...output, '-f', '%M', file, ...nodeArgs] };
}

/** GNU time prints max RSS in KiB as the last line of its output, after anything the command itself wrote. */
function parsePeakKb(stderr) {
  const lines = stderr.trimEnd().split('\n');
  const last = lines[lines.length - 1]?.trim() ?? '';
  return /^\d+$/.test(last) ? Number(last) : null;
}

/**
 * Runs one process with stdout piped (so the CLI sees no terminal there) and stderr on a character device
 * (or piped, with `stderr: 'pipe'`); returns its time, memory and status. A failed run is run once more with
 * stderr piped, to say why.
 */
function runOnce(nodeArgs, memoryTool, program = undefined, extraEnv = {}, stderr = STDERR_MODE.value) {
  const { file, args } = commandFor(nodeArgs, memoryTool, program, stderr);
  const device = stderr === 'pipe' ? 'pipe' : openSync(STDERR_DEVICE, 'w');
  const start = process.hrtime.bigint();
  const result = spawnSync(file, args, {
    cwd: ROOT,
    env: { ...ENV, ...extraEnv },
    stdio: ['ignore', 'pipe', device],
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: RUN_TIMEOUT_MS,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (device !== 'pipe') closeSync(device);
  if (stderr !== 'pipe' && (result.error || result.status !== 0)) {
    return runOnce(nodeArgs, memoryTool, program, extraEnv, 'pipe');
  }
  const said = stderr === 'pipe' ? (result.stderr ?? '') : '';
  const timeOutput = stderr === 'pipe' || !memoryTool ? said : readFileSync(TIME_OUTPUT, 'utf8');
  return {
    ms,
    peakKb: memoryTool ? parsePeakKb(timeOutput) : null,
    status: result.status,
    signal: result.signal,
    error: result.error,
    stderr: said,
    lines: countLines(result.stdout ?? ''),
  };
}

function countLines(text) {
  let lines = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines += 1;
  return lines;
}

/** Uses /usr/bin/time only if it is GNU time (BSD and BusyBox builds differ on -f): one probe run must give a number. */
function detectMemoryTool() {
  if (!existsSync(TIME_BIN)) return false;
  const probe = runOnce(BASELINE_ARGV, true);
  return probe.status === 0 && probe.peakKb !== null;
}

function describeFailure(run) {
  if (run.error) return run.error.message;
  if (run.signal) return `killed by ${run.signal}`;
  // Drop time's own lines ("Command exited with non-zero status", the RSS figure) to show what the CLI said.
  const said = run.stderr
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\d+$/.test(line.trim()) && !line.startsWith('Command '))
    .slice(0, 3)
    .join(' | ');
  return `exit ${run.status}${said ? `: ${said}` : ''}`;
}

function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function newSamples(spec) {
  return { ...spec, times: [], peaksKb: [], lines: null, failure: null };
}

function record(samples, run, measured) {
  if (run.error || run.status !== 0) {
    samples.failure = describeFailure(run);
    return;
  }
  if (!measured) return;
  samples.times.push(run.ms);
  samples.lines = run.lines;
  if (run.peakKb !== null) samples.peaksKb.push(run.peakKb);
}

/** What a case runs: `news <argv>` under node, or `<program> <argv>` when the case names a program. */
function invocation(item) {
  if (item.program) return { args: item.argv, program: item.program, label: [item.program, ...item.argv].join(' ') };
  return { args: [NEWS_BIN, ...item.argv], program: undefined, label: `news ${item.argv.join(' ')}` };
}

/**
 * Alternates baseline and case within every round (baseline, case 1, baseline, case 2, ...), so slow phases of
 * the machine hit both sides of each ratio alike. A case that fails once is reported and not run again.
 */
function measure(specs, runs, warmup, memoryTool) {
  const baseline = newSamples({ name: 'node -e 0', argv: BASELINE_ARGV });
  const cases = specs.map(newSamples);
  for (let round = 0; round < warmup + runs; round++) {
    const measured = round >= warmup;
    for (const item of cases) {
      if (item.failure) continue;
      // A slow case is run only its own few rounds (one of them a warm-up).
      if (item.maxRuns !== undefined && (measured ? item.times.length >= item.maxRuns : round > 0)) continue;
      item.before?.(round);
      record(baseline, runOnce(BASELINE_ARGV, memoryTool), measured);
      if (baseline.failure) throw new Error(`baseline 'node -e 0' failed: ${baseline.failure}`);
      const { args, program, label } = invocation(item);
      record(item, runOnce(args, memoryTool, program, item.env), measured);
      if (item.failure) console.error(`FAIL ${label}: ${item.failure} (not measured further)`);
    }
  }
  return { baseline, cases };
}

/** Max over the rounds: a memory budget is about the worst run, and RSS barely varies anyway. */
function peakMb(samples) {
  return samples.peaksKb.length === 0 ? null : Math.max(...samples.peaksKb) / 1024;
}

/** A case with neither a time nor a memory target (the rg row) is a reference: its status is 'ref'. */
function summarise(item, baselineMs) {
  const base = { name: item.name, argv: item.argv, target: item.target, memoryTargetMb: item.memoryMb };
  if (item.failure || item.times.length === 0) {
    return { ...base, medianMs: null, ratio: null, peakMb: null, status: 'FAIL', failure: item.failure };
  }
  const medianMs = median(item.times);
  const ratio = medianMs / baselineMs;
  const peak = peakMb(item);
  // Unmeasurable memory (no /usr/bin/time) does not fail the memory target: the table shows n/a instead.
  const memoryOk = item.memoryMb === null || peak === null || peak <= item.memoryMb;
  // A case with a time budget (the import batch) is judged by it, not by a ratio.
  const timeOk = item.targetMs !== undefined ? medianMs <= item.targetMs : item.target === null || ratio <= item.target;
  const reference = item.target === null && item.memoryMb === null && item.targetMs === undefined;
  const status = reference ? 'ref' : timeOk && memoryOk ? 'PASS' : 'MISS';
  const perSecond = item.pages === undefined ? undefined : item.pages / (medianMs / 1000);
  const unit = item.unit ?? 'pages';
  const perFeed = item.feeds === undefined ? undefined : ratio / item.feeds;
  return {
    ...base,
    targetMs: item.targetMs,
    perSecond,
    unit,
    perFeed,
    medianMs,
    ratio,
    peakMb: peak,
    status,
    failure: null,
  };
}

function fixed(value, digits, suffix = '') {
  return value === null ? 'n/a' : `${value.toFixed(digits)}${suffix}`;
}

function tableRows(results) {
  const header = ['case', 'median ms', 'ratio', 'target', 'peak MB', 'mem target', 'result'];
  const rows = results.map((r) => [
    r.status === 'FAIL'
      ? r.name
      : r.perSecond !== undefined
        ? `${r.name}: ${r.perSecond.toFixed(1)} ${r.unit}/s`
        : r.perFeed !== undefined
          ? `${r.name}: ${r.perFeed.toFixed(2)}× per feed`
          : r.name,
    r.status === 'FAIL' ? '-' : fixed(r.medianMs, 1),
    r.status === 'FAIL' ? '-' : fixed(r.ratio, 2, '×'),
    r.targetMs === undefined ? `≤ ${r.target.toFixed(2)}×` : `≤ ${r.targetMs} ms`,
    r.status === 'FAIL' ? '-' : fixed(r.peakMb, 1),
    r.memoryTargetMb === null ? '-' : `≤ ${r.memoryTargetMb}`,
    r.status === 'FAIL' ? `FAIL (${r.failure})` : r.status,
  ]);
  return [header, ...rows];
}

/** Left-aligns the first and last columns (text), right-aligns the numbers in between. */
function formatTable(rows) {
  const last = rows[0].length - 1;
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const align = (cell, column) => {
    if (column === last) return cell;
    return column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]);
  };
  return rows.map((row) => row.map(align).join('  ')).join('\n');
}

function printTable(report) {
  const memory = report.memoryTool ? `peak memory via ${TIME_BIN} (max RSS, MiB)` : `memory n/a (no GNU ${TIME_BIN})`;
  console.log(
    `news bench — node ${report.node}, ${report.cpus} CPUs, ${report.runs} runs (+${report.warmup} warm-up), ${memory}, stderr ${STDERR_MODE.value === 'pipe' ? 'piped' : `on ${STDERR_DEVICE}`}`,
  );
  console.log(
    `baseline node -e 0: median ${fixed(report.baselineMs, 1)} ms, peak ${fixed(report.baselinePeakMb, 1, ' MB')}\n`,
  );
  console.log(formatTable(tableRows(report.cases)));
}

/** The corpus manifest, or null when the folder has none (not made by bench/corpus.js, or unreadable). */
function readManifest(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Makes sure bench/.corpus/N holds N synthetic articles: generates them when the folder is missing, or when it
 * came from another version of bench/corpus.js. A folder without a manifest is someone else's and used as it is.
 * Generator output goes to stderr, so --json output stays clean.
 */
function ensureLibrary(count) {
  const dir = join(CORPUS_ROOT, String(count));
  let manifest = existsSync(dir) ? readManifest(dir) : null;
  if (existsSync(dir) && manifest === null) {
    console.error(`bench: ${dir} has no ${MANIFEST_FILE}; using it as it is`);
    return { dir, manifest, generatedSeconds: null };
  }
  if (manifest !== null && manifest.generator === CORPUS_GENERATOR && manifest.count === count) {
    return { dir, manifest, generatedSeconds: null };
  }
  console.error(`bench: generating ${count} synthetic articles in ${dir} …`);
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [CORPUS_BIN, '--count', String(count), '--out', dir], {
    stdio: ['ignore', 2, 2],
  });
  if (result.error || result.status !== 0) {
    throw new Error(`bench/corpus.js failed (${result.error?.message ?? `exit ${result.status}`})`);
  }
  manifest = readManifest(dir);
  return { dir, manifest, generatedSeconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

/** ripgrep's version line when `rg` is on PATH, else null: the rg row and ratio are then left out. */
function detectRipgrep() {
  const probe = spawnSync('rg', ['--version'], { env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  if (probe.error || probe.status !== 0) return null;
  return probe.stdout.split('\n')[0].trim() || 'rg';
}

/**
 * The update case: before each run one article gets a new mtime (a different second each round, well in the past
 * so news does not treat it as still changing), and `news search treaty` must notice and re-index just that file.
 */
function touchCase(dir, files, memoryMb) {
  return {
    name: 'search treaty, 1 file touched',
    argv: ['search', RG_QUERY, '--dir', dir],
    target: null,
    targetOf: (results) => UPDATE_TARGET * ratioOf(results, 'search treaty [files]'),
    memoryMb,
    before: (round) => {
      const seconds = Date.now() / 1000 - 3600 + round;
      utimesSync(join(dir, files[round % files.length]), seconds, seconds);
    },
  };
}

/** A synthetic article for the import case: clearly not news, planted with nothing. */
function importedArticle(round, index) {
  return `---\ntitle: "Imported synthetic article ${round}-${index}"\ndate: 2026-01-01\n---\n\nSynthetic words for the import case, round ${round}, article ${index}.\n`;
}

/**
 * The import case: before each run the previous round's articles are removed and IMPORTED new ones written (as
 * `news import` writes them, new files in the folder), so every measured search sees the folder changed and
 * indexes them. `cleanUp` removes the last round's files, leaving the corpus as generated.
 */
function importCase(dir, memoryMb) {
  let written = [];
  const remove = () => {
    for (const path of written) rmSync(path, { force: true });
    written = [];
  };
  return {
    name: `search treaty, ${IMPORTED} articles imported`,
    argv: ['search', RG_QUERY, '--dir', dir],
    target: null,
    targetOf: (results) => UPDATE_TARGET * ratioOf(results, 'search treaty [files]'),
    memoryMb,
    before: (round) => {
      remove();
      const seconds = Date.now() / 1000 - 3600 + round;
      for (let index = 0; index < IMPORTED; index++) {
        const path = join(dir, `imported-${String(round).padStart(3, '0')}-${String(index).padStart(2, '0')}.md`);
        writeFileSync(path, importedArticle(round, index));
        utimesSync(path, seconds, seconds);
        written.push(path);
      }
    },
    cleanUp: remove,
  };
}

function ratioOf(results, name) {
  const found = results.find((r) => r.name === name);
  return found?.ratio ?? Number.NaN;
}

/** The cases for a folder of `count` articles; targets from TARGETS by size, some worked out from other rows. */
function libraryCases(dir, count, ripgrep, sqlite) {
  const large = count >= LARGE_LIBRARY;
  const targets = large ? TARGETS.large : TARGETS.small;
  const withDir = (argv) => [...argv, '--dir', dir];
  // The memory target of the cases that have one: none for a large library.
  const memoryMb = large ? null : 80;
  const cases = [];
  for (const search of SEARCHES) {
    cases.push({
      name: `${search.name} [folders]`,
      argv: withDir(search.argv),
      env: FOLDERS_ONLY,
      target: targets.search,
      memoryMb,
    });
  }
  for (const search of SEARCHES) {
    cases.push({
      name: `${search.name} [files]`,
      argv: withDir(search.argv),
      target: null,
      targetOf:
        targets.sweep === null
          ? undefined
          : (results) =>
              ratioOf(results, `${search.name} [folders]`) + targets.sweep * ratioOf(results, 'find -printf'),
      memoryMb,
    });
  }
  cases.push(
    {
      name: 'list [folders]',
      argv: withDir(['list']),
      env: FOLDERS_ONLY,
      target: targets.list,
      memoryMb,
    },
    { name: 'list [files]', argv: withDir(['list']), target: targets.listFiles, memoryMb },
    {
      name: 'list --limit 20 [folders]',
      argv: withDir(['list', '--limit', '20']),
      env: FOLDERS_ONLY,
      target: targets.listPage,
      memoryMb: null,
    },
  );
  const files = readdirSync(dir).filter((name) => name.endsWith('.md'));
  cases.push(touchCase(dir, files, memoryMb), importCase(dir, memoryMb));
  // The stat sweep alone, in C: what the [files] targets allow on top of [folders].
  cases.push({
    name: 'find -printf',
    program: 'find',
    argv: [dir, '-printf', '%s %T@\n'],
    target: null,
    memoryMb: null,
  });
  if (sqlite) {
    cases.push({
      name: 'fts5 glacier (SQLite)',
      argv: [FTS5_BIN, 'query', '--sqlite', sqlite, '--db', fts5Db(count), 'glacier'],
      program: process.execPath,
      target: null,
      memoryMb: null,
    });
  }
  if (ripgrep) {
    cases.push({ name: `rg -i ${RG_QUERY}`, program: 'rg', argv: ['-i', RG_QUERY, dir], target: null, memoryMb: null });
  }
  return cases;
}

function libraryRows(results) {
  const header = [
    'case',
    'median ms',
    'spread',
    '× node',
    '× rg',
    'target',
    'peak MB',
    'mem target',
    'out lines',
    'result',
  ];
  const rg = results.find((r) => r.program === 'rg' && r.status !== 'FAIL');
  const rows = results.map((r) => {
    const failed = r.status === 'FAIL';
    return [
      r.name,
      failed ? '-' : fixed(r.medianMs, 1),
      failed || r.spreadMs === null ? '-' : `±${fixed(r.spreadMs, 1)}`,
      failed ? '-' : fixed(r.ratio, 2, '×'),
      failed || !rg ? '-' : fixed(r.medianMs / rg.medianMs, 2, '×'),
      r.target === null || Number.isNaN(r.target) ? '-' : `≤ ${r.target.toFixed(2)}×`,
      failed ? '-' : fixed(r.peakMb, 1),
      r.memoryTargetMb === null ? '-' : `≤ ${r.memoryTargetMb}`,
      failed || r.lines === null ? '-' : String(r.lines),
      failed ? `FAIL (${r.failure})` : r.status,
    ];
  });
  return [header, ...rows];
}

function describeBuild(build) {
  if (build.failure) return `FAIL (${build.failure})`;
  const time = `${fixed(build.ms / 1000, 2, ' s')} (target ≤ ${fixed(build.targetMs / 1000, 1, ' s')})`;
  const memory = `peak ${fixed(build.peakMb, 1, ' MB')} (target ≤ ${build.targetMb} MB)`;
  return `${time}, ${memory}: ${build.status}`;
}

function printLibraryTable(report) {
  const memory = report.memoryTool ? `peak memory via ${TIME_BIN} (max RSS, MiB)` : `memory n/a (no GNU ${TIME_BIN})`;
  const { library } = report;
  console.log(
    `news bench --library ${library.count} — node ${report.node}, ${report.cpus} CPUs, ${report.runs} runs (+${report.warmup} warm-up), ${memory}`,
  );
  const planted = library.articlesContaining;
  const plantedText = planted
    ? `; articles containing glacier: ${planted.glacier}, treaty: ${planted.treaty}, "peace treaty": ${planted['peace treaty']}`
    : '';
  console.log(`library ${library.dir} (${fixed(library.megabytes, 1, ' MB')})${plantedText}`);
  console.log(`ripgrep: ${report.ripgrep ?? 'not installed (rg row and × rg left out)'}`);
  console.log(
    `baseline node -e 0: median ${fixed(report.baselineMs, 1)} ms, peak ${fixed(report.baselinePeakMb, 1, ' MB')}; targets are × node; spread is half the interquartile range\n`,
  );
  const builds = report.builds;
  console.log(`first index build (news list --limit 1, empty cache), ${builds.runs} runs, median:`);
  console.log(`  news:        ${describeBuild(builds.news)}`);
  if (builds.fts5) {
    const fts5 = builds.fts5;
    console.log(
      `  SQLite FTS5: ${fts5.failure ? `FAIL (${fts5.failure})` : `${fixed(fts5.ms / 1000, 2, ' s')}, peak ${fixed(fts5.peakMb, 1, ' MB')}`} (better-sqlite3, one transaction)`,
    );
    if (!fts5.failure && !builds.news.failure) {
      const faster = builds.news.ms <= fts5.ms ? 'PASS' : 'MISS';
      console.log(`  news faster than FTS5: ${faster} (${fixed(builds.news.ms / fts5.ms, 2, '×')} its time)`);
    }
  } else {
    console.log('  SQLite FTS5: not measured (pass --sqlite DIR, a folder where better-sqlite3@12 is installed)');
  }
  console.log('');
  console.log(formatTable(libraryRows(report.cases)));
  if (report.sweep) {
    console.log(`\nthe stat sweep in Node, ${report.sweep.files} files, in-process medians (bench/stat.js):`);
    console.log(
      formatTable([
        ['variant', 'median ms', 'µs a file'],
        ...report.sweep.variants.map((v) => [v.name, fixed(v.ms, 2), fixed((v.ms * 1000) / report.sweep.files, 2)]),
      ]),
    );
  }
}

/** Runs `run` `runs` times (rebuilding from nothing each time) and keeps the median time and the highest peak. */
function timedRuns(runs, run) {
  const samples = [];
  for (let round = 0; round < runs; round++) {
    const result = run();
    if (result.error || result.status !== 0) return { failure: describeFailure(result) };
    samples.push(result);
  }
  const peaks = samples.map((sample) => sample.peakKb).filter((kb) => kb !== null);
  return {
    ms: median(samples.map((sample) => sample.ms)),
    peakMb: peaks.length === 0 ? null : Math.max(...peaks) / 1024,
  };
}

/** The first `news list --limit 1` over the folder with an empty index cache: it reads every article and writes the index. */
function firstBuild(dir, count, memoryTool, runs) {
  const targets = count >= LARGE_LIBRARY ? TARGETS.large : TARGETS.small;
  const targetMs = (targets.buildMs * count) / (count >= LARGE_LIBRARY ? 100_000 : 10_000);
  const result = timedRuns(runs, () => {
    rmSync(CACHE_DIR, { recursive: true, force: true });
    return runOnce([NEWS_BIN, 'list', '--limit', '1', '--dir', dir], memoryTool);
  });
  if (result.failure) return result;
  const ok = result.ms <= targetMs && (result.peakMb === null || result.peakMb <= targets.buildMb);
  return { ...result, targetMs, targetMb: targets.buildMb, status: ok ? 'PASS' : 'MISS' };
}

/** The same folder into an FTS5 database, as the issue's anchors were measured. */
function fts5Build(dir, count, sqlite, memoryTool, runs) {
  return timedRuns(runs, () =>
    runOnce([FTS5_BIN, 'build', '--sqlite', sqlite, '--dir', dir, '--db', fts5Db(count)], memoryTool),
  );
}

/** bench/stat.js over the folder: the ways Node can stat every file, each timed in-process. */
function statSweep(dir) {
  const result = spawnSync(process.execPath, [STAT_BIN, dir, '--json'], { encoding: 'utf8', env: ENV });
  if (result.error || result.status !== 0) return null;
  return JSON.parse(result.stdout);
}

/** --library N: list and search over the synthetic folder, alternating with `node -e 0` like the start-up cases. */
function benchLibrary(options, memoryTool) {
  let specs = [];
  try {
    const { dir, manifest, generatedSeconds } = ensureLibrary(options.library);
    const ripgrep = detectRipgrep();
    const buildRuns = options.buildRuns;
    const builds = { runs: buildRuns };
    if (options.sqlite) builds.fts5 = fts5Build(dir, options.library, options.sqlite, memoryTool, buildRuns);
    builds.news = firstBuild(dir, options.library, memoryTool, buildRuns);
    specs = libraryCases(dir, options.library, ripgrep, options.sqlite);
    // The import case changes the folder before each of its runs: measured apart, after the others, so no
    // other case ever finds the folder changed (its articles are removed at the end).
    const changing = specs.filter((item) => item.cleanUp);
    const steady = measure(
      specs.filter((item) => !item.cleanUp),
      options.runs,
      LIBRARY_WARMUP_ROUNDS,
      memoryTool,
    );
    const changed = measure(changing, options.runs, LIBRARY_WARMUP_ROUNDS, memoryTool);
    const baseline = { times: [...steady.baseline.times, ...changed.baseline.times], peaksKb: steady.baseline.peaksKb };
    const cases = [...steady.cases, ...changed.cases];
    const baselineMs = median(baseline.times);
    const results = cases.map((item) => ({
      ...summarise(item, baselineMs),
      program: item.program,
      lines: item.lines,
      spreadMs: spreadOf(item.times),
    }));
    // Targets worked out from other rows: the [files] searches, and the searches after a change.
    for (const [index, item] of cases.entries()) {
      const result = results[index];
      if (!item.targetOf || result.status === 'FAIL') continue;
      result.target = item.targetOf(results);
      result.status =
        result.ratio <= result.target &&
        (item.memoryMb === null || result.peakMb === null || result.peakMb <= item.memoryMb)
          ? 'PASS'
          : 'MISS';
    }
    const rg = results.find((r) => r.program === 'rg' && r.status !== 'FAIL');
    const report = {
      node: process.version,
      cpus: availableParallelism(),
      runs: options.runs,
      warmup: LIBRARY_WARMUP_ROUNDS,
      memoryTool,
      ripgrep,
      library: {
        count: options.library,
        dir,
        megabytes: manifestBytes(dir) / 1e6,
        generatedSeconds,
        articlesContaining: manifest?.articlesContaining ?? null,
      },
      baselineMs,
      baselinePeakMb: peakMb(baseline),
      builds,
      sweep: statSweep(dir),
      cases: results.map((r) => ({
        ...r,
        ratioToRg: rg && r.medianMs !== null ? r.medianMs / rg.medianMs : null,
      })),
    };
    if (options.json) console.log(JSON.stringify(report, null, 2));
    else printLibraryTable(report);
  } catch (error) {
    // Still exit 0: the benchmark reports, it never gates CI.
    console.error(`bench: could not measure: ${error.message}`);
  } finally {
    for (const item of specs) item.cleanUp?.();
  }
  return 0;
}

/** The import cases' synthetic pages (bench/pages.js): about 150 KB each, as news sites' article pages are. */
const IMPORT_PAGE_BYTES = 150_000;
const IMPORT_BATCH = 100;
/** The issue's targets: one page within 6× `node -e 0`; a hundred pages at 10 a second or faster. */
const IMPORT_ONE_TARGET = 6;
const IMPORT_PAGES_PER_SECOND = 10;
/** The batch takes seconds a run: a few rounds give its median. */
const IMPORT_BATCH_RUNS = 5;

/**
 * `news import` of one page and of a hundred in one call, into a library of the bench's own, with
 * --force so that every round writes (replaces) the same files rather than finding them duplicates.
 */
function importCases() {
  const dir = mkdtempSync(join(tmpdir(), 'news-bench-import-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const pages = join(dir, 'pages');
  mkdirSync(pages);
  const files = Array.from({ length: IMPORT_BATCH }, (_, index) => {
    const path = join(pages, `page-${String(index).padStart(3, '0')}.html`);
    writeFileSync(path, makePage(index, IMPORT_PAGE_BYTES));
    return path;
  });
  const library = join(dir, 'library');
  return [
    {
      name: 'import one page (150 KB)',
      argv: ['import', '--force', '--to', library, files[0]],
      target: IMPORT_ONE_TARGET,
      memoryMb: null,
    },
    {
      name: `import ${IMPORT_BATCH} pages, one call`,
      argv: ['import', '--force', '--to', library, ...files],
      targetMs: (IMPORT_BATCH / IMPORT_PAGES_PER_SECOND) * 1000,
      pages: IMPORT_BATCH,
      maxRuns: IMPORT_BATCH_RUNS,
      memoryMb: null,
    },
  ];
}

/** Half the interquartile range of the samples: how far a typical run strays from the median. */
function spreadOf(values) {
  if (values.length < 2) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => sorted[Math.round(p * (sorted.length - 1))];
  return (at(0.75) - at(0.25)) / 2;
}

/** The articles' bytes: the size that build speed is judged by (MB/s). */
function manifestBytes(dir) {
  let bytes = 0;
  for (const name of readdirSync(dir)) if (name.endsWith('.md')) bytes += statSync(join(dir, name)).size;
  return bytes;
}

/** The fetch cases: 20 synthetic feeds of 50 items each (bench/feeds.js), from a server on 127.0.0.1. */
const FEED_COUNT = 20;
const FEED_ITEMS = 50;
const FEEDS_BIN = fileURLToPath(new URL('feeds.js', import.meta.url));
/** The issue's target for a fetch with nothing new: at most 2× `node -e 0` per feed answered 304. */
const NOT_MODIFIED_PER_FEED = 2;
/** No target is given for the first fetch: 50 articles a second (20 s for the 1,000) is a floor. */
const FETCH_ARTICLES_PER_SECOND = 50;
const FETCH_BATCH_RUNS = 5;

/** Starts bench/feeds.js's server in a process of its own (this one blocks on each run) and returns its port. */
function startFeedServer(dir) {
  const portFile = join(dir, 'port');
  const child = spawn(process.execPath, [FEEDS_BIN, '--serve', String(FEED_COUNT), String(FEED_ITEMS), portFile], {
    stdio: 'ignore',
  });
  // Unreferenced, so that this process ends when its work does, and the server with it.
  child.unref();
  process.on('exit', () => child.kill());
  const deadline = Date.now() + 10_000;
  for (;;) {
    const port = existsSync(portFile) ? readFileSync(portFile, 'utf8').trim() : '';
    if (port !== '') return Number(port);
    if (Date.now() > deadline) throw new Error('the feed server did not start');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
}

/** A config folder subscribed to the first `count` feeds of the server at `port`. */
function feedConfig(dir, port, count) {
  mkdirSync(dir, { recursive: true });
  const entries = Array.from(
    { length: count },
    (_, feed) => `- url: http://127.0.0.1:${port}/feed/${feed}.xml\n  title: Bench feed ${feed}\n`,
  );
  writeFileSync(join(dir, 'feeds.yaml'), entries.join(''));
  return dir;
}

/**
 * `news fetch` of 20 feeds, all 1,000 items new (each round starts from an empty library and no
 * state); then with nothing new, every feed answering 304 to the ETag the first fetch kept (20 feeds,
 * and one), measured against the issue's 2× `node -e 0` per feed.
 */
function fetchCases() {
  const dir = mkdtempSync(join(tmpdir(), 'news-bench-fetch-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const port = startFeedServer(dir);
  const all = feedConfig(join(dir, 'config-all'), port, FEED_COUNT);
  const one = feedConfig(join(dir, 'config-one'), port, 1);
  const envOf = (name, config) => ({
    NEWS_CONFIG_DIR: config,
    NEWS_STATE_DIR: join(dir, name, 'state'),
    NEWS_LIBRARY: join(dir, name, 'library'),
  });
  const fresh = envOf('fresh', all);
  const unchanged = envOf('unchanged', all);
  const unchangedOne = envOf('unchanged-one', one);
  // The 304 cases start from a first fetch that kept every feed's ETag.
  for (const env of [unchanged, unchangedOne]) {
    const primed = runOnce([NEWS_BIN, 'fetch'], false, undefined, env, 'pipe');
    if (primed.status !== 0) throw new Error(`priming the fetch cases failed: ${describeFailure(primed)}`);
  }
  const articles = FEED_COUNT * FEED_ITEMS;
  return [
    {
      name: `fetch ${FEED_COUNT} feeds × ${FEED_ITEMS} items, all new`,
      argv: ['fetch'],
      env: fresh,
      before: () => {
        rmSync(fresh.NEWS_STATE_DIR, { recursive: true, force: true });
        rmSync(fresh.NEWS_LIBRARY, { recursive: true, force: true });
      },
      targetMs: (articles / FETCH_ARTICLES_PER_SECOND) * 1000,
      pages: articles,
      unit: 'articles',
      maxRuns: FETCH_BATCH_RUNS,
      memoryMb: null,
    },
    {
      name: `fetch ${FEED_COUNT} feeds, nothing new (304)`,
      argv: ['fetch'],
      env: unchanged,
      target: NOT_MODIFIED_PER_FEED * FEED_COUNT,
      feeds: FEED_COUNT,
      memoryMb: null,
    },
    {
      name: 'fetch 1 feed, nothing new (304)',
      argv: ['fetch'],
      env: unchangedOne,
      target: NOT_MODIFIED_PER_FEED,
      feeds: 1,
      memoryMb: null,
    },
  ];
}

/**
 * The start-up cases plus reading an article from a user folder (a library of USER_FOLDER_SIZE synthetic
 * articles, its index built in the warm-up rounds): `read` must not parse YAML and Markdown again there;
 * then the import cases.
 */
function startupCases() {
  const { dir } = ensureLibrary(USER_FOLDER_SIZE);
  return [
    ...CASES,
    {
      name: `read, user folder (${USER_FOLDER_SIZE})`,
      argv: ['--dir', dir, 'read', 'synthetic-000042'],
      target: 1.6,
      memoryMb: 60,
    },
    ...importCases(),
    ...fetchCases(),
  ];
}

function main() {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`bench: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  STDERR_MODE.value = options.stderr;
  const memoryTool = detectMemoryTool();
  if (options.library !== null) return benchLibrary(options, memoryTool);
  try {
    const { baseline, cases } = measure(startupCases(), options.runs, WARMUP_ROUNDS, memoryTool);
    const baselineMs = median(baseline.times);
    const report = {
      node: process.version,
      cpus: availableParallelism(),
      runs: options.runs,
      warmup: WARMUP_ROUNDS,
      memoryTool,
      baselineMs,
      baselinePeakMb: peakMb(baseline),
      cases: cases.map((item) => summarise(item, baselineMs)),
    };
    if (options.json) console.log(JSON.stringify(report, null, 2));
    else printTable(report);
  } catch (error) {
    // Still exit 0: the benchmark reports, it never gates CI.
    console.error(`bench: could not measure: ${error.message}`);
  }
  return 0;
}

process.exitCode = main();
