// Lays an article out in lines of at most `width` cells; a Theme decides how each part looks.

import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import type { Article, Banner } from '../article.js';
import { formatLongDate } from '../dates.js';
import { type Block, parseBody, type Span, type SpanStyle, spansText } from './document.js';

/** How a printer dresses each part of an article; the layout (and so the content) is shared. */
export interface Theme {
  span(text: string, style: SpanStyle, quoted: boolean): string;
  headline(text: string): string;
  /** A line drawn under the headline, or undefined for none. */
  underline(headlineWidth: number): string | undefined;
  dateline(text: string): string;
  heading(text: string, depth: number): string;
  quotePrefix: string;
  bullet: string;
  code(text: string): string;
  cellSeparator: string;
  rule(width: number): string;
  banner(banner: Banner, width: number): string[];
}

/** Indentation stops below this many cells of text, so deep nesting can never overflow. */
const MIN_TEXT_WIDTH = 12;

export function wrapText(text: string, width: number): string[] {
  return wrapAnsi(text, Math.max(1, width), { hard: true, trim: true }).split('\n');
}

function indent(lines: string[], first: string, rest: string): string[] {
  return lines.map((line, index) => (line === '' ? line : (index === 0 ? first : rest) + line));
}

/** Styles spans, marking text between “ and ” as quoted, even across spans and soft breaks. */
function styleSpans(spans: Span[], theme: Theme): string {
  let quoted = false;
  let out = '';
  for (const span of spans) {
    if (span.style === 'code' || span.style === 'url') {
      out += theme.span(span.text, span.style, false);
      continue;
    }
    for (const piece of span.text.split(/(?=“)|(?<=”)/)) {
      if (piece.startsWith('“')) quoted = true;
      out += theme.span(piece, span.style, quoted);
      if (piece.endsWith('”')) quoted = false;
    }
  }
  return out;
}

function layoutTable(rows: Span[][][], width: number, theme: Theme): string[] {
  const texts = rows.map((row) => row.map((cell) => spansText(cell)));
  const columns = Math.max(...texts.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, column) =>
    Math.max(...texts.map((row) => stringWidth(row[column] ?? ''))),
  );
  const separatorWidth = stringWidth(theme.cellSeparator);
  const total = widths.reduce((sum, cell) => sum + cell, 0) + separatorWidth * (columns - 1);
  return rows.flatMap((row, rowIndex) => {
    const cells = row.map((cell, column) => {
      const styled = styleSpans(cell, theme);
      const text = rowIndex === 0 ? theme.span(spansText(cell), 'strong', false) : styled;
      const pad =
        total <= width && column < row.length - 1
          ? ' '.repeat((widths[column] ?? 0) - stringWidth(texts[rowIndex]?.[column] ?? ''))
          : '';
      return text + pad;
    });
    return wrapText(cells.join(theme.cellSeparator), width);
  });
}

/** Blocks separated by blank lines; `tight` (items of a tight list) keeps them together. */
function layoutBlocks(blocks: Block[], width: number, theme: Theme, tight = false): string[] {
  const lines: string[] = [];
  for (const block of blocks) {
    if (lines.length > 0 && !tight) lines.push('');
    switch (block.kind) {
      case 'heading':
        lines.push(...wrapText(theme.heading(spansText(block.spans), block.depth), width));
        break;
      case 'paragraph':
        lines.push(...wrapText(styleSpans(block.spans, theme), width));
        break;
      case 'quote': {
        const prefixWidth = stringWidth(theme.quotePrefix);
        const nest = width - prefixWidth >= MIN_TEXT_WIDTH;
        const inner = layoutBlocks(block.blocks, nest ? width - prefixWidth : width, theme);
        const barOnly = theme.quotePrefix.trimEnd();
        lines.push(...(nest ? inner.map((line) => (line === '' ? barOnly : theme.quotePrefix + line)) : inner));
        break;
      }
      case 'list': {
        const markers = block.items.map((_, index) => (block.ordered ? `${block.start + index}. ` : theme.bullet));
        const markerWidth = Math.max(...markers.map((marker) => stringWidth(marker)));
        const nest = width - markerWidth >= MIN_TEXT_WIDTH;
        block.items.forEach((item, index) => {
          const inner = layoutBlocks(item, nest ? width - markerWidth : width, theme, !block.loose);
          const marker = (markers[index] ?? '').padEnd(markerWidth);
          lines.push(...(nest ? indent(inner, marker, ' '.repeat(markerWidth)) : inner));
        });
        break;
      }
      case 'code': {
        const nest = width - 2 >= MIN_TEXT_WIDTH;
        const inner = nest ? width - 2 : width;
        for (const line of block.text.split('\n')) {
          const pieces = wrapAnsi(line, inner, { hard: true, trim: false, wordWrap: false }).split('\n');
          lines.push(...pieces.map((piece) => (nest ? '  ' : '') + theme.code(piece.trimEnd())));
        }
        break;
      }
      case 'table':
        lines.push(...layoutTable(block.rows, width, theme));
        break;
      case 'rule':
        lines.push(theme.rule(Math.min(width, 40)));
        break;
    }
  }
  return lines;
}

/** The dateline's parts, in reading order: date, source, section, author, agency. */
export function datelineText(article: Article): string {
  const parts = [
    article.date ? formatLongDate(article.date) : undefined,
    article.source,
    article.section,
    article.author ? `By ${article.author}` : undefined,
    article.agency,
  ];
  return parts.filter((part): part is string => part !== undefined && part !== '').join(' · ');
}

/** A body that opens with the headline repeated as `# Title` shows it once, not twice. */
function dropRepeatedHeadline(blocks: Block[], title: string): Block[] {
  const first = blocks[0];
  if (first?.kind === 'heading' && first.depth === 1 && spansText(first.spans).trim() === title) return blocks.slice(1);
  return blocks;
}

/** Renders a whole article: banner, headline, dateline, body. Every line fits in `width` cells. */
export function layoutArticle(article: Article, width: number, theme: Theme): string {
  const lines: string[] = [];
  if (article.banner) lines.push(...theme.banner(article.banner, width), '');
  const headline = wrapText(article.title, width);
  lines.push(...headline.map((line) => theme.headline(line)));
  const underline = theme.underline(Math.max(...headline.map((line) => stringWidth(line))));
  if (underline !== undefined) lines.push(underline);
  const dateline = datelineText(article);
  if (dateline !== '') lines.push(...wrapText(dateline, width).map((line) => theme.dateline(line)));
  const body = layoutBlocks(dropRepeatedHeadline(parseBody(article.body), article.title), width, theme);
  if (body.length > 0) lines.push('', ...body);
  return `${lines.join('\n')}\n`;
}
