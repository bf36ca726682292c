// Removing an article from the library folder: only there, only a file news could have imported, in one unlink.

import { lstatSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { NotFoundError, UsageError } from '../errors.js';
import type { Folder } from './folders.js';
import { checkSlug, suggestSlugs } from './slugs.js';

function isFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

function describeFolder(folder: Folder): string {
  if (folder.origin === 'bundled') return `the bundled articles ('${folder.path}')`;
  return `${folder.origin} folder '${folder.path}'`;
}

/** The slugs of the library folder's articles, for suggestions; none when it cannot be read. */
function librarySlugs(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.md'))
      .map((name) => name.slice(0, -3));
  } catch {
    return [];
  }
}

/**
 * Deletes `<slug>.md` from the library folder `dir` (one unlink: the article is there or gone, and
 * the search index sees it gone on its next run) and returns its path. An article of that slug
 * only in another folder is a UsageError saying where it is; none anywhere is NotFoundError with
 * the closest library slugs.
 */
export function removeLibraryArticle(dir: string | undefined, slug: string, folders: readonly Folder[]): string {
  checkSlug(slug);
  if (dir !== undefined) {
    const path = join(dir, `${slug}.md`);
    if (isFile(path)) {
      try {
        unlinkSync(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        throw new UsageError(`cannot remove '${path}' (${code}); check the folder's permissions`);
      }
      return path;
    }
  }
  const elsewhere = folders.find((folder) => folder.origin !== 'library' && isFile(join(folder.path, `${slug}.md`)));
  if (elsewhere) {
    throw new UsageError(
      `'${slug}' is in ${describeFolder(elsewhere)}, not in the library folder; only imported articles can be removed`,
    );
  }
  if (dir === undefined)
    throw new NotFoundError(`no article named '${slug}': there is no library folder (set NEWS_LIBRARY or HOME)`);
  const suggestions = suggestSlugs(slug, librarySlugs(dir));
  const hint = suggestions.length > 0 ? ` (did you mean ${suggestions.join(', ')}?)` : '';
  throw new NotFoundError(`no article named '${slug}' in the library folder '${dir}'${hint}`);
}
