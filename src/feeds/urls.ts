// Resolving the links a feed writes against the bases it has (RFC 3986 through WHATWG URL).

/**
 * `ref` made absolute against the first base that is itself an absolute URL, normalised the way
 * `new URL` does (host lowercased, spaces percent-encoded). A reference no base can resolve is
 * returned trimmed, as written: a relative link is still worth more to the app than none.
 */
export function resolveUrl(ref: string | undefined, ...bases: (string | undefined)[]): string | undefined {
  const trimmed = ref?.trim();
  if (!trimmed) return undefined;
  if (URL.canParse(trimmed)) return new URL(trimmed).href;
  for (const base of bases) {
    if (base === undefined || !URL.canParse(base)) continue;
    if (URL.canParse(trimmed, base)) return new URL(trimmed, base).href;
  }
  return trimmed;
}

/** Whether a string is an absolute http(s) URL, the only kind a guid or an rdf:about can lend as a link. */
export function isWebUrl(value: string | undefined): value is string {
  if (!value || !URL.canParse(value.trim())) return false;
  const { protocol } = new URL(value.trim());
  return protocol === 'http:' || protocol === 'https:';
}
