// Lays an article out in lines of at most `width` cells; a Theme decides how each part looks.

import type { Article, Banner } from '../article/article.js';
import { formatLongDate } from '../article/dates.js';
import {
  type Block,
  blocksToParagraphs,
  listHeadings,
  numberLinks,
  type Span,
  type SpanStyle,
  spansText,
} from '../article/model.js';
import type { TextMetrics } from './width.js';
import { cutToWidth, type Piece, wrapPieces, wrapStyled } from './wrap.js';

/** How a printer dresses each part of an article; the layout (and so the content) is shared. */
export interface Theme {
  span(text: string, style: SpanStyle, quoted: boolean): string;
  headline(text: string): string;
  /** A line drawn under the headline, or undefined for none. */
  underline(headlineWidth: number): string | undefined;
  dateline(text: string): string;
  heading(text: string, depth: number): string;
  /** Put before each line of a blockquote; two cells wide. */
  quotePrefix: string;
  /** Put before each list item; two cells wide. */
  bullet: string;
  code(text: string): string;
  cellSeparator: string;
  rule(width: number): string;
  banner(banner: Banner, width: number, metrics: TextMetrics): string[];
}

/** The width of the quote prefix and the bullet in every theme. */
const MARKER_CELLS = 2;
/** Indentation stops below this many cells of text, so deep nesting can never overflow. */
const MIN_TEXT_WIDTH = 12;

/** Turns spans into styled pieces, marking text between “ and ” as quoted, across spans too. */
function toPieces(spans: readonly Span[], theme: Theme): Piece[] {
  let quoted = false;
  const pieces: Piece[] = [];
  const add = (text: string, style: SpanStyle, isQuoted: boolean) => {
    if (text !== '') pieces.push({ text, key: `${style}:${isQuoted}`, style: (t) => theme.span(t, style, isQuoted) });
  };
  for (const span of spans) {
    if (span.style === 'code' || span.style === 'ref') {
      add(span.text, span.style, false);
      continue;
    }
    for (const part of span.text.split(/(?=“)|(?<=”)/)) {
      if (part.startsWith('“')) quoted = true;
      add(part, span.style, quoted);
      if (part.endsWith('”')) quoted = false;
    }
  }
  return pieces;
}

function texts(lines: { text: string }[]): string[] {
  return lines.map((line) => line.text);
}

function prefixLines(lines: string[], first: string, rest: string): string[] {
  return lines.map((line, index) => (line === '' ? line : (index === 0 ? first : rest) + line));
}

function layoutTable(rows: Span[][][], width: number, theme: Theme, metrics: TextMetrics): string[] {
  const cellTexts = rows.map((row) => row.map((cell) => spansText(cell)));
  const columns = Math.max(...cellTexts.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, column) =>
    Math.max(...cellTexts.map((row) => metrics.cells(row[column] ?? ''))),
  );
  const separatorCells = metrics.cells(theme.cellSeparator);
  const aligned = widths.reduce((sum, cells) => sum + cells, 0) + separatorCells * (columns - 1) <= width;
  return rows.flatMap((row, rowIndex) => {
    const pieces: Piece[] = [];
    row.forEach((cell, column) => {
      if (column > 0) pieces.push({ text: theme.cellSeparator, key: 'separator', style: (t) => t });
      const cellPieces =
        rowIndex === 0 ? toPieces([{ text: spansText(cell), style: 'strong' }], theme) : toPieces(cell, theme);
      pieces.push(...cellPieces);
      const pad = (widths[column] ?? 0) - metrics.cells(cellTexts[rowIndex]?.[column] ?? '');
      if (aligned && column < row.length - 1 && pad > 0) {
        // Non-breaking spaces pad the column without giving the wrapper a place to break.
        pieces.push({ text: '\u00a0'.repeat(pad), key: 'pad', style: (t) => t });
      }
    });
    return texts(wrapPieces(pieces, width, metrics)).map((line) => line.replace(/\u00a0/g, ' '));
  });
}

function layoutBlocks(blocks: readonly Block[], width: number, theme: Theme, metrics: TextMetrics, tight = false) {
  const lines: string[] = [];
  const nests = width - MARKER_CELLS >= MIN_TEXT_WIDTH;
  const inner = nests ? width - MARKER_CELLS : width;
  for (const block of blocks) {
    if (lines.length > 0 && !tight) lines.push('');
    switch (block.kind) {
      case 'heading': {
        const style = (text: string) => theme.heading(text, block.depth);
        lines.push(...texts(wrapStyled(spansText(block.spans), width, metrics, style)));
        break;
      }
      case 'paragraph':
        lines.push(...texts(wrapPieces(toPieces(block.spans, theme), width, metrics)));
        break;
      case 'quote': {
        const body = layoutBlocks(block.blocks, inner, theme, metrics);
        const bar = theme.quotePrefix.replace(/ (?=[^ ]*$)/, '');
        lines.push(...(nests ? body.map((line) => (line === '' ? bar : theme.quotePrefix + line)) : body));
        break;
      }
      case 'list':
        block.items.forEach((item, index) => {
          const marker = block.ordered ? `${block.start + index}. ` : theme.bullet;
          const markerCells = Math.max(MARKER_CELLS, marker.length);
          const itemWidth = width - markerCells >= MIN_TEXT_WIDTH ? width - markerCells : width;
          const body = layoutBlocks(item, itemWidth, theme, metrics, !block.loose);
          // An empty item still shows its marker, so plain and styled output keep every item.
          if (body.length === 0) lines.push(marker.trimEnd());
          else lines.push(...(itemWidth < width ? prefixLines(body, marker, ' '.repeat(markerCells)) : body));
        });
        break;
      case 'code':
        for (const line of block.text.split('\n')) {
          const pieces = cutToWidth(line, inner, metrics);
          lines.push(...pieces.map((piece) => (nests ? '  ' : '') + theme.code(piece.trimEnd())));
        }
        break;
      case 'table':
        lines.push(...layoutTable(block.rows, width, theme, metrics));
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
function dropRepeatedHeadline(blocks: readonly Block[], title: string): readonly Block[] {
  const first = blocks[0];
  if (first?.kind === 'heading' && first.depth === 1 && spansText(first.spans).trim() === title) return blocks.slice(1);
  return blocks;
}

/** Renders a whole article: banner, headline, dateline, body. Every line fits in `width` cells. */
export function layoutArticle(
  article: Article,
  blocks: readonly Block[],
  width: number,
  theme: Theme,
  metrics: TextMetrics,
): string {
  const lines: string[] = [];
  if (article.banner) lines.push(...theme.banner(article.banner, width, metrics), '');
  const headline = wrapStyled(article.title, width, metrics, theme.headline);
  lines.push(...texts(headline));
  const underline = theme.underline(Math.max(...headline.map((line) => line.cells)));
  if (underline !== undefined) lines.push(underline);
  const dateline = datelineText(article);
  if (dateline !== '') lines.push(...texts(wrapStyled(dateline, width, metrics, theme.dateline)));
  const { blocks: numbered, links } = numberLinks(dropRepeatedHeadline(blocks, article.title));
  const body = layoutBlocks(numbered, width, theme, metrics);
  if (body.length > 0) lines.push('', ...body);
  if (links.length > 0) lines.push('', ...layoutLinks(links, width, theme, metrics));
  return `${lines.join('\n')}\n`;
}

/** The addresses of the article's links, numbered as their markers in the text. */
function layoutLinks(links: readonly string[], width: number, theme: Theme, metrics: TextMetrics): string[] {
  const heading = texts(wrapStyled('Links', width, metrics, (text) => theme.heading(text, 2)));
  const entries = links.flatMap((href, index) => {
    const pieces = toPieces(
      [
        { text: `[${index + 1}] `, style: 'ref' },
        { text: href, style: 'link' },
      ],
      theme,
    );
    return texts(wrapPieces(pieces, width, metrics));
  });
  return [...heading, ...entries];
}

/** Every piece of text an article shows, for choosing text metrics before laying it out. */
export function* articleTexts(article: Article, blocks: readonly Block[]): Generator<string> {
  yield article.title;
  yield datelineText(article);
  if (article.banner) yield `${article.banner.title} ${article.banner.text}`;
  for (const paragraph of blocksToParagraphs(blocks)) yield paragraph.text;
}

/** The headline and the subheadings, indented by level: a table of contents for `read --outline`. */
export function layoutOutline(
  article: Article,
  blocks: readonly Block[],
  width: number,
  theme: Theme,
  metrics: TextMetrics,
): string {
  const lines = texts(wrapStyled(article.title, width, metrics, theme.headline));
  for (const { depth, text } of listHeadings(dropRepeatedHeadline(blocks, article.title))) {
    const indent = '  '.repeat(Math.min(Math.max(depth - 1, 1), 4));
    const style = (line: string) => theme.heading(line, depth);
    lines.push(...texts(wrapStyled(text, width - indent.length, metrics, style)).map((line) => indent + line));
  }
  return `${lines.join('\n')}\n`;
}
