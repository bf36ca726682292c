// Lays a table out in aligned columns within the width: cells wrap, and columns too wide share what room there is.

import type { Theme } from './layout.js';
import type { TextMetrics } from './width.js';
import { type Line, type Piece, wrapPieces } from './wrap.js';

/** A column is not made narrower than this (unless its widest cell is), so a shrunk cell still reads. */
const MIN_COLUMN = 6;

/** A cell's text, as the grid measures it. */
function cellText(pieces: readonly Piece[]): string {
  let text = '';
  for (const piece of pieces) text += piece.text;
  return text;
}

/** The widest line of a cell's text, in cells (a cell may hold line breaks). */
function naturalWidth(text: string, metrics: TextMetrics): number {
  return Math.max(0, ...text.split('\n').map((line) => metrics.cells(line.trim())));
}

/** The widest word of a cell's text, in cells: below it, the cell's words are cut. */
function wordWidth(text: string, metrics: TextMetrics): number {
  return Math.max(0, ...text.split(/[ \n]+/).map((word) => metrics.cells(word)));
}

/** `base` plus `room` cells shared in proportion to `weights`, the last cells to the biggest shares left. */
function share(base: readonly number[], weights: readonly number[], room: number): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total === 0 || room <= 0) return [...base];
  const exact = weights.map((weight) => (weight * room) / total);
  const widths = base.map((cells, column) => cells + Math.floor(exact[column] as number));
  let left = room - exact.reduce((sum, cells) => sum + Math.floor(cells), 0);
  const order = exact
    .map((cells, column) => ({ column, fraction: cells - Math.floor(cells) }))
    .sort((a, b) => b.fraction - a.fraction || a.column - b.column);
  for (const { column } of order) {
    if (left <= 0) break;
    widths[column] = (widths[column] as number) + 1;
    left -= 1;
  }
  return widths;
}

/**
 * Column widths that fit `available` cells. When every column fits at its widest cell, that;
 * else each column gets room for its longest word (so words are not cut), and what is left is
 * shared in proportion to how much more each would take; when even the longest words do not fit,
 * each column shrinks to MIN_COLUMN (or its widest cell, if narrower) and shares the rest in
 * proportion to its longest word. Undefined when not even the minimums fit.
 */
export function fitColumns(
  natural: readonly number[],
  words: readonly number[],
  available: number,
): number[] | undefined {
  const sum = (cells: readonly number[]) => cells.reduce((total, each) => total + each, 0);
  if (sum(natural) <= available) return [...natural];
  const wordy = natural.map((cells, column) => Math.min(cells, Math.max(MIN_COLUMN, words[column] ?? 0)));
  if (sum(wordy) <= available) {
    return share(
      wordy,
      natural.map((cells, column) => cells - (wordy[column] as number)),
      available - sum(wordy),
    );
  }
  const minimum = natural.map((cells) => Math.min(cells, MIN_COLUMN));
  if (sum(minimum) > available) return undefined;
  return share(
    minimum,
    wordy.map((cells, column) => cells - (minimum[column] as number)),
    available - sum(minimum),
  );
}

/**
 * The lines of a table: the header row, a rule under it, then the other rows, each cell wrapped
 * within its column, every line at most `width` cells. A table with more columns than fit even
 * narrowed is shown a row at a time, each cell on lines of its own after its column's header.
 * `rows` holds each cell's styled pieces, the header row first.
 */
export function layoutGrid(
  rows: readonly (readonly Piece[])[][],
  width: number,
  theme: Theme,
  metrics: TextMetrics,
): string[] {
  const columns = Math.max(...rows.map((row) => row.length));
  const cells = rows.map((row) => Array.from({ length: columns }, (_, column) => row[column] ?? []));
  const separator = metrics.cells(theme.cellSeparator);
  const texts = cells.map((row) => row.map(cellText));
  const widest = (measure: (text: string, metrics: TextMetrics) => number) =>
    Array.from({ length: columns }, (_, column) =>
      Math.max(...texts.map((row) => measure(row[column] ?? '', metrics))),
    );
  const widths = fitColumns(widest(naturalWidth), widest(wordWidth), width - separator * (columns - 1));
  if (widths === undefined) return layoutStacked(cells, width, metrics);
  const lines: string[] = [];
  cells.forEach((row, rowIndex) => {
    const wrapped: Line[][] = row.map((pieces, column) =>
      pieces.length === 0 ? [] : wrapPieces(pieces, Math.max(1, widths[column] as number), metrics),
    );
    const height = Math.max(1, ...wrapped.map((cellLines) => cellLines.length));
    for (let index = 0; index < height; index++) {
      const parts = wrapped.map((cellLines, column) => {
        const line = cellLines[index];
        const pad =
          column < columns - 1 ? ' '.repeat(Math.max(0, (widths[column] as number) - (line?.cells ?? 0))) : '';
        return (line?.text ?? '') + pad;
      });
      lines.push(parts.join(theme.cellSeparator).trimEnd());
    }
    if (rowIndex === 0 && cells.length > 1) lines.push(theme.headerRule(widths));
  });
  return lines;
}

/** A table too wide for columns: each row's cells one after another, each after its header. */
function layoutStacked(cells: readonly (readonly Piece[])[][], width: number, metrics: TextMetrics): string[] {
  const [header = [], ...body] = cells;
  if (body.length === 0) return header.flatMap((pieces) => wrapPieces(pieces, width, metrics).map((line) => line.text));
  const lines: string[] = [];
  body.forEach((row, rowIndex) => {
    if (rowIndex > 0) lines.push('');
    row.forEach((pieces, column) => {
      const label = header[column] ?? [];
      const labelled =
        label.length === 0 ? pieces : [...label, { text: ': ', key: 'plain', style: (t: string) => t }, ...pieces];
      if (labelled.length > 0) lines.push(...wrapPieces(labelled, width, metrics).map((line) => line.text));
    });
  });
  return lines;
}
