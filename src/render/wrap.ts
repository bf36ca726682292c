// Greedy line breaking on styled spans: break first, style each line after, so no escape code is ever split or measured.

import { splitGraphemes, type TextMetrics } from './width.js';

/** A run of text and how to dress it; pieces with the same `key` are styled the same way. */
export interface Piece {
  text: string;
  key: string;
  style: (text: string) => string;
}

export interface Line {
  /** The line as printed, styles applied. */
  text: string;
  /** Its width in terminal cells. */
  cells: number;
}

const PLAIN_SPACE: Omit<Piece, 'text'> = { key: 'space', style: (text) => text };
type Word = Piece[] | 'break';

/** Splits pieces into words at spaces; a newline (a Markdown hard break) becomes a forced break. */
function splitWords(pieces: readonly Piece[]): Word[] {
  const words: Word[] = [];
  let current: Piece[] = [];
  const flush = () => {
    if (current.length > 0) words.push(current);
    current = [];
  };
  for (const piece of pieces) {
    piece.text.split(/([ \n]+)/).forEach((part, index) => {
      if (index % 2 === 0) {
        if (part !== '') current.push({ ...piece, text: part });
        return;
      }
      flush();
      for (const char of part) if (char === '\n') words.push('break');
    });
  }
  flush();
  return words;
}

function renderLine(pieces: readonly Piece[]): string {
  let out = '';
  let index = 0;
  while (index < pieces.length) {
    const first = pieces[index] as Piece;
    let text = first.text;
    index += 1;
    while (index < pieces.length && pieces[index]?.key === first.key) {
      text += pieces[index]?.text ?? '';
      index += 1;
    }
    out += first.style(text);
  }
  return out;
}

/**
 * Wraps styled pieces to `width` cells: words move to the next line whole, a word wider than a
 * line is cut by characters, spaces at line ends are dropped. Every line is at most `width` cells.
 */
export function wrapPieces(pieces: readonly Piece[], width: number, metrics: TextMetrics): Line[] {
  const limit = Math.max(1, width);
  const lines: Line[] = [];
  let line: Piece[] = [];
  let used = 0;
  const endLine = () => {
    lines.push({ text: renderLine(line), cells: used });
    line = [];
    used = 0;
  };
  for (const word of splitWords(pieces)) {
    if (word === 'break') {
      endLine();
      continue;
    }
    const cells = word.reduce((sum, piece) => sum + metrics.cells(piece.text), 0);
    if (used > 0 && used + 1 + cells <= limit) {
      const previous = line[line.length - 1];
      const joinsStyle = previous !== undefined && previous.key === word[0]?.key;
      line.push(joinsStyle ? { ...previous, text: ' ' } : { ...PLAIN_SPACE, text: ' ' }, ...word);
      used += 1 + cells;
      continue;
    }
    if (cells <= limit) {
      if (used > 0) endLine();
      line.push(...word);
      used = cells;
      continue;
    }
    // A word wider than a whole line is cut to fit: a URL starts on a line of its own, a run of
    // CJK text (which has no spaces to break at) goes on where the line is, as it would in print.
    const firstChar = String.fromCodePoint(word[0]?.text.codePointAt(0) ?? 32);
    if (used > 0 && used + 3 <= limit && metrics.cells(firstChar) > 1) {
      line.push({ ...PLAIN_SPACE, text: ' ' });
      used += 1;
    } else if (used > 0) {
      endLine();
    }
    for (const piece of word) {
      for (const char of splitGraphemes(piece.text)) {
        const charCells = metrics.cells(char);
        if (used > 0 && used + charCells > limit) endLine();
        line.push({ ...piece, text: char });
        used += charCells;
      }
    }
  }
  if (line.length > 0 || lines.length === 0) endLine();
  return lines;
}

/** Wraps text in one style. */
export function wrapStyled(text: string, width: number, metrics: TextMetrics, style = (t: string) => t): Line[] {
  return wrapPieces([{ text, key: 'one', style }], width, metrics);
}

/** Cuts a line of code into `width`-cell pieces, keeping its spaces. */
export function cutToWidth(text: string, width: number, metrics: TextMetrics): string[] {
  const pieces: string[] = [];
  let current = '';
  let used = 0;
  for (const char of splitGraphemes(text)) {
    const cells = metrics.cells(char);
    if (used > 0 && used + cells > width) {
      pieces.push(current);
      current = '';
      used = 0;
    }
    current += char;
    used += cells;
  }
  pieces.push(current);
  return pieces;
}
