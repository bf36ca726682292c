// Writes the V8 code caches bin/news.cjs loads: one for dist/main.cjs per command
// (`main.cjs.<command>.cache`, see cacheFor there), and one per library in dist/vendor/.
//
// Each main.cjs cache is made in a process of its own (this script runs itself with the
// command's name), since V8 shares compiled functions between scripts of the same file and a
// cache would otherwise hold every command's code: it runs the command's warm-up command lines
// (each command's definition lists them, src/commands/) in-process, output discarded, so that V8
// has compiled the functions it uses, then saves the cache. The vendor caches come from reading
// the bundled article without its compiled catalog, so the YAML and Markdown parsers load and
// run, from string-width measuring some wide text, smol-toml parsing, entities decoding, and from
// the libraries only some bodies need (the HTML parser, footnotes) each doing a little of their work.
// dist/import.cjs and the libraries only `news import` loads get theirs from importing a synthetic
// page and feed (scripts/warm-up/) in a process of their own, so the shared libraries' caches
// (yaml's, say) do not grow by what only an import runs; dist/feed.cjs and dist/fetch.cjs from
// subscribing to and fetching that feed from a server on 127.0.0.1.
'use strict';

const { execFileSync } = require('node:child_process');
const { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { BUNDLED, MAIN, loadMain } = require('../bin/news.cjs');

/** Caches that are not a command's: everything else (help, version), and the vendored libraries. */
const OTHER = { other: [['--help'], ['--version']] };
const VENDOR = [
  ['--no-cache', 'read', 'abe-putin'],
  ['--no-cache', 'search', 'Putin'],
  ['--no-cache', 'quotes', 'abe-putin'],
  ['completion', 'bash'],
];
const IMPORT_VENDOR = [
  ['import', '--dry-run', '--to', 'dist/warm-up-library', 'scripts/warm-up/page.html', 'scripts/warm-up/feed.xml'],
];
/** The libraries the vendor warm-up caches; the import warm-up leaves their caches alone. */
const SHARED_VENDOR = ['yaml', 'marked', 'string-width', 'smol-toml', 'entities/decode'].map(
  (name) => `${join(__dirname, '..', 'dist', 'vendor', name)}.cjs`,
);

/**
 * A user folder for the warm-ups (scripts/warm-up/library, synthetic articles) and the search
 * index cache it is read through: a command run on your own articles runs code (the manifest, the
 * folder check, segments on disk) that the bundled articles never need, and without it in the
 * cache every such run compiles it again. The copy's files and folder are dated a day back, so
 * the index trusts their stats; the index is built beforehand, in a process of its own, so the
 * caches hold what reading a library runs and not what building its index does.
 */
const WARM_UP = join(__dirname, '..', 'dist', 'warm-up');
const WARM_UP_ENV = { NEWS_CACHE_DIR: join(WARM_UP, 'cache') };

function prepareLibrary() {
  const library = join(WARM_UP, 'library');
  rmSync(WARM_UP, { recursive: true, force: true });
  mkdirSync(WARM_UP, { recursive: true });
  cpSync(join(__dirname, 'warm-up', 'library'), library, { recursive: true });
  const dayAgo = new Date(Date.now() - 86_400_000);
  for (const name of readdirSync(library)) utimesSync(join(library, name), dayAgo, dayAgo);
  utimesSync(library, dayAgo, dayAgo);
  execFileSync(process.execPath, [join(__dirname, '..', 'bin', 'news.cjs'), '--dir', library, 'list'], {
    env: { ...WARM_UP_ENV, PATH: process.env.PATH },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const sink = { isTTY: false, write: (_chunk, done) => done(), on: () => undefined };

/**
 * `news feed` and `news fetch` (dist/feed.cjs, dist/fetch.cjs and the subscription list's bundle)
 * get theirs from subscribing to the synthetic feed served by a server this script starts on
 * 127.0.0.1, fetching it twice (new items, then a 304), listing and exporting; in folders of
 * their own under dist/, removed after.
 */
const FEEDS_VENDOR = [['feed', 'add', '{server}/feed.xml'], ['fetch'], ['fetch'], ['feed', 'list'], ['feed', 'export']];
const FEEDS_FILES = ['feed.cjs', 'fetch.cjs', 'vendor/subscriptions.cjs'].map((name) =>
  join(__dirname, '..', 'dist', name),
);

/** Serves scripts/warm-up/feed.xml on 127.0.0.1, answering 304 to its ETag; resolves with the server and its address. */
function serveWarmUpFeed() {
  const { createServer } = require('node:http');
  const body = readFileSync(join(__dirname, 'warm-up', 'feed.xml'));
  const server = createServer((request, response) => {
    if (request.headers['if-none-match'] === '"warm-up"') {
      response.writeHead(304);
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"warm-up"' });
    response.end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${server.address().port}` })),
  );
}

/** Every cache's name and the command lines that warm it up. */
function warmUps(news) {
  const lines = { ...OTHER, vendor: VENDOR, 'vendor-import': IMPORT_VENDOR, 'vendor-feeds': FEEDS_VENDOR };
  for (const command of news.COMMANDS) lines[command.name] = command.warmUp;
  return lines;
}

async function warmUp(name) {
  const { exports: news, requireVendor, scripts } = loadMain(undefined, false);
  // The bundled articles bin/news.cjs passes, so the cache holds the code runs use; for the vendor
  // files, parsing for real: the folder without its catalog and index, as a user's folder is read.
  const options = { bundled: name === 'vendor' ? { dir: BUNDLED.dir } : BUNDLED };
  const lines = warmUps(news)[name];
  if (lines === undefined) throw new Error(`no code cache called '${name}'`);
  const feeds = name === 'vendor-feeds' ? await serveWarmUpFeed() : undefined;
  const folder = join(__dirname, '..', 'dist', 'warm-up-feeds');
  const env = feeds
    ? {
        NEWS_CONFIG_DIR: join(folder, 'config'),
        NEWS_STATE_DIR: join(folder, 'state'),
        NEWS_LIBRARY: join(folder, 'library'),
      }
    : WARM_UP_ENV;
  try {
    for (const line of lines) {
      const argv = line.map((arg) => arg.replace('{server}', feeds?.base ?? ''));
      // A warm-up that fails would leave its command's code out of the cache, unnoticed: stop the build.
      const code = await news.main(argv, news.createStreamIo(sink, sink), env, options);
      if (code !== 0) throw new Error(`code cache warm-up 'news ${argv.join(' ')}' exited ${code}`);
    }
  } finally {
    feeds?.server.close();
    rmSync(folder, { recursive: true, force: true });
  }
  if (name === 'vendor-feeds') {
    for (const [file, script] of scripts)
      if (FEEDS_FILES.includes(file)) writeFileSync(`${file}.cache`, script.createCachedData());
    return;
  }
  if (name === 'vendor-import') {
    for (const [file, script] of scripts) {
      if (file !== MAIN && !SHARED_VENDOR.includes(file)) writeFileSync(`${file}.cache`, script.createCachedData());
    }
    return;
  }
  if (name !== 'vendor') {
    writeFileSync(`${MAIN}.${name}.cache`, scripts.get(MAIN).createCachedData());
    return;
  }
  // The bundled articles are all narrow text, which never needs string-width: measure some that does.
  requireVendor('./vendor/string-width.cjs')('日本語のテキスト 👍🏽');
  // Nor TOML front matter or character references in fields: parse and decode some.
  requireVendor('./vendor/smol-toml.cjs').parse('title = "x"\ndate = 2019-04-09T15:00:00-05:00\n[extra]\ntags = ["a"]');
  requireVendor('./vendor/entities/decode.cjs').decodeHTML('Caf&eacute; &#8217; &#x2019; &amp;');
  requireVendor('./vendor/entities/decode.cjs').decodeHTMLStrict('&mdash; &amp;');
  requireVendor('./vendor/linkedom.cjs').parseHTML('<p>A <a href="x">link</a> &amp; <b>bold</b></p>');
  requireVendor('./vendor/marked-footnote.cjs')();
  for (const [file, script] of scripts) if (file !== MAIN) writeFileSync(`${file}.cache`, script.createCachedData());
}

// The warm-up command lines name files relative to the package.
process.chdir(join(__dirname, '..'));
const name = process.argv[2];
if (name !== undefined) {
  warmUp(name);
} else {
  prepareLibrary();
  for (const each of Object.keys(warmUps(loadMain(undefined, false).exports))) {
    execFileSync(process.execPath, [__filename, each], { stdio: 'inherit' });
  }
  rmSync(WARM_UP, { recursive: true, force: true });
}
