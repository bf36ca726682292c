// Finds article files in the folders it is given, resolves slugs, loads and parses articles.

import {
  closeSync,
  constants,
  type Dirent,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
} from 'node:fs';
import { basename, join, sep } from 'node:path';
import type { Article } from '../article/article.js';
import type { Block } from '../article/model.js';
import { sanitizeLine } from '../article/sanitize.js';
import { isValidSlug } from '../article/slug.js';
import { ArticleError, NotFoundError, UsageError } from '../errors.js';
import { type CompiledCatalog, readCompiledCatalog } from './catalog.js';
import type { Folder } from './folders.js';

export interface ArticleFile {
  slug: string;
  path: string;
  folder: Folder;
}

export interface Catalog {
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
  return folder.origin === 'bundled' ? `bundled articles folder '${folder.path}'` : `${folder.origin} '${folder.path}'`;
}

function compareSlugs(a: ArticleFile, b: ArticleFile): number {
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

/** Whether `path` lies inside `folder` once links are resolved. */
function isInside(folder: string, path: string): boolean {
  const root = realpathSync(folder);
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Why an entry cannot be an article, or undefined when it may be one. Only regular files count;
 * a link is followed only to a file inside its own folder, so `x.md -> /etc/shadow` or a link
 * loop is refused before anything is opened.
 */
function refuseEntry(folder: Folder, entry: Dirent, path: string): string | undefined {
  if (entry.isDirectory()) return 'is a folder, not an article; rename it or move it away';
  if (entry.isSymbolicLink()) {
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
  if (!entry.isFile()) return 'is not a regular file (a pipe, socket or device); remove it';
  return undefined;
}

/** One folder's article files, sorted by slug; entries that cannot be articles go to `problems`. */
export function listFolder(folder: Folder, problems: ArticleError[]): ArticleFile[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder.path, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where = sanitizeLine(describeFolder(folder));
    if (code === 'ENOENT') throw new UsageError(`${where}: no such folder; check the path`);
    if (code === 'ENOTDIR') throw new UsageError(`${where}: not a folder; name the folder that holds the .md files`);
    throw new UsageError(`${where}: cannot be read (${code ?? 'error'}); check its permissions`);
  }
  const files: ArticleFile[] = [];
  for (const entry of entries) {
    if (!entry.name.endsWith('.md')) continue;
    const path = join(folder.path, entry.name);
    const slug = entry.name.slice(0, -3);
    const refusal = refuseEntry(folder, entry, path);
    if (refusal !== undefined) {
      problems.push(new ArticleError(path, refusal));
    } else if (!isValidSlug(slug)) {
      problems.push(
        new ArticleError(path, "has a name that is not a valid slug; use letters, digits, '.', '_' and '-' only"),
      );
    } else {
      files.push({ slug, path, folder });
    }
  }
  return files.sort(compareSlugs);
}

/** Lists every folder's article files; the first folder that has a slug wins it. */
export function scanFolders(folders: readonly Folder[]): Catalog {
  const problems: ArticleError[] = [];
  const winners = new Map<string, ArticleFile>();
  const shadowed: Catalog['shadowed'] = [];
  for (const folder of folders) {
    for (const file of listFolder(folder, problems)) {
      const winner = winners.get(file.slug);
      if (winner) shadowed.push({ hidden: file, winner });
      else winners.set(file.slug, file);
    }
  }
  return { files: [...winners.values()].sort(compareSlugs), shadowed, problems };
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

/** The folders' compiled catalogs, each read at most once. */
export class CompiledArticles {
  private readonly catalogs = new Map<string, CompiledCatalog | undefined>();

  /** The article compiled at build time for `file`, if its text is still `text`; else undefined. */
  find(file: ArticleFile, text: string): Article | undefined {
    const path = file.folder.compiled;
    if (path === undefined) return undefined;
    if (!this.catalogs.has(path)) this.catalogs.set(path, readCompiledCatalog(path));
    const entry = this.catalogs.get(path)?.articles[file.slug];
    return entry?.source === text ? { ...entry.article, slug: file.slug, path: file.path } : undefined;
  }
}

/** Loads articles, using a folder's compiled catalog for files unchanged since the build. */
export class ArticleLoader {
  private readonly compiled = new CompiledArticles();
  private parse: typeof import('../article/article.js').parseArticle | undefined;

  constructor(private readonly maxBytes: number) {}

  async load(file: ArticleFile, text = readArticleFile(file.path, this.maxBytes)): Promise<Article> {
    const compiled = this.compiled.find(file, text);
    if (compiled) return compiled;
    // The YAML and Markdown parsers load only when some article was not compiled at build time.
    this.parse ??= (await import('../article/article.js')).parseArticle;
    return this.parse(text, file.slug, file.path);
  }
}

export function loadArticle(file: ArticleFile, maxBytes = MAX_ARTICLE_BYTES): Promise<Article> {
  return new ArticleLoader(maxBytes).load(file);
}

/** Loads every article; one that fails is reported in `problems` and never hides the others. */
export async function loadArticles(
  catalog: Catalog,
  maxBytes = MAX_ARTICLE_BYTES,
): Promise<{ articles: Article[]; problems: ArticleError[] }> {
  const loader = new ArticleLoader(maxBytes);
  const articles: Article[] = [];
  const problems = [...catalog.problems];
  for (const file of catalog.files) {
    try {
      articles.push(await loader.load(file));
    } catch (error) {
      if (!(error instanceof ArticleError)) throw error;
      problems.push(error);
    }
  }
  return { articles, problems };
}

/** The article's body as the document model: precompiled, or parsed now with marked. */
export async function loadBlocks(article: Article): Promise<readonly Block[]> {
  if (article.blocks) return article.blocks;
  const { parseBody } = await import('../article/markdown.js');
  return parseBody(article.body);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Slugs close to `wanted`, by prefix or by edit distance, best first; at most three. */
export function suggestSlugs(wanted: string, slugs: readonly string[]): string[] {
  const target = wanted.toLowerCase();
  const scored = slugs.map((slug) => {
    const candidate = slug.toLowerCase();
    const prefix = candidate.startsWith(target) || target.startsWith(candidate);
    return { slug, prefix, distance: editDistance(target, candidate) };
  });
  const limit = Math.max(2, Math.floor(target.length / 3));
  return scored
    .filter((entry) => (entry.prefix && target.length >= 2) || entry.distance <= limit)
    .sort((a, b) => Number(b.prefix) - Number(a.prefix) || a.distance - b.distance || (a.slug < b.slug ? -1 : 1))
    .slice(0, 3)
    .map((entry) => entry.slug);
}

/** The file for `slug`, or NotFoundError suggesting the closest slugs. */
export function findArticleFile(catalog: Catalog, slug: string): ArticleFile {
  if (!isValidSlug(slug)) {
    throw new UsageError(
      `'${sanitizeLine(slug)}' is not an article name; names are slugs like abe-putin (run 'news list' to see them)`,
    );
  }
  const file = catalog.files.find((candidate) => candidate.slug === slug);
  if (file) return file;
  // A file of that name that was refused (a pipe, a link out of its folder) is an error, not a miss.
  const refused = catalog.problems.find((problem) => basename(problem.path) === `${slug}.md`);
  if (refused) throw refused;
  const slugs = catalog.files.map((candidate) => candidate.slug);
  const suggestions = suggestSlugs(slug, slugs);
  const hint = suggestions.length > 0 ? ` (did you mean ${suggestions.join(', ')}?)` : '';
  throw new NotFoundError(`no article named '${slug}'${hint}; run 'news list' to see every article`);
}
