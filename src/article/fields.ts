// An article's fields read out of parsed front matter: the names site generators give them, values
// of any type, HTML character references, and a one-line warning for whatever cannot be used.

import type { Banner } from './article.js';
import { type DateHints, parseDateText } from './dates.js';
import { sanitizeLine } from './sanitize.js';

/**
 * Tables where site generators nest fields: Zola's `[taxonomies]` (tags, categories) and `[extra]`
 * (anything else), Hugo's `params`. A field is looked for there when the top level lacks it.
 */
const NESTED_TABLES = ['taxonomies', 'extra', 'params'];

/** Jekyll's `published: false` hides a post; other sites write the publication date there. */
const FLAG_OR_DATE = 'published';

interface Occurrence {
  /** The field's name as written, with its table (`extra.author`), safe to print. */
  name: string;
  /** The name in lower case, without its table. */
  key: string;
  value: unknown;
  nested: boolean;
}

/** A plain mapping of fields, as every parser gives one (not a list, a Date, a Set or binary data). */
export function isMapping(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Nothing written: such a field is as good as absent, and no warning is worth giving. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

function excerpt(text: string): string {
  const clean = sanitizeLine(text).trim();
  return clean.length > 40 ? `${clean.slice(0, 39)}…` : clean;
}

/** How a warning names a value that could not be used. */
function describe(value: unknown): string {
  if (typeof value === 'string') return `'${excerpt(value)}'`;
  if (typeof value === 'number' || typeof value === 'bigint') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date and time';
  if (isMapping(value)) return 'a mapping';
  return 'a value of another kind';
}

/** `true`/`false`, also written as text; undefined for anything else. */
function asFlag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  if (word === 'true' || word === 'yes') return true;
  if (word === 'false' || word === 'no') return false;
  return undefined;
}

/** A Date carries no offset: its UTC day is the one reading that is the same on every machine. */
function dateOfDate(value: Date): string | undefined {
  if (Number.isNaN(value.getTime())) return undefined;
  return value.toISOString().slice(0, 10);
}

/**
 * Text as shown: HTML character references decoded first (so `&#27;` is caught as the escape it
 * is), then made safe, on one line. `decodeHtml` is needed only when the text holds an `&`.
 */
export function cleanText(text: string, decodeHtml?: (text: string) => string): string {
  let decoded = text;
  if (text.includes('&')) {
    if (!decodeHtml) {
      throw new Error('front matter text has an "&" but no HTML decoder was loaded: use loadFrontMatterLibraries');
    }
    decoded = decodeHtml(text);
  }
  return sanitizeLine(decoded).trim();
}

/** Names as prose: "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Drops repeats that differ only in case, keeping the first spelling and the order. */
function distinct(items: readonly string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Reads typed, sanitised fields out of parsed front matter. Field names are matched ignoring case,
 * as Hugo does; a field may be asked for by several names (`summary`, `description`). A value that
 * cannot be used is dropped and noted in `warnings`, which name the field and what was done.
 */
export class FieldReader {
  readonly warnings: string[] = [];
  private readonly occurrences: Occurrence[] = [];

  constructor(
    data: Record<string, unknown>,
    private readonly decodeHtml?: (text: string) => string,
  ) {
    for (const [name, value] of Object.entries(data)) this.add(name, value, '');
    for (const [table, value] of Object.entries(data)) {
      if (!NESTED_TABLES.includes(table.toLowerCase()) || !isMapping(value)) continue;
      for (const [name, inner] of Object.entries(value)) this.add(name, inner, `${table}.`);
    }
  }

  private add(name: string, value: unknown, table: string): void {
    if (isEmpty(value)) return;
    const occurrence = { name: excerpt(`${table}${name}`), key: name.toLowerCase(), value, nested: table !== '' };
    this.occurrences.push(occurrence);
  }

  /** Every non-empty value given under one of `names`: the top level first, in the order of `names`. */
  private find(names: readonly string[]): Occurrence[] {
    const wanted = names.map((name) => name.toLowerCase());
    const order = (occurrence: Occurrence) => wanted.indexOf(occurrence.key) + (occurrence.nested ? wanted.length : 0);
    return this.occurrences.filter((occurrence) => wanted.includes(occurrence.key)).sort((a, b) => order(a) - order(b));
  }

  private warn(name: string, problem: string, done = 'ignored it'): void {
    this.warnings.push(`front matter '${name}' ${problem}; ${done}`);
  }

  private clean(text: string, decode: boolean): string {
    return decode ? cleanText(text, this.decodeHtml) : sanitizeLine(text).trim();
  }

  /** A scalar as text: strings, numbers and true/false; undefined for lists, mappings and the rest. */
  private scalarText(value: unknown, decode: boolean): string | undefined {
    if (typeof value === 'string') return this.clean(value, decode);
    if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
    return undefined;
  }

  /** The first of `names` that holds text; `quiet` leaves a value of another kind unwarned, for another reader. */
  text(names: readonly string[], options: { decode?: boolean; quiet?: boolean } = {}): string | undefined {
    for (const { name, value } of this.find(names)) {
      const text = this.scalarText(value, options.decode ?? true);
      if (text === undefined && !options.quiet) this.warn(name, `is ${describe(value)}, not text`);
      else if (text !== '') return text;
    }
    return undefined;
  }

  /**
   * The items of every field in `names`, merged: each a list or text of comma-separated items.
   * Repeats that differ only in case are dropped. With `people`, an item may be a mapping with a
   * `name` (`{name: Jane Doe, email: …}`), and text is never split (a name may hold a comma). With
   * `path` (a breadcrumb), the items are steps in order: a list's items are kept whole and a step
   * may come again (`[News, World, news]`); only text on its own is split at commas.
   */
  list(names: readonly string[], options: { people?: boolean; path?: boolean } = {}): string[] {
    const items: string[] = [];
    for (const { name, value } of this.find(names)) {
      const values = Array.isArray(value) ? value : [value];
      let odd = 0;
      for (const item of values) {
        const person = options.people && isMapping(item) ? item.name : undefined;
        const text = this.scalarText(person ?? item, true);
        if (text === undefined) {
          if (!isEmpty(item)) odd += 1;
          continue;
        }
        const whole = options.people || typeof item !== 'string' || (options.path && Array.isArray(value));
        const parts = whole ? [text] : text.split(',');
        items.push(...parts.map((part) => part.trim()).filter((part) => part !== ''));
      }
      if (odd === 0) continue;
      if (!Array.isArray(value)) this.warn(name, `is ${describe(value)}, not text or a list of text`);
      else if (odd === 1) this.warn(name, 'has an item that is not text', 'ignored the item');
      else this.warn(name, `has ${odd} items that are not text`, 'ignored them');
    }
    return options.path ? items : distinct(items);
  }

  /**
   * The calendar date of the first of `names` that holds one, as written (never shifted to UTC).
   * A value that is no date is warned about and the next name tried; a `published` that is
   * true or false is Jekyll's flag, read by flag(), not a date.
   */
  date(names: readonly string[], hints: DateHints = {}): string | undefined {
    for (const { name, key, value } of this.find(names)) {
      if (key === FLAG_OR_DATE && asFlag(value) !== undefined) continue;
      const parsed =
        typeof value === 'string' ? parseDateText(value, hints) : value instanceof Date ? dateOfDate(value) : undefined;
      if (typeof parsed === 'string') return parsed;
      if (parsed !== undefined) {
        if (parsed.note !== undefined) this.warnings.push(`front matter '${name}': ${sanitizeLine(parsed.note)}`);
        return parsed.date;
      }
      this.warn(name, `is not a date (${describe(value)})`);
    }
    return undefined;
  }

  /** A true/false field; with `quiet`, a value of another kind is left for another reader, unwarned. */
  flag(name: string, options: { quiet?: boolean } = {}): boolean | undefined {
    for (const occurrence of this.find([name])) {
      const flag = asFlag(occurrence.value);
      if (flag !== undefined) return flag;
      if (!options.quiet) this.warn(occurrence.name, `is neither true nor false (${describe(occurrence.value)})`);
    }
    return undefined;
  }

  /** A site notice: text, or a mapping with a title and a text. */
  banner(name: string): Banner | undefined {
    for (const { name: written, value } of this.find([name])) {
      if (isMapping(value)) {
        const inner = new FieldReader(value, this.decodeHtml);
        const title = inner.text(['title']) ?? '';
        const text = inner.text(['text']) ?? '';
        for (const warning of inner.warnings)
          this.warnings.push(warning.replace("front matter '", `front matter '${written}.`));
        if (title !== '' || text !== '') return { title, text };
        continue;
      }
      const text = this.scalarText(value, true);
      if (text === undefined) this.warn(written, `is ${describe(value)}, not text or a mapping with title and text`);
      else if (text !== '') return { title: '', text };
    }
    return undefined;
  }
}
