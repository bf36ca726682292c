import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/import/dom.js';
import { renderText } from '../../src/import/text.js';

function textOf(html: string): string {
  return renderText(parseDocument(html).body);
}

describe('renderText', () => {
  it('puts each block on its own line and keeps inline runs together', () => {
    expect(textOf('<p>One <b>bold</b> line.</p><p>Two.</p><ul><li>three</li><li>four</li></ul><h2>Five</h2>')).toBe(
      'One bold line.\nTwo.\nthree\nfour\nFive',
    );
  });

  it('never glues the last word of a block to the first of the next', () => {
    expect(textOf('<div><p>end.</p><p>Start</p></div>')).toBe('end.\nStart');
  });

  it('breaks lines at <br> and collapses white space', () => {
    expect(textOf('<p>a\n   b<br>c\t\td</p>')).toBe('a b\nc d');
  });

  it('keeps preformatted text as written', () => {
    expect(textOf('<pre>  indented\n    more</pre><p>after</p>')).toBe('  indented\n    more\nafter');
  });

  it('writes table cells on lines of their own', () => {
    expect(textOf('<table><tr><td>a</td><td>b</td></tr></table>')).toBe('a\nb');
  });
});
