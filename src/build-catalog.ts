// Compiles the bundled articles at build time (scripts/build.js), so start-up parses no YAML or Markdown.

import { parseArticle } from './article.js';
import { CATALOG_FORMAT, type CompiledCatalog } from './catalog.js';
import { readArticleFile, scanFolders } from './library.js';
import { parseBody } from './render/markdown.js';

/** Parses every article in `dir`; throws on the first invalid one, so a broken article fails the build. */
export function compileCatalog(dir: string): CompiledCatalog {
  const catalog = scanFolders([{ path: dir, origin: 'bundled' }]);
  const [problem] = catalog.problems;
  if (problem) throw problem;
  const articles: CompiledCatalog['articles'] = {};
  for (const file of catalog.files) {
    const text = readArticleFile(file.path);
    const article = parseArticle(text, file.slug, file.path);
    articles[file.slug] = { source: text, article: { ...article, blocks: parseBody(article.body) } };
  }
  return { format: CATALOG_FORMAT, articles };
}
