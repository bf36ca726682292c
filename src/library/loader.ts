// Loads articles from their files: the compiled catalog where it still matches, else parsed on demand.

import { basename } from 'node:path';
import type { Article } from '../article/article.js';
import type { Block } from '../article/model.js';
import { ArticleError } from '../errors.js';
import { type CompiledCatalog, readCompiledCatalog } from './catalog.js';
import { type ArticleFile, type FolderScan, MAX_ARTICLE_BYTES, readArticleFile } from './files.js';

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
  private parse: typeof import('../article/parse.js').loadAndParseArticle | undefined;
  private parseBody: typeof import('../article/markdown.js').parseBody | undefined;

  constructor(private readonly maxBytes: number) {}

  async load(file: ArticleFile, text = readArticleFile(file.path, this.maxBytes)): Promise<Article> {
    const compiled = this.compiled.find(file, text);
    if (compiled) return compiled;
    // The YAML and Markdown parsers load only when some article was not compiled at build time,
    // and the TOML parser and HTML decoder only for an article that needs them.
    this.parse ??= (await import('../article/parse.js')).loadAndParseArticle;
    return this.parse(text, file.slug, file.path);
  }

  /**
   * The article's body as the document model, as `loadBlocks` gives it. The Markdown module is
   * imported once per loader: each `import()` of it wraps its exports anew, ~30 µs of cold code,
   * which an index build reading fifty new articles would pay fifty times.
   */
  async blocks(article: Article): Promise<readonly Block[]> {
    if (article.blocks) return article.blocks;
    this.parseBody ??= (await import('../article/markdown.js')).parseBody;
    return this.parseBody(article.body);
  }
}

export function loadArticle(file: ArticleFile, maxBytes = MAX_ARTICLE_BYTES): Promise<Article> {
  return new ArticleLoader(maxBytes).load(file);
}

/** Loads every article; one that fails is reported in `problems` and never hides the others. */
export async function loadArticles(
  scan: FolderScan,
  maxBytes = MAX_ARTICLE_BYTES,
): Promise<{ articles: Article[]; problems: ArticleError[] }> {
  const loader = new ArticleLoader(maxBytes);
  const articles: Article[] = [];
  const problems = [...scan.problems];
  for (const file of scan.files) {
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

/**
 * An article that is not in any folder: a file named on the command line, or standard input
 * (`name` is what messages call it). Its slug is the file name without `.md`, for its Links and
 * messages only; it is never added to a library.
 */
export async function loadLooseArticle(
  text: string,
  name: string,
): Promise<{ article: Article; blocks: readonly Block[] }> {
  const { loadAndParseArticle } = await import('../article/parse.js');
  const base = basename(name);
  const article = await loadAndParseArticle(text, base.endsWith('.md') ? base.slice(0, -3) : base, name);
  return { article, blocks: await loadBlocks(article) };
}
