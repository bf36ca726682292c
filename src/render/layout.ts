// Lays an article out in lines of at most `width` cells; a Theme decides how each part looks.

import type { Article, Banner } from '../article/article.js';
import { formatLongDate } from '../article/dates.js';
import {
  type Block,
  blocksToParagraphs,
  dropRepeatedHeadline,
  listHeadings,
  numberLinks,
  type Span,
  type SpanStyle,
  spansText,
} from '../article/model.js';
import { layoutGrid } from './grid.js';
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
  /**
   * Put in the last cell of a code line cut to fit the width, one cell wide; undefined to leave
   * long code lines whole instead (plain output: a pipe or a file has no right edge to keep to).
   */
  cutMarker: string | undefined;
  /** Put around deleted text, for output that cannot show it struck through; '' for none. */
  deletedMarker: string;
  /** A task list item's box, checked or not, and a space: four cells. */
  task(checked: boolean): string;
  cellSeparator: string;
  /** The line under a table's header row, its columns `widths` cells wide, joined as cellSeparator joins cells. */
  headerRule(widths: readonly number[]): string;
  rule(width: number): string;
  banner(banner: Banner, width: number, metrics: TextMetrics): string[];
}

/** The width of the quote prefix and the bullet in every theme. */
const MARKER_CELLS = 2;
/** The width of a task list item's box and its space. */
const TASK_CELLS = 4;
/** Indentation stops below this many cells of text, so deep nesting can never overflow. */
const MIN_TEXT_WIDTH = 12;

/** Whether a link's text is an address (`https://…`, `www.…`, `mailto:…`): one word, never to be cut. */
export function isAddress(text: string): boolean {
  return /^(?:https?:\/\/|www\.|mailto:)\S+$/i.test(text);
}

/**
 * Turns spans into styled pieces, marking text between “ and ” as quoted, across spans too. A
 * run of deleted text gets the theme's marker at each end, inside any space around it; a link
 * shown as its own address is kept whole unless `addressesWhole` is false (table cells).
 */
function toPieces(spans: readonly Span[], theme: Theme, addressesWhole = true): Piece[] {
  let quoted = false;
  const pieces: Piece[] = [];
  const add = (text: string, style: SpanStyle, isQuoted: boolean) => {
    if (text === '') return;
    const piece: Piece = { text, key: `${style}:${isQuoted}`, style: (t) => theme.span(t, style, isQuoted) };
    // A link shown as its own address is never cut, like the addresses in the Links list.
    if (addressesWhole && style === 'link' && isAddress(text)) piece.whole = true;
    pieces.push(piece);
  };
  spans.forEach((span, index) => {
    if (span.style === 'code' || span.style === 'ref') {
      add(span.text, span.style, false);
      return;
    }
    let text = span.text;
    const marker = theme.deletedMarker;
    if (span.style === 'del' && marker !== '') {
      const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
      const opens = spans[index - 1]?.style !== 'del';
      const closes = spans[index + 1]?.style !== 'del';
      if (core !== '') text = `${lead}${opens ? marker : ''}${core}${closes ? marker : ''}${trail}`;
    }
    for (const part of text.split(/(?=“)|(?<=”)/)) {
      if (part.startsWith('“')) quoted = true;
      add(part, span.style, quoted);
      if (part.endsWith('”')) quoted = false;
    }
  });
  return pieces;
}

function texts(lines: { text: string }[]): string[] {
  return lines.map((line) => line.text);
}

function prefixLines(lines: string[], first: string, rest: string): string[] {
  return lines.map((line, index) => (line === '' ? line : (index === 0 ? first : rest) + line));
}

/** A table's cells as pieces for the grid: the header row's bold. */
function tablePieces(rows: readonly Span[][][], theme: Theme): Piece[][][] {
  return rows.map((row, rowIndex) =>
    // In a table an address is cut like any word: its columns must stay aligned.
    row.map((cell) => toPieces(rowIndex === 0 ? [{ text: spansText(cell), style: 'strong' }] : cell, theme, false)),
  );
}

/** A line of code: whole, or cut to `width` cells with the theme's marker in the last one. */
function codeLine(line: string, width: number, theme: Theme, metrics: TextMetrics): string {
  const text = line.trimEnd();
  if (theme.cutMarker === undefined || metrics.cells(text) <= width) return theme.code(text);
  const [kept = ''] = cutToWidth(text, Math.max(0, width - 1), metrics);
  return theme.code(kept) + theme.cutMarker;
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
          const number = block.ordered ? `${block.start + index}. ` : undefined;
          const task = block.tasks?.[index];
          const box = task === undefined || task === null ? '' : theme.task(task);
          const marker = (number ?? theme.bullet) + box;
          const markerCells = Math.max(MARKER_CELLS, number?.length ?? 0) + (box === '' ? 0 : TASK_CELLS);
          const itemWidth = width - markerCells >= MIN_TEXT_WIDTH ? width - markerCells : width;
          const body = layoutBlocks(item, itemWidth, theme, metrics, !block.loose);
          // An empty item still shows its marker, so plain and styled output keep every item.
          if (body.length === 0) lines.push(marker.trimEnd());
          else lines.push(...(itemWidth < width ? prefixLines(body, marker, ' '.repeat(markerCells)) : body));
        });
        break;
      case 'code':
        for (const line of block.text.split('\n'))
          lines.push((nests ? '  ' : '') + codeLine(line, inner, theme, metrics));
        break;
      case 'table':
        lines.push(...layoutGrid(tablePieces(block.rows, theme), width, theme, metrics));
        break;
      case 'rule':
        lines.push(theme.rule(Math.min(width, 40)));
        break;
      case 'notes':
        // The footnotes are laid out after the body, by layoutNotes.
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
  const body = layoutBlocks(
    numbered.filter((block) => block.kind !== 'notes'),
    width,
    theme,
    metrics,
  );
  if (body.length > 0) lines.push('', ...body);
  for (const block of numbered)
    if (block.kind === 'notes') lines.push('', ...layoutNotes(block.notes, width, theme, metrics));
  if (links.length > 0) lines.push('', ...layoutLinks(links, width, theme, metrics));
  return `${lines.join('\n')}\n`;
}

/** A section after the body, `Notes` or `Links`, its heading styled as a subheading. */
function sectionHeading(title: string, width: number, theme: Theme, metrics: TextMetrics): string[] {
  return texts(wrapStyled(title, width, metrics, (text) => theme.heading(text, 2)));
}

/** The footnotes, each after its marker, `[^1]`, with its lines indented under its text. */
function layoutNotes(notes: readonly Block[][], width: number, theme: Theme, metrics: TextMetrics): string[] {
  const lines = sectionHeading('Notes', width, theme, metrics);
  notes.forEach((note, index) => {
    const marker = `[^${index + 1}] `;
    const styled = theme.span(marker.trimEnd(), 'ref', false);
    const inner = width - marker.length;
    if (inner < MIN_TEXT_WIDTH) {
      lines.push(styled, ...layoutBlocks(note, width, theme, metrics));
      return;
    }
    lines.push(...prefixLines(layoutBlocks(note, inner, theme, metrics), `${styled} `, ' '.repeat(marker.length)));
  });
  return lines;
}

/**
 * The addresses of the article's links, numbered as their markers in the text. An address is
 * never split: one that does not fit after its number goes on the next line, whole, even when it
 * is wider than the width, so it can still be copied and followed.
 */
function layoutLinks(links: readonly string[], width: number, theme: Theme, metrics: TextMetrics): string[] {
  const entries = links.flatMap((href, index) => {
    const marker = `[${index + 1}]`;
    const styled = [theme.span(marker, 'ref', false), theme.span(href, 'link', false)];
    return metrics.cells(marker) + 1 + metrics.cells(href) <= width ? [styled.join(' ')] : styled;
  });
  return [...sectionHeading('Links', width, theme, metrics), ...entries];
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
