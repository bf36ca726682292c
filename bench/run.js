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
 * The --library cases, over a folder of N synthetic articles. Targets are the issue's, as ratios to `node -e 0`
 * like every target here (so PASS/MISS never depends on ripgrep being installed); the ratio to `rg -i` is printed
 * beside them for reference. The queries are words bench/corpus.js plants at known rates: "treaty" in about 2% of
 * articles, the phrase "peace treaty" in about 0.5%. The bundled article matches both too, so hits are one more.
 */
const LIBRARY_CASES = [
  { name: 'list', argv: ['list'], target: 1.5, memoryMb: 80 },
  { name: 'search treaty', argv: ['search', 'treaty'], target: 1.5, memoryMb: 80 },
  { name: 'search "peace treaty"', argv: ['search', '"peace treaty"'], target: 1.6, memoryMb: 80 },
  { name: 'search glacier (rare)', argv: ['search', 'glacier'], target: 1.5, memoryMb: 80 },
];
/**
 * The same with NEWS_INDEX_CHECK=folders: no lstat of every article per run (see the README). The default mode's
 * figures include that sweep, which costs about one `node -e 0` per 10,000 files on the machines we measure.
 */
const FOLDERS_ONLY = { NEWS_INDEX_CHECK: 'folders' };
const FOLDER_CHECK_CASES = LIBRARY_CASES.map((item) => ({
  ...item,
  name: `${item.name} [folders]`,
  env: FOLDERS_ONLY,
}));
const RG_QUERY = 'treaty';

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
const CORPUS_ROOT = fileURLToPath(new URL('.corpus/', import.meta.url));
const MANIFEST_FILE = '.manifest.json';
// Must match GENERATOR_VERSION in bench/corpus.js: a folder made by another version is generated again.
const CORPUS_GENERATOR = 1;

// The search index of --library runs lives here, emptied before each benchmark, never in the developer's ~/.cache.
const CACHE_DIR = fileURLToPath(new URL('.cache/', import.meta.url));

// Only PATH, HOME, the bench's own index cache and a library folder that does not exist: a developer's
// NO_COLOR, FORCE_COLOR, COLUMNS, NEWS_PATH or imported articles must not change what is measured.
const ENV = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  NEWS_CACHE_DIR: CACHE_DIR,
  NEWS_LIBRARY: '/nonexistent/news-bench-library',
};

/** First index build: the issue's budget is 6 s for 10,000 articles and 60 s for 100,000, so 0.6 ms an article. */
const BUILD_MS_PER_ARTICLE = 0.6;
/** Re-indexing one touched file may cost at most this much more than a plain run, as a ratio to `node -e 0`. */
const UPDATE_TARGET = 2;
/** The user folder of the start-up bench's `read` row: the size of a real site's content folder. */
const USER_FOLDER_SIZE = 150;
/** Where runs' stderr goes: 'device' (a character device, as a terminal is) or 'pipe'; set by --stderr. */
const STDERR_MODE = { value: 'device' };

const USAGE = `usage: node bench/run.js [--runs N] [--library N] [--json]
  --runs N      measured rounds (default ${DEFAULT_RUNS}; ${DEFAULT_LIBRARY_RUNS} with --library), after ${WARMUP_ROUNDS} discarded warm-up rounds
                (${LIBRARY_WARMUP_ROUNDS} with --library)
  --library N   instead of start-up, measure list and search over N synthetic articles in bench/.corpus/N
                (generated by bench/corpus.js when that folder is missing), beside rg -i when installed
  --stderr W    where each run's stderr goes: device (default: /dev/null, a character device like the terminal
                of \`news read x | less\`) or pipe
  --json        print the results as JSON instead of a table`;

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
  return { runs, library, json: values.json === true, stderr };
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
function updateCase(dir) {
  const files = readdirSync(dir).filter((name) => name.endsWith('.md'));
  return {
    name: 'search treaty, 1 file touched',
    argv: ['search', RG_QUERY, '--dir', dir],
    target: UPDATE_TARGET,
    memoryMb: 80,
    before: (round) => {
      const seconds = Date.now() / 1000 - 3600 + round;
      utimesSync(join(dir, files[round % files.length]), seconds, seconds);
    },
  };
}

function libraryCases(dir, ripgrep) {
  const cases = [...LIBRARY_CASES, ...FOLDER_CHECK_CASES].map((item) => ({
    ...item,
    argv: [...item.argv, '--dir', dir],
  }));
  cases.push(updateCase(dir));
  if (ripgrep) {
    cases.push({ name: `rg -i ${RG_QUERY}`, program: 'rg', argv: ['-i', RG_QUERY, dir], target: null, memoryMb: null });
  }
  return cases;
}

function libraryRows(results) {
  const header = ['case', 'median ms', '× node', '× rg', 'target', 'peak MB', 'mem target', 'out lines', 'result'];
  const rg = results.find((r) => r.program === 'rg' && r.status !== 'FAIL');
  const rows = results.map((r) => {
    const failed = r.status === 'FAIL';
    return [
      r.name,
      failed ? '-' : fixed(r.medianMs, 1),
      failed ? '-' : fixed(r.ratio, 2, '×'),
      failed || !rg ? '-' : fixed(r.medianMs / rg.medianMs, 2, '×'),
      r.target === null ? '-' : `≤ ${r.target.toFixed(2)}×`,
      failed ? '-' : fixed(r.peakMb, 1),
      r.memoryTargetMb === null ? '-' : `≤ ${r.memoryTargetMb}`,
      failed || r.lines === null ? '-' : String(r.lines),
      failed ? `FAIL (${r.failure})` : r.status,
    ];
  });
  return [header, ...rows];
}

function printLibraryTable(report) {
  const memory = report.memoryTool ? `peak memory via ${TIME_BIN} (max RSS, MiB)` : `memory n/a (no GNU ${TIME_BIN})`;
  const { library } = report;
  console.log(
    `news bench --library ${library.count} — node ${report.node}, ${report.cpus} CPUs, ${report.runs} runs (+${report.warmup} warm-up), ${memory}`,
  );
  const planted = library.articlesContaining;
  const plantedText = planted
    ? `; articles containing treaty: ${planted.treaty}, "peace treaty": ${planted['peace treaty']} (+1 bundled hit each)`
    : '';
  console.log(`library ${library.dir}${plantedText}`);
  console.log(`ripgrep: ${report.ripgrep ?? 'not installed (rg row and × rg left out)'}`);
  console.log(
    `baseline node -e 0: median ${fixed(report.baselineMs, 1)} ms, peak ${fixed(report.baselinePeakMb, 1, ' MB')}; targets are × node\n`,
  );
  const build = report.firstBuild;
  const buildText = build.failure
    ? `FAIL (${build.failure})`
    : `${fixed(build.ms / 1000, 2, ' s')} (target ≤ ${fixed(build.targetMs / 1000, 1, ' s')}), peak ${fixed(build.peakMb, 1, ' MB')}: ${build.status}`;
  console.log(`first index build (news list, empty cache): ${buildText}\n`);
  console.log(formatTable(libraryRows(report.cases)));
}

/** The first `news list` over the folder with an empty index cache: it reads every article and writes the index. */
function firstBuild(dir, count, memoryTool) {
  rmSync(CACHE_DIR, { recursive: true, force: true });
  const run = runOnce([NEWS_BIN, 'list', '--dir', dir], memoryTool);
  if (run.error || run.status !== 0) return { failure: describeFailure(run) };
  const targetMs = count * BUILD_MS_PER_ARTICLE;
  const peak = run.peakKb === null ? null : run.peakKb / 1024;
  return { ms: run.ms, targetMs, peakMb: peak, status: run.ms <= targetMs ? 'PASS' : 'MISS' };
}

/** --library N: list and search over the synthetic folder, alternating with `node -e 0` like the start-up cases. */
function benchLibrary(options, memoryTool) {
  try {
    const { dir, manifest, generatedSeconds } = ensureLibrary(options.library);
    const ripgrep = detectRipgrep();
    const build = firstBuild(dir, options.library, memoryTool);
    const specs = libraryCases(dir, ripgrep);
    const { baseline, cases } = measure(specs, options.runs, LIBRARY_WARMUP_ROUNDS, memoryTool);
    const baselineMs = median(baseline.times);
    const results = cases.map((item) => ({ ...summarise(item, baselineMs), program: item.program, lines: item.lines }));
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
        generatedSeconds,
        articlesContaining: manifest?.articlesContaining ?? null,
      },
      baselineMs,
      baselinePeakMb: peakMb(baseline),
      firstBuild: build,
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
