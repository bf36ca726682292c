// The printer of `news read`: an article (or its outline) as lines of the output's width, plain or styled.

import type { Article } from '../article/article.js';
import type { Block } from '../article/model.js';
import { articleTexts, layoutArticle, layoutOutline } from './layout.js';
import { chooseTheme, type OutputSettings } from './theme.js';
import { loadMetrics } from './width.js';

export interface ArticleView {
  /** Only the headline and the subheadings. */
  outline?: boolean;
}

/** The article as `news read` prints it: every line at most `output.width` cells. */
export async function renderArticle(
  article: Article,
  blocks: readonly Block[],
  output: OutputSettings,
  view: ArticleView = {},
): Promise<string> {
  const metrics = await loadMetrics(articleTexts(article, blocks));
  const theme = await chooseTheme(output);
  return view.outline
    ? layoutOutline(article, blocks, output.width, theme, metrics)
    : layoutArticle(article, blocks, output.width, theme, metrics);
}
