// Shared by the property tests: article sources built from fields, and fast-check arbitraries for words and paragraphs.

import fc from 'fast-check';
import type { Article } from '../src/article/article.js';
import { loadAllFrontMatterLibraries } from '../src/article/frontmatter.js';
import { parseArticle } from '../src/article/parse.js';

/** Control characters and bidi or invisible characters that must never reach the output. */
export const UNSAFE_OUTPUT =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b]/u;

/** A string as a YAML double-quoted scalar: every character outside printable ASCII as an escape. */
export function yamlQuote(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (code >= 0x20 && code < 0x7f) out += char;
    else if (code > 0xffff) out += `\\U${code.toString(16).padStart(8, '0')}`;
    else out += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return `"${out}"`;
}

/** An article file: YAML front matter with `fields` (values already YAML scalars), then the body. */
export function articleSource(fields: Record<string, string | Record<string, string>>, body: string): string {
  const yaml = Object.entries(fields).map(([key, value]) =>
    typeof value === 'string'
      ? `${key}: ${value}`
      : `${key}:\n${Object.entries(value)
          .map(([inner, scalar]) => `  ${inner}: ${scalar}`)
          .join('\n')}`,
  );
  return `---\n${yaml.join('\n')}\n---\n\n${body}`;
}

/** Every front matter library, loaded once, so that whatever a property generates parses synchronously. */
const libraries = await loadAllFrontMatterLibraries();

export function parse(source: string): Article {
  return parseArticle(source, 'prop', 'prop.md', libraries);
}

export const simpleWord = fc.stringMatching(/^[a-z]{1,12}$/);

/** Words with no Markdown meaning, none wider than the narrowest width, so none is broken. */
export const plainWord = fc.oneof(
  { arbitrary: simpleWord, weight: 8 },
  {
    arbitrary: fc.constantFrom(
      'Putin',
      'naïve',
      'café',
      'cafe\u0301',
      'Straße',
      'Москва',
      '日本語',
      '東京の',
      'ｆｕｌｌｗｉｄｔｈ',
      '“quoted”',
      '‘single’',
      'Abe’s',
      'well-known',
      '—',
      '–',
      '…',
      'end.',
      'so,',
      '2016',
      '😀',
      '👍🏽',
      '🇯🇵',
      '☺️',
    ),
    weight: 2,
  },
);

export const plainParagraph = fc
  .array(fc.tuple(plainWord, fc.constantFrom(' ', ' ', ' ', '\n')), { minLength: 1, maxLength: 60 })
  .map((parts) =>
    parts
      .map(([text, glue]) => text + glue)
      .join('')
      .trim(),
  );
