#!/usr/bin/env node
// The only file that touches the process: argv, environment, streams and the exit code.
import { createStreamIo, main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2), createStreamIo(process.stdout, process.stderr), process.env);
