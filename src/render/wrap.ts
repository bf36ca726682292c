// Greedy line breaking on styled spans: break first, style each line after, so no escape code is ever split or measured.

import { isNarrowText, splitGraphemes, type TextMetrics } from './width.js';

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

/** A word's piece of one style, with its width; a line is a list of these. */
interface Part extends Piece {
  cells: number;
}

const identity = (text: string) => text;
/** The space between words of different styles. Parts are never changed, so one serves every line. */
const PLAIN_SPACE: Part = { text: ' ', key: 'space', style: identity, cells: 1 };
type Word = Part[] | 'break';

/**
 * Splits pieces into words at spaces; a newline (a Markdown hard break) becomes a forced break.
 * A word may span pieces ("**bold**," is two parts). Written as one pass over the characters,
 * without a regex split or object spreads: an article is wrapped once per run, by code that has
 * not yet been optimised, where those cost ~0.3 ms an article.
 */
function splitWords(pieces: readonly Piece[], metrics: TextMetrics): Word[] {
  const words: Word[] = [];
  let current: Part[] = [];
  for (const { text, key, style } of pieces) {
    // Narrow text is one cell a character, so its parts need no measuring.
    const narrow = isNarrowText(text);
    let start = 0;
    for (let at = 0; at <= text.length; at++) {
      const code = at < text.length ? text.charCodeAt(at) : -1;
      if (code !== 0x20 && code !== 0x0a && code !== -1) continue;
      if (at > start) {
        const part = text.slice(start, at);
        current.push({ text: part, key, style, cells: narrow ? part.length : metrics.cells(part) });
      }
      if (code === -1) break;
      if (current.length > 0) {
        words.push(current);
        current = [];
      }
      if (code === 0x0a) words.push('break');
      start = at + 1;
    }
  }
  if (current.length > 0) words.push(current);
  return words;
}

/** The line as printed: each run of parts of the same style, styled once. */
function renderLine(parts: readonly Part[]): string {
  let out = '';
  let index = 0;
  while (index < parts.length) {
    const first = parts[index] as Part;
    let text = first.text;
    index += 1;
    while (index < parts.length && (parts[index] as Part).key === first.key) {
      text += (parts[index] as Part).text;
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
  let line: Part[] = [];
  let used = 0;
  const endLine = () => {
    lines.push({ text: renderLine(line), cells: used });
    line = [];
    used = 0;
  };
  for (const word of splitWords(pieces, metrics)) {
    if (word === 'break') {
      endLine();
      continue;
    }
    let cells = 0;
    for (const part of word) cells += part.cells;
    if (used > 0 && used + 1 + cells <= limit) {
      // The space takes the style of the words around it when they share one (a link's words).
      const previous = line[line.length - 1] as Part;
      const first = word[0] as Part;
      line.push(
        previous.key === first.key ? { text: ' ', key: previous.key, style: previous.style, cells: 1 } : PLAIN_SPACE,
      );
      for (const part of word) line.push(part);
      used += 1 + cells;
      continue;
    }
    if (cells <= limit) {
      if (used > 0) endLine();
      for (const part of word) line.push(part);
      used = cells;
      continue;
    }
    // A word wider than a whole line is cut to fit: a URL starts on a line of its own, a run of
    // CJK text (which has no spaces to break at) goes on where the line is, as it would in print.
    const firstChar = String.fromCodePoint(word[0]?.text.codePointAt(0) ?? 32);
    if (used > 0 && used + 3 <= limit && metrics.cells(firstChar) > 1) {
      line.push(PLAIN_SPACE);
      used += 1;
    } else if (used > 0) {
      endLine();
    }
    for (const { text, key, style } of word) {
      for (const char of splitGraphemes(text)) {
        const charCells = metrics.cells(char);
        if (used > 0 && used + charCells > limit) endLine();
        line.push({ text: char, key, style, cells: charCells });
        used += charCells;
      }
    }
  }
  if (line.length > 0 || lines.length === 0) endLine();
  return lines;
}

/** Wraps text in one style. */
export function wrapStyled(text: string, width: number, metrics: TextMetrics, style = identity): Line[] {
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
