import { describe, expect, it } from 'vitest';
import {
  highlightToFences,
  readSiteTag,
  resolveTagAttributes,
  splitSiteTags,
  tagAddress,
  tagImageText,
} from '../../src/article/shortcodes.js';

describe('readSiteTag', () => {
  it.each([
    ['{{< name >}}', { name: 'name', closing: false, positional: [], named: {} }],
    ['{{< /name >}}', { name: 'name', closing: true, positional: [], named: {} }],
    ['{{% note kind %}}', { name: 'note', closing: false, positional: ['kind'], named: {} }],
    ['{{< ref "a b.md" >}}', { name: 'ref', closing: false, positional: ['a b.md'], named: {} }],
    [
      '{{< figure src="x.png" alt=\'Single\' caption=`Raw` width=200 >}}',
      {
        name: 'figure',
        closing: false,
        positional: [],
        named: { src: 'x.png', alt: 'Single', caption: 'Raw', width: '200' },
      },
    ],
    ['{{< quote text="a \\"b\\" c" >}}', { name: 'quote', closing: false, positional: [], named: { text: 'a "b" c' } }],
    ['{{< self-closing x />}}', { name: 'self-closing', closing: false, positional: ['x'], named: {} }],
    ['{% include box.html a="1" %}', { name: 'include', closing: false, positional: ['box.html'], named: { a: '1' } }],
    ['{%- if x -%}', { name: 'if', closing: false, positional: ['x'], named: {} }],
    ['{% endif %}', { name: 'if', closing: true, positional: [], named: {} }],
    [
      '{% post_url 2020-01-02-name %}',
      { name: 'post_url', closing: false, positional: ['2020-01-02-name'], named: {} },
    ],
  ])('%s', (text, expected) => {
    const tag = readSiteTag(`${text} after`, 0);
    expect(tag && { ...tag, named: Object.fromEntries(tag.named) }).toEqual({ ...expected, end: text.length });
  });

  it.each([
    ['a template expression', '{{ site.title }}'],
    ['an unclosed shortcode', '{{< name'],
    ['a shortcode whose closer comes after another opener', '{{< a {{< b >}}'],
    ['an empty tag', '{{< >}}'],
    ['a tag longer than any real one', `{{< name x="${'y'.repeat(3000)}" >}}`],
    ['text', 'plain {braces}'],
  ])('is not a tag: %s', (_what, text) => {
    expect(readSiteTag(text, 0)).toBeUndefined();
  });

  it('reads an escaped Hugo shortcode as the shortcode it shows', () => {
    expect(readSiteTag('{{</* name x */>}}', 0)?.literal).toBe('{{< name x >}}');
    expect(readSiteTag('{{%/* name */%}}', 0)?.literal).toBe('{{% name %}}');
  });
});

describe('what a tag shows', () => {
  it.each([
    ['{{< figure src="f.png" >}}', '[image]'],
    ['{{< figure alt="Alt" caption="Cap" title="T" >}}', '[image: Alt]'],
    ['{{< figure alt="" caption="Cap" >}}', '[image: Cap]'],
    ['{{< image src="x" title="Title" >}}', '[image: Title]'],
    ['{{< legacy-img src="x" alt="Old" >}}', '[image: Old]'],
    ['{{< anything caption="Has a caption" >}}', '[image: Has a caption]'],
    ['{% include image.html alt="Liquid alt" %}', '[image: Liquid alt]'],
    ['{{< imgur id >}}', undefined],
    ['{{< note >}}', undefined],
    ['{{< /figure >}}', undefined],
  ])('%s → %s', (text, shows) => {
    const tag = readSiteTag(text, 0);
    expect(tag && tagImageText(tag)).toBe(shows);
  });

  it.each([
    ['{{< ref "page.md" >}}', 'page.md'],
    ['{{< relref path="x" >}}', ''],
    ['{% link _posts/x.md %}', '_posts/x.md'],
  ])('the address of %s is %j', (text, address) => {
    const tag = readSiteTag(text, 0);
    expect(tag && tagAddress(tag)).toBe(address);
  });
});

describe('splitSiteTags', () => {
  it.each([
    ['no tags', 'plain text', [{ text: 'plain text' }]],
    ['tags dropped', 'a {{< x y >}}b{{< /x >}} c', [{ text: 'a ' }, { text: 'b' }, { text: ' c' }]],
    ['an image', 'see {{< figure alt="A" >}}.', [{ text: 'see ' }, { image: '[image: A]' }, { text: '.' }]],
    ['a brace that starts no tag', 'a {b} {{c}}', [{ text: 'a {b} {{c}}' }]],
  ])('%s', (_what, text, pieces) => {
    expect(splitSiteTags(text)).toEqual(pieces);
  });
});

describe('resolveTagAttributes', () => {
  it.each([
    ['<a href="{{< ref "page.md" >}}">x</a>', '<a href="page.md">x</a>'],
    ['<a href=\'{{< ref "p q.md" >}}\' class="c">', '<a href="p q.md" class="c">'],
    ['<img src="{% link assets/x.png %}">', '<img src="assets/x.png">'],
    ['<a href="{{< ref "a&b" >}}">', '<a href="a&amp;b">'],
    ['<a href="plain">{{< not an attribute >}}</a>', '<a href="plain">{{< not an attribute >}}</a>'],
  ])('%s', (html, resolved) => {
    expect(resolveTagAttributes(html)).toBe(resolved);
  });
});

describe('highlightToFences', () => {
  it.each([
    ['a Hugo highlight', '{{< highlight go >}}\ncode\n{{< /highlight >}}', '~~~go\ncode\n~~~'],
    ['a Jekyll highlight', '{% highlight ruby linenos %}\ncode\n{% endhighlight %}', '~~~ruby\ncode\n~~~'],
    ['code holding tildes', '{{< highlight >}}\n~~~\n{{< /highlight >}}', '~~~~\n~~~\n~~~~'],
    ['an unclosed highlight, left alone', '{{< highlight go >}}\ncode', '{{< highlight go >}}\ncode'],
    [
      'a longer name, left alone',
      '{{< highlight-box >}}\nx\n{{< /highlight >}}',
      '{{< highlight-box >}}\nx\n{{< /highlight >}}',
    ],
    [
      'inside a fenced code block, left alone',
      '```\n{{< highlight go >}}\nx\n{{< /highlight >}}\n```',
      '```\n{{< highlight go >}}\nx\n{{< /highlight >}}\n```',
    ],
  ])('%s', (_what, markdown, fenced) => {
    expect(highlightToFences(markdown)).toBe(fenced);
  });
});
