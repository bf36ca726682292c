// `news completion <shell>` prints a completion script; the hidden `__complete-slugs` feeds it slugs.

import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { sanitizeLine } from '../article/sanitize.js';
import { renderCompletion } from '../cli/completion/completion.js';
import type { Shell } from '../cli/completion/shells.js';
import { EXIT_OK } from '../errors.js';
import { readArticleFile, scanFolders } from '../library/files.js';
import { CompiledArticles } from '../library/loader.js';
import type { CommandContext } from './context.js';

export async function runCompletion(context: CommandContext, shell: Shell, program: Command): Promise<number> {
  context.io.stdout.write(renderCompletion(shell, program));
  return EXIT_OK;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A title good enough to describe a completion: the front matter's `title:` line or the first `# heading`. */
function quickTitle(text: string): string | undefined {
  const source = text.replace(/^\uFEFF/, '');
  const frontMatter = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(source);
  const line = frontMatter?.[1] ? /^title:[ \t]*(.+?)[ \t]*$/m.exec(frontMatter[1])?.[1] : undefined;
  if (line !== undefined) {
    const quoted = /^"(.*)"$/.exec(line) ?? /^'(.*)'$/.exec(line);
    return quoted?.[1] ?? line;
  }
  return /^ {0,3}#[ \t]+(.+?)[ \t#]*$/m.exec(source.slice(frontMatter?.[0].length ?? 0))?.[1];
}

/**
 * `slug<TAB>title` for every article `news read` would accept, first folder winning. Runs on every
 * Tab, so it is quick and never fails: bundled titles come from the compiled catalog, other titles
 * are read from the `title:` line without parsing YAML or Markdown, a folder the user is still
 * typing is skipped, and an unreadable file just gets no title.
 */
export async function runCompleteSlugs(context: CommandContext): Promise<number> {
  const catalog = scanFolders(context.folders.filter((folder) => isFolder(folder.path)));
  const compiled = new CompiledArticles();
  const lines = catalog.files.map((file) => {
    let title: string | undefined;
    try {
      const text = readArticleFile(file.path, context.maxArticleBytes);
      title = compiled.find(file, text)?.title ?? quickTitle(text);
    } catch {
      title = undefined;
    }
    return title === undefined ? `${file.slug}\n` : `${file.slug}\t${sanitizeLine(title)}\n`;
  });
  context.io.stdout.write(lines.join(''));
  return EXIT_OK;
}
