// YAML front matter as articles mostly write it, read without the YAML library: `key: value` lines
// whose values are plain or quoted text, true, false or null, lists (`[a, b]` or `- item` lines),
// and one level of nested `key: value` lines (a banner's title and text).
//
// The YAML library builds a syntax tree and a document before it gives the fields, which costs
// more than the rest of reading an article's metadata. What this reads, it reads as that library
// does with the options front matter uses (a property test compares them); anything else — numbers,
// anchors, aliases, tags, comments, multi-line or escaped text, flow mappings, deeper nesting,
// repeated keys — it leaves to the library by giving undefined.

type Value = string | boolean | null | Value[] | { [key: string]: Value };

/** Given back when a piece of YAML is not one this reader knows. */
const UNKNOWN = Symbol('unknown');

/** true, false and null as YAML 1.2's core schema writes them. */
const WORDS = new Map<string, Value>([
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false],
  ['null', null],
  ['Null', null],
  ['NULL', null],
]);

/** What the core schema reads as a number (integers, octal, hexadecimal, floats): left to the library. */
const NUMBER = /^[-+]?(?:0x[0-9a-fA-F]+|0o[0-7]+|(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;

/** The longest key read here. */
const MAX_KEY = 128;

function isLetter(code: number): boolean {
  return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * A character text may hold as written: printable ASCII, and from U+00A0 on but for the
 * byte-order mark and the Unicode line and paragraph separators. Not tabs or other controls.
 */
function isPrintable(code: number): boolean {
  if (code < 0x80) return code >= 0x20 && code !== 0x7f;
  return code >= 0xa0 && code !== 0xfeff && code !== 0x2028 && code !== 0x2029;
}

/** Whether only spaces follow `from` in `text`. */
function restIsSpaces(text: string, from: number): boolean {
  for (let at = from; at < text.length; at++) if (text.charCodeAt(at) !== 0x20) return false;
  return true;
}

/** The end of `text` without its trailing spaces. */
function endWithoutSpaces(text: string, end: number): number {
  let at = end;
  while (at > 0 && text.charCodeAt(at - 1) === 0x20) at--;
  return at;
}

/**
 * A quoted scalar starting at `start` (its quote), its end in `end`: double-quoted without a
 * backslash, or single-quoted (where '' is a quote). Undefined if it is neither or spans lines.
 */
function quoted(text: string, start: number, found: { end: number }): string | undefined {
  const quote = text.charCodeAt(start);
  let value = '';
  let from = start + 1;
  for (let at = from; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === quote) {
      if (quote === 0x27 && text.charCodeAt(at + 1) === 0x27) {
        value += text.slice(from, at + 1);
        from = at + 2;
        at += 1;
        continue;
      }
      found.end = at + 1;
      return value + text.slice(from, at);
    }
    if ((quote === 0x22 && code === 0x5c) || !isPrintable(code)) return undefined;
  }
  return undefined;
}

/** A plain scalar's value: true, false, null, or text; UNKNOWN for a number or what may be one. */
function plainValue(text: string): Value | typeof UNKNOWN {
  const word = WORDS.get(text);
  if (word !== undefined) return word;
  return isDigit(text.charCodeAt(0)) && NUMBER.test(text) ? UNKNOWN : text;
}

/**
 * A plain scalar in `text` from `start` to `end`: starting with a letter or digit, holding no `#`
 * (a comment may start there) and no `:` before a space or at the end (a mapping's); in a flow
 * list, also none of `,[]{}` and no `:` at all.
 */
function plain(text: string, start: number, end: number, flow: boolean): Value | typeof UNKNOWN {
  const first = text.charCodeAt(start);
  if (!isLetter(first) && !isDigit(first)) return UNKNOWN;
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x23 || !isPrintable(code)) return UNKNOWN;
    if (code === 0x3a && (flow || at + 1 === end || text.charCodeAt(at + 1) === 0x20)) return UNKNOWN;
    if (flow && (code === 0x2c || code === 0x5b || code === 0x5d || code === 0x7b || code === 0x7d)) return UNKNOWN;
  }
  return plainValue(text.slice(start, end));
}

/** `[a, "b", 'c']` on one line; UNKNOWN for anything else. */
function flowList(text: string, start: number): Value | typeof UNKNOWN {
  const items: Value[] = [];
  let at = start + 1;
  while (text.charCodeAt(at) === 0x20) at++;
  if (text.charCodeAt(at) === 0x5d) return restIsSpaces(text, at + 1) ? items : UNKNOWN;
  for (;;) {
    while (text.charCodeAt(at) === 0x20) at++;
    const code = text.charCodeAt(at);
    let itemEnd: number;
    if (code === 0x22 || code === 0x27) {
      const found = { end: 0 };
      const value = quoted(text, at, found);
      if (value === undefined) return UNKNOWN;
      items.push(value);
      itemEnd = found.end;
    } else {
      itemEnd = at;
      while (itemEnd < text.length && text.charCodeAt(itemEnd) !== 0x2c && text.charCodeAt(itemEnd) !== 0x5d) {
        itemEnd++;
      }
      const end = endWithoutSpaces(text, itemEnd);
      const value = end > at ? plain(text, at, end, true) : UNKNOWN;
      if (value === UNKNOWN) return UNKNOWN;
      items.push(value);
    }
    at = itemEnd;
    while (text.charCodeAt(at) === 0x20) at++;
    const separator = text.charCodeAt(at);
    if (separator === 0x5d) return restIsSpaces(text, at + 1) ? items : UNKNOWN;
    if (separator !== 0x2c) return UNKNOWN;
    at += 1;
  }
}

/** The value on a line from `start` (past `key: ` or `- `): quoted, a flow list or plain. */
function inlineValue(line: string, start: number): Value | typeof UNKNOWN {
  let at = start;
  while (line.charCodeAt(at) === 0x20) at++;
  const code = line.charCodeAt(at);
  if (code === 0x22 || code === 0x27) {
    const found = { end: 0 };
    const value = quoted(line, at, found);
    return value !== undefined && restIsSpaces(line, found.end) ? value : UNKNOWN;
  }
  if (code === 0x5b) return flowList(line, at);
  return plain(line, at, endWithoutSpaces(line, line.length), false);
}

/**
 * The key of a `key:` line at `indent`, and where its value starts; undefined unless the key is a
 * name (a letter or `_`, then letters, digits, `_` or `-`) that YAML reads as text.
 */
function keyOf(line: string, indent: number): { key: string; value: number } | undefined {
  const first = line.charCodeAt(indent);
  if (!isLetter(first) && first !== 0x5f) return undefined;
  let at = indent + 1;
  for (;;) {
    const code = line.charCodeAt(at);
    if (isLetter(code) || isDigit(code) || code === 0x5f || code === 0x2d) at++;
    else break;
  }
  // The YAML library refuses keys over 1,024 characters; names are short.
  if (line.charCodeAt(at) !== 0x3a || at - indent > MAX_KEY) return undefined;
  const next = line.charCodeAt(at + 1);
  if (!(at + 1 === line.length || next === 0x20)) return undefined;
  const key = line.slice(indent, at);
  if (WORDS.has(key) || key === '__proto__') return undefined;
  return { key, value: at + 1 };
}

/** How many spaces a line starts with. */
function indentOf(line: string): number {
  let at = 0;
  while (line.charCodeAt(at) === 0x20) at++;
  return at;
}

/**
 * The fields of YAML front matter that uses only what this reader knows, exactly as the YAML
 * library gives them to readFrontMatter; undefined for any other text, which the library reads.
 */
export function readSimpleYaml(text: string): Record<string, unknown> | undefined {
  const lines = text.split('\n');
  const data: Record<string, Value> = {};
  let fields = 0;
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] as string;
    index += 1;
    if (line === '') continue;
    const found = keyOf(line, 0);
    if (found === undefined || Object.hasOwn(data, found.key)) return undefined;
    let value: Value | typeof UNKNOWN;
    if (!restIsSpaces(line, found.value)) {
      value = inlineValue(line, found.value);
    } else {
      // `key:` alone: a block list or nested fields on the lines below, else null.
      const next = lines[index] ?? '';
      const indent = indentOf(next);
      if (next.startsWith('- ', indent)) {
        const items: Value[] = [];
        for (;;) {
          const item = lines[index];
          if (item === undefined || indentOf(item) !== indent || !item.startsWith('- ', indent)) break;
          if (item.charCodeAt(indent + 2) === 0x20) return undefined;
          const itemValue = inlineValue(item, indent + 2);
          if (itemValue === UNKNOWN) return undefined;
          items.push(itemValue);
          index += 1;
        }
        value = items;
      } else if (indent > 0) {
        const nested: Record<string, Value> = {};
        while (index < lines.length && indentOf(lines[index] as string) === indent) {
          const entry = lines[index] as string;
          const inner = keyOf(entry, indent);
          if (inner === undefined || Object.hasOwn(nested, inner.key)) return undefined;
          // `key:` alone in nested fields might open a deeper level: left to the library.
          if (restIsSpaces(entry, inner.value)) return undefined;
          const innerValue = inlineValue(entry, inner.value);
          if (innerValue === UNKNOWN) return undefined;
          nested[inner.key] = innerValue;
          index += 1;
        }
        value = nested;
      } else {
        value = null;
      }
      // Whatever follows must be a blank line or the next field at the margin.
      const after = lines[index];
      if (after !== undefined && after !== '' && indentOf(after) > 0) return undefined;
    }
    if (value === UNKNOWN) return undefined;
    data[found.key] = value;
    fields += 1;
  }
  // An empty document is null to the library; readFrontMatter makes that no fields either way.
  return fields === 0 ? undefined : data;
}
