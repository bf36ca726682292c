// One library every command uses: the articles of its folders, first folder winning, read through the search index or straight from their files.

import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Article, ArticleInfo } from '../article/article.js';
import type { Block } from '../article/model.js';
import { sanitizeLine } from '../article/sanitize.js';
import { type ArticleError, NotFoundError } from '../errors.js';
import { readArticleFile, scanFolders } from './files.js';
import type { Folder } from './folders.js';
import { CorruptIndexError } from './index/bytes.js';
import type { ProcessInfo } from './index/lock.js';
import type { IndexSettings } from './index/store.js';
import {
  documentArticle,
  findDocument,
  type IndexedLibrary,
  libraryArticles,
  liveDocuments,
  openIndexedLibrary,
  type Shadowed,
  withoutDrafts,
} from './indexed.js';
import { ArticleLoader, CompiledArticles, loadBlocks } from './loader.js';
import { quickTitle } from './quick-title.js';
import { checkSlug, findArticleFile, missingArticle } from './slugs.js';
import type { SegmentView } from './view.js';

/** How the library is read; built once by the command line from flags and environment. */
export interface LibrarySettings {
  /** The article folders, in the order they win. */
  folders: readonly Folder[];
  /** Articles larger than this many bytes are refused before they are read. */
  maxArticleBytes: number;
  /** Where user folders' search indexes are kept; undefined for --no-cache (indexes in memory). */
  cacheDir: string | undefined;
  /** How the index looks for changed articles: every file's stat, or only each folder's. */
  indexCheck: 'files' | 'folders';
  /** The index worker script, when there is one (the built CLI); tests index on one thread. */
  indexWorker?: string | undefined;
  /** This process, for the index's lock file (bin/news.cjs); tests run without it. */
  owner?: ProcessInfo | undefined;
}

/** What reading the library found to tell the user: index notes, skipped articles, hidden ones. */
export interface LibraryReport {
  notes: string[];
  /** Folders left out, and other things worth a warning that do not make the run fail. */
  warnings: string[];
  /** Articles that were skipped (unreadable, bad front matter, not regular files). */
  problems: ArticleError[];
  /** Articles hidden by an article of the same slug in an earlier folder. */
  shadowed: Shadowed[];
}

/** An article and its body as the document model. */
export interface LoadedArticle {
  article: Article;
  blocks: readonly Block[];
}

export type { Shadowed } from './indexed.js';

/** Progress of a long index build, for a line on stderr. */
export interface BuildProgress {
  update(done: number, total: number): void;
  done(): void;
}

/** The first live article whose front matter names `slug` as another name for it. */
function findAlias(library: IndexedLibrary, slug: string): { view: SegmentView; doc: number } | undefined {
  for (const view of library.views) {
    const rows = view.segment.allMeta();
    const doc = rows.findIndex((row, index) => view.live[index] && typeof row !== 'string' && row.alias === slug);
    if (doc >= 0) return { view, doc };
  }
  return undefined;
}

/** The error for a slug the index does not hold: a refused file of that name, or the closest slugs. */
function notFound(library: IndexedLibrary, slug: string): never {
  const names = Array.from(liveDocuments(library), ({ view, doc }) => view.segment.name(doc).slice(0, -3));
  throw missingArticle(slug, names, library.problems);
}

/** Whether `path` is a folder; a missing one is asked about without an exception, which costs a stack trace. */
function isFolder(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}

export class Library {
  readonly report: LibraryReport = { notes: [], warnings: [], problems: [], shadowed: [] };
  private present: readonly Folder[] | undefined;

  constructor(
    private readonly settings: LibrarySettings,
    private readonly progress?: BuildProgress,
  ) {}

  /**
   * The article called `slug`, or NotFoundError suggesting the closest slugs; notes only its own
   * shadowing. Through the search index, whose stored body spares parsing YAML and Markdown again;
   * without a cache (--no-cache) straight from its file, so one article does not cost indexing all.
   */
  async article(slug: string): Promise<LoadedArticle> {
    checkSlug(slug);
    const found =
      this.settings.cacheDir === undefined
        ? await this.articleFromFile(slug).catch((error: unknown) => {
            // An alias is only known once front matter is read: without a cache, index in memory for it.
            if (!(error instanceof NotFoundError)) throw error;
            return this.articleFromIndex(slug);
          })
        : await this.articleFromIndex(slug);
    this.report.warnings.push(...found.article.warnings.map((warning) => `${found.article.path}: ${warning}`));
    return found;
  }

  /** The article through the index: by its file's name, else by a front matter `slug` alias. */
  private async articleFromIndex(slug: string): Promise<LoadedArticle> {
    // Only the article's own file (`file`) need be as it is now: the others are checked by list and search.
    const lookUp = (file: string) =>
      this.query(
        (library) => {
          const place = findDocument(library, file.slice(0, -3)) ?? findAlias(library, slug);
          return place ? documentArticle(place.view, place.doc) : notFound(library, slug);
        },
        { drafts: true, only: new Set([file]) },
      );
    const name = `${slug}.md`;
    let found = await lookUp(name);
    const file = basename(found.article.path);
    // Found by an alias: check that article's own file, and read it again if it changed.
    if (file !== name) found = await lookUp(file);
    this.report.shadowed = this.report.shadowed.filter(({ hidden }) => hidden.slug === slug);
    this.report.problems = [];
    this.report.warnings = [];
    return found;
  }

  private async articleFromFile(slug: string): Promise<LoadedArticle> {
    const scan = scanFolders(this.folders());
    const file = findArticleFile(scan, slug);
    this.report.shadowed.push(...scan.shadowed.filter(({ hidden }) => hidden.slug === slug));
    const article = await new ArticleLoader(this.settings.maxArticleBytes).load(file);
    return { article, blocks: await loadBlocks(article) };
  }

  /**
   * Every article with its body, through the search index (drafts only when asked for); one that
   * cannot be read is reported and never hides the others.
   */
  async articles(options: { drafts?: boolean } = {}): Promise<LoadedArticle[]> {
    return this.query(
      (library) => Array.from(liveDocuments(library), ({ view, doc }) => documentArticle(view, doc)),
      options,
    );
  }

  /** Every article's metadata, through the search index; drafts only when asked for. */
  infos(options: { drafts?: boolean } = {}): Promise<ArticleInfo[]> {
    return this.query(libraryArticles, options);
  }

  /**
   * Runs `use` over the library read through the search index. Damage found while querying (a
   * checksum that fails deep in a segment) discards the cached indexes and runs `use` once more
   * over rebuilt ones.
   */
  async query<T>(
    use: (library: IndexedLibrary) => T,
    options: { drafts?: boolean; only?: ReadonlySet<string> } = { drafts: true },
  ): Promise<T> {
    const open = () => this.openIndex(options.only);
    let library = await open();
    let result: T;
    const notes: string[] = [];
    const shown = (whole: IndexedLibrary) => (options.drafts ? whole : withoutDrafts(whole));
    try {
      result = use(shown(library));
    } catch (error) {
      if (!(error instanceof CorruptIndexError)) throw error;
      library.discard();
      notes.push(`a search index was damaged (${error.message}); rebuilt it`);
      library = await open();
      result = use(shown(library));
    }
    // Two folders in one unwritable cache would say the same thing twice: once is enough.
    this.report.notes.push(...new Set([...library.notes, ...notes]));
    this.report.warnings.push(...library.warnings);
    this.report.shadowed.push(...library.shadowed);
    this.report.problems.push(...library.problems);
    return result;
  }

  /**
   * `slug<TAB>title` for every article `news read` would accept, first folder winning: for shell
   * completion, which runs on every Tab, so it is quick and never fails. Bundled titles come from
   * the compiled catalog, other titles from the `title:` line without parsing YAML or Markdown; a
   * folder the user is still typing is skipped, and an unreadable file just gets no title.
   */
  slugTitles(): string[] {
    const scan = scanFolders(this.folders().filter((folder) => isFolder(folder.path)));
    const compiled = new CompiledArticles();
    return scan.files.map((file) => {
      let title: string | undefined;
      try {
        const text = readArticleFile(file.path, this.settings.maxArticleBytes);
        title = compiled.find(file, text)?.title ?? quickTitle(text);
      } catch {
        title = undefined;
      }
      return title === undefined ? file.slug : `${file.slug}\t${sanitizeLine(title)}`;
    });
  }

  /**
   * The folders to read. A NEWS_PATH folder that no longer exists is left out with one warning:
   * an old entry in a shell profile must not break every command. The library folder is left out
   * silently until the first import creates it. A --dir folder the user just typed, or the
   * bundled one, stays in, and reading it reports the error.
   */
  private folders(): readonly Folder[] {
    this.present ??= this.settings.folders.filter((folder) => {
      if (folder.origin === 'library') return isFolder(folder.path);
      if (folder.origin !== 'NEWS_PATH' || isFolder(folder.path)) return true;
      this.report.warnings.push(
        `NEWS_PATH folder '${folder.path}' is not a folder that exists; left it out (remove it from NEWS_PATH)`,
      );
      return false;
    });
    return this.present;
  }

  private async openIndex(only?: ReadonlySet<string>): Promise<IndexedLibrary> {
    const { settings, progress } = this;
    const index: IndexSettings = {
      cacheDir: settings.cacheDir,
      maxBytes: settings.maxArticleBytes,
      check: settings.indexCheck,
    };
    if (settings.indexWorker !== undefined) index.workerScript = settings.indexWorker;
    if (settings.owner !== undefined) index.owner = settings.owner;
    if (only !== undefined) index.only = only;
    if (progress) index.progress = (done, total) => progress.update(done, total);
    try {
      return await openIndexedLibrary(this.folders(), index);
    } finally {
      progress?.done();
    }
  }
}
