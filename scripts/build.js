// Builds dist/ from src/ with esbuild, then compiles the bundled articles into dist/catalog.json.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const root = new URL('..', import.meta.url).pathname;

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  // yaml and commander are CommonJS; their require() of Node built-ins needs a real require in ESM.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
};

/**
 * commander requires child_process at load time (1–2 ms) only to run executable subcommands, which
 * news does not have; a stub that refuses stands in for it.
 */
const noChildProcess = {
  name: 'no-child-process',
  setup(builder) {
    builder.onResolve({ filter: /^(node:)?child_process$/ }, () => ({ path: 'child_process', namespace: 'stub' }));
    builder.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: "export function spawn() { throw new Error('news runs no subcommand programs'); }",
      loader: 'js',
    }));
  },
};

rmSync(`${root}dist`, { recursive: true, force: true });

// The CLI: what every run needs is in dist/main.js, one module, because each extra ESM module costs
// start-up time; YAML, marked, chalk and string-width are split into chunks that load only when needed.
await build({
  ...common,
  entryPoints: ['src/main.ts'],
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  define: { __NEWS_VERSION__: JSON.stringify(pkg.version) },
  plugins: [noChildProcess],
});

// The catalog compiler is built on its own (no shared chunks with the CLI), used here, and kept out of dist/.
const compilerPath = `${root}node_modules/.cache/news/build-catalog.js`;
await build({ ...common, entryPoints: ['src/build-catalog.ts'], outfile: compilerPath });
const { compileCatalog } = await import(compilerPath);
writeFileSync(`${root}dist/catalog.json`, JSON.stringify(compileCatalog(`${root}articles`)));
