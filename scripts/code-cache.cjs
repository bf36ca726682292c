// Writes dist/main.cjs.cache: runs the usual commands once in-process (output discarded) so that
// V8 has compiled the functions they use, then saves its code cache for bin/load.cjs.
'use strict';

const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { CACHE, loadMain } = require('../bin/load.cjs');

const WARM_UP = [
  ['list'],
  ['search', 'Putin'],
  ['read', 'abe-putin'],
  ['read', 'abe-putin', '--color', 'always'],
  ['--help'],
];

const root = join(__dirname, '..');
const sink = { isTTY: false, write: (_chunk, done) => done(), on: () => undefined };
const { exports: news, script } = loadMain(false);
// The same bundled articles, catalog and index bin/news.cjs passes, so the cache holds the code runs use.
const bundled = {
  dir: join(root, 'articles'),
  catalog: join(root, 'dist', 'catalog.json'),
  index: join(root, 'dist', 'bundled.idx'),
};

(async () => {
  for (const argv of WARM_UP) await news.main(argv, news.createStreamIo(sink, sink), {}, { bundled });
  writeFileSync(CACHE, script.createCachedData());
})();
