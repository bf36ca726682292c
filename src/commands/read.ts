// `news read <slug>`: one article, styled for a terminal or plain for a pipe.

import { EXIT_OK } from '../errors.js';
import { findArticleFile, loadArticle, loadBlocks, scanFolders } from '../library.js';
import { articleTexts } from '../render/layout.js';
import { renderArticlePlain } from '../render/plain.js';
import { renderArticleStyled } from '../render/styled.js';
import { loadMetrics } from '../render/width.js';
import { reportShadowed } from '../report.js';
import type { CommandContext } from './context.js';

export async function runRead(context: CommandContext, slug: string): Promise<number> {
  const catalog = scanFolders(context.folders);
  const file = findArticleFile(catalog, slug);
  reportShadowed(context.io, catalog, slug);
  const article = await loadArticle(file, context.maxArticleBytes);
  const blocks = await loadBlocks(article);
  const metrics = await loadMetrics(articleTexts(article, blocks));
  const { settings } = context;
  let text: string;
  if (settings.styled) {
    const { createChalk } = await import('../render/colors.js');
    text = renderArticleStyled(article, blocks, settings.width, metrics, createChalk(settings.color));
  } else {
    text = renderArticlePlain(article, blocks, settings.width, metrics);
  }
  context.io.stdout.write(text);
  return EXIT_OK;
}
