import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../src/import/markdown.js';

const BASE = 'https://news.example/local/story.html';

function markdownOf(html: string): string {
  return htmlToMarkdown(html, { baseUrl: BASE });
}

describe('htmlToMarkdown: structure', () => {
  it('writes ATX headings, "-" bullets, numbered lists and emphasis', () => {
    const markdown = markdownOf(
      '<h2>Section</h2><p>Some <em>soft</em> and <strong>strong</strong> words.</p><ul><li>one</li><li>two</li></ul><ol start="3"><li>three</li><li>four</li></ol>',
    );
    expect(markdown).toBe('## Section\n\nSome _soft_ and **strong** words.\n\n- one\n- two\n\n3. three\n4. four');
  });

  it('indents a nested list under its item', () => {
    expect(markdownOf('<ul><li>outer<ul><li>inner</li></ul></li></ul>')).toBe('- outer\n  - inner');
  });

  it('fences code blocks, longer than any backtick run inside, with the language', () => {
    const markdown = markdownOf('<pre><code class="language-js">const fence = "```";\n</code></pre>');
    expect(markdown).toBe('````js\nconst fence = "```";\n````');
  });

  it('writes blockquotes', () => {
    expect(markdownOf('<blockquote><p>Quoted words.</p></blockquote>')).toBe('> Quoted words.');
  });
});

describe('htmlToMarkdown: tables', () => {
  it('writes a GFM table with a header row', () => {
    const markdown = markdownOf(
      '<table><thead><tr><th>Town</th><th>Bridges</th></tr></thead><tbody><tr><td>Riverton</td><td>3</td></tr><tr><td>Millbrook</td><td>1</td></tr></tbody></table>',
    );
    expect(markdown).toBe('| Town | Bridges |\n| --- | --- |\n| Riverton | 3   |\n| Millbrook | 1   |');
  });

  it('gives a table without header cells an empty header row', () => {
    const markdown = markdownOf('<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>');
    expect(markdown).toBe('|     |     |\n| --- | --- |\n| a   | b   |\n| c   | d   |');
  });

  it('keeps each cell on one line and escapes pipes in it once', () => {
    const markdown = markdownOf(
      '<table><tr><th>Name</th><th>Note</th></tr><tr><td>a|b</td><td><p>first</p><p>second<br>third</p></td></tr></table>',
    );
    expect(markdown).toBe('| Name | Note |\n| --- | --- |\n| a\\|b | first second third |');
  });

  it('unwraps layout tables (a table in a table) and single-cell tables', () => {
    const markdown = markdownOf(
      '<table><tr><td><p>Layout text.</p><table><tr><th>k</th><th>v</th></tr><tr><td>1</td><td>2</td></tr></table></td></tr></table><table><tr><td>Alone</td></tr></table>',
    );
    expect(markdown).toBe('Layout text.\n\n| k   | v   |\n| --- | --- |\n| 1   | 2   |\n\nAlone');
  });
});

describe('htmlToMarkdown: links and images', () => {
  it('resolves relative links against the page URL', () => {
    expect(markdownOf('<p><a href="../weather/today">forecast</a> and <a href="#notes">notes</a></p>')).toBe(
      '[forecast](https://news.example/weather/today) and [notes](https://news.example/local/story.html#notes)',
    );
  });

  it('keeps http(s) and mailto links, and only the text of any other', () => {
    const markdown = markdownOf(
      '<p><a href="mailto:desk@news.example">desk</a> <a href="ftp://files.example/x">files</a> <a href="javascript:alert(1)">script</a> <a href="tel:123">phone</a></p>',
    );
    expect(markdown).toBe('[desk](mailto:desk@news.example) files script phone');
  });

  it('drops relative links when there is no page URL', () => {
    expect(htmlToMarkdown('<p><a href="/x">relative</a> <a href="https://news.example/y">absolute</a></p>')).toBe(
      'relative [absolute](https://news.example/y)',
    );
  });

  it('percent-encodes parentheses and spaces in link destinations', () => {
    expect(markdownOf('<p><a href="https://news.example/a (b)">odd</a></p>')).toBe(
      '[odd](https://news.example/a%20%28b%29)',
    );
  });

  it('leaves photos out, their alt text describing the picture, and keeps emoji and symbols drawn as images', () => {
    expect(markdownOf('<p>Before <img src="a.png" alt="A *bold* heron"> and <img src="b.png"> after.</p>')).toBe(
      'Before and after.',
    );
    expect(
      markdownOf('<p>Great news <img class="emoji" src="e.png" alt="🎉"> and <img src="s.png" alt="*"> here.</p>'),
    ).toBe('Great news 🎉 and \\* here.');
  });

  it('drops links that have no text', () => {
    expect(markdownOf('<p>Text<a href="https://news.example/"><img src="logo.png"></a>.</p>')).toBe('Text.');
  });
});

describe('htmlToMarkdown: escaping', () => {
  it.each([
    ['# not a heading', '\\# not a heading'],
    ['## not a heading either', '\\## not a heading either'],
    ['> not a quote', '\\> not a quote'],
    ['1. not a list', '1\\. not a list'],
    ['2) not a list', '2\\) not a list'],
    ['- not a bullet', '\\- not a bullet'],
    ['* not a bullet', '\\* not a bullet'],
    ['+ not a bullet', '\\+ not a bullet'],
    ['| not | a table |', '\\| not \\| a table \\|'],
    ['back\\slash', 'back\\\\slash'],
    ['*stars* and _underscores_', '\\*stars\\* and \\_underscores\\_'],
    ['`code` and [link](x)', '\\`code\\` and \\[link\\](x)'],
    ['~~struck~~', '\\~\\~struck\\~\\~'],
    ['=== underline', '\\=== underline'],
    ['&lt;b&gt;tag&lt;/b&gt;', '\\<b>tag\\</b>'],
    ['&amp;amp; entity', '\\&amp; entity'],
  ])('a paragraph "%s" stays text', (html, expected) => {
    expect(markdownOf(`<p>${html}</p>`)).toBe(expected);
  });

  it('escapes a line start after a line break', () => {
    expect(markdownOf('<p>First line<br># second line</p>')).toBe('First line  \n\\# second line');
  });

  it('leaves code as written', () => {
    expect(markdownOf('<p>Run <code>a*b_c</code> now.</p>')).toBe('Run `a*b_c` now.');
  });
});

describe('htmlToMarkdown: no raw HTML', () => {
  it('writes no tag for any element', () => {
    const markdown = markdownOf(
      '<div><span>span</span> <u>u</u> <sup>2</sup> <abbr>abbr</abbr> <table><tr><td><ul><li>listed</li></ul></td><td>x</td></tr></table><iframe src="x"></iframe><video>video</video></div>',
    );
    expect(markdown).not.toMatch(/<[a-z/]/i);
  });
});

describe('htmlToMarkdown: white space', () => {
  it('treats no-break spaces as spaces, so a line start is still escaped and no line ends in space', () => {
    expect(markdownOf('<p>&nbsp;# not a heading&nbsp;</p><p>a&nbsp;b</p>')).toBe('\\# not a heading\n\na b');
  });

  it('keeps no-break spaces in code', () => {
    expect(markdownOf('<pre>a&nbsp;b</pre>')).toBe('```\na\u00a0b\n```');
  });
});

describe('htmlToMarkdown: bold header rows', () => {
  it('makes a first row of bold cells the header row', () => {
    const markdown = markdownOf(
      '<table><tr><td><b>Town</b></td><td><strong>Bridges</strong></td></tr><tr><td>Riverton</td><td>3</td></tr></table>',
    );
    expect(markdown).toBe('| Town | Bridges |\n| --- | --- |\n| Riverton | 3   |');
  });

  it('leaves a first row that is only partly bold as data', () => {
    const markdown = markdownOf(
      '<table><tr><td><b>Town</b> name</td><td>Bridges</td></tr><tr><td>Riverton</td><td>3</td></tr></table>',
    );
    expect(markdown.split('\n')[0]).toBe('|     |     |');
  });
});

describe('htmlToMarkdown: long code', () => {
  it('fences code of 100,000 backtick runs without overflowing the stack', () => {
    const code = '`a` '.repeat(100_000);
    expect(htmlToMarkdown(`<pre>${code}</pre>`).startsWith('```\n')).toBe(true);
  });
});
