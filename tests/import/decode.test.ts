import { describe, expect, it } from 'vitest';
import { checkText, declaredPageEncoding, decodePage, decodeText } from '../../src/import/decode.js';
import { measureMarkup } from '../../src/import/dom.js';
import { detectKind } from '../../src/import/sniff.js';
import { checkMarkup, MAX_PAGE_ELEMENTS, MAX_PAGE_NESTING, type SourceBytes } from '../../src/import/source.js';

/** ASCII strings and raw byte values as one buffer: `bytes('caf', [0xe9])`. */
function bytes(...parts: (string | number[])[]): Uint8Array {
  return new Uint8Array(
    Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part)))),
  );
}

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('decodePage', () => {
  const latin1Page = bytes(
    '<html><head><meta charset="iso-8859-1"></head><body><p>Caf',
    [0xe9],
    ' cr',
    [0xe8],
    'me</p>',
  );

  it('reads the page’s <meta charset>', () => {
    expect(decodePage(latin1Page, { saved: true })).toContain('Café crème');
  });

  it('reads a charset in an http-equiv Content-Type', () => {
    const page = bytes(
      '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>',
      [0x93],
      'quoted',
      [0x94],
      ' ',
      [0x80],
      '5</p>',
    );
    expect(decodePage(page, { saved: false })).toContain('“quoted” €5');
  });

  it('lets the server’s charset win over the page’s for a fetched page', () => {
    const page = bytes('<meta charset="utf-8"><p>Caf', [0xe9], '</p>');
    expect(decodePage(page, { saved: false, contentType: 'text/html; charset=ISO-8859-1' })).toContain('Café');
  });

  it('reads a saved page whose bytes are valid UTF-8 as UTF-8, whatever an old <meta charset> says', () => {
    const page = utf8('<meta charset="gb2312"><p>Northvale 港口图书馆 café</p>');
    expect(decodePage(page, { saved: true })).toContain('Northvale 港口图书馆 café');
  });

  it('decodes Shift_JIS and GBK pages that declare them', () => {
    const shiftJis = bytes('<meta charset="shift_jis"><p>', [0x93, 0xfa, 0x96, 0x7b], '</p>');
    expect(decodePage(shiftJis, { saved: true })).toContain('日本');
    const gbk = bytes('<meta charset="gbk"><p>', [0xd6, 0xd0, 0xce, 0xc4], '</p>');
    expect(decodePage(gbk, { saved: true })).toContain('中文');
  });

  it('follows a byte order mark first', () => {
    const utf16 = new Uint8Array(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>Northvale</p>', 'utf16le')]),
    );
    expect(decodePage(utf16, { saved: true })).toBe('<p>Northvale</p>');
  });

  it('reads undeclared bytes that are not UTF-8 as windows-1252', () => {
    expect(decodePage(bytes('<p>', [0x93], 'Hi', [0x94], '</p>'), { saved: true })).toBe('<p>“Hi”</p>');
  });

  it('never takes a UTF-16 declaration of ASCII bytes at its word', () => {
    expect(declaredPageEncoding(bytes('<meta charset="utf-16">'))).toBe('utf-8');
    expect(declaredPageEncoding(bytes('<meta charset="no-such-charset">'))).toBeUndefined();
  });
});

describe('decodeText', () => {
  it('reads UTF-8, else windows-1252; a fetched text by its server’s charset', () => {
    expect(decodeText(utf8('Ærøskøbing'), { saved: true })).toBe('Ærøskøbing');
    expect(decodeText(bytes('caf', [0xe9]), { saved: true })).toBe('café');
    expect(decodeText(bytes('caf', [0xe9]), { saved: false, contentType: 'text/plain; charset=iso-8859-1' })).toBe(
      'café',
    );
  });
});

describe('checkText', () => {
  it.each([
    ['an empty file', bytes(''), /is empty/],
    ['white space only', bytes('  \n\t\n'), /is empty/],
    ['a NUL byte', bytes('GIF89a', [0, 1, 0]), /binary/],
    ['mostly control bytes', bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17], 'ab'), /binary/],
  ])('refuses %s', (_name, input, message) => {
    expect(() => checkText(input)).toThrow(message);
  });

  it('accepts text, and UTF-16 with a byte order mark', () => {
    expect(() => checkText(utf8('Northvale\n'))).not.toThrow();
    expect(() =>
      checkText(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hi', 'utf16le')]))),
    ).not.toThrow();
  });
});

describe('detectKind', () => {
  const file = (text: string): SourceBytes => ({ bytes: utf8(text), saved: true });
  const fetched = (text: string, contentType?: string): SourceBytes => ({
    bytes: utf8(text),
    saved: false,
    url: 'https://news.example/x',
    ...(contentType === undefined ? {} : { contentType }),
  });

  it.each<[string, SourceBytes, string, string]>([
    ['a doctype', file('<!DOCTYPE html><html>'), 'page.txt', 'page'],
    ['an .html file', file('<div>fragment</div>'), 'page.html', 'page'],
    ['a fragment without a name', file('<article><p>text</p></article>'), '-', 'page'],
    ['an RSS root', file('<?xml version="1.0"?><rss version="2.0">'), 'feed', 'feed'],
    ['an Atom root', file('<feed xmlns="http://www.w3.org/2005/Atom">'), '-', 'feed'],
    ['a JSON Feed', file('{"version": "https://jsonfeed.org/version/1.1", "items": []}'), '-', 'feed'],
    ['a .md file, whatever it holds', file('<!doctype html>'), 'notes.md', 'markdown'],
    ['front matter', file('---\ntitle: x\n---\ntext'), '-', 'markdown'],
    ['a Markdown heading', file('# Title\n\ntext'), '-', 'markdown'],
    ['plain lines', file('Home › News\nHeadline\nPublished on 06/05/2016\n'), '-', 'scrape'],
    ['a .txt file', file('# not read as Markdown'), 'seed.txt', 'scrape'],
    ['text/html from a server', fetched('<p>x', 'text/html; charset=utf-8'), '', 'page'],
    ['an RSS media type', fetched('<?xml version="1.0"?><rss>', 'application/rss+xml'), '', 'feed'],
    ['text/plain from a server', fetched('Headline\n\nBody.', 'text/plain'), '', 'scrape'],
  ])('%s', (_name, source, name, kind) => {
    expect(detectKind(source, name)).toBe(kind);
  });
});

describe('measureMarkup', () => {
  it.each([
    ['<div><div><p>a<p>b</div></div>', 4, 2],
    ['<ul><li>a<li>b<li>c</ul>', 4, 1],
    ['<br><img src=x><hr/><span/>', 4, 0],
    ['<script>if (a<b) { "<div><div><div>" }</script><div></div>', 2, 1],
    ['<div>'.repeat(10), 10, 10],
    ['</div></div><div>', 1, 1],
  ])('%s: %i elements, %i deep', (html, elements, depth) => {
    expect(measureMarkup(html)).toEqual({ elements, depth });
  });
});

describe('checkMarkup', () => {
  it('refuses a page of more elements, or deeper nesting, than any article page', () => {
    expect(() => checkMarkup({ elements: MAX_PAGE_ELEMENTS + 1, depth: 10 })).toThrow(/elements, more than/);
    expect(() => checkMarkup({ elements: 10, depth: MAX_PAGE_NESTING + 1 })).toThrow(/nests elements more than/);
    expect(() => checkMarkup({ elements: MAX_PAGE_ELEMENTS, depth: MAX_PAGE_NESTING })).not.toThrow();
  });
});
