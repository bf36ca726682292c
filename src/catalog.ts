// The bundled articles compiled at build time, so start-up needs neither YAML nor Markdown parsing.

import { readFileSync } from 'node:fs';
import type { Article } from './article.js';

export interface CompiledEntry {
  /** hashText of the file the entry was compiled from; a file that changed since is parsed instead. */
  hash: string;
  article: Article;
}

export interface CompiledCatalog {
  format: typeof CATALOG_FORMAT;
  articles: Record<string, CompiledEntry>;
}

export const CATALOG_FORMAT = 'news-catalog-1';

/** FNV-1a over UTF-16 code units plus the length: cheap, and enough to notice an edited file. */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${text.length.toString(16)}-${(hash >>> 0).toString(16)}`;
}

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
