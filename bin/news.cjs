#!/usr/bin/env node
// The only file that touches the process: argv, environment, streams, signals, where the package is, the exit code.
'use strict';

const { fstatSync, writeSync } = require('node:fs');
const { join } = require('node:path');
const { loadMain } = require('./load.cjs');

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
if (mayBeTerminal(1)) {
  exitOnSignal('SIGINT', 130);
  exitOnSignal('SIGTERM', 143);
}

const { createStreamIo, describeBug, main } = loadMain().exports;

/** A bug must still end in one line on stderr and exit 2, never a stack trace. */
function reportBug(error) {
  writeSync(2, describeBug(error));
  process.exitCode = 2;
}
process.on('uncaughtException', reportBug);
process.on('unhandledRejection', reportBug);

// A terminal gets Node's stream (it knows the window size); a pipe or file gets the bare descriptor,
// which skips building process.stdout, a few milliseconds of start-up.
const stdout = mayBeTerminal(1) ? process.stdout : 1;
const stderr = mayBeTerminal(2) ? process.stderr : 2;
const dist = join(__dirname, '..', 'dist');
const bundled = {
  dir: join(__dirname, '..', 'articles'),
  catalog: join(dist, 'catalog.json'),
  index: join(dist, 'bundled.idx'),
};
const indexWorker = join(dist, 'index-worker.cjs');
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
main(process.argv.slice(2), createStreamIo(stdout, stderr), process.env, { bundled, indexWorker, owner }).then(
  (code) => {
    process.exitCode = code;
  },
);
