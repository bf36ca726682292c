// Builds dist/ from src/ with esbuild (code split so each command loads only what it uses),
// then compiles the bundled articles into dist/catalog.json.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const root = new URL('..', import.meta.url).pathname;

rmSync(`${root}dist`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/main.ts', 'src/build-catalog.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifyWhitespace: false,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  // yaml and commander are CommonJS; their require() of Node built-ins needs a real require in ESM.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  define: { __NEWS_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});

// The bundled articles, parsed now by the same code that would parse them at run time.
const { compileCatalog } = await import(`${root}dist/build-catalog.js`);
writeFileSync(`${root}dist/catalog.json`, JSON.stringify(compileCatalog(`${root}articles`)));
