import { describe, expect, it } from 'vitest';
import { isHidden, isTrackingPixel } from '../../src/import/clean.js';
import { parseDocument } from '../../src/import/dom.js';

function element(html: string): Element {
  return parseDocument(html).body.firstElementChild as Element;
}

describe('isHidden', () => {
  it.each([
    ['<p hidden>x</p>', true],
    ['<p aria-hidden="true">x</p>', true],
    ['<p aria-hidden="TRUE ">x</p>', true],
    ['<p style="display:none">x</p>', true],
    ['<p style="margin: 0; Display : NONE !important">x</p>', true],
    ['<p style="visibility: hidden">x</p>', true],
    ['<p aria-hidden="false">x</p>', false],
    ['<p style="display: block">x</p>', false],
    ['<p style="display: none-ish">x</p>', false],
    ['<img class="fallback-image" aria-hidden="true" alt="formula">', false],
  ])('%s → %s', (html, hidden) => {
    expect(isHidden(element(html))).toBe(hidden);
  });
});

describe('isTrackingPixel', () => {
  it.each([
    ['<img src="p.gif" width="1" height="1">', true],
    ['<img src="p.gif" width="0" height="0">', true],
    ['<img src="p.gif" style="width:1px;height:1px">', true],
    ['<img src="p.gif" width="1">', false],
    ['<img src="a.jpg" width="640" height="1">', false],
    ['<img src="a.jpg">', false],
  ])('%s → %s', (html, pixel) => {
    expect(isTrackingPixel(element(html))).toBe(pixel);
  });
});
