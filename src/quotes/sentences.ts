// The frame of a paragraph (its text outside quotations) as words and sentences.

import type { QuoteSpan } from './spans.js';
import { ABBREVIATIONS, MAX_GAP, wordPattern } from './vocabulary.js';

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** A capital letter and a full stop, as in "Beth A. Quorn" or "Hal I. Orrin": part of a name, never "a" or "I". */
  initial: boolean;
  /** What classifyWord made of it, kept: the rules ask about the same word many times. */
  kind?: 'determiner' | 'name' | 'role' | 'stop';
}

export function frameWords(frame: string): Token[] {
  return Array.from(frame.matchAll(wordPattern()), (match) => {
    const text = match[0];
    const lower = text.toLowerCase();
    const end = match.index + text.length;
    return { text, lower, start: match.index, end, initial: text.length === 1 && lower !== text && frame[end] === '.' };
  });
}

export function wordCount(text: string): number {
  return text.match(wordPattern())?.length ?? 0;
}

function isAbbreviation(word: string): boolean {
  const lower = word.toLowerCase();
  return ABBREVIATIONS.has(lower) || lower.includes('.') || /^\p{Lu}$/u.test(word);
}

/** True when two words belong to one phrase: only spaces between them, or the period of "Mr.". */
export function isJoined(frame: string, left: Token, right: Token): boolean {
  if (right.start - left.end > MAX_GAP) return false;
  const gap = frame.slice(left.end, right.start);
  return /^\s+$/.test(gap) || (/^\.\s+$/.test(gap) && isAbbreviation(left.text));
}

export interface Sentence {
  start: number;
  end: number;
  tokens: Token[];
}

let sentenceEnd: RegExp | undefined;

/**
 * Cuts the frame after . ! ? followed by a capital, a digit or a quotation, except after an
 * abbreviation or an initial. Quoted text is masked, so a period inside a quote never cuts. A
 * quotation that itself ends with a period ends its sentence too: “We agreed.” Tester left.
 * One ending with ? or ! does not, because “Why?” Tester asked. is the standard form, unless a
 * capitalised determiner or pronoun follows, which starts a sentence: “Why?” The user shares: ….
 */
export function splitSentences(frame: string, spans: readonly QuoteSpan[], tokens: readonly Token[]): Sentence[] {
  const cuts = new Set<number>();
  sentenceEnd ??= /[.!?]+(?=\s+[\p{Lu}\p{N}\uE000])/gu;
  for (const match of frame.matchAll(sentenceEnd)) {
    const before = /[\p{L}.]+$/u.exec(frame.slice(Math.max(0, match.index - 12), match.index));
    if (match[0] === '.' && before && isAbbreviation(before[0])) continue;
    cuts.add(match.index + match[0].length);
  }
  const next = /\s+[\p{Lu}\p{N}\uE000]/uy;
  const opener = /\s+(?:The|A|An|This|That|These|Those|His|Her|Its|Their|Our|My|Your|He|She|It|They|We|You)\b/y;
  for (const span of spans) {
    if (!span.closed) continue;
    const last = span.text.trimEnd().at(-1);
    next.lastIndex = span.end;
    opener.lastIndex = span.end;
    if ((last === '.' && next.test(frame)) || ((last === '?' || last === '!') && opener.test(frame)))
      cuts.add(span.end);
  }
  const bounds = [0, ...[...cuts].sort((a, b) => a - b), frame.length];
  const sentences: Sentence[] = [];
  let t = 0;
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    const start = bounds[i] ?? 0;
    const end = bounds[i + 1] ?? frame.length;
    const inside: Token[] = [];
    for (let token = tokens[t]; token && token.start < end; token = tokens[++t]) inside.push(token);
    sentences.push({ start, end, tokens: inside });
  }
  return sentences;
}
