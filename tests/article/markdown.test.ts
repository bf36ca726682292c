import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isHostileMarkdown,
  loadBodyLibraries,
  parseBody,
  parseBodyWith,
  trimEndBlanks,
} from '../../src/article/markdown.js';
import { type Block, blocksToParagraphs, numberLinks, type Span } from '../../src/article/model.js';

const plain = (text: string): Span => ({ text, style: 'plain' });
const paragraph = (...spans: Span[]): Block => ({ kind: 'paragraph', spans });

describe('parseBody: HTML inside Markdown', () => {
  it.each<[string, string, Block[]]>([
    [
      'a paragraph',
      '<p>One <b>bold</b> word.</p>',
      [paragraph(plain('One '), { text: 'bold', style: 'strong' }, plain(' word.'))],
    ],
    ['two paragraphs', '<p>one</p><p>two</p>', [paragraph(plain('one')), paragraph(plain('two'))]],
    [
      'a link, its address kept',
      '<p><a href="https://example.test/a">label</a></p>',
      [paragraph({ text: 'label', style: 'link' }, { text: 'https://example.test/a', style: 'url' })],
    ],
    [
      'a relative link',
      '<p><a href="../b.html">b</a></p>',
      [paragraph({ text: 'b', style: 'link' }, { text: '../b.html', style: 'url' })],
    ],
    [
      'a mail link',
      '<p><a href="mailto:x@example.test">mail</a></p>',
      [paragraph({ text: 'mail', style: 'link' }, { text: 'mailto:x@example.test', style: 'url' })],
    ],
    [
      'a script link: text only',
      '<p><a href="javascript:alert(1)">run</a></p>',
      [paragraph({ text: 'run', style: 'link' })],
    ],
    [
      'a data link: text only',
      '<p><a href="data:text/html,x">data</a></p>',
      [paragraph({ text: 'data', style: 'link' })],
    ],
    [
      'a link to a place in the page: text only',
      '<p><a href="#top">top</a></p>',
      [paragraph({ text: 'top', style: 'link' })],
    ],
    [
      'an image, its alt text and address',
      '<p><img src="/pic.png" alt="A hat"></p>',
      [paragraph({ text: '[image: A hat]', style: 'em' }, { text: '/pic.png', style: 'url' })],
    ],
    [
      'an image without alt text',
      '<img src="x.png">',
      [paragraph({ text: '[image]', style: 'em' }, { text: 'x.png', style: 'url' })],
    ],
    [
      'span styles',
      '<p><strong>s</strong> <i>i</i> <code>c  d</code> <s>gone</s></p>',
      [
        paragraph(
          { text: 's', style: 'strong' },
          plain(' '),
          { text: 'i', style: 'em' },
          plain(' '),
          { text: 'c  d', style: 'code' },
          plain(' '),
          { text: 'gone', style: 'del' },
        ),
      ],
    ],
    [
      'headings',
      '<h2>Second <em>level</em></h2><h5>Fifth</h5>',
      [
        { kind: 'heading', depth: 2, spans: [plain('Second '), { text: 'level', style: 'em' }] },
        { kind: 'heading', depth: 5, spans: [plain('Fifth')] },
      ],
    ],
    [
      'a list',
      '<ul>\n<li>one</li>\n<li>two</li>\n</ul>',
      [
        {
          kind: 'list',
          ordered: false,
          loose: false,
          start: 1,
          items: [[paragraph(plain('one'))], [paragraph(plain('two'))]],
        },
      ],
    ],
    [
      'an ordered list with a start',
      '<ol start="4"><li>four</li></ol>',
      [{ kind: 'list', ordered: true, loose: false, start: 4, items: [[paragraph(plain('four'))]] }],
    ],
    ['a line break', '<p>one<br>two</p>', [paragraph(plain('one\ntwo'))]],
    ['a rule', '<hr>', [{ kind: 'rule' }]],
    ['a blockquote', '<blockquote><p>said</p></blockquote>', [{ kind: 'quote', blocks: [paragraph(plain('said'))] }]],
    [
      'preformatted code',
      '<pre><code>a &lt; b\n  indented\n</code></pre>',
      [{ kind: 'code', text: 'a < b\n  indented' }],
    ],
    [
      'a table with a header',
      '<table><thead><tr><th>Name</th><th>N</th></tr></thead><tbody><tr><td>a</td><td>1</td></tr></tbody></table>',
      [
        {
          kind: 'table',
          rows: [
            [[plain('Name')], [plain('N')]],
            [[plain('a')], [plain('1')]],
          ],
        },
      ],
    ],
    [
      'a figure and its caption',
      '<figure><img src="f.png" alt="Figure alt"><figcaption>Caption words</figcaption></figure>',
      [
        paragraph({ text: '[image: Figure alt]', style: 'em' }, { text: 'f.png', style: 'url' }),
        paragraph(plain('Caption words')),
      ],
    ],
    [
      'details and their summary',
      '<details><summary>Sum</summary><p>Inside</p></details>',
      [paragraph({ text: 'Sum', style: 'strong' }), paragraph(plain('Inside'))],
    ],
    ['divs and sections as containers', '<div><section><p>deep</p></section></div>', [paragraph(plain('deep'))]],
    [
      'scripts, styles, comments, frames, objects, forms',
      '<p>a<script>S</script><style>p{}</style><!-- C --><iframe>I</iframe><object>O</object><embed src="e">b</p><form><input value="V"><button>B</button></form>',
      [paragraph(plain('ab'))],
    ],
    [
      'hidden elements',
      '<p>shown<span hidden>H</span><span style="display: none">D</span><span aria-hidden="true">A</span></p>',
      [paragraph(plain('shown'))],
    ],
    ['an HTML comment alone', '<!-- nothing to see -->', []],
    ['attribute values, never', '<p title="TITLE" class="CLASS" data-x="DATA">text</p>', [paragraph(plain('text'))]],
  ])('%s', async (_what, markdown, blocks) => {
    expect(await parseBody(markdown)).toEqual(blocks);
  });

  it.each<[string, string, Block[]]>([
    [
      'an inline link around Markdown text',
      'See <a href="https://example.test/x">the *page*</a> now.',
      [
        paragraph(
          plain('See '),
          { text: 'the page', style: 'link' },
          { text: 'https://example.test/x', style: 'url' },
          plain(' now.'),
        ),
      ],
    ],
    [
      'inline bold HTML in a Markdown paragraph',
      'A <b>bold</b> and `code` word.',
      [
        paragraph(
          plain('A '),
          { text: 'bold', style: 'strong' },
          plain(' and '),
          { text: 'code', style: 'code' },
          plain(' word.'),
        ),
      ],
    ],
    ['a line break tag alone needs no HTML parser', 'one<br>two', [paragraph(plain('one'), plain('\n'), plain('two'))]],
    ['an inline comment, dropped', 'one <!-- c --> two', [paragraph(plain('one '), plain(' two'))]],
    [
      'Markdown inside a div opened and closed by HTML blocks',
      '<div class="box">\n\n*md* text\n\n</div>',
      [paragraph({ text: 'md', style: 'em' }, plain(' text'))],
    ],
    [
      'Markdown quoted by an HTML blockquote opened and closed by HTML blocks',
      '<blockquote>\n\nQuoted **words**.\n\n</blockquote>\n\nAfter.',
      [
        { kind: 'quote', blocks: [paragraph(plain('Quoted '), { text: 'words', style: 'strong' }, plain('.'))] },
        paragraph(plain('After.')),
      ],
    ],
    [
      'a Markdown table cell with HTML in it',
      '| a |\n|---|\n| <b>x</b><br>y |',
      [{ kind: 'table', rows: [[[plain('a')]], [[{ text: 'x', style: 'strong' }, plain('\ny')]]] }],
    ],
  ])('%s', async (_what, markdown, blocks) => {
    expect(await parseBody(markdown)).toEqual(blocks);
  });
});

describe('parseBody: GitHub-flavoured Markdown', () => {
  it('numbers footnote references in order of first use and lists the notes last', async () => {
    const blocks = await parseBody('One[^b] two[^a] again[^b].\n\n[^a]: Note A.\n[^b]: Note B.\n\nAfter.');
    expect(blocks).toEqual([
      paragraph(
        plain('One'),
        { text: '1', style: 'note' },
        plain(' two'),
        { text: '2', style: 'note' },
        plain(' again'),
        { text: '1', style: 'note' },
        plain('.'),
      ),
      paragraph(plain('After.')),
      { kind: 'notes', notes: [[paragraph(plain('Note B.'))], [paragraph(plain('Note A.'))]] },
    ]);
  });

  it('keeps a footnote nobody refers to, after the others', async () => {
    const blocks = await parseBody('Text[^1].\n\n[^1]: Used.\n[^2]: Unused.');
    expect(blocks.at(-1)).toEqual({
      kind: 'notes',
      notes: [[paragraph(plain('Used.'))], [paragraph(plain('Unused.'))]],
    });
  });

  it('leaves a reference to a note that does not exist as written', async () => {
    expect(await parseBody('Text[^none].')).toEqual([paragraph(plain('Text[^none].'))]);
  });

  it('marks task list items checked or not, and plain items in the same list neither', async () => {
    const [list] = await parseBody('- [x] done\n- [ ] to do\n- plain');
    expect(list).toMatchObject({ kind: 'list', tasks: [true, false, null] });
    expect(blocksToParagraphs([list as Block]).map((each) => each.text)).toEqual(['done', 'to do', 'plain']);
  });

  it('gives a list without tasks no task marks', async () => {
    expect(await parseBody('- a\n- b')).toEqual([
      {
        kind: 'list',
        ordered: false,
        loose: false,
        start: 1,
        items: [[paragraph(plain('a'))], [paragraph(plain('b'))]],
      },
    ]);
  });

  // CommonMark: a line of three or more of one of * - _, spaces between, is a thematic break
  // before it is a list item, so `* ***` is a rule and the item's indented lines after it are code.
  it.each<[string, string, string[]]>([
    ['`* ` before `***` is one rule', '* ***', ['rule']],
    ['`* * ***` is one rule', '* * ***', ['rule']],
    ['`- ` before `***` is a list holding a rule', '- ***', ['list']],
    ['`+ ` before `***` is a list holding a rule', '+ ***', ['list']],
    ['indented lines after `* * ***` are code', '* * ***\n\n    # heading\n  * a', ['rule', 'code', 'list']],
  ])('%s', async (_what, markdown, kinds) => {
    expect((await parseBody(markdown)).map((block) => block.kind)).toEqual(kinds);
  });

  it('keeps strikethrough as deleted text', async () => {
    expect(await parseBody('~~old~~ new')).toEqual([paragraph({ text: 'old', style: 'del' }, plain(' new'))]);
  });
});

describe('parseBody: character references', () => {
  it.each([
    ['named', 'a &mdash; b &hellip; &frac12; &ldquo;q&rdquo;', 'a — b … ½ “q”'],
    ['numeric', '&#8217; &#x2019; &#169;', '’ ’ ©'],
    ['escaped once, decoded once', '&amp;lt; &#38;lt; &amp;amp;', '&lt; &lt; &amp;'],
    ['without a semicolon, left as written', 'AT&T &copy 2020', 'AT&T &copy 2020'],
    ['unknown, left as written', '&notanentity; &space;', '&notanentity; &space;'],
    ['a no-break space', 'a&nbsp;b', 'a\u00a0b'],
  ])('%s', async (_what, markdown, text) => {
    expect(blocksToParagraphs(await parseBody(markdown))[0]?.text).toBe(text);
  });

  it.each([
    ['in inline code', '`&amp; &mdash;`', '&amp; &mdash;'],
    ['in a code block', '```\n&amp; &mdash;\n```', '&amp; &mdash;'],
  ])('are shown as written %s', async (_what, markdown, text) => {
    expect(blocksToParagraphs(await parseBody(markdown))[0]?.text).toBe(text);
  });

  it('decode in link addresses and image alt text', async () => {
    const [block] = await parseBody('[a](https://example.test/?a=1&amp;b=2) ![A &amp; B](p.png)');
    expect(block).toEqual(
      paragraph(
        { text: 'a', style: 'link' },
        { text: 'https://example.test/?a=1&b=2', style: 'url' },
        plain(' '),
        { text: '[image: A & B]', style: 'em' },
        { text: 'p.png', style: 'url' },
      ),
    );
  });

  it('decode in HTML too, once', async () => {
    expect(blocksToParagraphs(await parseBody('<p>&mdash; &amp;lt;</p>'))[0]?.text).toBe('— &lt;');
  });
});

describe('parseBody: shortcodes and Liquid tags', () => {
  it.each([
    [
      'an unpaired shortcode, parameters and all',
      'Before {{< tweet user="PARAM" id="123" >}} after.',
      'Before  after.',
    ],
    ['a paired shortcode: its inner text', '{{< mark colour="PARAM" >}}marked words{{< /mark >}}', 'marked words'],
    [
      'a paired % shortcode: its inner text as Markdown',
      '{{% aside kind="PARAM" %}}**bold** words{{% /aside %}}',
      'bold words',
    ],
    ['a Liquid tag', 'A {% include box.html size="PARAM" %} b.', 'A  b.'],
    ['a Liquid block: its inner text', '{% if page.x %}shown{% endif %}', 'shown'],
    ['an image-like shortcode: its alt', '{{< figure src="f.png" alt="The alt" caption="Cap" >}}', '[image: The alt]'],
    [
      'an image-like shortcode: else its caption',
      '{{< figure src="f.png" caption="The caption" >}}',
      '[image: The caption]',
    ],
    ['an image-like shortcode: else its title', '{{< gallery-item title="The title" >}}', '[image: The title]'],
    ['a shortcode named as an image, without text', '{{< img-right src="f.png" >}}', '[image]'],
    ['an escaped shortcode, as Hugo shows it', 'Write {{</* name x */>}} for it.', 'Write {{< name x >}} for it.'],
    ['an emoji code, as written', 'Yes :tada: yes', 'Yes :tada: yes'],
    ['a template expression, as written (not a tag)', 'Site {{ site.title }}', 'Site {{ site.title }}'],
    ['in inline code, as written', 'Use `{{< name >}}` here.', 'Use {{< name >}} here.'],
  ])('%s', async (_what, markdown, text) => {
    expect(blocksToParagraphs(await parseBody(markdown)).map((each) => each.text)).toEqual([text]);
  });

  it('shows a shortcode in a code block as written', async () => {
    const source = '```\n{{< name param="x" >}}\n{% tag %}\n```';
    expect(await parseBody(source)).toEqual([{ kind: 'code', text: '{{< name param="x" >}}\n{% tag %}' }]);
  });

  it('drops a paragraph that was only a shortcode showing nothing', async () => {
    expect(await parseBody('{{< youtube PARAM >}}\n\nText.')).toEqual([paragraph(plain('Text.'))]);
  });

  it('makes a paired highlight tag a code block, its code as written', async () => {
    expect(await parseBody('{{< highlight go >}}\nx := "{{< y >}}"\n{{< /highlight >}}')).toEqual([
      { kind: 'code', text: 'x := "{{< y >}}"' },
    ]);
    expect(await parseBody('{% highlight ruby %}\nputs 1\n{% endhighlight %}')).toEqual([
      { kind: 'code', text: 'puts 1' },
    ]);
  });

  it.each([
    ['a Markdown link', 'See [the post]({{< ref "other-post.md" >}}).', 'other-post.md'],
    ['a Markdown link with a title', '[post]({{< relref "/about" >}} "Title")', '/about'],
    ['a Markdown link to a section', '[post]({{< ref "p.md" >}}#part)', 'p.md#part'],
    ['a Liquid link', '[post]({% post_url 2020-01-02-name %})', '2020-01-02-name'],
    ['a Liquid variable before a tag', '[about]({{ site.baseurl }}{% link about.md %})', 'about.md'],
    ['a Liquid variable before a path', '[about]({{ site.baseurl }}/about/ "About")', '/about/'],
    ['a Liquid filter on a string', '![A bridge]({{ "/assets/bridge.jpg" | relative_url }})', '/assets/bridge.jpg'],
    ['an HTML link in Markdown', 'See <a href="{{< ref "page.md" >}}" target="_blank">it</a>.', 'page.md'],
    ['an HTML link in an HTML block', '<p>See <a href="{{< ref "page.md" >}}">it</a>.</p>', 'page.md'],
  ])('gives a link whose address is a tag the page it names: %s', async (_what, markdown, address) => {
    const { links } = numberLinks(await parseBody(markdown));
    expect(links).toEqual([address]);
  });

  it('resolves shortcodes in the text of HTML blocks', async () => {
    const blocks = await parseBody(
      '<p>\n  {{< legacy-img src="x.jpg" alt="Pictured" >}}\n  Words {{< box >}}here{{< /box >}}.</p>',
    );
    expect(blocksToParagraphs(blocks).map((each) => each.text)).toEqual(['[image: Pictured] Words here.']);
  });
});

describe('parseBody: what quotations and search can tell apart', () => {
  it('keeps inline code a code span and code blocks code blocks, HTML or Markdown', async () => {
    const blocks = await parseBody('A `said “x”` b <code>c</code>.\n\n```\n“not prose”\n```\n\n<pre>“nor this”</pre>');
    expect(blocks[0]).toEqual(
      paragraph(
        plain('A '),
        { text: 'said “x”', style: 'code' },
        plain(' b '),
        { text: 'c', style: 'code' },
        plain('.'),
      ),
    );
    expect(blocksToParagraphs(blocks).slice(1)).toEqual([
      { text: '“not prose”', heading: false, code: true },
      { text: '“nor this”', heading: false, code: true },
    ]);
  });

  it('leaves footnote markers out of the text search and quotations see', async () => {
    const paragraphs = blocksToParagraphs(await parseBody('“We agree,”[^1] she said.\n\n[^1]: Source.'));
    expect(paragraphs.map((each) => each.text)).toEqual(['“We agree,” she said.', 'Source.']);
  });
});

describe('parseBody, hostile input', () => {
  it.each([
    ['a table row of dashes is not nesting', `| a |\n|${'-'.repeat(300)}|\n| b |`, false],
    ['a long rule is not nesting', '-'.repeat(300), false],
    ['nested list markers are', `${'- '.repeat(200)}x`, true],
  ])('isHostileMarkdown: %s', (_what, markdown, hostile) => {
    expect(isHostileMarkdown(markdown)).toBe(hostile);
  });

  it.each([
    ['unclosed shortcodes', '{{< '.repeat(100_000)],
    ['unclosed Liquid tags', '{% '.repeat(100_000)],
    ['links to unclosed shortcodes', '[a]({{< '.repeat(50_000)],
    ['HTML attributes opening shortcodes', '<a href="{{< '.repeat(50_000)],
    ['unclosed highlight tags', '{{< highlight go >}}\n'.repeat(20_000)],
    ['nested blockquote tags', '<blockquote>\n\n'.repeat(20_000)],
    ['deeply nested HTML with spaces', '<div> '.repeat(50_000)],
  ])('reads %s in linear time, keeping the text', async (_what, body) => {
    const started = performance.now();
    const blocks = await parseBody(`${body} tail`);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(JSON.stringify(blocks)).toContain('tail');
  });
});

describe('parseBodyWith', () => {
  it('gives what parseBody gives, with every library loaded beforehand', async () => {
    const libraries = await loadBodyLibraries();
    const body = 'A <b>b</b> &mdash; c[^1] {{< figure alt="x" >}}\n\n[^1]: Note.';
    expect(parseBodyWith(body, libraries)).toEqual(await parseBody(body));
  });
});

describe('isHostileMarkdown', () => {
  const LONG = /\S{2001}/;
  const DEEP = /(?:(?:[>*_[\]]|[+-](?=[ \t]))[ \t]*){101}/;
  const run = (char: string, count: number, between: string) => Array.from({ length: count }, () => char).join(between);

  it('finds what the regular expressions it replaces find, for any text', () => {
    const piece = fc.oneof(
      fc.constantFrom('>', '*', '_', '[', ']', '+', '-', ' ', '\t', '\n', 'a', '|', '😀', '\u00a0', '\u3000'),
      fc.constantFrom(run('>', 60, ' '), run('- ', 60, ''), run('*', 60, ''), 'x'.repeat(1200), '😀'.repeat(600)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(isHostileMarkdown(text)).toBe(LONG.test(text) || DEEP.test(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('trimEndBlanks', () => {
  it('is the end-anchored replace it stands for, for any text', () => {
    const text = fc
      .array(fc.oneof(fc.constantFrom(' ', '\n', '\t', '.', '\u00a0', 'word'), fc.string({ maxLength: 3 })))
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (value) => {
        expect(trimEndBlanks(value)).toBe(value.replace(/[ \n]+$/, ''));
      }),
    );
    expect(trimEndBlanks('ends. \n ')).toBe('ends.');
    expect(trimEndBlanks('keeps\t')).toBe('keeps\t');
    expect(trimEndBlanks('')).toBe('');
  });
});
