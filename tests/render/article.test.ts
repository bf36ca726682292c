import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/article/parse.js';
import { loadArticle } from '../../src/library/loader.js';
import { BUNDLED_DIR, ESCAPE, FIXTURES, renderPlain, renderStyled, stripAnsi } from '../helpers.js';

const sample = await loadArticle({
  slug: 'sample',
  path: join(FIXTURES, 'articles/sample.md'),
  folder: { path: join(FIXTURES, 'articles'), origin: '--dir' },
});
const seed = await loadArticle({
  slug: 'abe-putin',
  path: join(BUNDLED_DIR, 'abe-putin.md'),
  folder: { path: BUNDLED_DIR, origin: 'bundled' },
});

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The words a reader sees, decoration (rules, boxes, bullets, quote bars) left out. */
function words(text: string): string[] {
  return stripAnsi(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

describe.each([40, 80])('golden renders at width %i', (width) => {
  it('plain', async () => {
    await expect(await renderPlain(sample, width)).toMatchFileSnapshot(`__snapshots__/sample.plain.${width}.txt`);
  });
  it('styled', async () => {
    const styled = await renderStyled(sample, width);
    await expect(styled).toMatchFileSnapshot(`__snapshots__/sample.styled.${width}.ansi`);
  });
});

describe('renderers', () => {
  it.each([20, 33, 40, 80, 100, 157])(
    'keep every line within %i cells, but a line of code in plain output and an address in the Links list',
    async (width) => {
      // An address stands whole on a line of its own, the fixture's one code line is left whole in a pipe.
      const address = /^https:\/\/\S+$/;
      for (const article of [sample, seed]) {
        const plain = await renderPlain(article, width);
        const styled = stripAnsi(await renderStyled(article, width));
        for (const line of styled.split('\n').filter((each) => !address.test(each))) {
          expect(stringWidth(line), line).toBeLessThanOrEqual(width);
        }
        const code = 'code line that is quite long';
        for (const line of plain.split('\n').filter((each) => !each.includes(code) && !address.test(each))) {
          expect(stringWidth(line), line).toBeLessThanOrEqual(width);
        }
      }
    },
  );

  it('show the same words in the same order, styled or plain, where no code line is cut', async () => {
    for (const article of [sample, seed]) {
      const styled = words(await renderStyled(article, 100));
      expect(styled).toEqual(words(await renderPlain(article, 100)));
    }
  });

  it('emit no escape byte in plain text, and styled text without colour has none either', async () => {
    expect(await renderPlain(sample, 80)).not.toMatch(ESCAPE);
    expect(await renderStyled(sample, 80, false)).not.toMatch(ESCAPE);
  });

  it('show a headline repeated as the first # heading only once', async () => {
    const plain = await renderPlain(sample, 200);
    expect(plain.split('Fixture: a synthetic article that uses every feature')).toHaveLength(2);
  });

  it('mark inline quotations and blockquotes in the styled printer', async () => {
    const styled = await renderStyled(sample, 200);
    expect(styled).toContain('\u001b[32m“Alpha bravo charlie,”\u001b[39m');
    expect(styled).toContain('\u001b[32m│ \u001b[39mA blockquote');
  });

  it('neutralise control characters that Markdown entities decode to', async () => {
    const article = parseArticle('Bell &#7; escape &#27;[2J and &#x9b;31m and &#x202e;kcah', 'x', 'x.md', {});
    expect(await renderPlain(article, 80)).toContain('Bell ^G escape ^[[2J and <U+009B>31m and <U+202E>kcah');
  });

  it('render a dateline in the same words in every time zone', async () => {
    expect(await renderPlain(seed, 80)).toContain('Friday 6 May 2016');
  });
});

describe('the bundled article', () => {
  const source = readFileSync(join(FIXTURES, 'seed/000_c66736c8276a510f.txt'), 'utf8');
  const paragraphs = source
    .split(/\n\s*\n/)
    .map(squash)
    // A subheading the page sets off with dashes (– Lingering tensions –) is the heading without them.
    .map((paragraph) => paragraph.replace(/^– (.+) –$/, '$1'))
    .filter((paragraph) => paragraph !== '');

  it('has its body paragraphs, in order, in the plain rendering', async () => {
    const rendered = squash(await renderPlain(seed, 80));
    const body = paragraphs.slice(paragraphs.indexOf('Published on 06/05/2016') + 1);
    expect(body).toHaveLength(28);
    let position = 0;
    for (const paragraph of body) {
      const found = rendered.indexOf(paragraph, position);
      expect(found, paragraph).toBeGreaterThanOrEqual(position);
      position = found + paragraph.length;
    }
  });

  it('keeps the banner, headline and date from the page header', async () => {
    const rendered = squash(await renderPlain(seed, 80));
    const [bannerTitle, bannerText, breadcrumb, headline] = paragraphs;
    expect(rendered).toContain(`Notice: ${bannerTitle}`);
    expect(rendered).toContain(bannerText);
    expect(breadcrumb).toBe(`Home News ${headline}`);
    expect(seed.breadcrumb).toEqual(['Home', 'News']);
    expect(rendered).toContain(headline);
    expect(seed.date).toBe('2016-05-06');
  });
});

describe('Markdown that would make marked slow or overflow', () => {
  it.each([
    ['nested quotes', `${'>'.repeat(5000)} deep`],
    ['nested lists', `${'- '.repeat(2000)}deep`],
    ['nested emphasis', `${'*'.repeat(3000)}deep${'*'.repeat(3000)}`],
    ['an email autolink trap', `${'a'.repeat(80_000)}@b deep`],
  ])('renders %s as plain paragraphs, quickly, keeping the words', async (_what, body) => {
    const started = Date.now();
    const plain = await renderPlain(parseArticle(`${body}\n\nSecond paragraph.`, 'x', 'x.md', {}), 80);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(plain).toContain('deep');
    expect(plain).toContain('Second paragraph.');
  });
});
