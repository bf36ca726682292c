// Small helpers for one-line, fixed-width output: truncation and padding in terminal cells.

import { splitGraphemes, type TextMetrics } from './width.js';

/** Cuts `text` to at most `cells` terminal cells, ending with "…" when something was cut. */
export function truncateCells(text: string, cells: number, metrics: TextMetrics): string {
  if (metrics.cells(text) <= cells) return text;
  if (cells <= 1) return cells === 1 ? '…' : '';
  let out = '';
  let used = 0;
  for (const char of splitGraphemes(text)) {
    const width = metrics.cells(char);
    if (used + width > cells - 1) break;
    out += char;
    used += width;
  }
  return `${out}…`;
}

export function padCells(text: string, cells: number, metrics: TextMetrics): string {
  return text + ' '.repeat(Math.max(0, cells - metrics.cells(text)));
}
