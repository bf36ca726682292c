import { describe, expect, it } from 'vitest';
import { htmlToText, looksLikeHtml, textToHtml } from '../../src/feeds/text.js';

describe('looksLikeHtml', () => {
  it.each([
    ['plain words', false],
    ['3 < 4 and 5 > 2', false],
    ['Q & A', false],
    ['AT&T; rates', true],
    ['<b>bold</b>', true],
    ['a </i>', true],
    ['it&#8217;s', true],
    ['caf&eacute;', true],
    ['<!-- c -->', true],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeHtml(text)).toBe(expected);
  });
});

describe('htmlToText', () => {
  it.each([
    ['<b>First</b> post', 'First post'],
    ['One<br>two<p>three</p>', 'One two three'],
    ['<a href="x>y">link</a>', 'link'],
    ['a <!-- hidden --> b', 'a b'],
    ['3 < 4 &amp; 5', '3 < 4 & 5'],
    ['unclosed <tag and more', 'unclosed <tag and more'],
    ['caf&eacute;&nbsp;&#8212; &copy', 'café — ©'],
    ['  lots \n of\t space  ', 'lots of space'],
  ])('%j → %j', (html, expected) => {
    expect(htmlToText(html)).toBe(expected);
  });
});

describe('textToHtml', () => {
  it.each([
    ['One line', '<p>One line</p>'],
    ['a < b & c', '<p>a &lt; b &amp; c</p>'],
    ['Line one\nline two', '<p>Line one<br>line two</p>'],
    ['Para one\n\n\nPara two\r\n\r\nPara three', '<p>Para one</p>\n<p>Para two</p>\n<p>Para three</p>'],
    ['  \n ', ''],
  ])('%j → %j', (text, expected) => {
    expect(textToHtml(text)).toBe(expected);
  });
});
