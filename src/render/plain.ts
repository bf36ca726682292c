// The plain printer: text for pipes, files and NO_COLOR readers; no escape byte, ever.

import type { Banner } from '../article/article.js';
import type { Theme } from './layout.js';
import type { TextMetrics } from './width.js';
import { wrapStyled } from './wrap.js';

export const plainTheme: Theme = {
  span: (text) => text,
  headline: (text) => text,
  underline: (width) => '='.repeat(width),
  dateline: (text) => text,
  heading: (text) => text,
  quotePrefix: '> ',
  bullet: '- ',
  code: (text) => text,
  cutMarker: undefined,
  deletedMarker: '~~',
  task: (checked) => (checked ? '[x] ' : '[ ] '),
  cellSeparator: ' | ',
  headerRule: (widths) => widths.map((width) => '-'.repeat(width)).join('-+-'),
  rule: (width) => '-'.repeat(width),
  banner(banner: Banner, width: number, metrics: TextMetrics): string[] {
    const title = banner.title === '' ? 'Notice' : `Notice: ${banner.title}`;
    const text = banner.text === '' ? [] : wrapStyled(banner.text, width - 2, metrics).map((line) => `  ${line.text}`);
    return [...wrapStyled(title, width, metrics).map((line) => line.text), ...text];
  },
};
