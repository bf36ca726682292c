import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { type HtmlNode, HtmlWalker, safeAddress, textOf, tidySpans } from '../../src/article/html.js';
import type { Block, Span } from '../../src/article/model.js';

describe('safeAddress', () => {
  it.each([
    ['https://example.test/a', 'https://example.test/a'],
    ['HTTP://EXAMPLE.TEST', 'HTTP://EXAMPLE.TEST'],
    ['mailto:a@example.test', 'mailto:a@example.test'],
    ['  /relative/page  ', '/relative/page'],
    ['../up.html', '../up.html'],
    ['page.md#part', 'page.md#part'],
    ['?query=1', '?query=1'],
    ['javascript:alert(1)', undefined],
    [' JavaScript:alert(1)', undefined],
    ['data:text/html;base64,eA==', undefined],
    ['vbscript:x', undefined],
    ['ftp://example.test/file', undefined],
    ['#top', undefined],
    ['', undefined],
  ])('%j → %j', (address, kept) => {
    expect(safeAddress(address)).toBe(kept);
  });
});

describe('tidySpans', () => {
  const plain = (text: string): Span => ({ text, style: 'plain' });
  it.each<[string, Span[], Span[]]>([
    ['trims both ends', [plain('  a  ')], [plain('a')]],
    ['joins same-style neighbours', [plain('a '), plain('b')], [plain('a b')]],
    [
      'drops a space after a space',
      [plain('a '), { text: ' b', style: 'em' }],
      [plain('a '), { text: 'b', style: 'em' }],
    ],
    ['drops spaces around a line break', [plain('a '), plain('\n'), plain(' b')], [plain('a\nb')]],
    ['keeps one line break of many', [plain('a\n\n\nb')], [plain('a\nb')]],
    [
      'keeps code as written',
      [plain('a '), { text: ' x  y ', style: 'code' }],
      [plain('a '), { text: ' x  y ', style: 'code' }],
    ],
    [
      'keeps addresses apart',
      [
        { text: 'l', style: 'link' },
        { text: 'u', style: 'url' },
        { text: 'm', style: 'link' },
      ],
      [
        { text: 'l', style: 'link' },
        { text: 'u', style: 'url' },
        { text: 'm', style: 'link' },
      ],
    ],
  ])('%s', (_what, spans, tidied) => {
    expect(tidySpans(spans)).toEqual(tidied);
  });
});

function dom(html: string): HtmlNode {
  return parseHTML(html).document as unknown as HtmlNode;
}

describe('HtmlWalker', () => {
  const walker = new HtmlWalker({
    text: (text, style) => [{ text, style }],
    clean: (text) => text,
    slot: () => undefined,
  });

  it('keeps the text of elements nested deeper than it walks, as one paragraph', () => {
    const blocks = walker.blocks(dom(`${'<div>'.repeat(500)}deep words${'</div>'.repeat(500)}`).childNodes);
    expect(blocks).toEqual([{ kind: 'paragraph', spans: [{ text: 'deep words', style: 'plain' }] }]);
  });

  it('puts content between list items into the item before it', () => {
    const [list] = walker.blocks(dom('<ul><li>one</li><p>more</p><li>two</li></ul>').childNodes);
    expect(list).toMatchObject({
      kind: 'list',
      items: [[{ kind: 'paragraph' }, { kind: 'paragraph' }], [{ kind: 'paragraph' }]],
    });
  });

  it('shows the caption of a table before it', () => {
    const blocks = walker.blocks(dom('<table><caption>Cap</caption><tr><td>a</td></tr></table>').childNodes);
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'table']);
  });

  const cellText = (block: Block | undefined) =>
    block?.kind === 'table'
      ? block.rows.map((row) => row.map((cell) => cell.map((span) => span.text).join('')))
      : block;
  const paragraphText = (block: Block) =>
    block.kind === 'paragraph' ? block.spans.map((span) => span.text).join('') : block.kind;

  // What stands in a table outside its cells, a browser moves in front of it ("foster parenting"):
  // linkedom leaves it where it is, and it must not be lost.
  it.each<[string, string, string[], string[][]]>([
    ['text in a row between cells', '<table><tr><td>a</td> b <td>c</td></tr></table>', ['b'], [['a', 'c']]],
    [
      'a cell in a cell, closed twice',
      '<table><tr><td><td><td>a</td> b</td></td><td>c</td></tr></table>',
      ['b'],
      [['', '', 'a', 'c']],
    ],
    ['text in the table and its body', '<table>x<tbody>y<tr><td>a</td></tr></tbody></table>', ['x', 'y'], [['a']]],
    ['a paragraph in a row', '<table><tr><td>a</td><p>p q</p></tr></table>', ['p q'], [['a']]],
    ['runs in two rows, apart', '<table><tr><td>a</td>x</tr><tr><td>b</td>y</tr></table>', ['x', 'y'], [['a'], ['b']]],
    ['cells outside a row, as one row', '<table><td>a</td><td>b</td></table>', [], [['a', 'b']]],
    ['cells in a body without a row', '<table><tbody><td>a</td>x<td>b</td></tbody></table>', ['x'], [['a', 'b']]],
    ['only the whitespace between parts', '<table>\n <tr>\n <td>a</td>\n </tr>\n</table>', [], [['a']]],
  ])('keeps %s, before the table', (_what, html, before, rows) => {
    const blocks = walker.blocks(dom(html).childNodes);
    expect(blocks.slice(0, -1).map(paragraphText)).toEqual(before);
    expect(cellText(blocks[blocks.length - 1])).toEqual(rows);
  });

  it('shows a dialog only when it is open', () => {
    expect(walker.blocks(dom('<dialog>closed</dialog><dialog open>open</dialog>').childNodes)).toEqual([
      { kind: 'paragraph', spans: [{ text: 'open', style: 'plain' }] },
    ]);
  });
});

describe('textOf', () => {
  it('leaves out what is never shown, at any depth, without recursing', () => {
    const deep = `${'<span>'.repeat(20_000)}x<script>s</script><br>y`;
    expect(textOf(dom(deep))).toBe('x\ny');
  });
});
