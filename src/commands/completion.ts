// `news completion <shell>` prints a completion script; the hidden `__complete-slugs` feeds it slugs.

import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { renderCompletion, type Shell } from '../completion.js';
import { EXIT_OK } from '../errors.js';
import { loadArticles, scanFolders } from '../library.js';
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

/**
 * `slug<TAB>title` for every article `news read` would accept, first folder winning. Runs on every
 * Tab, so it never fails: a folder the user is still typing is skipped, broken articles are left out.
 */
export async function runCompleteSlugs(context: CommandContext): Promise<number> {
  const catalog = scanFolders(context.folders.filter((folder) => isFolder(folder.path)));
  const { articles } = await loadArticles(catalog, context.maxArticleBytes);
  context.io.stdout.write(articles.map((article) => `${article.slug}\t${article.title}\n`).join(''));
  return EXIT_OK;
}
