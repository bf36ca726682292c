// Pure: the search query language — words, "phrases", prefix*, -excluded, OR, field:value — parsed into clauses.
//
// Every character of a term is matched as itself: nothing in a query is a regular expression, and
// syntax the parser does not know (`foo:bar`, a lone `*` or `-`) is searched for literally.

import { wordCharAt, wordCharBefore } from '../article/wordchars.js';

export type Field = 'title' | 'tag' | 'source' | 'section';

export interface Term {
  /** The literal text to find; a phrase's words are separated by single spaces. */
  text: string;
  /** `word*`: any word starting with the text. Otherwise whole words, with light plural forms. */
  prefix: boolean;
  /** `field:value`: only in that field of the article. */
  field?: Field;
}

/** Terms joined by OR; an article must match at least one (or, when negated, none). */
export interface Clause {
  alternatives: Term[];
  negated: boolean;
}

const FIELDS = new Set<string>(['title', 'tag', 'source', 'section']);
const TOKEN = /(-?)(?:([A-Za-z]+):)?(?:["“]([^"“”]*)["”]?|(\S+))/g;

/**
 * Splits a query into clauses that must all match: `peace treaty` is two clauses, `"peace treaty"`
 * one phrase, `treat*` a prefix, `-sanctions` an exclusion, `Putin OR Medvedev` one clause with two
 * alternatives, `title:Abe`, `tag:Russia`, `source:…`, `section:…` look in one field only.
 */
export function parseSearchQuery(query: string): Clause[] {
  const clauses: Clause[] = [];
  let joinNext = false;
  for (const [, minus, name, quoted, bare] of query.matchAll(TOKEN)) {
    if (bare === 'OR' && minus === '' && name === undefined && clauses.length > 0) {
      joinNext = true;
      continue;
    }
    const field = name !== undefined && FIELDS.has(name.toLowerCase()) ? (name.toLowerCase() as Field) : undefined;
    // An unknown field name stays part of the text, so "re:think" is searched as written.
    const value = (quoted ?? bare ?? '').replace(/\s+/g, ' ').trim();
    const text = field === undefined && name !== undefined ? `${name}:${value}` : value;
    if (text === '') continue;
    const prefix = quoted === undefined && text.length > 1 && text.endsWith('*');
    const term: Term = { text: prefix ? text.slice(0, -1) : text, prefix };
    if (field !== undefined) term.field = field;
    const negated = minus === '-';
    const previous = clauses[clauses.length - 1];
    if (joinNext && previous && previous.negated === negated) previous.alternatives.push(term);
    else clauses.push({ alternatives: [term], negated });
    joinNext = false;
  }
  // An OR with nothing after it is not syntax: it is searched for as the word it is.
  if (joinNext) clauses.push({ alternatives: [{ text: 'OR', prefix: false }], negated: false });
  return clauses;
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/**
 * `text` as a pattern that matches it in any case, one character class per letter ("Ab" →
 * "[Aa][bB]"; a titlecase "ǅ" → "[ǅǆǄ]", as it is neither its lower nor its upper case). The 'i' flag would do the same, but with 'u' it makes V8 work out the case closure
 * of the word-boundary classes (\p{L}) on every run: about a millisecond per term.
 */
function caseless(text: string): string {
  let out = '';
  for (const char of text) {
    const forms = [...new Set([char, char.toLowerCase(), char.toUpperCase()])];
    if (forms.length === 1) out += escapeRegExp(char);
    else if (forms.every((form) => [...form].length === 1)) out += `[${forms.join('')}]`;
    else out += `(?:${forms.map(escapeRegExp).join('|')})`;
  }
  return out;
}

/** The forms a whole word may take: "treaty" finds "treaties", "sanction" finds "sanctions". */
export function wordForms(word: string): string[] {
  const forms = new Set([word]);
  const lower = word.toLowerCase();
  if (/[^aeiou]y$/.test(lower)) forms.add(`${word.slice(0, -1)}ies`);
  if (lower.endsWith('ies') && word.length > 4) forms.add(`${word.slice(0, -3)}y`);
  if (/[^s]s$/.test(lower) && word.length > 3) forms.add(word.slice(0, -1));
  return [...forms];
}

const PLURAL_SUFFIXES = ['s', 'es', "'s", '’s'];

/**
 * A term's pattern, with its word boundaries checked in code rather than by lookarounds: a
 * lookbehind or lookahead on \p{L} costs V8 most of a millisecond to compile, per term, per run,
 * and keeps it from scanning quickly. `exec` (and so `test`) behave as the pattern
 * `(?<![\p{L}\p{N}])body(?:s|es|'s)?(?![\p{L}\p{N}])` would, backtracking included: at each
 * start, the term's forms are tried in order, each with the plural endings and then without.
 */
class TermPattern extends RegExp {
  private readonly forms: RegExp[] | undefined;

  /** `forms`: the sticky patterns of the whole-word forms, or undefined when the end is free. */
  constructor(body: string, forms: string[] | undefined) {
    super(body, 'gu');
    this.forms = forms?.map((form) => new RegExp(form, 'uy'));
  }

  override exec(text: string): RegExpExecArray | null {
    for (;;) {
      const match = super.exec(text);
      if (match === null) return null;
      const start = match.index;
      const free = this.forms === undefined ? start + match[0].length : undefined;
      const end = wordCharBefore(text, start) ? undefined : (free ?? this.endAt(text, start, this.forms ?? []));
      if (end !== undefined) {
        this.lastIndex = Math.max(end, start + 1);
        const found = [text.slice(start, end)] as unknown as RegExpExecArray;
        found.index = start;
        found.input = text;
        return found;
      }
      this.lastIndex = start + 1;
    }
  }

  /** Where a whole word starting at `start` ends at a word boundary, or undefined if nowhere. */
  private endAt(text: string, start: number, forms: readonly RegExp[]): number | undefined {
    for (const form of forms) {
      form.lastIndex = start;
      const match = form.exec(text);
      if (match === null) continue;
      const base = start + match[0].length;
      for (const suffix of PLURAL_SUFFIXES) {
        const end = base + suffix.length;
        if (text.slice(base, end).toLowerCase() === suffix && !wordCharAt(text, end)) return end;
      }
      if (!wordCharAt(text, base)) return base;
    }
    return undefined;
  }
}

/**
 * Whether a term is a whole word, matched with its plural forms and up to a word boundary: not a
 * prefix, and ending in a letter or digit ("5.5%" and "U.S." end anywhere).
 */
export function isWholeWord(term: Term): boolean {
  return !term.prefix && wordCharBefore(term.text, term.text.length);
}

/** Whether `pattern` (a term pattern) occurs anywhere in `text`. */
export function occursIn(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

/** Every match of `pattern` (a term pattern) in `text`, as [start, end) offsets, in order. */
export function matchRanges(pattern: RegExp, text: string): [number, number][] {
  const ranges: [number, number][] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    ranges.push([match.index, match.index + match[0].length]);
    if (match[0].length === 0) pattern.lastIndex += 1;
  }
  return ranges;
}

/** A case-insensitive pattern for a term; each call returns a fresh RegExp (they keep lastIndex). */
export function termPattern(term: Term): RegExp {
  const words = term.text.split(' ');
  const last = words.length - 1;
  const wholeWord = isWholeWord(term);
  const lastForms = wholeWord ? wordForms(words[last] ?? '') : [words[last] ?? ''];
  const head = words.slice(0, last).map(caseless).join('\\s+');
  const withHead = (tail: string) => (head === '' ? tail : `${head}\\s+${tail}`);
  const body = withHead(`(?:${lastForms.map(caseless).join('|')})`);
  // A term always starts where no word goes on before it: "war" is not found in "Stewart", "." not in
  // "words."; a whole word also ends where no word goes on ("treaty" not in "treatyx").
  return new TermPattern(body, wholeWord ? lastForms.map((form) => withHead(caseless(form))) : undefined);
}
