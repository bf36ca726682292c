// The plain printer: text for pipes, files and NO_COLOR readers; no escape byte, ever.

import type { Article, Banner } from '../article.js';
import { layoutArticle, type Theme, wrapText } from './layout.js';

export const plainTheme: Theme = {
  span: (text) => text,
  headline: (text) => text,
  underline: (width) => '='.repeat(width),
  dateline: (text) => text,
  heading: (text) => text,
  quotePrefix: '> ',
  bullet: '- ',
  code: (text) => text,
  cellSeparator: ' | ',
  rule: (width) => '-'.repeat(width),
  banner(banner: Banner, width: number): string[] {
    const title = banner.title === '' ? 'Notice' : `Notice: ${banner.title}`;
    const text = banner.text === '' ? [] : wrapText(banner.text, width - 2).map((line) => `  ${line}`);
    return [...wrapText(title, width), ...text];
  },
};

export function renderArticlePlain(article: Article, width: number): string {
  return layoutArticle(article, width, plainTheme);
}
