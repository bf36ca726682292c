// Loads dist/main.cjs with V8's code cache (dist/main.cjs.cache, written by the build), so start-up
// skips compiling it; the libraries in dist/vendor/ that it requires lazily (yaml, marked,
// string-width) get the same treatment from their own .cache files. A cache from another Node
// version or build is rejected by V8 and ignored.
'use strict';

const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const DIST = join(__dirname, '..', 'dist');
const MAIN = join(DIST, 'main.cjs');
const CACHE = `${MAIN}.cache`;
const VENDOR = './vendor/';

function readCache(path) {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Compiled scripts by file, so the build can write each one's cache after a warm-up. */
const scripts = new Map();

/** Evaluates a CommonJS file through vm.Script with its code cache; `require` is `customRequire` if given. */
function evaluate(file, useCache, customRequire) {
  const cachedData = useCache ? readCache(`${file}.cache`) : undefined;
  const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  scripts.set(file, script);
  const module = { exports: {} };
  const require = customRequire ?? Module.createRequire(file);
  script.runInThisContext()(module.exports, require, module, file, dirname(file));
  return module.exports;
}

/** Evaluates dist/main.cjs as a CommonJS module; `scripts` can produce fresh caches afterwards. */
function loadMain(useCache = true) {
  const plain = Module.createRequire(MAIN);
  const vendored = new Map();
  // main.cjs requires './vendor/<name>.cjs' only when a command needs the library.
  const require = (id) => {
    if (!id.startsWith(VENDOR)) return plain(id);
    if (!vendored.has(id)) vendored.set(id, evaluate(join(DIST, id), useCache));
    return vendored.get(id);
  };
  return { exports: evaluate(MAIN, useCache, require), scripts };
}

module.exports = { CACHE, loadMain };
