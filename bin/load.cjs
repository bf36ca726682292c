// Loads dist/main.cjs with V8's code cache (dist/main.cjs.cache, written by the build), so start-up
// skips compiling it. A cache from another Node version or build is rejected by V8 and ignored.
'use strict';

const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const MAIN = join(__dirname, '..', 'dist', 'main.cjs');
const CACHE = `${MAIN}.cache`;

function readCache() {
  try {
    return readFileSync(CACHE);
  } catch {
    return undefined;
  }
}

/** Evaluates dist/main.cjs as a CommonJS module; `script` can produce a fresh cache afterwards. */
function loadMain(useCache = true) {
  const cachedData = useCache ? readCache() : undefined;
  const script = new vm.Script(Module.wrap(readFileSync(MAIN, 'utf8')), { filename: MAIN, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, Module.createRequire(MAIN), module, MAIN, dirname(MAIN));
  return { exports: module.exports, script };
}

module.exports = { CACHE, loadMain };
