import { describe, expect, it } from 'vitest';
import {
  charsetFromContentType,
  declaredXmlEncoding,
  decodeFeedBytes,
  resolveEncodingLabel,
} from '../../src/feeds/decode.js';
import { bytes, utf8 } from './helpers.js';

const decl = (encoding: string): string => `<?xml version="1.0" encoding="${encoding}"?>`;

describe('decodeFeedBytes', () => {
  it('uses a UTF-8 byte order mark and drops it', () => {
    const result = decodeFeedBytes(
      bytes([0xef, 0xbb, 0xbf], '<rss>caf', [0xc3, 0xa9], '</rss>'),
      'text/xml; charset=iso-8859-1',
    );
    expect(result).toMatchObject({ text: '<rss>café</rss>', encoding: 'utf-8', source: 'bom' });
  });

  it.each([
    ['utf-16le', [0xff, 0xfe], (s: string) => Buffer.from(s, 'utf16le')],
    ['utf-16be', [0xfe, 0xff], (s: string) => Buffer.from(s, 'utf16le').swap16()],
  ])('uses a %s byte order mark over every declaration', (encoding, bom, encode) => {
    const doc = `${decl('ISO-8859-1')}<rss>Грибы ✓</rss>`;
    const result = decodeFeedBytes(bytes(bom, [...encode(doc)]), 'text/xml; charset=windows-1252');
    expect(result).toMatchObject({ text: doc, encoding, source: 'bom' });
  });

  it('recognises UTF-16 without a byte order mark from its first characters', () => {
    const doc = '<?xml version="1.0"?><rss>ok ✓</rss>';
    expect(decodeFeedBytes(new Uint8Array(Buffer.from(doc, 'utf16le')))).toMatchObject({
      text: doc,
      encoding: 'utf-16le',
      source: 'sniffed',
    });
  });

  it('takes the charset of the Content-Type before the XML declaration', () => {
    const result = decodeFeedBytes(
      bytes(decl('windows-1251'), '<t>', [0xe9], '</t>'),
      'application/rss+xml; charset="ISO-8859-1"',
    );
    expect(result).toMatchObject({ text: `${decl('windows-1251')}<t>é</t>`, encoding: 'windows-1252', source: 'http' });
  });

  it('takes the XML declaration when the server names no charset', () => {
    const result = decodeFeedBytes(bytes(decl('windows-1251'), '<t>', [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2], '</t>'));
    expect(result).toMatchObject({ encoding: 'windows-1251', source: 'xml-declaration' });
    expect(result.text).toContain('<t>Привет</t>');
  });

  it('keeps a declared ISO-8859-1 even when the bytes are valid UTF-8: for XML the declaration is normative', () => {
    const result = decodeFeedBytes(bytes(decl('ISO-8859-1'), '<t>caf', [0xc3, 0xa9], '</t>'));
    expect(result).toMatchObject({ encoding: 'windows-1252', source: 'xml-declaration' });
    expect(result.text).toContain('<t>cafÃ©</t>');
  });

  it('reads ISO-8859-1 as windows-1252, as browsers do, so C1 bytes become curly quotes', () => {
    const result = decodeFeedBytes(bytes(decl('iso-8859-1'), '<t>', [0x93], 'Hi', [0x94, 0x20, 0x80], '</t>'));
    expect(result.text).toContain('<t>“Hi” €</t>');
  });

  it.each([
    [0x80, '€'],
    [0x81, '\u0081'],
    [0x92, '’'],
    [0x96, '–'],
    [0x9f, 'Ÿ'],
    [0xa0, '\u00a0'],
    [0xff, 'ÿ'],
  ])('maps windows-1252 byte 0x%s by the WHATWG index, whatever the Node version', (byte, expected) => {
    expect(decodeFeedBytes(new Uint8Array([0x3c, byte]), 'text/xml; charset=windows-1252').text).toBe(`<${expected}`);
  });

  it('sides with the document when the server says Latin-1 but the document says UTF-8 and the bytes agree', () => {
    const result = decodeFeedBytes(
      bytes(decl('UTF-8'), '<t>caf', [0xc3, 0xa9], '</t>'),
      'text/xml; charset=ISO-8859-1',
    );
    expect(result).toMatchObject({ encoding: 'utf-8', source: 'xml-declaration' });
    expect(result.text).toContain('<t>café</t>');
    expect(result.notes[0]).toMatch(/server says windows-1252/);
  });

  it('sides with the document when the server says UTF-8 but the bytes are not UTF-8', () => {
    const result = decodeFeedBytes(bytes(decl('windows-1252'), '<t>caf', [0xe9], '</t>'), 'text/xml; charset=utf-8');
    expect(result).toMatchObject({ encoding: 'windows-1252', source: 'xml-declaration' });
    expect(result.text).toContain('<t>café</t>');
  });

  it('keeps the server charset when both name single-byte encodings', () => {
    const result = decodeFeedBytes(bytes(decl('windows-1251'), '<t>', [0xe9], '</t>'), 'text/xml; charset=iso-8859-15');
    expect(result).toMatchObject({ encoding: 'iso-8859-15', source: 'http' });
  });

  it('defaults to UTF-8', () => {
    expect(decodeFeedBytes(utf8('<rss>ü</rss>'))).toMatchObject({
      text: '<rss>ü</rss>',
      encoding: 'utf-8',
      source: 'default',
    });
  });

  it('falls back to windows-1252 for undeclared bytes that are not UTF-8', () => {
    const result = decodeFeedBytes(bytes('<rss>caf', [0xe9], '</rss>'));
    expect(result).toMatchObject({ text: '<rss>café</rss>', encoding: 'windows-1252', source: 'fallback' });
    expect(result.notes).toHaveLength(1);
  });

  it('ignores an unknown label, with a note', () => {
    const result = decodeFeedBytes(utf8(`${decl('x-klingon')}<rss>ü</rss>`));
    expect(result).toMatchObject({ encoding: 'utf-8', source: 'default' });
    expect(result.notes).toEqual(['the XML declaration names an unknown encoding "x-klingon": ignored']);
  });

  it('ignores a UTF-16 label on bytes that are not UTF-16', () => {
    const result = decodeFeedBytes(utf8(`${decl('UTF-16')}<rss>ü</rss>`));
    expect(result).toMatchObject({ encoding: 'utf-8', source: 'default' });
    expect(result.notes[0]).toMatch(/not UTF-16/);
  });

  it.each([
    ['Shift_JIS', [0x93, 0xfa, 0x96, 0x7b], '日本'],
    ['GB2312', [0xd6, 0xd0, 0xce, 0xc4], '中文'],
    ['KOI8-R', [0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4], 'Привет'],
    ['windows-1250', [0x8a, 0x9e], 'Šž'],
    ['ISO-8859-7', [0xe1, 0xe2], 'αβ'],
  ])('decodes %s', (label, raw, expected) => {
    expect(decodeFeedBytes(bytes(decl(label), '<t>', raw, '</t>')).text).toContain(`<t>${expected}</t>`);
  });
});

describe('charsetFromContentType', () => {
  it.each([
    [undefined, undefined],
    ['application/rss+xml', undefined],
    ['text/xml; charset=ISO-8859-1', 'ISO-8859-1'],
    ['text/xml;Charset="utf-8"', 'utf-8'],
    ['text/xml; q=1; charset = windows-1251 ', 'windows-1251'],
    ['text/xml; charset=', undefined],
  ])('%s → %s', (header, expected) => {
    expect(charsetFromContentType(header)).toBe(expected);
  });
});

describe('declaredXmlEncoding', () => {
  it.each([
    [`${decl('ISO-8859-1')}<rss/>`, 'ISO-8859-1'],
    ["\n  <?xml version='1.0' encoding = 'koi8-r' ?><rss/>", 'koi8-r'],
    ['<?xml version="1.0"?><rss/>', undefined],
    ['<rss encoding="utf-8"/>', undefined],
  ])('%s → %s', (doc, expected) => {
    expect(declaredXmlEncoding(utf8(doc))).toBe(expected);
  });
});

describe('resolveEncodingLabel', () => {
  it.each([
    ['UTF-8', 'utf-8'],
    ['latin1', 'windows-1252'],
    ['Latin-1', 'windows-1252'],
    ['ISO8859_1', 'windows-1252'],
    ['win-1251', 'windows-1251'],
    ['cp1250', 'windows-1250'],
    ['gb2312', 'gbk'],
    ['no-such-encoding', undefined],
  ])('%s → %s', (label, expected) => {
    expect(resolveEncodingLabel(label)).toBe(expected);
  });
});
