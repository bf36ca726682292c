import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/article/model.js';
import { blocksToParagraphs } from '../../src/article/model.js';
import { collectProse } from '../../src/quotes/prose.js';
import { SHIELD } from '../../src/quotes/vocabulary.js';
import { parseBodyNow } from '../helpers.js';

describe('collectProse', () => {
  it('numbers paragraphs as blocksToParagraphs does, reading no code block', () => {
    const blocks = parseBodyNow(
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

  it('shields inline code, offset for offset; the body parser has already taken the shortcode out', () => {
    const [paragraph] = collectProse(parseBodyNow('Run `go "x"` and {{< tag a="b" >}} now.'));
    expect(paragraph?.text).toBe('Run go "x" and  now.');
    expect(paragraph?.prose).toBe(`Run ${SHIELD.repeat('go "x"'.length)} and  now.`);
  });

  it('shields markup left in text by any other way in, offset for offset', () => {
    const blocks: Block[] = [{ kind: 'paragraph', spans: [{ text: 'Run {{< tag a="b" >}} now.', style: 'plain' }] }];
    const [paragraph] = collectProse(blocks);
    expect(paragraph?.prose).toBe(`Run ${SHIELD.repeat('{{< tag a="b" >}}'.length)} now.`);
  });

  it('leaves link addresses out, as a reader sees the text', () => {
    const [paragraph] = collectProse(parseBodyNow('See [the plan](https://northvale.example/plan "The plan").'));
    expect(paragraph?.text).toBe('See the plan.');
  });

  it.each<[string, string, string | undefined]>([
    ['an em dash', '> “Quote.”\n>\n> — Jun Okafor, accessibility lead', 'Jun Okafor, accessibility lead'],
    ['an en dash', '> “Quote.”\n>\n> – Jun Okafor', 'Jun Okafor'],
    ['two hyphens', '> “Quote.”\n>\n> -- Jun Okafor', 'Jun Okafor'],
    ['no dash', '> “Quote.”\n>\n> Jun Okafor', undefined],
    ['a dash line alone', '> — Jun Okafor', undefined],
  ])('reads a block quote’s citation after %s', (_name, markdown, citation) => {
    expect(collectProse(parseBodyNow(markdown))[0]?.citation).toBe(citation);
  });
});
