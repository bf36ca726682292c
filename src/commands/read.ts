// `news read <slug>`: one article, styled for a terminal or plain for a pipe.

import { EXIT_OK } from '../errors.js';
import { findArticleFile, loadArticle, scanFolders } from '../library.js';
import { reportShadowed } from '../report.js';
import type { CommandContext } from './context.js';

export async function runRead(context: CommandContext, slug: string): Promise<number> {
  const catalog = scanFolders(context.folders);
  const file = findArticleFile(catalog, slug);
  reportShadowed(context.io, catalog, slug);
  const article = loadArticle(file);
  const { settings } = context;
  let text: string;
  if (settings.styled) {
    const [{ renderArticleStyled }, { createChalk }] = await Promise.all([
      import('../render/styled.js'),
      import('../render/colors.js'),
    ]);
    text = renderArticleStyled(article, settings.width, createChalk(settings.color));
  } else {
    const { renderArticlePlain } = await import('../render/plain.js');
    text = renderArticlePlain(article, settings.width);
  }
  context.io.stdout.write(text);
  return EXIT_OK;
}
