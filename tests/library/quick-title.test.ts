import { describe, expect, it } from 'vitest';
import { quickTitle } from '../../src/library/quick-title.js';

describe('quickTitle', () => {
  it.each([
    ['YAML', '---\ntitle: "Synthetic YAML title"\ndate: 2001-01-01\n---\n\n# Heading\n', 'Synthetic YAML title'],
    ['YAML, unquoted', '---\ntitle: Plain title\n---\n', 'Plain title'],
    [
      'TOML',
      '+++\ntitle = "Synthetic TOML title"\n[taxonomies]\ntags = ["x"]\n+++\n\n# Heading\n',
      'Synthetic TOML title',
    ],
    ['after a BOM and blank lines', '\ufeff\n\n---\ntitle: Late title\n---\n', 'Late title'],
    ['a heading when the front matter has none', '---\ndate: 2001-01-01\n---\n\n# The heading\n', 'The heading'],
    ['a heading without front matter', 'Intro.\n\n# The heading\n', 'The heading'],
    ['nothing', 'No title here.\n', undefined],
  ])('reads %s', (_what, text, title) => {
    expect(quickTitle(text)).toBe(title);
  });
});
