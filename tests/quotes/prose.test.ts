import { describe, expect, it } from 'vitest';
import { parseBody } from '../../src/article/markdown.js';
import { blocksToParagraphs } from '../../src/article/model.js';
import { collectProse } from '../../src/quotes/prose.js';
import { SHIELD } from '../../src/quotes/vocabulary.js';

describe('collectProse', () => {
  it('numbers paragraphs as blocksToParagraphs does, reading no code block', () => {
    const blocks = parseBody(
      [
        '# Heading',
        'One.',
        '```\nprint("code")\n```',
        '> Two, quoted.',
        '- Three, listed.',
        '| a | b |\n|---|---|\n| c | d |',
        'Six.',
      ].join('\n\n'),
    );
    const numbered = blocksToParagraphs(blocks).filter((paragraph) => !paragraph.heading);
    const prose = collectProse(blocks);
    expect(prose.map((paragraph) => [paragraph.paragraph, paragraph.text])).toEqual([
      [1, 'One.'],
      [3, 'Two, quoted.'],
      [4, 'Three, listed.'],
      [5, 'a'],
      [5, 'b'],
      [6, 'c'],
      [6, 'd'],
      [7, 'Six.'],
    ]);
    expect(numbered).toHaveLength(7);
  });

  it('shields inline code and markup, offset for offset', () => {
    const [paragraph] = collectProse(parseBody('Run `go "x"` and {{< tag a="b" >}} now.'));
    expect(paragraph?.text).toBe('Run go "x" and {{< tag a="b" >}} now.');
    expect(paragraph?.prose).toBe(
      `Run ${SHIELD.repeat('go "x"'.length)} and ${SHIELD.repeat('{{< tag a="b" >}}'.length)} now.`,
    );
  });

  it('leaves link addresses out, as a reader sees the text', () => {
    const [paragraph] = collectProse(parseBody('See [the plan](https://northvale.example/plan "The plan").'));
    expect(paragraph?.text).toBe('See the plan.');
  });

  it.each<[string, string, string | undefined]>([
    ['an em dash', '> “Quote.”\n>\n> — Jun Okafor, accessibility lead', 'Jun Okafor, accessibility lead'],
    ['an en dash', '> “Quote.”\n>\n> – Jun Okafor', 'Jun Okafor'],
    ['two hyphens', '> “Quote.”\n>\n> -- Jun Okafor', 'Jun Okafor'],
    ['no dash', '> “Quote.”\n>\n> Jun Okafor', undefined],
    ['a dash line alone', '> — Jun Okafor', undefined],
  ])('reads a block quote’s citation after %s', (_name, markdown, citation) => {
    expect(collectProse(parseBody(markdown))[0]?.citation).toBe(citation);
  });
});
