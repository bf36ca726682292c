#!/usr/bin/env node
// The only file that touches the process: argv, environment, streams, where the package is, the exit code.
'use strict';

const { join } = require('node:path');
const { createStreamIo, main } = require('../dist/main.cjs');

const bundled = { dir: join(__dirname, '..', 'articles'), catalog: join(__dirname, '..', 'dist', 'catalog.json') };
main(process.argv.slice(2), createStreamIo(process.stdout, process.stderr), process.env, { bundled }).then((code) => {
  process.exitCode = code;
});
