// Greedy line breaking on styled spans: break first, style each line after, so no escape code is ever split or measured.

import { isNarrowText, splitGraphemes, type TextMetrics } from './width.js';

/** A run of text and how to dress it; pieces with the same `key` are styled the same way. */
export interface Piece {
  text: string;
  key: string;
  style: (text: string) => string;
  /**
   * Never cut: a word of such pieces that is wider than a line stands on a line of its own, whole,
   * wider than the width if it must (a link's address, so it can still be copied and followed).
   */
  whole?: boolean;
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
/** A word start that is a forced break instead. */
const BREAK = -1;

/**
 * Splits pieces into words at spaces: `parts` gets every word's parts, in order (a word may span
 * pieces, as "**bold**," does), and the list returned the index of each word's first part, or
 * BREAK for a newline (a Markdown hard break). The spaces are found by indexOf, word by word, not
 * by a loop over the characters: an article is wrapped once per run, and a loop that runs once a
 * character makes V8 optimise this function on another thread (3 to 5 ms on a busy machine), which
 * the process then waits for at exit. Nor is there an array per word: what `read` allocates here
 * decides whether it sets off a garbage collection (~0.5 ms).
 */
function splitWords(pieces: readonly Piece[], metrics: TextMetrics, parts: Part[]): number[] {
  const starts: number[] = [];
  let inWord = false;
  for (const { text, key, style, whole } of pieces) {
    // Narrow text is one cell a character, so its parts need no measuring.
    const narrow = isNarrowText(text);
    const end = text.length;
    let space = text.indexOf(' ');
    let newline = text.indexOf('\n');
    let start = 0;
    for (;;) {
      if (space !== -1 && space < start) space = text.indexOf(' ', start);
      if (newline !== -1 && newline < start) newline = text.indexOf('\n', start);
      const at = space === -1 ? (newline === -1 ? end : newline) : newline === -1 || space < newline ? space : newline;
      if (at > start) {
        if (!inWord) starts.push(parts.length);
        inWord = true;
        const part = text.slice(start, at);
        const cells = narrow ? part.length : metrics.cells(part);
        parts.push(whole ? { text: part, key, style, cells, whole } : { text: part, key, style, cells });
      }
      // A word may go on in the next piece ("**bold**,"): the end of a piece is not a space.
      if (at === end) break;
      inWord = false;
      if (at === newline) starts.push(BREAK);
      start = at + 1;
    }
  }
  return starts;
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
  const parts: Part[] = [];
  const starts = splitWords(pieces, metrics, parts);
  const lines: Line[] = [];
  let line: Part[] = [];
  let used = 0;
  // A space between words of one style joins their run; only its key counts, as a run is styled
  // by its first part and a space never starts one. One per key serves the whole text.
  let space = PLAIN_SPACE;
  const endLine = () => {
    lines.push({ text: renderLine(line), cells: used });
    line = [];
    used = 0;
  };
  for (let word = 0; word < starts.length; word++) {
    const first = starts[word] as number;
    if (first === BREAK) {
      endLine();
      continue;
    }
    // The word ends where the next one starts (breaks between them hold no parts).
    let next = word + 1;
    while (starts[next] === BREAK) next++;
    const end = next < starts.length ? (starts[next] as number) : parts.length;
    let cells = 0;
    for (let part = first; part < end; part++) cells += (parts[part] as Part).cells;
    if (used > 0 && used + 1 + cells <= limit) {
      const key = (line[line.length - 1] as Part).key;
      if (key === (parts[first] as Part).key) {
        if (space.key !== key) space = { text: ' ', key, style: identity, cells: 1 };
        line.push(space);
      } else {
        line.push(PLAIN_SPACE);
      }
      for (let part = first; part < end; part++) line.push(parts[part] as Part);
      used += 1 + cells;
      continue;
    }
    if (cells <= limit) {
      if (used > 0) endLine();
      for (let part = first; part < end; part++) line.push(parts[part] as Part);
      used = cells;
      continue;
    }
    // A word that must stay whole stands on a line of its own, however wide.
    let whole = true;
    for (let part = first; part < end; part++) whole &&= (parts[part] as Part).whole === true;
    if (whole) {
      if (used > 0) endLine();
      for (let part = first; part < end; part++) line.push(parts[part] as Part);
      used = cells;
      continue;
    }
    // A word wider than a whole line is cut to fit: a URL starts on a line of its own, a run of
    // CJK text (which has no spaces to break at) goes on where the line is, as it would in print.
    const firstChar = String.fromCodePoint((parts[first] as Part).text.codePointAt(0) ?? 32);
    if (used > 0 && used + 3 <= limit && metrics.cells(firstChar) > 1) {
      line.push(PLAIN_SPACE);
      used += 1;
    } else if (used > 0) {
      endLine();
    }
    for (let part = first; part < end; part++) {
      const { text, key, style } = parts[part] as Part;
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
