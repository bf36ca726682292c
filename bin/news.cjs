#!/usr/bin/env node
// The only file that touches the process: argv, environment, streams, signals, where the package is, the exit code.
'use strict';

const { join } = require('node:path');
const { loadMain } = require('./load.cjs');

/** Ctrl-C (and kill) end news promptly with the shell's 128+N code, colours reset on a terminal. */
function exitOnSignal(signal, code) {
  process.on(signal, () => {
    if (process.stdout.isTTY) process.stdout.write('\u001b[0m');
    process.exit(code);
  });
}
exitOnSignal('SIGINT', 130);
exitOnSignal('SIGTERM', 143);

const { createStreamIo, describeBug, main } = loadMain().exports;

/** A bug must still end in one line on stderr and exit 2, never a stack trace. */
function reportBug(error) {
  process.stderr.write(describeBug(error));
  process.exitCode = 2;
}
process.on('uncaughtException', reportBug);
process.on('unhandledRejection', reportBug);

const bundled = { dir: join(__dirname, '..', 'articles'), catalog: join(__dirname, '..', 'dist', 'catalog.json') };
main(process.argv.slice(2), createStreamIo(process.stdout, process.stderr), process.env, { bundled }).then((code) => {
  process.exitCode = code;
});
