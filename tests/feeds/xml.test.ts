import { describe, expect, it } from 'vitest';
import { NS, nsKey } from '../../src/feeds/namespaces.js';
import { firstChild, parseXmlDocument, scanProlog, serializeChildrenAsHtml, textContent } from '../../src/feeds/xml.js';

const parse = (xml: string, url?: string) => parseXmlDocument(xml, { url, maxDepth: 200 });

describe('scanProlog', () => {
  it.each([
    ['<rss/>', { root: 'rss' }],
    ['\ufeff  <?xml version="1.0"?>\n<!-- c --><?pi x?><rdf:RDF/>', { root: 'rdf:RDF' }],
    [
      '<!DOCTYPE rss PUBLIC "-//Example//DTD//EN" "http://example.invalid/x.dtd"><rss/>',
      { root: 'rss', doctype: { internalSubset: false, declaresEntities: false } },
    ],
    [
      '<!DOCTYPE rss [<!ATTLIST rss version CDATA "2.0">]><rss/>',
      { root: 'rss', doctype: { internalSubset: true, declaresEntities: false } },
    ],
    [
      '<!DOCTYPE rss [<!-- <!ENTITY x "y"> --><!ATTLIST rss a CDATA "<!ENTITY">]><rss/>',
      { root: 'rss', doctype: { internalSubset: true, declaresEntities: false } },
    ],
    [
      '<!DOCTYPE rss [<!ENTITY x "y">]><rss/>',
      { root: 'rss', doctype: { internalSubset: true, declaresEntities: true } },
    ],
    ['<!doctype html><html>', { root: 'html', doctype: { internalSubset: false, declaresEntities: false } }],
    ['hello <rss/>', {}],
    ['', {}],
  ])('%j', (text, expected) => {
    expect(scanProlog(text)).toEqual(expected);
  });
});

describe('parseXmlDocument', () => {
  it('resolves namespaces, default and prefixed, and keeps qualified attribute names', () => {
    const root = parse(
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item rdf:about="u"/></rdf:RDF>',
    );
    expect(root).toMatchObject({ local: 'RDF', ns: NS.rdf });
    const item = firstChild(root, NS.rss10, 'item');
    expect(item?.attrs.get('rdf:about')).toBe('u');
  });

  it('reads an undeclared conventional prefix as its usual namespace, and an unknown one as none', () => {
    const root = parse('<rss><dc:creator>A</dc:creator><foo:bar>B</foo:bar></rss>');
    expect(textContent(firstChild(root, NS.dc, 'creator') ?? root)).toBe('A');
    expect(textContent(firstChild(root, NS.none, 'bar') ?? root)).toBe('B');
  });

  it('decodes references in text and attributes, but not in CDATA', () => {
    const root = parse('<a t="x&amp;y&quot;&eacute;">&lt;b&gt; &#233;&#xE9;&eacute;&nbsp;<![CDATA[&amp;]]></a>');
    expect(root.attrs.get('t')).toBe('x&y"é');
    expect(textContent(root)).toBe('<b> ééé\u00a0&amp;');
  });

  it('keeps whitespace in mixed content', () => {
    expect(textContent(parse('<a> x <b>y</b> z </a>'))).toBe(' x y z ');
  });

  it('resolves xml:base against the enclosing one and the document URL', () => {
    const root = parse('<a xml:base="/dir/"><b xml:base="sub/"><c/></b><d/></a>', 'https://example.com/feed');
    const b = firstChild(root, NS.none, 'b');
    expect(root.xmlBase).toBe('https://example.com/dir/');
    expect(b?.xmlBase).toBe('https://example.com/dir/sub/');
    expect(b && firstChild(b, NS.none, 'c')?.xmlBase).toBe('https://example.com/dir/sub/');
    expect(firstChild(root, NS.none, 'd')?.xmlBase).toBe('https://example.com/dir/');
  });

  it('has no xml:base without the attribute, even when the document URL is known', () => {
    expect(parse('<a/>', 'https://example.com/feed').xmlBase).toBeUndefined();
  });
});

describe('serializeChildrenAsHtml', () => {
  it('drops prefixes and namespace declarations, escapes text and attributes, writes void elements bare', () => {
    const root = parse(
      '<c><x:div xmlns:x="http://www.w3.org/1999/xhtml" xml:lang="en"><x:p class="a&quot;b">1 &lt; 2 &amp; 3</x:p><x:br/><x:span/></x:div></c>',
    );
    expect(serializeChildrenAsHtml(root)).toBe(
      '<div lang="en"><p class="a&quot;b">1 &lt; 2 &amp; 3</p><br><span></span></div>',
    );
  });
});

describe('nsKey', () => {
  it.each([
    ['http://search.yahoo.com/mrss/', 'http://search.yahoo.com/mrss'],
    ['http://search.yahoo.com/mrss', 'http://search.yahoo.com/mrss'],
    ['https://purl.org/dc/elements/1.1/', 'http://purl.org/dc/elements/1.1'],
    ['http://purl.org/atom/ns#', 'http://purl.org/atom/ns'],
    ['http://www.w3.org/2005/Atom', 'http://www.w3.org/2005/atom'],
  ])('%s → %s', (uri, key) => {
    expect(nsKey(uri)).toBe(key);
  });
});
