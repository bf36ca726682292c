// The styled printer: the same layout as the plain one, dressed with colour and box drawing.

import type { ChalkInstance } from 'chalk';
import type { Banner } from '../article/article.js';
import type { SpanStyle } from '../article/model.js';
import type { Theme } from './layout.js';
import type { TextMetrics } from './width.js';
import { wrapStyled } from './wrap.js';

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
    ref: chalk.dim,
    note: chalk.dim,
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
    cutMarker: chalk.dim('…'),
    // Without colour there is no strikethrough either: the plain theme's marker shows what was deleted.
    deletedMarker: chalk.level === 0 ? '~~' : '',
    task: (checked) => `${checked ? chalk.green('[x]') : chalk.dim('[ ]')} `,
    cellSeparator: ' │ ',
    headerRule: (widths) => chalk.dim(widths.map((width) => '─'.repeat(width)).join('─┼─')),
    rule: (width) => chalk.dim('─'.repeat(width)),
    banner(banner: Banner, width: number, metrics: TextMetrics): string[] {
      const inner = width - 4;
      const label = '╭─ Notice ';
      const top = border(`${label}${'─'.repeat(Math.max(0, width - label.length - 1))}╮`);
      const content = [
        ...(banner.title === '' ? [] : wrapStyled(banner.title, inner, metrics, chalk.bold)),
        ...(banner.text === '' ? [] : wrapStyled(banner.text, inner, metrics)),
      ];
      const middle = content.map(
        (line) => `${border('│')} ${line.text}${' '.repeat(Math.max(0, inner - line.cells))} ${border('│')}`,
      );
      return [top, ...middle, border(`╰${'─'.repeat(width - 2)}╯`)];
    },
  };
}
