// The styled printer: the same layout as the plain one, dressed with colour and box drawing.

import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import type { Article, Banner } from '../article.js';
import type { SpanStyle } from './document.js';
import { layoutArticle, type Theme, wrapText } from './layout.js';

/** Builds a theme from a chalk instance whose colour level was decided at the edge. */
export function createStyledTheme(chalk: ChalkInstance): Theme {
  const spanStyles: Record<SpanStyle, (text: string) => string> = {
    plain: (text) => text,
    strong: chalk.bold,
    em: chalk.italic,
    code: chalk.cyan,
    del: chalk.strikethrough,
    link: chalk.underline.blue,
    url: chalk.dim,
  };
  const border = chalk.yellow;
  return {
    span: (text, style, quoted) => {
      const styled = spanStyles[style](text);
      return quoted ? chalk.green(styled) : styled;
    },
    headline: chalk.bold,
    underline: () => undefined,
    dateline: chalk.dim,
    heading: (text, depth) => (depth === 1 ? chalk.bold.underline(text) : chalk.bold.cyan(text)),
    quotePrefix: chalk.green('│ '),
    bullet: '• ',
    code: chalk.cyan,
    cellSeparator: chalk.dim(' │ '),
    rule: (width) => chalk.dim('─'.repeat(width)),
    banner(banner: Banner, width: number): string[] {
      const inner = width - 4;
      const label = '╭─ Notice ';
      const top = border(`${label + '─'.repeat(Math.max(0, width - stringWidth(label) - 1))}╮`);
      const content = [
        ...(banner.title === '' ? [] : wrapText(chalk.bold(banner.title), inner)),
        ...(banner.text === '' ? [] : wrapText(banner.text, inner)),
      ];
      const middle = content.map(
        (line) => `${border('│')} ${line}${' '.repeat(Math.max(0, inner - stringWidth(line)))} ${border('│')}`,
      );
      return [top, ...middle, border(`╰${'─'.repeat(width - 2)}╯`)];
    },
  };
}

export function renderArticleStyled(article: Article, width: number, chalk: ChalkInstance): string {
  return layoutArticle(article, width, createStyledTheme(chalk));
}
