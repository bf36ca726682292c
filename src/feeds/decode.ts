// Bytes to text for feeds: which character encoding a fetched document is in, and why.
//
// Order (RFC 7303 §3, the XML media types): a byte order mark, then the charset of the HTTP
// Content-Type, then the XML declaration's encoding=, then UTF-8. For feeds the XML declaration is
// normative: bytes declared ISO-8859-1 are decoded as such even when they happen to be valid UTF-8
// (every XML parser does the same, and a Latin-1 feed can be valid UTF-8 by accident). UTF-8
// validity only breaks ties the specification leaves to chance: when the server and the document
// disagree, the one the bytes agree with wins, and an undeclared document that is not valid UTF-8
// is read as windows-1252, the legacy default of the web. (An HTML page is decoded by a different
// rule, a valid-UTF-8 override, which belongs to the page importer, not here.)
import { isUtf8 } from 'node:buffer';

export type EncodingSource = 'bom' | 'sniffed' | 'http' | 'xml-declaration' | 'default' | 'fallback';

export interface DecodedText {
  text: string;
  /** The WHATWG name of the encoding used, as TextDecoder reports it ("windows-1252", "utf-8"). */
  encoding: string;
  source: EncodingSource;
  /** Why a declared encoding was overruled or not understood; empty in the ordinary case. */
  notes: string[];
}

/** Decodes a fetched feed document; `contentType` is the HTTP header as received, if any. */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): DecodedText {
  const notes: string[] = [];

  const bom = encodingFromBom(bytes);
  if (bom) return decodeWith(bytes, bom, 'bom', notes);

  // XML 1.0 Appendix F: a document that starts with "<" in 16-bit units is UTF-16 even without a BOM.
  const sniffed = encodingFromFirstBytes(bytes);
  if (sniffed) return decodeWith(bytes, sniffed, 'sniffed', notes);

  // From here on the bytes are ASCII-compatible, so a UTF-16 label cannot describe them.
  const httpLabel = charsetFromContentType(contentType);
  const http = httpLabel === undefined ? undefined : resolveAsciiCompatible(httpLabel, 'the server', notes);
  const declLabel = declaredXmlEncoding(bytes);
  const declared =
    declLabel === undefined ? undefined : resolveAsciiCompatible(declLabel, 'the XML declaration', notes);

  if (http) {
    if (declared && declared !== http) {
      const validUtf8 = isUtf8(bytes);
      if (declared === 'utf-8' && validUtf8) {
        notes.push(`the server says ${http} but the document says UTF-8 and its bytes are valid UTF-8: read as UTF-8`);
        return decodeWith(bytes, declared, 'xml-declaration', notes);
      }
      if (http === 'utf-8' && !validUtf8) {
        notes.push(
          `the server says UTF-8 but the bytes are not valid UTF-8: read as ${declared}, as the document says`,
        );
        return decodeWith(bytes, declared, 'xml-declaration', notes);
      }
    }
    return decodeWith(bytes, http, 'http', notes);
  }
  if (declared) return decodeWith(bytes, declared, 'xml-declaration', notes);

  if (isUtf8(bytes)) return decodeWith(bytes, 'utf-8', 'default', notes);
  notes.push('no encoding declared and the bytes are not valid UTF-8: read as windows-1252');
  return decodeWith(bytes, 'windows-1252', 'fallback', notes);
}

/** The charset parameter of a Content-Type header ("text/xml; charset=ISO-8859-1" → "ISO-8859-1"). */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  for (const param of contentType.split(';').slice(1)) {
    const eq = param.indexOf('=');
    if (eq === -1) continue;
    if (param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    const value = unquote(param.slice(eq + 1).trim());
    return value === '' ? undefined : value;
  }
  return undefined;
}

/**
 * The encoding named in the XML declaration, read from the raw bytes. The declaration is ASCII in
 * every ASCII-compatible encoding, so reading the first bytes as Latin-1 is exact for it.
 */
export function declaredXmlEncoding(bytes: Uint8Array): string | undefined {
  const head = asciiHead(bytes, 1024).trimStart();
  if (!head.startsWith('<?xml')) return undefined;
  const end = head.indexOf('?>');
  const decl = end === -1 ? head : head.slice(0, end);
  const at = decl.indexOf('encoding');
  if (at === -1) return undefined;
  let i = skipSpaces(decl, at + 'encoding'.length);
  if (decl[i] !== '=') return undefined;
  i = skipSpaces(decl, i + 1);
  const quote = decl[i];
  if (quote !== '"' && quote !== "'") return undefined;
  const close = decl.indexOf(quote, i + 1);
  if (close === -1) return undefined;
  const label = decl.slice(i + 1, close).trim();
  return label === '' ? undefined : label;
}

/**
 * The WHATWG encoding a label names, or undefined. Accepts the spellings found in the wild that
 * the Encoding Standard lacks: "ISO8859_1", "win-1251", "cp-1250", "Latin-1".
 */
export function resolveEncodingLabel(label: string): string | undefined {
  const l = label.trim().toLowerCase();
  const windows = /^(?:windows|win|cp)[-_ ]?(\d{3,4})$/.exec(l);
  const candidates = [l, l.replaceAll('_', '-'), l.replace('latin-', 'latin'), windows ? `windows-${windows[1]}` : ''];
  for (const candidate of candidates) {
    if (candidate === '') continue;
    try {
      return new TextDecoder(candidate).encoding;
    } catch {
      // Not a label TextDecoder knows: try the next spelling.
    }
  }
  return undefined;
}

function resolveAsciiCompatible(label: string, who: string, notes: string[]): string | undefined {
  const encoding = resolveEncodingLabel(label);
  if (encoding === undefined) {
    notes.push(`${who} names an unknown encoding "${label}": ignored`);
    return undefined;
  }
  if (encoding.startsWith('utf-16')) {
    notes.push(`${who} says ${label} but the bytes are not UTF-16: ignored`);
    return undefined;
  }
  return encoding;
}

/** The encoding a byte order mark at the start names, if any. */
export function encodingFromBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function encodingFromFirstBytes(bytes: Uint8Array): string | undefined {
  if (bytes.length < 4) return undefined;
  const [b0, b1, b2, b3] = bytes;
  if (b0 !== 0 && b1 === 0 && b2 !== 0 && b3 === 0) return 'utf-16le';
  if (b0 === 0 && b1 !== 0 && b2 === 0 && b3 !== 0) return 'utf-16be';
  return undefined;
}

/**
 * Bytes in a WHATWG encoding (a name resolveEncodingLabel gave) as text: TextDecoder, which drops
 * a BOM that matches the encoding and replaces bytes it cannot decode with U+FFFD, with
 * windows-1252 corrected where Node decodes it as Latin-1. Web pages are decoded through it too.
 */
export function decodeWithEncoding(bytes: Uint8Array, encoding: string): string {
  const decoder = new TextDecoder(encoding);
  const text = decoder.decode(bytes);
  return decoder.encoding === 'windows-1252' ? fixWindows1252(text) : text;
}

function decodeWith(bytes: Uint8Array, encoding: string, source: EncodingSource, notes: string[]): DecodedText {
  return { text: decodeWithEncoding(bytes, encoding), encoding: new TextDecoder(encoding).encoding, source, notes };
}

/**
 * What windows-1252 maps bytes 0x80–0x9F to (WHATWG Encoding Standard, index-windows-1252). Node
 * 20.18.3+ and 22.13+ decode windows-1252, and so ISO-8859-1 and US-ASCII, as Latin-1, which turns
 * curly quotes, dashes and the euro sign into C1 control characters (nodejs/node#60888). A correct
 * decoder never yields those code points except where the index maps a byte to itself, so mapping
 * them afterwards is right on fixed and unfixed versions alike.
 */
const WINDOWS_1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function fixWindows1252(text: string): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || c > 0x9f) continue;
    out += text.slice(copied, i) + String.fromCharCode(WINDOWS_1252_C1[c - 0x80] as number);
    copied = i + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** The first bytes as Latin-1: exact for the ASCII of markup, whatever the encoding (UTF-16 aside). */
export function asciiHead(bytes: Uint8Array, length: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, length)).toString('latin1');
}

function skipSpaces(s: string, i: number): number {
  while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  return i;
}

function unquote(s: string): string {
  return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1).trim() : s;
}
