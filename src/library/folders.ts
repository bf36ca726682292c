// Which folders hold articles, in the order they win: --dir, then NEWS_PATH, then the library folder
// `news import` writes to, then the bundled ones.

import { resolve } from 'node:path';

/** Where a folder was named, so messages can point at the setting to fix. */
export type FolderOrigin = '--dir' | 'NEWS_PATH' | 'library' | 'bundled';

export interface Folder {
  path: string;
  origin: FolderOrigin;
  /** A catalog of this folder's articles compiled at build time (the bundled folder only). */
  compiled?: string;
  /** This folder's search index made at build time (the bundled folder only); used while the files match it. */
  index?: string;
}

export interface BundledArticles {
  dir: string;
  /** dist/catalog.json; articles whose text changed since the build are parsed as usual. */
  catalog?: string;
  /** dist/bundled.idx; while every article's text is the one indexed, it stands in for indexing them. */
  index?: string;
}

function bundledFolder(bundled: BundledArticles): Folder {
  const folder: Folder = { path: bundled.dir, origin: 'bundled' };
  if (bundled.catalog !== undefined) folder.compiled = bundled.catalog;
  if (bundled.index !== undefined) folder.index = bundled.index;
  return folder;
}

/**
 * User folders first (--dir in order, then NEWS_PATH in order), then the library folder imports
 * go to (when there is one), the bundled articles last.
 */
export function resolveFolders(
  dirs: readonly string[],
  newsPath: string | undefined,
  bundled: BundledArticles,
  library?: string,
): Folder[] {
  const fromPath = (newsPath ?? '').split(':').filter((entry) => entry !== '');
  const folders: Folder[] = [
    ...dirs.map((path): Folder => ({ path, origin: '--dir' })),
    ...fromPath.map((path): Folder => ({ path, origin: 'NEWS_PATH' })),
    ...(library === undefined ? [] : [{ path: library, origin: 'library' } satisfies Folder]),
    bundledFolder(bundled),
  ];
  // A folder named twice (or the bundled one named again) is read once, where it first appears.
  const seen = new Set<string>();
  return folders.filter((folder) => {
    const key = resolve(folder.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
