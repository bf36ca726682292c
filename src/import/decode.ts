// Bytes of a page, a scrape or a Markdown file to text: which character encoding, and refusing what is no text at all.

import { isUtf8 } from 'node:buffer';
import {
  asciiHead,
  charsetFromContentType,
  decodeWithEncoding,
  encodingFromBom,
  resolveEncodingLabel,
} from '../feeds/decode.js';
import { SourceError } from './source.js';

/** How much of a page is searched for its `<meta charset>`: the HTML standard's prescan reads 1024 bytes, pages overrun it. */
const META_PRESCAN_BYTES = 4096;
/** How much of a source is looked at to tell text from binary data, as git and grep do. */
const BINARY_PRESCAN_BYTES = 8192;

/**
 * Refuses a source that holds no text: empty (or only white space), or binary data (a NUL byte,
 * or more than one byte in ten a control character no text uses, in its first 8 KiB). UTF-16,
 * full of NULs, is text when a byte order mark says so.
 */
export function checkText(bytes: Uint8Array): void {
  const head = asciiHead(bytes, BINARY_PRESCAN_BYTES);
  if (head.trim() === '' && bytes.length <= BINARY_PRESCAN_BYTES) throw new SourceError('is empty');
  const bom = encodingFromBom(bytes);
  if (bom?.startsWith('utf-16')) return;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control bytes is the point.
  const controls = head.match(/[\x00-\x08\x0e-\x1a\x1c-\x1f]/g) ?? [];
  if (head.includes('\0') || controls.length * 10 > head.length) {
    throw new SourceError('is binary data, not a web page, text or feed');
  }
}

/**
 * The encoding a page declares in its first bytes: `<meta charset=…>`, `<meta http-equiv=
 * Content-Type content="…; charset=…">` or an XML declaration. A page cannot declare UTF-16 in
 * ASCII, so that reads as UTF-8 (HTML standard, "prescan a byte stream").
 */
export function declaredPageEncoding(bytes: Uint8Array): string | undefined {
  const head = asciiHead(bytes, META_PRESCAN_BYTES);
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  const xml = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  const label = meta?.[1] ?? xml?.[1];
  if (label === undefined) return undefined;
  const encoding = resolveEncodingLabel(label);
  if (encoding === undefined) return undefined;
  if (encoding.startsWith('utf-16')) return 'utf-8';
  return encoding === 'x-user-defined' ? 'windows-1252' : encoding;
}

/** An encoding from the server's Content-Type that can describe ASCII-compatible bytes. */
function serverEncoding(contentType: string | undefined): string | undefined {
  const label = charsetFromContentType(contentType);
  const encoding = label === undefined ? undefined : resolveEncodingLabel(label);
  return encoding?.startsWith('utf-16') ? undefined : encoding;
}

export interface DecodeOptions {
  contentType?: string | undefined;
  /** A saved file: its bytes, when valid UTF-8, are UTF-8 whatever an old `<meta charset>` says. */
  saved: boolean;
}

/**
 * A web page's text. A byte order mark decides first; then, for a saved file, bytes that are valid
 * UTF-8 are UTF-8 (browsers save pages as UTF-8 and leave the old `<meta charset>` in place); then
 * the server's charset, the page's own declaration, UTF-8 when valid, and windows-1252, the web's
 * legacy default. windows-1252, ISO-8859-x, Shift_JIS, GBK, EUC-KR… are decoded by TextDecoder.
 */
export function decodePage(bytes: Uint8Array, options: DecodeOptions): string {
  const bom = encodingFromBom(bytes);
  if (bom !== undefined) return decodeWithEncoding(bytes, bom);
  const utf8 = isUtf8(bytes);
  if (options.saved && utf8) return decodeWithEncoding(bytes, 'utf-8');
  const encoding =
    serverEncoding(options.contentType) ?? declaredPageEncoding(bytes) ?? (utf8 ? 'utf-8' : 'windows-1252');
  return decodeWithEncoding(bytes, encoding);
}

/**
 * Plain text or Markdown: a byte order mark, else the server's charset for a fetched text, else
 * UTF-8 when the bytes are valid UTF-8, else windows-1252 (what a text file that is not UTF-8
 * most often is).
 */
export function decodeText(bytes: Uint8Array, options: DecodeOptions): string {
  const bom = encodingFromBom(bytes);
  if (bom !== undefined) return decodeWithEncoding(bytes, bom);
  const server = options.saved ? undefined : serverEncoding(options.contentType);
  return decodeWithEncoding(bytes, server ?? (isUtf8(bytes) ? 'utf-8' : 'windows-1252'));
}
