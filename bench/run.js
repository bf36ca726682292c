// Owns `npm run bench`: start-up time and peak memory of whole `news` processes, as ratios to `node -e 0`.
// A benchmark, not a test: it reports PASS/MISS against targets but always exits 0 (2 only for a bad flag here).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

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

const BASELINE_ARGV = ['-e', '0'];
const DEFAULT_RUNS = 15;
const WARMUP_ROUNDS = 2;
const TIME_BIN = '/usr/bin/time';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NEWS_BIN = fileURLToPath(new URL('../bin/news.cjs', import.meta.url));

// Only PATH and HOME: a developer's NO_COLOR, FORCE_COLOR, COLUMNS or NEWS_PATH must not change what is measured.
const ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };

const USAGE = `usage: node bench/run.js [--runs N] [--json]
  --runs N   measured rounds (default ${DEFAULT_RUNS}); ${WARMUP_ROUNDS} warm-up rounds are added and discarded
  --json     print the results as JSON instead of a table`;

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: { runs: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help) return { help: true };
  const runs = values.runs === undefined ? DEFAULT_RUNS : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got '${values.runs}'`);
  return { runs, json: values.json === true };
}

/**
 * Builds the command line for one run. Both baseline and cases go through /usr/bin/time when it exists,
 * so its own start-up cost is paid on both sides of the ratio.
 */
function commandFor(nodeArgs, memoryTool) {
  if (!memoryTool) return { file: process.execPath, args: nodeArgs };
  return { file: TIME_BIN, args: ['-f', '%M', process.execPath, ...nodeArgs] };
}

/** GNU time prints max RSS in KiB as the last line of stderr, after anything the command itself wrote. */
function parsePeakKb(stderr) {
  const lines = stderr.trimEnd().split('\n');
  const last = lines[lines.length - 1]?.trim() ?? '';
  return /^\d+$/.test(last) ? Number(last) : null;
}

/** Runs one process with stdout and stderr piped (so the CLI sees no TTY); returns its time, memory and status. */
function runOnce(nodeArgs, memoryTool) {
  const { file, args } = commandFor(nodeArgs, memoryTool);
  const start = process.hrtime.bigint();
  const result = spawnSync(file, args, {
    cwd: ROOT,
    env: ENV,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const stderr = result.stderr ?? '';
  return {
    ms,
    peakKb: memoryTool ? parsePeakKb(stderr) : null,
    status: result.status,
    signal: result.signal,
    error: result.error,
    stderr,
  };
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
  return { ...spec, times: [], peaksKb: [], failure: null };
}

function record(samples, run, measured) {
  if (run.error || run.status !== 0) {
    samples.failure = describeFailure(run);
    return;
  }
  if (!measured) return;
  samples.times.push(run.ms);
  if (run.peakKb !== null) samples.peaksKb.push(run.peakKb);
}

/**
 * Alternates baseline and case within every round (baseline, case 1, baseline, case 2, ...), so slow phases of
 * the machine hit both sides of each ratio alike. A case that fails once is reported and not run again.
 */
function measure(runs, memoryTool) {
  const baseline = newSamples({ name: 'node -e 0', argv: BASELINE_ARGV });
  const cases = CASES.map(newSamples);
  for (let round = 0; round < WARMUP_ROUNDS + runs; round++) {
    const measured = round >= WARMUP_ROUNDS;
    for (const item of cases) {
      if (item.failure) continue;
      record(baseline, runOnce(BASELINE_ARGV, memoryTool), measured);
      if (baseline.failure) throw new Error(`baseline 'node -e 0' failed: ${baseline.failure}`);
      record(item, runOnce([NEWS_BIN, ...item.argv], memoryTool), measured);
      if (item.failure) console.error(`FAIL news ${item.argv.join(' ')}: ${item.failure} (not measured further)`);
    }
  }
  return { baseline, cases };
}

/** Max over the rounds: a memory budget is about the worst run, and RSS barely varies anyway. */
function peakMb(samples) {
  return samples.peaksKb.length === 0 ? null : Math.max(...samples.peaksKb) / 1024;
}

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
  const status = ratio <= item.target && memoryOk ? 'PASS' : 'MISS';
  return { ...base, medianMs, ratio, peakMb: peak, status, failure: null };
}

function fixed(value, digits, suffix = '') {
  return value === null ? 'n/a' : `${value.toFixed(digits)}${suffix}`;
}

function tableRows(results) {
  const header = ['case', 'median ms', 'ratio', 'target', 'peak MB', 'mem target', 'result'];
  const rows = results.map((r) => [
    r.name,
    r.status === 'FAIL' ? '-' : fixed(r.medianMs, 1),
    r.status === 'FAIL' ? '-' : fixed(r.ratio, 2, '×'),
    `≤ ${r.target.toFixed(2)}×`,
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
    `news bench — node ${report.node}, ${report.cpus} CPUs, ${report.runs} runs (+${report.warmup} warm-up), ${memory}`,
  );
  console.log(
    `baseline node -e 0: median ${fixed(report.baselineMs, 1)} ms, peak ${fixed(report.baselinePeakMb, 1, ' MB')}\n`,
  );
  console.log(formatTable(tableRows(report.cases)));
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
  const memoryTool = detectMemoryTool();
  try {
    const { baseline, cases } = measure(options.runs, memoryTool);
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
