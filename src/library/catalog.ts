// The bundled articles compiled at build time, so start-up needs neither YAML nor Markdown parsing.

import { readFileSync } from 'node:fs';
import type { Article } from '../article/article.js';

export interface CompiledEntry {
  /** The file's text when it was compiled; a file whose text differs now is parsed instead. */
  source: string;
  article: Article;
}

export interface CompiledCatalog {
  format: typeof CATALOG_FORMAT;
  articles: Record<string, CompiledEntry>;
}

export const CATALOG_FORMAT = 'news-catalog-2';

/** The compiled catalog at `path`, or undefined when it is missing or not one: then files are parsed. */
export function readCompiledCatalog(path: string): CompiledCatalog | undefined {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<CompiledCatalog>;
    if (data.format !== CATALOG_FORMAT || typeof data.articles !== 'object' || data.articles === null) return undefined;
    return data as CompiledCatalog;
  } catch {
    return undefined;
  }
}
