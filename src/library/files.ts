// Article files on disk: which files of a folder may be articles, and reading one safely.

import {
  closeSync,
  constants,
  type Dirent,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  type Stats,
  statSync,
} from 'node:fs';
import { join, sep } from 'node:path';
import { sanitizeLine } from '../article/sanitize.js';
import { isValidSlug } from '../article/slug.js';
import { ArticleError, UsageError } from '../errors.js';
import type { Folder } from './folders.js';

export interface ArticleFile {
  slug: string;
  path: string;
  folder: Folder;
}

export interface FolderScan {
  /** One file per slug, the winner where folders disagree; sorted by slug. */
  files: ArticleFile[];
  /** Files that another folder's article of the same slug hides, with the file that wins. */
  shadowed: { hidden: ArticleFile; winner: ArticleFile }[];
  /** Files that are skipped: bad names, not regular files. */
  problems: ArticleError[];
}

/** By default articles larger than this are refused: a news article is a few tens of kilobytes. */
export const MAX_ARTICLE_BYTES = 1024 * 1024;

function describeFolder(folder: Folder): string {
  if (folder.origin === 'bundled') return `bundled articles folder '${folder.path}'`;
  if (folder.origin === 'library') return `library folder '${folder.path}'`;
  return `${folder.origin} '${folder.path}'`;
}

function compareSlugs(a: ArticleFile, b: ArticleFile): number {
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

/** Whether `path` lies inside `folder` once links are resolved. */
function isInside(folder: string, path: string): boolean {
  const root = realpathSync(folder);
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** What a directory entry is, as far as being an article goes. */
type EntryKind = 'file' | 'folder' | 'link' | 'other';

/**
 * Why an entry cannot be an article, or undefined when it may be one. Only regular files count;
 * a link is followed only to a file inside its own folder, so `x.md -> /etc/shadow` or a link
 * loop is refused before anything is opened.
 */
function refuseKind(folder: Folder, kind: EntryKind, path: string): string | undefined {
  if (kind === 'folder') return 'is a folder, not an article; rename it or move it away';
  if (kind === 'link') {
    let target: string;
    try {
      target = realpathSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ELOOP' ? 'is a link that loops; remove it' : 'is a link to nothing; remove it';
    }
    if (!isInside(folder.path, target)) return 'is a link to a file outside its folder; copy the file in instead';
    return undefined;
  }
  if (kind === 'other') return 'is not a regular file (a pipe, socket or device); remove it';
  return undefined;
}

function refuseEntry(folder: Folder, entry: Dirent, path: string): string | undefined {
  const kind = entry.isDirectory() ? 'folder' : entry.isSymbolicLink() ? 'link' : entry.isFile() ? 'file' : 'other';
  return refuseKind(folder, kind, path);
}

/** As listing refuses an entry, from the mode bits of its lstat: for entries listed by name alone. */
export function refuseByMode(folder: Folder, mode: number, path: string): string | undefined {
  const type = mode & constants.S_IFMT;
  const kind =
    type === constants.S_IFREG
      ? 'file'
      : type === constants.S_IFDIR
        ? 'folder'
        : type === constants.S_IFLNK
          ? 'link'
          : 'other';
  return refuseKind(folder, kind, path);
}

/** Why a file name cannot be an article's, or undefined when it can: the slug must be valid. */
export function nameProblem(name: string): string | undefined {
  return isValidSlug(name.slice(0, -3))
    ? undefined
    : "has a name that is not a valid slug; use letters, digits, '.', '_' and '-' only";
}

/** A folder's entries, with their types or by name; a folder that cannot be read is worded as a UsageError. */
function readEntries(folder: Folder): Dirent[];
function readEntries(folder: Folder, types: false): string[];
function readEntries(folder: Folder, types = true): Dirent[] | string[] {
  try {
    return types ? readdirSync(folder.path, { withFileTypes: true }) : readdirSync(folder.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where = sanitizeLine(describeFolder(folder));
    if (code === 'ENOENT') throw new UsageError(`${where}: no such folder; check the path`);
    if (code === 'ENOTDIR') throw new UsageError(`${where}: not a folder; name the folder that holds the .md files`);
    throw new UsageError(`${where}: cannot be read (${code ?? 'error'}); check its permissions`);
  }
}

/** One folder's article files, sorted by slug; entries that cannot be articles go to `problems`. */
export function listFolder(folder: Folder, problems: ArticleError[]): ArticleFile[] {
  const files: ArticleFile[] = [];
  for (const entry of readEntries(folder)) {
    if (!entry.name.endsWith('.md')) continue;
    const path = join(folder.path, entry.name);
    const refusal = refuseEntry(folder, entry, path) ?? nameProblem(entry.name);
    if (refusal !== undefined) problems.push(new ArticleError(path, refusal));
    else files.push({ slug: entry.name.slice(0, -3), path, folder });
  }
  return files.sort(compareSlugs);
}

/**
 * The names in a folder that end in `.md`, whatever their entries are: for a caller that will
 * lstat each one anyway, and then refuses what cannot be an article with `refuseByMode`. The
 * cheapest listing there is: a name per entry, no directory entry objects.
 */
export function listMarkdownNames(folder: Folder): Set<string> {
  const names = new Set<string>();
  for (const name of readEntries(folder, false)) if (name.endsWith('.md')) names.add(name);
  return names;
}

/**
 * The file names (`<slug>.md`) in a folder that may be articles, as the search index compares them
 * with the names it holds: what `listFolder` lists, except that names are not yet checked as slugs
 * (`nameProblem`), since a name the index holds was checked when it was indexed; entries that
 * cannot be articles go to `problems` as [file name, reason]. A regular file costs no more than
 * its directory entry: no path, object or pattern per file, and no order.
 */
export function listArticleNames(folder: Folder, problems: [string, string][]): Set<string> {
  const names = new Set<string>();
  for (const entry of readEntries(folder)) {
    const name = entry.name;
    if (!name.endsWith('.md')) continue;
    if (entry.isFile()) {
      names.add(name);
      continue;
    }
    const refusal = refuseEntry(folder, entry, join(folder.path, name));
    if (refusal !== undefined) problems.push([name, refusal]);
    else names.add(name);
  }
  return names;
}

/** Lists every folder's article files; the first folder that has a slug wins it. */
export function scanFolders(folders: readonly Folder[]): FolderScan {
  const problems: ArticleError[] = [];
  const winners = new Map<string, ArticleFile>();
  const shadowed: FolderScan['shadowed'] = [];
  for (const folder of folders) {
    for (const file of listFolder(folder, problems)) {
      const winner = winners.get(file.slug);
      if (winner) shadowed.push({ hidden: file, winner });
      else winners.set(file.slug, file);
    }
  }
  return { files: [...winners.values()].sort(compareSlugs), shadowed, problems };
}

/** An article file's stat (through a link); a file that is gone or cannot be reached is an ArticleError, as in reading. */
export function statArticleFile(path: string): Stats {
  try {
    return statSync(path);
  } catch (error) {
    throw new ArticleError(
      path,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the file`,
    );
  }
}

/** Reads one article file without blocking on FIFOs or devices and without reading huge files. */
export function readArticleFile(path: string, maxBytes = MAX_ARTICLE_BYTES): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new ArticleError(
      path,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the file`,
    );
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new ArticleError(path, 'is not a regular file; remove it or replace it with a .md file');
    if (stat.size > maxBytes) {
      throw new ArticleError(
        path,
        `is ${stat.size} bytes, over the ${maxBytes}-byte limit; shorten it or raise NEWS_MAX_ARTICLE_BYTES`,
      );
    }
    return readFileSync(fd, 'utf8');
  } catch (error) {
    if (error instanceof ArticleError) throw error;
    throw new ArticleError(
      path,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the file`,
    );
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether a `read` argument names a file rather than an article: it contains a '/' (no slug
 * does), or it ends in `.md` and such a file exists. Anything else is a slug, so an article called
 * `notes` is never shadowed by a file of that name in the current folder.
 */
export function isArticlePath(arg: string): boolean {
  if (arg.includes(sep) || arg.includes('/')) return true;
  if (!arg.endsWith('.md')) return false;
  try {
    return statSync(arg).isFile();
  } catch {
    return false;
  }
}
