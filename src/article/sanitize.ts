// Makes untrusted text (article bodies, front matter, file names, arguments) safe to print.
//
// Terminals act on control characters: ESC and CSI start escape sequences that can move the
// cursor, rewrite the title or the clipboard (OSC 52), and bidi overrides reorder what is shown.
// Like git since CVE-2024-52005, we never pass them through: C0 (but newline and tab) and DEL
// become caret notation (ESC → "^["), C1 and bidi controls become "<U+XXXX>", and invisible
// characters (zero-width space, word joiner, BOM, invisible operators) are dropped. The
// zero-width (non-)joiners stay: emoji sequences and Persian or Indic spelling need them.
// The only escape sequences news prints are its own SGR colours.

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

function replaceUnsafe(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
  if (code === 0x7f) return '^?';
  if (code === 0x2028 || code === 0x2029) return ' ';
  if (code === 0x200b || code === 0x2060 || code === 0xfeff) return '';
  if (code >= 0x2061 && code <= 0x2064) return '';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** Text that may span lines: keeps newline and tab, neutralises every other control. */
export function sanitizeText(text: string): string {
  return text.replace(UNSAFE, replaceUnsafe);
}

/** Text shown on one line or in one tab-separated field: newlines and tabs become spaces too. */
export function sanitizeLine(text: string): string {
  return sanitizeText(text).replace(/[\t\n]+/g, ' ');
}

const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * JSON for output: JSON.stringify escapes C0 controls but passes C1 (U+009B is a one-byte CSI on
 * many terminals) and bidi controls through raw; those become \uXXXX, so the data stays exact
 * and the text stays inert.
 */
export function toSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    JSON_UNSAFE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
