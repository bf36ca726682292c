#!/usr/bin/env node
// The only file that touches the process: argv, environment, streams, signals, where the package is, the exit code.
// It also loads dist/main.cjs with V8's code cache; scripts/code-cache.cjs requires this file for
// that loader alone (see the end), which is why it is here and not in a module of its own: a second
// file costs start-up about 0.4 ms to find, read and compile.
'use strict';

const { fstatSync, readFileSync, writeSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const DIST = join(__dirname, '..', 'dist');
const MAIN = join(DIST, 'main.cjs');
/** The package's own articles, compiled at build time; never the working directory's. */
const BUNDLED = {
  dir: join(__dirname, '..', 'articles'),
  catalog: join(DIST, 'catalog.json'),
  index: join(DIST, 'bundled.idx'),
};
/** Files of dist/ that main.cjs requires: './vendor/<library>.cjs', and './import.cjs' for `news import`. */
const DIST_FILE = './';

function readCache(path) {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Compiled scripts by file, so the build can write each one's cache after a warm-up. */
const scripts = new Map();

/**
 * Evaluates a CommonJS file through vm.Script with the V8 code cache `cache` (its path, or its
 * bytes already read), so start-up skips compiling it; a cache from another Node version or build
 * is rejected by V8 and ignored.
 * The files in dist/ require only Node's built-in modules, which this file's `require` finds, and
 * other files of dist/ ('./vendor/<name>.cjs', './import.cjs'), which `requireVendor` evaluates
 * the same way.
 */
function evaluate(file, cache, requireVendor) {
  const cachedData = typeof cache === 'string' ? readCache(cache) : cache;
  // Node's own CommonJS wrapper (require('node:module').wrap, without loading that module). The
  // build makes every file in dist/ pure ASCII, so reading it as Latin-1 is exact, and it skips
  // UTF-8 decoding: ~0.2 ms for main.cjs.
  const source = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(file, 'latin1')}\n});`;
  const script = new Script(source, { filename: file, cachedData });
  scripts.set(file, script);
  const module = { exports: {} };
  const requireHere = (id) => (id.startsWith(DIST_FILE) ? requireVendor(id) : require(id));
  script.runInThisContext()(module.exports, requireHere, module, file, dirname(file));
  return module.exports;
}

/**
 * Which cache to load main.cjs with (`main.cjs.<name>.cache`, holding only the code that command
 * runs; `other` serves --help, --version and the rest), guessed before commander has parsed the
 * arguments: the first word-like argument for which the build made a cache. Deserialising a cache
 * costs time in proportion to its size, so one cache for every command would slow them all. Any
 * cache of main.cjs is right for any command, so a wrong guess (`--dir read list`) only costs the
 * time of compiling what the cache lacks; a word that names no cache costs one failed open.
 */
function cacheFor(argv) {
  for (const arg of argv) {
    if (!/^[a-z_][a-z0-9_-]*$/.test(arg)) continue;
    const cache = readCache(`${MAIN}.${arg}.cache`);
    if (cache !== undefined) return { name: arg, cache };
  }
  return { name: 'other', cache: readCache(`${MAIN}.other.cache`) };
}

/**
 * Evaluates dist/main.cjs with the code cache `cache` (its bytes; undefined: none); yaml, marked,
 * string-width and the rest (dist/vendor/), and `news import`'s own code (dist/import.cjs), are
 * evaluated when it first requires them, each with its own cache unless `withCaches` is false. `scripts` can produce fresh caches afterwards, and
 * `requireVendor` loads a library before main.cjs does, to warm it up for its cache.
 */
function loadMain(cache, withCaches = true) {
  const vendored = new Map();
  const requireVendor = (id) => {
    const file = join(DIST, id);
    if (!vendored.has(id)) vendored.set(id, evaluate(file, withCaches ? `${file}.cache` : undefined, requireVendor));
    return vendored.get(id);
  };
  const exports = evaluate(MAIN, cache, requireVendor);
  return { exports, requireVendor, scripts };
}

/**
 * Whether `fd` may be a terminal. Only character devices can be; asking fstat avoids loading
 * node:tty, which pulls in net and streams (~1.5 ms). /dev/null passes too, and Node's own stream
 * for it then reports isTTY false, so the answer stays right.
 */
function mayBeTerminal(fd) {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}

/**
 * On a terminal, Ctrl-C (and kill) reset the colours and exit with the shell's 128+N code. In a
 * pipe there are no colours to reset and writes are synchronous, so the default action stays:
 * the signal ends news at once, even mid-write, and the shell sees 130 or 143 just the same.
 */
function exitOnSignal(signal, code) {
  process.on(signal, () => {
    writeSync(1, '\u001b[0m');
    process.exit(code);
  });
}

/**
 * What the build wrote for `news --version` (dist/version.txt), and for `news --help` when the output is
 * not a terminal (dist/help.txt: commander wraps help to a terminal's width, to 80 columns elsewhere).
 * Exactly those arguments, nothing more; undefined for every other command line.
 */
function prebuiltFile(argv, toTerminal) {
  if (argv.length !== 1) return undefined;
  if (argv[0] === '--version' || argv[0] === '-V') return join(DIST, 'version.txt');
  if ((argv[0] === '--help' || argv[0] === '-h') && !toTerminal) return join(DIST, 'help.txt');
  return undefined;
}

/**
 * Prints a file the build made by running the CLI (see prebuiltFile), ~4 ms sooner than loading it
 * to print the same bytes. Returns false, having written nothing, when the file cannot be read or
 * the first write fails: the CLI then runs as usual, and reports the error its own way. A write
 * that fails later (a disk filling up mid-way) is reported here, in the CLI's words.
 */
function printPrebuilt(file) {
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    return false;
  }
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(1, bytes, offset);
    } catch (error) {
      if (offset === 0) return false;
      if (error.code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
        continue;
      }
      // A reader that stopped early is not an error (as for every command); anything else is.
      if (error.code !== 'EPIPE') {
        writeSync(2, loadMain(cacheFor([]).cache).exports.describeOutputError(error));
        process.exitCode = 2;
      }
      return true;
    }
  }
  return true;
}

function run() {
  const argv = process.argv.slice(2);
  const stdoutMayBeTerminal = mayBeTerminal(1);
  const prebuilt = prebuiltFile(argv, stdoutMayBeTerminal);
  if (prebuilt !== undefined && printPrebuilt(prebuilt)) return;
  if (stdoutMayBeTerminal) {
    exitOnSignal('SIGINT', 130);
    exitOnSignal('SIGTERM', 143);
  }

  const { createStreamIo, describeBug, main } = loadMain(cacheFor(argv).cache).exports;

  /** A bug must still end in one line on stderr and exit 2, never a stack trace. */
  function reportBug(error) {
    writeSync(2, describeBug(error));
    process.exitCode = 2;
  }
  process.on('uncaughtException', reportBug);
  process.on('unhandledRejection', reportBug);

  // A terminal gets Node's stream (it knows the window size); a pipe or file gets the bare descriptor,
  // which skips building process.stdout, a few milliseconds of start-up. stderr is always written
  // through its descriptor: whether it is a terminal is asked of Node's stream only when news wants
  // to know (a progress line, help on stderr), since building that stream loads node:tty, net and
  // the streams (~3 ms), and `news read x | less` has stderr on the terminal at every run.
  const stdout = stdoutMayBeTerminal ? process.stdout : 1;
  const stderr = mayBeTerminal(2)
    ? { fd: 2, probe: () => ({ isTTY: process.stderr.isTTY === true, columns: process.stderr.columns }) }
    : 2;
  const indexWorker = join(DIST, 'index-worker.cjs');
  /** For the search index's lock: who holds it, and whether a holder that did not let go still runs. */
  const owner = {
    pid: process.pid,
    isRunning(pid) {
      try {
        // Signal 0 only asks; ESRCH says no such process (EPERM: it runs, as another user).
        process.kill(pid, 0);
        return true;
      } catch (error) {
        return error.code !== 'ESRCH';
      }
    },
  };
  main(argv, createStreamIo(stdout, stderr), process.env, { bundled: BUNDLED, indexWorker, owner }).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) run();
else module.exports = { BUNDLED, MAIN, loadMain };
