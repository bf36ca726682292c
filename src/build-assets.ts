// What scripts/build.js makes besides the CLI: the compiled bundled articles and the man page.

import { parseBody } from './article/markdown.js';
import { parseArticle } from './article/parse.js';
import { renderManPage } from './cli/manpage.js';
import { createProgram } from './cli/program.js';
import { COMMANDS } from './commands/registry.js';
import { CATALOG_FORMAT, type CompiledCatalog } from './library/catalog.js';
import { readArticleFile, scanFolders } from './library/files.js';
import type { Folder } from './library/folders.js';
import { buildChunk } from './library/index/build.js';
import { main } from './main.js';
import { BufferSink, type Io, type Sink } from './terminal/io.js';

/** Parses every article in `dir`; throws on the first invalid one, so a broken article fails the build. */
export async function compileCatalog(dir: string): Promise<CompiledCatalog> {
  const catalog = scanFolders([{ path: dir, origin: 'bundled' }]);
  const [problem] = catalog.problems;
  if (problem) throw problem;
  const articles: CompiledCatalog['articles'] = {};
  for (const file of catalog.files) {
    const text = readArticleFile(file.path);
    // The bundled articles are plain YAML: one that needs the TOML parser or the HTML decoder stops
    // the build with an error that says so.
    const article = parseArticle(text, file.slug, file.path, {});
    // A bundled article is ours: front matter it cannot read in full is a mistake to fix, not to warn about.
    const [warning] = article.warnings;
    if (warning !== undefined) throw new Error(`${file.path}: ${warning}`);
    articles[file.slug] = { source: text, article: { ...article, blocks: await parseBody(article.body) } };
  }
  return { format: CATALOG_FORMAT, articles };
}

/**
 * The bundled articles' search index (dist/bundled.idx), so a run needs neither to parse nor to
 * index them: it only checks that each file's text is still the one indexed.
 */
export async function compileIndex(dir: string): Promise<Uint8Array> {
  const folder: Folder = { path: dir, origin: 'bundled' };
  const names = scanFolders([folder]).files.map((file) => `${file.slug}.md`);
  const segments: Uint8Array[] = [];
  await buildChunk({ folder, names }, { maxBytes: Number.POSITIVE_INFINITY }, (bytes) => segments.push(bytes));
  const [segment, ...more] = segments;
  if (segment === undefined || more.length > 0) throw new Error('the bundled articles must make exactly one segment');
  return segment;
}

/** An Io as a pipe looks to a command (no terminal, 80 columns), keeping what is written. */
function pipedIo(): { io: Io; stdout: BufferSink; stderr: BufferSink } {
  const pipe: Sink = { isTTY: false, write: () => undefined };
  const stdout = new BufferSink(pipe);
  const stderr = new BufferSink(pipe);
  const io: Io = {
    stdout,
    stderr,
    flush: async () => undefined,
    page: async () => false,
    readInput: async () => new Uint8Array(0),
  };
  return { io, stdout, stderr };
}

/**
 * What `news --version` prints, and `news --help` into a pipe or a file (80 columns, no colour),
 * for bin/news.cjs to print without loading the CLI (dist/version.txt, dist/help.txt). Made by
 * running main itself, so they are its output to the byte.
 */
export async function renderPrebuiltOutput(bundledDir: string): Promise<{ version: string; help: string }> {
  const run = async (argv: string[]): Promise<string> => {
    const { io, stdout, stderr } = pipedIo();
    const code = await main(argv, io, {}, { bundled: { dir: bundledDir } });
    if (code !== 0 || stderr.text !== '') throw new Error(`news ${argv.join(' ')} exited ${code}: ${stderr.text}`);
    return stdout.text;
  };
  return { version: await run(['--version']), help: await run(['--help']) };
}

/**
 * news.1, generated from the same commander program as --help, so the two cannot drift.
 * `date` is YYYY-MM-DD (the build passes SOURCE_DATE_EPOCH's day when set, for reproducible builds).
 */
export function renderManPageFile(version: string, date: string): string {
  return renderManPage(
    createProgram(pipedIo().io, version, COMMANDS, async () => undefined),
    { version, date },
  );
}
