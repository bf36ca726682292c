// Shared test helpers: fixture bytes and byte-level builders for encoding tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function fixture(name: string): Uint8Array {
  return readFileSync(join(import.meta.dirname, 'fixtures', name));
}

export function fixtureText(name: string): string {
  return readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
}

/** Concatenates ASCII strings and raw byte values into one buffer: `bytes('caf', [0xe9])`. */
export function bytes(...parts: (string | number[])[]): Uint8Array {
  const chunks = parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part)));
  return new Uint8Array(Buffer.concat(chunks));
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A minimal RSS 2.0 document around the given item markup. */
export function rss(items: string, channelExtra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Feed</title><link>https://example.com/</link>${channelExtra}
${items}
</channel></rss>`;
}
