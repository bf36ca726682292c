// A post as Hugo and Jekyll sites write it (Markdown, HTML, footnotes, shortcodes), rendered and searched.

import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { loadArticle } from '../../src/library/loader.js';
import { ESCAPE, FIXTURES, renderPlain, renderStyled, runCli, stripAnsi } from '../helpers.js';

const SITES = join(FIXTURES, 'sites');
const post = await loadArticle({
  slug: 'site-post',
  path: join(SITES, 'site-post.md'),
  folder: { path: SITES, origin: '--dir' },
});

/** Lines of the fixture's code, where shortcodes and Liquid tags are shown as written. */
const CODE_WITH_TAGS = [
  '{{< shortcode in="a fence" >}} stays as written',
  '{% liquid tag stays %}',
  'fmt.Println("highlighted {{< not a tag >}}")',
];

/** Text in the fixture that a reader of the page never sees: parameters, attributes, scripts, hidden things. */
const NEVER_SHOWN = [
  'ATTRCLASS',
  'ATTRTITLE',
  'SCRIPTHREF',
  'SCRIPTTEXT',
  'IFRAMETEXT',
  'COMMENTTEXT',
  'FORMVALUE',
  'FORMBUTTON',
  'HIDDENTEXT',
  'PARAMCAPTION',
  'PARAMVIDEO',
  'PARAMKIND',
  'PARAMCOLOR',
  'PARAMLIQUID',
];

const LONG_URL = 'https://example.test/a/very/long/address/that/cannot/fit/on/one/narrow/line/of/any/terminal/at/all';
const LONG_CODE =
  'an indented code line that is far too long to fit in a narrow terminal, so it is cut on a terminal and left whole in a pipe';

describe.each([40, 80])('golden renders of a site post at width %i', (width) => {
  it('plain', async () => {
    await expect(await renderPlain(post, width)).toMatchFileSnapshot(`__snapshots__/site-post.plain.${width}.txt`);
  });
  it('styled', async () => {
    await expect(await renderStyled(post, width)).toMatchFileSnapshot(`__snapshots__/site-post.styled.${width}.ansi`);
  });
});

describe('a site post, rendered', async () => {
  const plain = await renderPlain(post, 40);
  const styled = stripAnsi(await renderStyled(post, 40));

  it.each(NEVER_SHOWN)('never shows %s', (text) => {
    expect(plain).not.toContain(text);
    expect(styled).not.toContain(text);
  });

  it('shows no shortcode or Liquid tag raw, but in code', () => {
    for (const output of [plain, styled]) {
      const raw = output.split('\n').filter((line) => /\{\{[<%]|\{%/.test(line));
      expect(raw.length).toBeGreaterThan(0);
      for (const line of raw) {
        const shown = line.trim().replace(/…$/, '');
        const inCode =
          CODE_WITH_TAGS.some((code) => code.startsWith(shown)) || shown === 'Inline {{< code >}} stays too.';
        expect(inCode, line).toBe(true);
      }
    }
  });

  it('keeps the address of every HTML and Markdown link, numbered in the Links list', () => {
    const links = plain.slice(plain.indexOf('\nLinks\n'));
    for (const address of [
      'https://example.test/llamas',
      '/relative/page',
      'mailto:desk@example.test',
      'https://example.test/inline',
      'https://example.test/llama.png',
      'https://example.test/second',
      'other-post.md',
      '/about',
      'https://example.test/note',
      LONG_URL,
    ]) {
      expect(links).toContain(address);
    }
    expect(links).not.toContain('javascript:');
  });

  it('decodes named and numeric character references once', () => {
    const text = plain.replace(/\s+/g, ' ');
    expect(text).toContain('Quuxville — “on time”, said nobody’s almanac & its 3½ editors');
    expect(text).toContain('Escaped twice: &lt;not a tag&gt;.');
  });

  it('shows images, captions, summaries and tables written in HTML', () => {
    expect(plain).toContain('[image: A llama in a hat][5]');
    expect(plain).toContain('The caption of the llama figure.');
    expect(plain).toContain('More about the parade');
    expect(plain).toMatch(/Town {6}\| Llamas\n-+\+-+\nQuuxville \| 12/);
    expect(plain).toContain('> A Markdown paragraph quoted');
  });

  it('shows footnotes, task lists and strikethrough in plain text', () => {
    expect(plain).toContain('A claim with a footnote[^1]');
    expect(plain).toMatch(/\nNotes\n\[\^1\] The first footnote, invented/);
    expect(plain).toContain('- [x] Feed the llamas');
    expect(plain).toContain('- [ ] Brush the llamas');
    expect(plain).toContain('~~Old plan~~ new plan.');
    expect(plain).toContain('~~struck~~');
  });

  it('keeps strikethrough a style, not a marker, when styled with colour', async () => {
    const coloured = await renderStyled(post, 80);
    expect(coloured).toContain('\u001b[9mOld plan\u001b[29m');
    expect(stripAnsi(coloured)).not.toContain('~~');
  });

  it('shows the image-like shortcode as an image, and a paired one’s inner text', () => {
    expect(plain).toContain('[image: The parade from above]');
    expect(plain).toContain('Paired shortcode text, read as Markdown.');
    expect(plain).toContain('Inner text of a paired shortcode.');
    expect(plain).toContain('Inner text of a Liquid tag.');
    expect(plain).toContain('An emoji code :tada: stays as written.');
  });

  it('wraps a table too wide for the width inside its cells, every line within it', () => {
    const table = plain.slice(plain.search(/Town +\| Descr/), plain.indexOf('Site syntax'));
    expect(table).toMatch(/^Town +\| Descr.*\n(?:.*\n)*-+\+-+\+-+\n/);
    for (const line of table.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(40);
  });

  it('leaves a long code line whole in plain text and cuts it with a marker when styled', () => {
    expect(plain).toContain(`  ${LONG_CODE}\n`);
    const cut = styled.split('\n').find((line) => line.startsWith('  an indented code line'));
    expect(cut).toMatch(/…$/);
    expect(stringWidth(cut as string)).toBe(40);
  });

  it('puts an address too long for the width on a line of its own, whole', () => {
    expect(plain).toContain(`\n[9]\n${LONG_URL}\n`);
    expect(styled).toContain(`\n[9]\n${LONG_URL}\n`);
  });

  it('keeps every other line within the width', () => {
    for (const output of [plain, styled]) {
      const whole = [LONG_URL, ...CODE_WITH_TAGS, LONG_CODE];
      for (const line of output.split('\n').filter((each) => !whole.some((text) => each.trim() === text))) {
        expect(stringWidth(line), line).toBeLessThanOrEqual(40);
      }
    }
  });
});

describe('a site post, through the command line', () => {
  it('reads as the plain printer renders it, in a pipe', async () => {
    const { code, stdout, stderr } = await runCli(['--no-cache', '--dir', SITES, 'read', 'site-post']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(await renderPlain(post, 80));
    expect(stdout).not.toMatch(ESCAPE);
  });

  it('reads styled on a terminal, a long code line cut to the width', async () => {
    const { code, stdout } = await runCli(['--no-cache', '--dir', SITES, 'read', 'site-post', '--no-pager'], {
      tty: true,
      columns: 60,
    });
    expect(code).toBe(0);
    const lines = stripAnsi(stdout).split('\n');
    expect(lines.find((line) => line.startsWith('  an indented code line'))).toMatch(/^.{59}…$/u);
  });

  it.each([
    ['words of HTML text', 'caption', 1],
    ['words of a footnote', 'invented', 1],
    ['words inside a paired shortcode', 'paired', 1],
    ['a shortcode parameter', 'PARAMLIQUID', 0],
    ['an attribute value', 'ATTRCLASS', 0],
    ['a script', 'SCRIPTTEXT', 0],
  ])('searches %s: %s', async (_what, query, hits) => {
    const { code, stdout } = await runCli(['--no-cache', '--dir', SITES, 'search', query, '--json']);
    expect(code).toBe(hits > 0 ? 0 : 1);
    const found = hits > 0 ? (JSON.parse(stdout) as { slug: string }[]) : [];
    expect(found.filter((hit) => hit.slug === 'site-post')).toHaveLength(hits);
  });

  it('gives snippets with character references decoded', async () => {
    const { stdout } = await runCli(['--no-cache', '--dir', SITES, 'search', 'almanac', '--json']);
    const [hit] = JSON.parse(stdout) as { snippet: string }[];
    expect(hit?.snippet).toContain('nobody’s almanac & its 3½ editors');
    expect(hit?.snippet).not.toMatch(/&(?:mdash|ldquo|rdquo|amp|frac12|#8217);/);
  });
});
