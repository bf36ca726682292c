// Writes dist/main.cjs.cache: runs the usual commands once in-process (output discarded) so that
// V8 has compiled the functions they use, then saves its code cache for bin/news.cjs. Then it
// reads the bundled article once more without its compiled catalog, so the YAML and Markdown
// parsers load and run, and string-width measures some wide text, and writes their caches
// (dist/vendor/*.cjs.cache) the same way.
'use strict';

const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { MAIN, loadMain } = require('../bin/news.cjs');

const WARM_UP = [
  ['list'],
  ['search', 'Putin'],
  ['read', 'abe-putin'],
  ['read', 'abe-putin', '--color', 'always'],
  ['--help'],
];

const root = join(__dirname, '..');
const sink = { isTTY: false, write: (_chunk, done) => done(), on: () => undefined };
const { exports: news, requireVendor, scripts } = loadMain(false);
// The same bundled articles, catalog and index bin/news.cjs passes, so the cache holds the code runs use.
const bundled = {
  dir: join(root, 'articles'),
  catalog: join(root, 'dist', 'catalog.json'),
  index: join(root, 'dist', 'bundled.idx'),
};

const run = (argv, options) => news.main(argv, news.createStreamIo(sink, sink), {}, options);

(async () => {
  for (const argv of WARM_UP) await run(argv, { bundled });
  writeFileSync(`${MAIN}.cache`, scripts.get(MAIN).createCachedData());
  // Parsing for real: the bundled folder without its catalog and index, as a user's folder is read.
  await run(['--no-cache', 'read', 'abe-putin'], { bundled: { dir: bundled.dir } });
  await run(['--no-cache', 'search', 'Putin'], { bundled: { dir: bundled.dir } });
  // The bundled articles are all narrow text, which never needs string-width: measure some that does.
  requireVendor('./vendor/string-width.cjs')('日本語のテキスト 👍🏽');
  for (const [file, script] of scripts)
    if (file.includes(`${join('dist', 'vendor')}`)) writeFileSync(`${file}.cache`, script.createCachedData());
})();
