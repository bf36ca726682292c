// Front matter: the block of fields at the top of an article file (YAML, TOML or JSON), found and
// parsed without ever failing the article: what cannot be read becomes a one-line warning.

import { type DocumentOptions, type ParseOptions, parseDocument, type ScalarTag, type SchemaOptions } from 'yaml';
import { isMapping, joinNames } from './fields.js';
import { sanitizeLine } from './sanitize.js';
import { readSimpleYaml } from './simple-yaml.js';

export type FrontMatterFormat = 'yaml' | 'toml' | 'json';

/**
 * The libraries only some front matter needs. They are heavy (smol-toml and the entities tables
 * cost 0.5 and 1.7 ms to load), so whoever parses loads them only for a text that needs them:
 * see loadFrontMatterLibraries.
 */
export interface FrontMatterLibraries {
  /** Parses a TOML document, its datetimes given back as the text they were written as. */
  parseToml?: (text: string) => Record<string, unknown>;
  /** Decodes HTML character references (`&rsquo;`, `&#8217;`, `&#x2019;`). */
  decodeHtml?: (text: string) => string;
}

export interface FrontMatter {
  /** The format of the block at the top of the text, if there was one. */
  format?: FrontMatterFormat;
  /** The fields; empty when there is no block or it could not be read. */
  data: Record<string, unknown>;
  /** The text after the block: the Markdown body. */
  body: string;
  /** What could not be read and what was done instead, one line each. */
  warnings: string[];
}

/** The block as found in the text, before it is parsed. */
interface Block {
  format: FrontMatterFormat;
  /** The text between the delimiters (for JSON, the object itself). */
  inner: string;
  /** The line of the file `inner` starts on, counted from 1, for messages. */
  line: number;
  body: string;
  /** The block never closes: `inner` is empty, `body` is what follows the opening line. */
  unterminated?: true;
}

const OPENERS: Record<FrontMatterFormat, string> = { yaml: '---', toml: '+++', json: '{' };

/** Front matter is a handful of fields; more than this is not an article's. */
export const MAX_FRONT_MATTER_CHARS = 64 * 1024;
/** Parsers recurse per nesting level; deep flow collections or indentation overflow their stack. */
const DEEP_FLOW = /(?:[[{]\s*){33}/;
const DEEP_INDENT = /^[ \t]{129}/m;
/** How deep a TOML inline table or array may nest: as deep as DEEP_FLOW lets YAML and JSON. */
const MAX_TOML_DEPTH = 32;

/** Blank lines before the block, as some site generators' files have. */
const LEADING_BLANK_LINES = /^(?:[ \t]*\n)*/y;
const YAML_OPENER = /---[ \t]*\n/y;
const TOML_OPENER = /\+\+\+[ \t]*\n/y;
/** A JSON object starts with a key or is empty; `{{< shortcode >}}` or `{% tag %}` is Markdown. */
const JSON_OPENER = /\{\s*["}]/y;
const YAML_CLOSER = /^(?:---|\.\.\.)[ \t]*$/m;
const TOML_CLOSER = /^\+\+\+[ \t]*$/m;

function matchesAt(pattern: RegExp, text: string, at: number): number | undefined {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex : undefined;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line += 1;
  return line;
}

/** The body after a closing delimiter line that starts at `at`: from the next line on. */
function afterLine(text: string, at: number): string {
  const end = text.indexOf('\n', at);
  return end === -1 ? '' : text.slice(end + 1);
}

/** The index just after the `}` that closes the JSON object opening at `start`, strings skipped. */
function endOfJsonObject(text: string, start: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index += 1;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x7b) {
      depth += 1;
    } else if (code === 0x7d) {
      depth -= 1;
      if (depth === 0) return index + 1;
    }
  }
  return undefined;
}

function findDelimitedBlock(text: string, format: 'yaml' | 'toml', innerStart: number, closer: RegExp): Block {
  const rest = text.slice(innerStart);
  const close = closer.exec(rest);
  const line = lineAt(text, innerStart);
  if (!close) return { format, inner: '', line, body: rest, unterminated: true };
  return { format, inner: rest.slice(0, close.index), line, body: afterLine(rest, close.index) };
}

/**
 * The front matter block at the top of `text` (line endings already `\n`), after any blank lines:
 * YAML between `---` lines (closed by `---` or `...`), TOML between `+++` lines, or a JSON object.
 */
function findBlock(text: string): Block | undefined {
  const start = matchesAt(LEADING_BLANK_LINES, text, 0) ?? 0;
  const yaml = matchesAt(YAML_OPENER, text, start);
  if (yaml !== undefined) return findDelimitedBlock(text, 'yaml', yaml, YAML_CLOSER);
  const toml = matchesAt(TOML_OPENER, text, start);
  if (toml !== undefined) return findDelimitedBlock(text, 'toml', toml, TOML_CLOSER);
  if (matchesAt(JSON_OPENER, text, start) === undefined) return undefined;
  const end = endOfJsonObject(text, start);
  const line = lineAt(text, start);
  if (end === undefined) return { format: 'json', inner: '', line, body: text.slice(start), unterminated: true };
  // The rest of the closing brace's line is part of the block when blank, else the body's first line.
  const tail = /[ \t]*(?:\n|$)/y;
  tail.lastIndex = end;
  const bodyStart = tail.test(text) ? tail.lastIndex : end;
  return { format: 'json', inner: text.slice(start, end), line, body: text.slice(bodyStart) };
}

async function loadTomlParser(): Promise<NonNullable<FrontMatterLibraries['parseToml']>> {
  const { parse } = await import('smol-toml');
  return (text) => datesAsWritten(parse(text, { unsafeKeyBehaviour: 'drop', maxDepth: MAX_TOML_DEPTH }), 0);
}

async function loadHtmlDecoder(): Promise<NonNullable<FrontMatterLibraries['decodeHtml']>> {
  const { decodeHTML } = await import('entities/decode');
  return (text) => decodeHTML(text);
}

/**
 * Loads the libraries reading `text`'s front matter may need: the TOML parser for a `+++` block,
 * the HTML decoder when the block holds an `&` (or a backslash, which an escape can turn into one),
 * or the first heading, which may become the title, does.
 */
export async function loadFrontMatterLibraries(text: string): Promise<FrontMatterLibraries> {
  const block = findBlock(text);
  const libraries: FrontMatterLibraries = {};
  if (block?.format === 'toml' && !block.unterminated) libraries.parseToml = await loadTomlParser();
  const heading = /^ {0,3}#[ \t].*&/m.test(block?.body ?? text);
  if (heading || /[&\\]/.test(block?.inner ?? '')) libraries.decodeHtml = await loadHtmlDecoder();
  return libraries;
}

/** Every library, for callers that parse synchronously whatever comes (tests, the build). */
export async function loadAllFrontMatterLibraries(): Promise<Required<FrontMatterLibraries>> {
  return { parseToml: await loadTomlParser(), decodeHtml: await loadHtmlDecoder() };
}

/**
 * smol-toml gives TOML datetimes as Date objects whose toISOString() keeps the offset they were
 * written with; as text they read back as the calendar date written, never shifted to UTC.
 */
function datesAsWritten<T>(value: T, depth: number): T {
  if (value instanceof Date) return value.toISOString() as T;
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => datesAsWritten(item, depth + 1)) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = datesAsWritten(item, depth + 1);
  return copy as T;
}

/**
 * YAML 1.1 (chosen by a `%YAML 1.1` line) and an explicit `!!timestamp` tag turn a timestamp into
 * a Date in UTC, losing the day it was written on; this tag keeps the text as written instead.
 */
const TIMESTAMP_AS_WRITTEN: ScalarTag = {
  tag: 'tag:yaml.org,2002:timestamp',
  identify: () => false,
  resolve: (text: string) => text,
};

const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  prettyErrors: false,
  logLevel: 'silent',
  customTags: (tags) => [
    ...tags.filter((tag) => typeof tag === 'string' || tag.tag !== TIMESTAMP_AS_WRITTEN.tag),
    TIMESTAMP_AS_WRITTEN,
  ],
};

/** A parser's message, safe and short enough for a one-line warning. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = sanitizeLine(message.split('\n')[0] ?? '').trim();
  return first.length > 100 ? `${first.slice(0, 99)}…` : first;
}

function describeShape(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number' || typeof value === 'bigint') return 'a number';
  if (typeof value === 'boolean') return 'true or false';
  return 'another kind of value';
}

/** Copies fields one by one: a `__proto__` field, assigned, would replace the object's prototype. */
function copyFields(from: Record<string, unknown>, to: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(from)) {
    if (key !== '__proto__') to[key] = value;
  }
}

interface Parsed {
  data?: unknown;
  warning?: string;
}

/** The name of the field on the line at `index` of `text` (`title: …` → title), for messages. */
function keyOnLine(text: string, index: number): string | undefined {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const key = /^[ \t]*([^:\n]+?)[ \t]*:/.exec(text.slice(start, start + 200))?.[1];
  return key === undefined ? undefined : sanitizeLine(key).slice(0, 40);
}

/** Top-level YAML entries: a line at the margin and the indented, blank or comment lines after it. */
function splitYamlEntries(text: string): string[] {
  const entries: string[] = [];
  for (const line of text.split('\n')) {
    // YAML lets a list's `- item` lines start at the margin, under their key.
    const continues = line === '' || /^[ \t#-]/.test(line);
    const last = entries.length - 1;
    if (continues && last >= 0) entries[last] += `\n${line}`;
    else entries.push(line);
  }
  return entries;
}

function quoteNames(names: readonly string[]): string {
  return joinNames(names.map((name) => `'${name}'`));
}

/** `name: words` whose words start as plain text does (not a quote, a bracket or another YAML indicator). */
const PLAIN_FIELD = /^([A-Za-z_][\w.-]*)[ \t]*:[ \t]+([^\s[\]{}"'|>&*!%@`#,].*?)[ \t]*$/;

/**
 * Invalid YAML, read field by field: each top-level field that is valid on its own is kept, and a
 * one-line field that is not (`title: Northvale: a history`, a colon YAML refuses) is read as the
 * text after its colon, which is what its writer meant. The warning says which fields were which.
 */
function salvageYaml(text: string, reason: string): Parsed {
  const data: Record<string, unknown> = {};
  const asText: string[] = [];
  const ignored: string[] = [];
  for (const entry of splitYamlEntries(text)) {
    const lines = entry.split('\n').filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
    if (lines.length === 0) continue;
    const value = parseValidYaml(entry);
    if (isMapping(value)) {
      copyFields(value, data);
      continue;
    }
    const name = keyOnLine(entry, 0) ?? sanitizeLine(lines[0] ?? '').slice(0, 40);
    const field = lines.length === 1 ? PLAIN_FIELD.exec(lines[0] ?? '') : null;
    if (field?.[1] !== undefined && field[2] !== undefined) {
      data[field[1]] = field[2];
      asText.push(name);
    } else {
      ignored.push(name);
    }
  }
  const done = [
    ...(asText.length > 0 ? [`read ${quoteNames(asText)} as plain text`] : []),
    ...(ignored.length > 0 ? [`ignored ${quoteNames(ignored)}`] : []),
  ];
  const outcome = Object.keys(data).length === 0 ? 'read the article without it' : done.join(' and ');
  return { data, warning: `front matter is not valid YAML (${reason}); ${outcome}` };
}

/**
 * What a piece of YAML holds when it is valid, as the YAML library reads front matter; undefined
 * when it is not. Exported for the test that holds readSimpleYaml to it.
 */
export function parseValidYaml(text: string): unknown {
  try {
    const doc = parseDocument(text, YAML_OPTIONS);
    return doc.errors.length === 0 ? doc.toJS({ maxAliasCount: 100 }) : undefined;
  } catch {
    return undefined;
  }
}

function parseYaml(text: string, line: number): Parsed {
  // Most front matter is `key: value` lines that need no YAML library (simple-yaml.ts).
  const simple = readSimpleYaml(text);
  if (simple !== undefined) return { data: simple };
  try {
    const doc = parseDocument(text, YAML_OPTIONS);
    const [first] = doc.errors;
    if (!first) return { data: doc.toJS({ maxAliasCount: 100 }) };
    // A field given twice is YAML's only error that leaves the meaning clear: the last one wins.
    if (doc.errors.every((error) => error.code === 'DUPLICATE_KEY')) {
      const name = keyOnLine(text, first.pos[0]) ?? 'a field';
      return {
        data: doc.toJS({ maxAliasCount: 100 }),
        warning: `front matter gives '${name}' more than once; kept the last`,
      };
    }
    return salvageYaml(text, `${reasonOf(first)}, line ${line + lineAt(text, first.pos[0]) - 1}`);
  } catch (error) {
    // Too many aliases (a "billion laughs"), or a stack overflow on nesting the checks missed.
    return { warning: `front matter is not valid YAML (${reasonOf(error)}); read the article without it` };
  }
}

function parseJson(text: string): Parsed {
  try {
    return { data: JSON.parse(text) };
  } catch (error) {
    return { warning: `front matter is not valid JSON (${reasonOf(error)}); read the article without it` };
  }
}

function parseToml(text: string, libraries: FrontMatterLibraries): Parsed {
  if (!libraries.parseToml) {
    throw new Error('TOML front matter needs the TOML parser: load it with loadFrontMatterLibraries(text)');
  }
  try {
    return { data: libraries.parseToml(text) };
  } catch (error) {
    return { warning: `front matter is not valid TOML (${reasonOf(error)}); read the article without it` };
  }
}

function parseBlock(block: Block, libraries: FrontMatterLibraries): Parsed {
  const { format, inner } = block;
  if (inner.length > MAX_FRONT_MATTER_CHARS) {
    return { warning: `front matter is over ${MAX_FRONT_MATTER_CHARS} characters; read the article without it` };
  }
  if (DEEP_FLOW.test(inner) || (format === 'yaml' && DEEP_INDENT.test(inner))) {
    return { warning: 'front matter nests too deeply to be fields; read the article without it' };
  }
  if (format === 'yaml') return parseYaml(inner, block.line);
  if (format === 'json') return parseJson(inner);
  return parseToml(inner, libraries);
}

/**
 * Splits the front matter from the body and parses it. Never throws for anything in the text: a
 * block that cannot be read gives one warning, and the body after it is still the article's.
 * Throws only when a TOML block comes without `libraries.parseToml`, a mistake of the caller's.
 */
export function readFrontMatter(text: string, libraries: FrontMatterLibraries = {}): FrontMatter {
  const block = findBlock(text);
  if (!block) return { data: {}, body: text, warnings: [] };
  const { format, body } = block;
  if (block.unterminated) {
    const opener = OPENERS[format];
    const what = format === 'json' ? 'the whole file' : `everything after the first '${opener}'`;
    return {
      format,
      data: {},
      body,
      warnings: [`front matter starts with '${opener}' but never ends; read ${what} as the body`],
    };
  }
  const { data, warning } = parseBlock(block, libraries);
  const warnings = warning === undefined ? [] : [warning];
  if (data === undefined || data === null) return { format, data: {}, body, warnings };
  if (!isMapping(data)) {
    const shape = describeShape(data);
    warnings.push(`front matter is ${shape}, not a mapping of fields; read the article without it`);
    return { format, data: {}, body, warnings };
  }
  return { format, data, body, warnings };
}
