// The layering CONTRIBUTING describes, checked on every import in src/: lower layers never import upper ones.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SRC = join(ROOT, 'src');

/** Each file's layer, by where it lives; the first pattern that matches wins. */
const LAYERS: [layer: string, pattern: RegExp][] = [
  ['errors', /^errors\.ts$/],
  ['article', /^article\//],
  ['storage', /^library\/index\//],
  ['files', /^library\/(files|loader|catalog|folders|slugs|quick-title)\.ts$/],
  ['library', /^library\//],
  ['search', /^search\//],
  ['quotes', /^quotes\//],
  ['feeds', /^feeds\//],
  ['import', /^import\//],
  ['render', /^render\//],
  ['terminal', /^terminal\//],
  ['cli', /^cli\//],
  ['commands', /^commands\//],
  ['main', /^(main|build-assets)\.ts$/],
];

/** What each layer may import besides itself: the layers below it. */
const ALLOWED: Record<string, string[]> = {
  errors: [],
  article: ['errors'],
  files: ['article', 'errors'],
  storage: ['files', 'article', 'errors'],
  library: ['storage', 'files', 'article', 'errors'],
  search: ['library', 'storage', 'article', 'errors'],
  quotes: ['article'],
  feeds: ['article', 'errors'],
  import: ['feeds', 'library', 'storage', 'files', 'article', 'errors'],
  render: ['search', 'quotes', 'article'],
  terminal: ['article', 'errors'],
  cli: ['terminal', 'render', 'library', 'storage', 'files', 'search', 'article', 'errors'],
  commands: [
    'cli',
    'terminal',
    'render',
    'import',
    'feeds',
    'quotes',
    'search',
    'library',
    'storage',
    'files',
    'article',
    'errors',
  ],
  main: [
    'commands',
    'cli',
    'terminal',
    'render',
    'import',
    'feeds',
    'quotes',
    'search',
    'library',
    'storage',
    'files',
    'article',
    'errors',
  ],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

function layerOf(file: string): string {
  const path = relative(SRC, file);
  const found = LAYERS.find(([, pattern]) => pattern.test(path));
  if (!found) throw new Error(`${path} is in no layer: add it to LAYERS`);
  return found[0];
}

/** Every module a file imports, statically, dynamically or for types only, as paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\(\s*)'(\.[^']+)'/g)].map((match) => match[1] as string);
  return specifiers.map((specifier) => resolve(dirname(file), specifier).replace(/\.js$/, '.ts'));
}

/** The modules a file imports statically for their values (no `import type`, no `await import(…)`), as paths. */
function staticImportsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^import (?!type )[^;]*?from '(\.[^']+)';/gms)].map((match) =>
    resolve(dirname(file), match[1] as string).replace(/\.js$/, '.ts'),
  );
}

const files = sourceFiles(SRC);

describe('the layers of src/', () => {
  it.each(files.map((file) => [relative(SRC, file), file]))(
    '%s imports only its own layer and those below',
    (_name, file) => {
      const layer = layerOf(file);
      const wrong = importsOf(file)
        .map((target) => ({ target: relative(SRC, target), layer: layerOf(target) }))
        .filter((dependency) => dependency.layer !== layer && !ALLOWED[layer]?.includes(dependency.layer));
      expect(wrong, `${layer} may import ${ALLOWED[layer]?.join(', ')}`).toEqual([]);
    },
  );

  it('leave the process to bin/news.cjs: no module reads process.env, argv or exits', () => {
    const touching = files.filter((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .some(
          (line) =>
            /\bprocess\.(env|argv|exit|stdout|stderr|stdin|on|kill|pid|cwd)\b/.test(line) &&
            !/^\s*(\/\/|\/?\*)/.test(line),
        ),
    );
    expect(touching.map((file) => relative(SRC, file))).toEqual([]);
  });

  it('write only in commands, the one catch in main, the io layer and commander’s own help', () => {
    const writers = files.filter((file) => /\.write\(/.test(readFileSync(file, 'utf8')));
    const allowed = (path: string) =>
      /^(commands|terminal)\//.test(path) || path === 'main.ts' || path === 'cli/program.ts';
    expect(writers.map((file) => relative(SRC, file)).filter((path) => !allowed(path))).toEqual([]);
  });
});

/** Modules built as bundles of their own (scripts/build.js, LAZY): reached only through `await import(…)`. */
const LAZY_MODULES = [
  'article/markdown.ts',
  'article/parse.ts',
  'quotes/extract.ts',
  'cli/completion/completion.ts',
  'feeds/subscriptions.ts',
];

/** What import, feed and fetch run: files of their own (scripts/build.js, OWN_FILES), required only by their command. */
const OWN_FILES = ['commands/import-run.ts', 'commands/feed-run.ts', 'commands/fetch-run.ts'];

describe('the parts of news bundled on their own', () => {
  it.each(LAZY_MODULES)('%s is imported only with await import(), or for its types', (lazy) => {
    const target = join(SRC, lazy);
    const static_ = files.filter((file) => {
      // The build's own script and what import, feed and fetch run (dist/import.cjs, feed.cjs, fetch.cjs) are no part of dist/main.cjs.
      const path = relative(SRC, file);
      if (file === target || path === 'build-assets.ts' || path.startsWith('import/') || OWN_FILES.includes(path)) {
        return false;
      }
      return staticImportsOf(file).includes(target);
    });
    expect(static_.map((file) => relative(SRC, file))).toEqual([]);
  });
});

describe('the runs of import, feed and fetch', () => {
  it.each(OWN_FILES)('%s is imported only by its command, with await import()', (own) => {
    const target = join(SRC, own);
    const importers = files.filter((file) => staticImportsOf(file).includes(target));
    expect(importers.map((file) => relative(SRC, file))).toEqual([]);
    const command = join(SRC, own.replace(/-run\.ts$/, '.ts'));
    expect(readFileSync(command, 'utf8')).toContain(
      `await import('./${own.slice('commands/'.length).replace(/\.ts$/, '.js')}')`,
    );
  });
});
