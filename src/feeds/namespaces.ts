// The XML namespaces feeds use, compared loosely because feeds misspell them in harmless ways.

export const NS = {
  none: '',
  xml: nsKey('http://www.w3.org/XML/1998/namespace'),
  atom: nsKey('http://www.w3.org/2005/Atom'),
  atom03: nsKey('http://purl.org/atom/ns#'),
  rdf: nsKey('http://www.w3.org/1999/02/22-rdf-syntax-ns#'),
  rss10: nsKey('http://purl.org/rss/1.0/'),
  rss090: nsKey('http://my.netscape.com/rdf/simple/0.9/'),
  content: nsKey('http://purl.org/rss/1.0/modules/content/'),
  dc: nsKey('http://purl.org/dc/elements/1.1/'),
  dcterms: nsKey('http://purl.org/dc/terms/'),
  media: nsKey('http://search.yahoo.com/mrss/'),
  xhtml: nsKey('http://www.w3.org/1999/xhtml'),
} as const;

/**
 * Prefixes feeds use without declaring them (a common slip: `dc:creator` with no xmlns:dc). An
 * undeclared prefix is read as its conventional namespace rather than dropping the element.
 */
export const CONVENTIONAL_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['xml', NS.xml],
  ['atom', NS.atom],
  ['rdf', NS.rdf],
  ['content', NS.content],
  ['dc', NS.dc],
  ['dcterms', NS.dcterms],
  ['media', NS.media],
  ['xhtml', NS.xhtml],
]);

/**
 * The form namespace URIs are compared in: case folded, without a trailing "/" or "#", and with
 * https read as http, so "http://search.yahoo.com/mrss" matches "http://search.yahoo.com/mrss/".
 */
export function nsKey(uri: string): string {
  let key = uri.trim().toLowerCase();
  if (key.startsWith('https://')) key = `http://${key.slice('https://'.length)}`;
  while (key.endsWith('/') || key.endsWith('#')) key = key.slice(0, -1);
  return key;
}
