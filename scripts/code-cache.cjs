// Writes the V8 code caches bin/news.cjs loads: one for dist/main.cjs per command
// (`main.cjs.<command>.cache`, see CACHED_COMMANDS there), and one per library in dist/vendor/.
//
// Each main.cjs cache is made in a process of its own (this script runs itself with the
// command's name), since V8 shares compiled functions between scripts of the same file and a
// cache would otherwise hold every command's code: it runs the command once or twice in-process
// (output discarded), so that V8 has compiled the functions it uses, then saves the cache.
// The vendor caches come from reading the bundled article without its compiled catalog, so
// the YAML and Markdown parsers load and run, and from string-width measuring some wide text.
'use strict';

const { execFileSync } = require('node:child_process');
const { writeFileSync } = require('node:fs');
const { BUNDLED, CACHED_COMMANDS, MAIN, loadMain } = require('../bin/news.cjs');

/** What each cache is warmed with: plain and styled output, as pipes and terminals get. */
const WARM_UP = {
  list: [['list'], ['list', '--color', 'always']],
  read: [
    ['read', 'abe-putin'],
    ['read', 'abe-putin', '--color', 'always'],
  ],
  search: [
    ['search', 'Putin'],
    ['search', 'Putin', '--color', 'always'],
  ],
  quotes: [['quotes'], ['quotes', '--color', 'always']],
  completion: [['completion', 'bash']],
  '__complete-slugs': [['__complete-slugs']],
  other: [['--help'], ['--version']],
  vendor: [
    ['--no-cache', 'read', 'abe-putin'],
    ['--no-cache', 'search', 'Putin'],
  ],
};

const sink = { isTTY: false, write: (_chunk, done) => done(), on: () => undefined };

async function warmUp(name) {
  const { exports: news, requireVendor, scripts } = loadMain(false);
  // The bundled articles bin/news.cjs passes, so the cache holds the code runs use; for the vendor
  // files, parsing for real: the folder without its catalog and index, as a user's folder is read.
  const options = { bundled: name === 'vendor' ? { dir: BUNDLED.dir } : BUNDLED };
  for (const argv of WARM_UP[name]) {
    // A warm-up that fails would leave its command's code out of the cache, unnoticed: stop the build.
    const code = await news.main(argv, news.createStreamIo(sink, sink), {}, options);
    if (code !== 0) throw new Error(`code cache warm-up 'news ${argv.join(' ')}' exited ${code}`);
  }
  if (name !== 'vendor') {
    writeFileSync(`${MAIN}.${name}.cache`, scripts.get(MAIN).createCachedData());
    return;
  }
  // The bundled articles are all narrow text, which never needs string-width: measure some that does.
  requireVendor('./vendor/string-width.cjs')('日本語のテキスト 👍🏽');
  for (const [file, script] of scripts) if (file !== MAIN) writeFileSync(`${file}.cache`, script.createCachedData());
}

const name = process.argv[2];
if (name !== undefined) {
  warmUp(name);
} else {
  for (const each of [...CACHED_COMMANDS, 'other', 'vendor']) {
    execFileSync(process.execPath, [__filename, each], { stdio: 'inherit' });
  }
}
