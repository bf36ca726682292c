// `news read <slug>`: one article (or its outline, or one section), styled for a terminal or plain for a pipe.

import { findSection, listHeadings } from '../article/model.js';
import { EXIT_OK, NotFoundError } from '../errors.js';
import { scanFolders } from '../library/files.js';
import { loadArticle, loadBlocks } from '../library/loader.js';
import { findArticleFile } from '../library/slugs.js';
import { articleTexts, layoutArticle, layoutOutline, type Theme } from '../render/layout.js';
import { plainTheme } from '../render/plain.js';
import { createStyledTheme } from '../render/styled.js';
import { loadMetrics } from '../render/width.js';
import { reportShadowed } from '../terminal/messages.js';
import type { CommandContext } from './context.js';

export interface ReadOptions {
  /** Only the headline and subheadings. */
  outline?: boolean;
  /** Only the section under this subheading (matched loosely, see findSection). */
  section?: string;
}

async function chooseTheme(context: CommandContext): Promise<Theme> {
  if (!context.settings.styled) return plainTheme;
  const { createChalk } = await import('../render/colors.js');
  return createStyledTheme(createChalk(context.settings.color));
}

export async function runRead(context: CommandContext, slug: string, options: ReadOptions = {}): Promise<number> {
  const catalog = scanFolders(context.folders);
  const file = findArticleFile(catalog, slug);
  reportShadowed(context.io, catalog.shadowed, slug);
  const article = await loadArticle(file, context.maxArticleBytes);
  let blocks = await loadBlocks(article);
  if (options.section !== undefined) {
    const section = findSection(blocks, options.section);
    if (!section) {
      const names = listHeadings(blocks).map((heading) => heading.text);
      const known = names.length > 0 ? `its sections are: ${names.join('; ')}` : 'it has no sections';
      throw new NotFoundError(`no section '${options.section}' in ${slug}; ${known}`);
    }
    blocks = section;
  }
  const metrics = await loadMetrics(articleTexts(article, blocks));
  const theme = await chooseTheme(context);
  const { width } = context.settings;
  // One section is read for itself: headline and dateline for context, no site banner.
  const { banner, ...withoutBanner } = article;
  const shown = options.section === undefined ? article : withoutBanner;
  const text = options.outline
    ? layoutOutline(article, blocks, width, theme, metrics)
    : layoutArticle(shown, blocks, width, theme, metrics);
  context.io.stdout.write(text);
  return EXIT_OK;
}
