// Builds dist/ from src/ with esbuild, then the compiled bundled articles (dist/catalog.json and
// their search index dist/bundled.idx), the man page (dist/news.1), what --help and --version
// print (dist/help.txt, dist/version.txt) and the V8 code caches (scripts/code-cache.cjs).
//
// dist/main.cjs is one CommonJS file holding all of news's own code: on Node 20 the ESM loader
// alone costs ~5 ms of start-up and every extra module more. The heavy libraries (YAML, marked,
// string-width, the TOML parser and HTML entity decoder some front matter needs, the HTML parser
// linkedom and marked-footnote for bodies that need them, and what `news import` alone uses:
// Readability, turndown and its GFM tables plugin, fast-xml-parser) are separate files under
// dist/vendor/, required only when a command needs them, so a piped `news list` never reads them.
// chalk is small: it lives in main.cjs (covered by the code cache) and is initialised only for
// styled output.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const root = new URL('..', import.meta.url).pathname;
const VENDORED = [
  'yaml',
  'marked',
  'string-width',
  'smol-toml',
  'entities/decode',
  'linkedom',
  'marked-footnote',
  '@mozilla/readability',
  'turndown',
  '@joplin/turndown-plugin-gfm',
  'fast-xml-parser',
];

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Points imports of the heavy libraries at their separate bundles in dist/vendor/. */
const vendorExternals = {
  name: 'vendor-externals',
  setup(builder) {
    const filter = new RegExp(`^(${VENDORED.map(escapeRegExp).join('|')})$`);
    builder.onResolve({ filter }, (args) => ({ path: `./vendor/${args.path}.cjs`, external: true }));
  },
};

/** A plugin answering imports that match `filter`, from importers `from` accepts, with `contents`. */
function stub(name, filter, contents, from = () => true) {
  return {
    name,
    setup(builder) {
      builder.onResolve({ filter }, (args) => (from(args.importer) ? { path: name, namespace: name } : undefined));
      builder.onLoad({ filter: /.*/, namespace: name }, () => ({ contents, loader: 'js' }));
    },
  };
}

/**
 * commander requires child_process at load time (1–2 ms) only to run executable subcommands, which
 * news does not have; for commander alone, a stub that refuses stands in for it (the pager loads
 * the real one when it runs).
 */
const noChildProcess = stub(
  'no-child-process',
  /^(node:)?child_process$/,
  "export function spawn() { throw new Error('news runs no subcommand programs'); }",
  (importer) => importer.includes(`node_modules${sep}commander${sep}`),
);

/**
 * Parts of news that only some runs need are bundles of their own under dist/vendor/, loaded the
 * first time they are imported (bin/news.cjs loads them as it loads the libraries, each with its
 * code cache): their code in main.cjs would be read, and its share of the code cache checked, at
 * every start (~0.15 ms for 28 KB), and a bigger main.cjs tips more runs over V8's first garbage
 * collection. The body parser (src/article/markdown.ts and what only it uses: HTML, shortcodes) and
 * front matter parsing (src/article/parse.ts) run only for an article that did not come compiled
 * or indexed; quotations only for `quotes`; completion scripts only for `completion`; the subscription
 * list for `feed`, `fetch` and the completion of feed titles. Each must be
 * imported with `await import(…)` only, and must not rely on module state or `instanceof` shared
 * with main.cjs (a copy of a module it imports lives in its bundle too). The index worker, whose
 * size costs no command's start-up, keeps the parsers in its own bundle, since a `./vendor/` path
 * inside dist/vendor/ would not resolve there.
 */
const LAZY = [
  { module: /\/article\/markdown\.js$/, entry: 'src/article/markdown.ts', out: './vendor/body.cjs' },
  { module: /\/article\/parse\.js$/, entry: 'src/article/parse.ts', out: './vendor/parse.cjs' },
  { module: /\/quotes\/extract\.js$/, entry: 'src/quotes/extract.ts', out: './vendor/quotes.cjs' },
  { module: /\/feeds\/subscriptions\.js$/, entry: 'src/feeds/subscriptions.ts', out: './vendor/subscriptions.cjs' },
  {
    module: /\/cli\/completion\/completion\.js$/,
    entry: 'src/cli/completion/completion.ts',
    out: './vendor/completion.cjs',
  },
];
const lazyParts = {
  name: 'lazy-parts',
  setup(builder) {
    for (const { module, out } of LAZY) builder.onResolve({ filter: module }, () => ({ path: out, external: true }));
  },
};

/**
 * linkedom requires the optional native `canvas` package when it loads, inside a try, and falls
 * back to a shim of its own; news never draws, so a module that throws stands in for it and the
 * lookup of a package that is not there costs nothing.
 */
const noCanvas = stub('no-canvas', /^canvas$/, "throw new Error('news draws on no canvas');");

/**
 * chalk detects colour support when it loads (its vendored supports-color), which loads node:tty
 * and with it net and the stream modules: ~2.5 ms for `read --color always` into a pipe. news
 * never uses that detection (src/cli/settings.ts decides, and createChalk passes the level), so a stub that
 * reports no support stands in for it.
 */
const noColorDetection = stub(
  'no-color-detection',
  /^#supports-color$/,
  'export default { stdout: false, stderr: false };',
);

/**
 * Code two libraries bring that news never runs, which Node would otherwise read and compile at
 * every import: turndown requires @mixmark-io/domino (300 KB) to parse HTML strings, and news hands
 * it DOM nodes; linkedom's <style> element requires cssomnom (260 KB) to build `.sheet`, and news
 * removes every <style> before anything could read one. Stubs that throw stand in, so a future use
 * fails loudly instead of silently.
 */
const VENDOR_STUBS = {
  turndown: [
    stub(
      'no-domino',
      /^@mixmark-io\/domino$/,
      "module.exports = { createDocument() { throw new Error('turndown is given DOM nodes, never HTML strings'); } };",
    ),
  ],
  linkedom: [
    noCanvas,
    stub(
      'no-cssomnom',
      /^cssomnom\/parse$/,
      "module.exports = { parse() { throw new Error('style sheets are not parsed: <style> is removed'); } };",
    ),
  ],
};

// Without comments and indentation a bundle is a third smaller, and reading it at every start is
// ~0.2 ms shorter for main.cjs; names are kept, so a stack trace still says where.
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  minifyWhitespace: true,
};

/**
 * Rewrites a bundle so that it is pure ASCII. esbuild escapes non-ASCII characters in strings but
 * not in regular expression literals or the comments it keeps, and one curly quote in a regex makes
 * V8 hold the whole file as a two-byte string: reading, checking the code cache against and running
 * main.cjs then cost about 2 ms more at every start. A \uXXXX escape means the same character in a
 * string, a regex (with or without the u flag, surrogate pairs included), an identifier or a comment.
 */
function asciiOnly(file) {
  const code = readFileSync(file, 'utf8');
  const escaped = code.replace(/[^\0-\x7f]/g, (unit, offset) => {
    // After a backslash the escape would be read as a literal backslash and "uXXXX": refuse.
    if (code[offset - 1] === '\\') throw new Error(`${file}: escaped non-ASCII character at offset ${offset}`);
    return `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  writeFileSync(file, escaped);
}

rmSync(`${root}dist`, { recursive: true, force: true });

/**
 * What `news import`, `news feed` and `news fetch` run (src/commands/<name>-run.ts with src/import/,
 * src/feeds/ and their printers: 150 KB and more each) are files of their own, dist/<name>.cjs,
 * which the command requires when it runs: in main.cjs they would be read, and their functions
 * counted in every code cache, at every start of every command. Each bundles its own copy of the
 * few modules it shares with main.cjs; none keeps state, and an error crossing back into main.cjs
 * is recognised there by a registered symbol (isNewsError), never by its class.
 */
const OWN_FILES = [
  { module: /^\.\/import-run\.js$/, entry: 'src/commands/import-run.ts', out: './import.cjs' },
  { module: /^\.\/feed-run\.js$/, entry: 'src/commands/feed-run.ts', out: './feed.cjs' },
  { module: /^\.\/fetch-run\.js$/, entry: 'src/commands/fetch-run.ts', out: './fetch.cjs' },
];
const ownFiles = {
  name: 'own-files',
  setup(builder) {
    for (const { module, out } of OWN_FILES)
      builder.onResolve({ filter: module }, () => ({ path: out, external: true }));
  },
};

await build({
  ...common,
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.cjs',
  format: 'cjs',
  // import() becomes a lazy require(), so a lazily loaded module costs nothing until it is needed.
  supported: { 'dynamic-import': false },
  define: { __NEWS_VERSION__: JSON.stringify(pkg.version) },
  plugins: [vendorExternals, lazyParts, ownFiles, noChildProcess, noColorDetection],
  logLevel: 'warning',
});

for (const { entry, out } of OWN_FILES) {
  await build({
    ...common,
    entryPoints: [entry],
    outfile: `dist/${out}`,
    format: 'cjs',
    supported: { 'dynamic-import': false },
    plugins: [vendorExternals, lazyParts],
    logLevel: 'warning',
  });
}

for (const { entry, out } of LAZY) {
  await build({
    ...common,
    entryPoints: [entry],
    outfile: `dist/${out}`,
    format: 'cjs',
    supported: { 'dynamic-import': false },
    plugins: [vendorExternals],
    logLevel: 'warning',
  });
}

// The index worker (src/library/index/worker.ts): reads half of a big folder on a second core. Like
// main.cjs it loads the vendored libraries from ./vendor/ when it first parses an article.
await build({
  ...common,
  entryPoints: ['src/library/index/worker.ts'],
  outfile: 'dist/index-worker.cjs',
  format: 'cjs',
  supported: { 'dynamic-import': false },
  plugins: [vendorExternals],
  logLevel: 'warning',
});

for (const name of VENDORED) {
  // Node's rules for import() of CommonJS make module.exports the default export, so a library
  // whose API is its default export (string-width) must be module.exports itself.
  const contents = `const library = require('${name}');
module.exports = typeof library.default === 'function' ? Object.assign(library.default, library) : library;`;
  await build({
    ...common,
    stdin: { contents, resolveDir: root, sourcefile: `vendor-${name}.cjs` },
    outfile: `dist/vendor/${name}.cjs`,
    format: 'cjs',
    plugins: VENDOR_STUBS[name] ?? [],
    logLevel: 'warning',
  });
}

// bin/news.cjs reads these as Latin-1, which is exact only for ASCII.
for (const file of [
  'main.cjs',
  'index-worker.cjs',
  ...OWN_FILES.map(({ out }) => out),
  ...LAZY.map(({ out }) => out),
  ...VENDORED.map((name) => `vendor/${name}.cjs`),
]) {
  asciiOnly(`${root}dist/${file}`);
}

// The catalog compiler and man page generator are built on their own, used here, and kept out of dist/.
// In a folder of its own: two checkouts sharing one node_modules (git worktrees) may build at once.
const assetsDir = mkdtempSync(join(tmpdir(), 'news-build-'));
const assetsPath = join(assetsDir, 'build-assets.mjs');
await build({
  ...common,
  entryPoints: ['src/build-assets.ts'],
  outfile: assetsPath,
  format: 'esm',
  // yaml and commander are CommonJS; their require() of Node built-ins needs a real require in ESM.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  define: { __NEWS_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
const { compileCatalog, compileIndex, renderManPageFile, renderPrebuiltOutput } = await import(assetsPath);
rmSync(assetsDir, { recursive: true, force: true });
writeFileSync(`${root}dist/catalog.json`, JSON.stringify(await compileCatalog(`${root}articles`)));
writeFileSync(`${root}dist/bundled.idx`, await compileIndex(`${root}articles`));
const epoch = process.env.SOURCE_DATE_EPOCH;
const built = epoch ? new Date(Number(epoch) * 1000) : new Date();
writeFileSync(`${root}dist/news.1`, renderManPageFile(pkg.version, built.toISOString().slice(0, 10)));
const prebuilt = await renderPrebuiltOutput(`${root}articles`);
writeFileSync(`${root}dist/version.txt`, prebuilt.version);
writeFileSync(`${root}dist/help.txt`, prebuilt.help);

// V8's code caches: dist/main.cjs's, one per command, and the vendor files' (scripts/code-cache.cjs).
execFileSync(process.execPath, [`${root}scripts/code-cache.cjs`], { stdio: 'inherit' });
