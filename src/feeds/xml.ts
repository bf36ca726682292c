// A small namespace-aware XML tree for feeds, built on fast-xml-parser with the safety rules applied.
//
// fast-xml-parser runs with entity processing off: it never expands an entity, internal or external,
// so entity bombs and XXE have nothing to work with. This module decodes character and entity
// references itself with the `entities` package (the XML five, numeric references and every HTML
// named entity; unknown names stay as written), which is also what lets `&nbsp;` in a feed through.
import { decodeHTMLStrict } from 'entities/decode';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FeedError } from './errors.js';
import { CONVENTIONAL_PREFIXES, NS, nsKey } from './namespaces.js';
import { escapeHtmlAttribute, escapeHtmlText } from './text.js';

/** How deep elements may nest before a document is refused: far beyond any real feed, far below a stack's limit. */
export const DEFAULT_MAX_DEPTH = 200;

export interface XmlElement {
  kind: 'element';
  /** The qualified name as written: "dc:creator". */
  name: string;
  /** The namespace in comparison form (see nsKey); "" for none. */
  ns: string;
  local: string;
  /** Attribute values with references decoded, keyed by their qualified names. */
  attrs: ReadonlyMap<string, string>;
  children: XmlChild[];
  /** The absolute base URI set by the nearest xml:base (resolved against the document URL), if any. */
  xmlBase?: string;
}

export interface XmlText {
  kind: 'text';
  /** Character data with references decoded (CDATA is kept as written). */
  text: string;
}

export type XmlChild = XmlElement | XmlText;

export interface Prolog {
  /** The qualified name of the document element, when the text starts like XML. */
  root?: string;
  doctype?: { internalSubset: boolean; declaresEntities: boolean };
}

export interface XmlParseOptions {
  /** The document's own URL: the base for xml:base values. */
  url?: string | undefined;
  /** Elements nested deeper than this are refused. */
  maxDepth: number;
}

/**
 * Reads what comes before the document element: declaration, comments, processing instructions and
 * the DOCTYPE, so that a caller can refuse entity declarations and recognise an HTML page before
 * any parser runs. It stops at the first element and reads nothing inside it.
 */
export function scanProlog(text: string): Prolog {
  let i = 0;
  const n = text.length;
  let doctype: Prolog['doctype'];
  while (i < n) {
    i = skipXmlSpace(text, i);
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end === -1) break;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end === -1) break;
      i = end + 3;
    } else if (text.slice(i, i + 9).toUpperCase() === '<!DOCTYPE') {
      const scanned = scanDoctype(text, i + 9);
      doctype = scanned.doctype;
      i = scanned.end;
    } else if (text[i] === '<' && isNameStart(text.charCodeAt(i + 1))) {
      let j = i + 1;
      while (j < n && isNameChar(text.charCodeAt(j))) j++;
      return doctype ? { root: text.slice(i + 1, j), doctype } : { root: text.slice(i + 1, j) };
    } else {
      break;
    }
  }
  return doctype ? { doctype } : {};
}

/**
 * Parses a well-formed XML document into an XmlElement tree. Throws FeedError 'malformed' with the
 * line of the first error, or 'refused' past `maxDepth`. A few slips are repaired first, because
 * they are common and their meaning is not in doubt: whitespace before the XML declaration, a bare
 * "&" that starts no reference ("Q&A"), read as the character itself, and anything after the
 * document element has closed (a server's appended warning), which is dropped.
 */
export function parseXmlDocument(text: string, options: XmlParseOptions): XmlElement {
  const start = skipXmlSpace(text, 0);
  // Lines removed with the leading whitespace, added back to every reported line number.
  const removedLines = countNewlines(text, start);
  let xml = start === 0 ? text : text.slice(start);

  let verdict = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  for (let repairs = 0; verdict !== true && repairs < 3; repairs++) {
    const repaired = repairXml(xml, verdict.err);
    if (repaired === undefined) break;
    xml = repaired;
    verdict = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  }
  if (verdict !== true) {
    throw new FeedError(
      'malformed',
      `malformed XML at line ${verdict.err.line + removedLines}: ${tidy(verdict.err.msg)}`,
    );
  }

  let nodes: FxpNode[];
  try {
    nodes = createParser(options.maxDepth).parse(xml) as FxpNode[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/nested/i.test(message)) throw depthError(options.maxDepth);
    throw new FeedError('malformed', `malformed XML: ${tidy(message)}`);
  }
  for (const node of nodes) {
    const name = elementName(node);
    if (name === undefined) continue;
    const scope: Scope = { prefixes: CONVENTIONAL_PREFIXES, defaultNs: NS.none };
    return toElement(node, name, scope, undefined, 1, { url: options.url, maxDepth: options.maxDepth });
  }
  throw new FeedError('malformed', 'malformed XML: no document element');
}

/** The child elements of `el` in namespace `ns` (comparison form) named `local`. */
export function childElements(el: XmlElement, ns: string, local: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of el.children) {
    if (child.kind === 'element' && child.local === local && child.ns === ns) found.push(child);
  }
  return found;
}

export function firstChild(el: XmlElement, ns: string, local: string): XmlElement | undefined {
  for (const child of el.children) {
    if (child.kind === 'element' && child.local === local && child.ns === ns) return child;
  }
  return undefined;
}

export function elementChildren(el: XmlElement): XmlElement[] {
  return el.children.filter((child): child is XmlElement => child.kind === 'element');
}

/** The concatenated character data of `el` and its descendants, untrimmed. */
export function textContent(el: XmlElement): string {
  let out = '';
  const visit = (node: XmlElement): void => {
    for (const child of node.children) {
      if (child.kind === 'text') out += child.text;
      else visit(child);
    }
  };
  visit(el);
  return out;
}

/** An attribute by its local name, whatever prefix it was written with ("about" finds "rdf:about"). */
export function attrByLocalName(el: XmlElement, local: string): string | undefined {
  const direct = el.attrs.get(local);
  if (direct !== undefined) return direct;
  for (const [name, value] of el.attrs) {
    if (name.slice(name.indexOf(':') + 1) === local) return value;
  }
  return undefined;
}

/**
 * The children of `el` as HTML markup: element names without their prefix, namespace declarations
 * dropped, text escaped. Used for Atom xhtml content, which must keep its markup.
 */
export function serializeChildrenAsHtml(el: XmlElement): string {
  let out = '';
  for (const child of el.children) out += serializeAsHtml(child);
  return out;
}

// --- fast-xml-parser ---------------------------------------------------------------------------

/** One entry of fast-xml-parser's preserveOrder output: { tag: children, ':@': attrs } or { '#text': s }. */
type FxpNode = Record<string, unknown>;

const TEXT = '#text';
const CDATA = '#cdata';
const ATTRS = ':@';

function createParser(maxDepth: number): XMLParser {
  return new XMLParser({
    // Keep document order: mixed content (xhtml, CDATA next to text) needs it.
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    allowBooleanAttributes: true,
    // Values stay strings: a title "2024" is not a number, and " a " keeps its spaces until we trim.
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    // No entity is ever expanded by the parser, so no DTD can make it do work or fetch anything.
    processEntities: false,
    htmlEntities: false,
    // CDATA apart from text, so that references are decoded in text only.
    cdataPropName: CDATA,
    commentPropName: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    removeNSPrefix: false,
    maxNestedTags: maxDepth,
    // The parser refuses these names outright to protect plain-object output; renamed, a hostile
    // feed's <constructor> is just an unknown element ("#" cannot start an XML name, so no clash).
    transformTagName: renameReserved,
    transformAttributeName: renameReserved,
  });
}

const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

function renameReserved(name: string): string {
  return RESERVED_NAMES.has(name) ? `#${name}` : name;
}

interface Scope {
  prefixes: ReadonlyMap<string, string>;
  defaultNs: string;
}

function elementName(node: FxpNode): string | undefined {
  for (const key in node) {
    if (key !== ATTRS && key !== TEXT && key !== CDATA) return key;
  }
  return undefined;
}

const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();

interface BuildContext {
  url: string | undefined;
  maxDepth: number;
}

function toElement(
  node: FxpNode,
  name: string,
  parent: Scope,
  parentXmlBase: string | undefined,
  depth: number,
  context: BuildContext,
): XmlElement {
  if (depth > context.maxDepth) throw depthError(context.maxDepth);
  let attrs = NO_ATTRIBUTES;
  const rawAttrs = node[ATTRS];
  if (rawAttrs && typeof rawAttrs === 'object') {
    const decoded = new Map<string, string>();
    for (const [key, value] of Object.entries(rawAttrs as Record<string, unknown>)) {
      decoded.set(key, typeof value === 'string' ? decodeReferences(value) : '');
    }
    attrs = decoded;
  }

  const scope = scopeFor(attrs, parent);
  const colon = name.indexOf(':');
  const prefix = colon === -1 ? '' : name.slice(0, colon);
  const local = colon === -1 ? name : name.slice(colon + 1);
  const ns = prefix === '' ? scope.defaultNs : (scope.prefixes.get(prefix) ?? '');

  // xml:base resolves against the xml:base in scope, else the document URL (RFC 3986 §5.1).
  const baseAttr = attrs.get('xml:base');
  const xmlBase =
    baseAttr === undefined ? parentXmlBase : (resolveAgainst(baseAttr, parentXmlBase ?? context.url) ?? parentXmlBase);

  const children: XmlChild[] = [];
  const rawChildren = node[name];
  if (Array.isArray(rawChildren)) {
    for (const raw of rawChildren as FxpNode[]) {
      const childName = elementName(raw);
      if (childName !== undefined) children.push(toElement(raw, childName, scope, xmlBase, depth + 1, context));
      else if (TEXT in raw) children.push({ kind: 'text', text: decodeReferences(String(raw[TEXT])) });
      else if (CDATA in raw) children.push({ kind: 'text', text: cdataText(raw[CDATA]) });
    }
  }

  const el: XmlElement = { kind: 'element', name, ns, local, attrs, children };
  if (xmlBase !== undefined) el.xmlBase = xmlBase;
  return el;
}

function scopeFor(attrs: ReadonlyMap<string, string>, parent: Scope): Scope {
  if (attrs.size === 0) return parent;
  let prefixes: Map<string, string> | undefined;
  let defaultNs = parent.defaultNs;
  for (const [name, value] of attrs) {
    if (name === 'xmlns') defaultNs = nsKey(value);
    else if (name.startsWith('xmlns:')) {
      prefixes ??= new Map(parent.prefixes);
      prefixes.set(name.slice('xmlns:'.length), nsKey(value));
    }
  }
  return { prefixes: prefixes ?? parent.prefixes, defaultNs };
}

/**
 * Character and entity references decoded: the XML five, numeric ones (out-of-range code points
 * become U+FFFD), and HTML's named entities, which feeds use without declaring. Strict mode needs
 * the ";", so "?a=1&copy=2" in a URL stays as written.
 */
function decodeReferences(text: string): string {
  return text.includes('&') ? decodeHTMLStrict(text) : text;
}

function cdataText(value: unknown): string {
  if (!Array.isArray(value)) return '';
  let out = '';
  for (const part of value as FxpNode[]) if (TEXT in part) out += String(part[TEXT]);
  return out;
}

function resolveAgainst(ref: string, base: string | undefined): string | undefined {
  try {
    return new URL(ref.trim(), base).href;
  } catch {
    return undefined;
  }
}

function depthError(maxDepth: number): FeedError {
  return new FeedError('refused', `elements nested deeper than ${maxDepth} levels: refused`);
}

/** Library messages end with a period and may span lines; ours are one line. */
function tidy(message: string): string {
  return message.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
}

// --- prolog and repairs ------------------------------------------------------------------------

function scanDoctype(text: string, from: number): { doctype: NonNullable<Prolog['doctype']>; end: number } {
  let internalSubset = false;
  let declaresEntities = false;
  let inSubset = false;
  let i = from;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      const close = text.indexOf(ch, i + 1);
      i = close === -1 ? text.length : close + 1;
    } else if (inSubset && text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      i = close === -1 ? text.length : close + 3;
    } else if (inSubset && text.startsWith('<!ENTITY', i)) {
      declaresEntities = true;
      i += 8;
    } else if (ch === '[') {
      inSubset = true;
      internalSubset = true;
      i++;
    } else if (ch === ']') {
      inSubset = false;
      i++;
    } else if (ch === '>' && !inSubset) {
      return { doctype: { internalSubset, declaresEntities }, end: i + 1 };
    } else {
      i++;
    }
  }
  return { doctype: { internalSubset, declaresEntities }, end: text.length };
}

/** The document with one repairable error fixed, or undefined when the error is not one of those. */
function repairXml(xml: string, err: { code: string; msg: string; line: number; col: number }): string | undefined {
  if (err.code === 'InvalidChar' && err.msg.includes("'&'")) {
    const escaped = escapeBareAmpersands(xml);
    return escaped === xml ? undefined : escaped;
  }
  // The validator reports these only once the document element has closed.
  if (err.code === 'InvalidXml' && err.msg.startsWith('Extra text at the end')) {
    return xml.slice(0, offsetOf(xml, err.line, err.col));
  }
  if (err.code === 'InvalidXml' && err.msg.startsWith('Multiple possible root nodes')) {
    const secondRoot = xml.lastIndexOf('<', offsetOf(xml, err.line, err.col));
    return secondRoot > 0 ? xml.slice(0, secondRoot) : undefined;
  }
  return undefined;
}

/** The string offset of a 1-based line and column, as the validator counts them (UTF-16 units). */
function offsetOf(text: string, line: number, col: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const newline = text.indexOf('\n', offset);
    if (newline === -1) return text.length;
    offset = newline + 1;
  }
  return Math.min(offset + col - 1, text.length);
}

/**
 * Replaces each "&" that starts no well-formed reference with "&amp;", outside CDATA sections,
 * comments and processing instructions (where "&" is literal). A reference is "&#digits;",
 * "&#xhex;" or "&name;" with a name of word characters, as the validator accepts them.
 */
function escapeBareAmpersands(xml: string): string {
  const parts: string[] = [];
  let copied = 0;
  let i = 0;
  while (i < xml.length) {
    const ch = xml[i];
    if (ch === '<') {
      const skipTo = xml.startsWith('<![CDATA[', i)
        ? closeOf(xml, ']]>', i)
        : xml.startsWith('<!--', i)
          ? closeOf(xml, '-->', i)
          : xml.startsWith('<?', i)
            ? closeOf(xml, '?>', i)
            : i + 1;
      i = skipTo;
    } else if (ch === '&') {
      if (!startsReference(xml, i)) {
        parts.push(xml.slice(copied, i), '&amp;');
        copied = i + 1;
      }
      i++;
    } else {
      i++;
    }
  }
  parts.push(xml.slice(copied));
  return parts.join('');
}

function closeOf(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  return at === -1 ? text.length : at + marker.length;
}

function startsReference(text: string, amp: number): boolean {
  let i = amp + 1;
  if (text[i] === '#') {
    i++;
    const hex = text[i] === 'x' || text[i] === 'X';
    if (hex) i++;
    const digitsStart = i;
    while (i < text.length && (hex ? isHexDigit(text.charCodeAt(i)) : isDigit(text.charCodeAt(i)))) i++;
    return i > digitsStart && text[i] === ';';
  }
  const nameStart = i;
  while (i < text.length && i - nameStart < 20 && isWordChar(text.charCodeAt(i))) i++;
  return i > nameStart && text[i] === ';';
}

function skipXmlSpace(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    // Space, tab, LF, CR, and a BOM a decoder let through.
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0xfeff) break;
    i++;
  }
  return i;
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 0x0a) count++;
  return count;
}

function isNameStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x3a || c >= 0xc0;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || isDigit(c) || c === 0x2d || c === 0x2e || c === 0xb7;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function isWordChar(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

// --- HTML serialisation ------------------------------------------------------------------------

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

function serializeAsHtml(node: XmlChild): string {
  if (node.kind === 'text') return escapeHtmlText(node.text);
  let out = `<${node.local}`;
  for (const [name, value] of node.attrs) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    // xml:lang is HTML's lang; other prefixed attributes have no HTML meaning.
    const htmlName = name === 'xml:lang' ? 'lang' : name;
    if (htmlName.includes(':')) continue;
    out += ` ${htmlName}="${escapeHtmlAttribute(value)}"`;
  }
  out += '>';
  if (VOID_ELEMENTS.has(node.local)) return out;
  for (const child of node.children) out += serializeAsHtml(child);
  return `${out}</${node.local}>`;
}
