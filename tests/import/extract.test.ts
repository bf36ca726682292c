import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/import/extract.js';
import { articlePage, STORY_PARAGRAPHS, STORY_TITLE } from './pages.js';

const URL = 'https://news.example/local/bridge.html';

function extract(html: string, disabledRules: string[] = []) {
  const article = extractArticle(html, { url: URL, disabledRules });
  if (!article) throw new Error('no article found');
  return article;
}

/** Every form of the article a caller can get: the clean HTML, the Markdown and the text. */
function everything(html: string, disabledRules: string[] = []): string {
  const article = extract(html, disabledRules);
  return `${article.html}\n${article.markdown}\n${article.text}`;
}

describe('extractArticle', () => {
  it('returns the story with its metadata, clean HTML, Markdown and text', () => {
    const article = extract(
      articlePage({
        head: `<meta property="og:site_name" content="Example Gazette">
          <meta property="article:published_time" content="2019-04-09T23:30:00-05:00">
          <meta name="author" content="Jane Doe">
          <meta property="article:section" content="Local">
          <meta property="article:tag" content="bridges">
          <meta name="description" content="The council voted to restore the bridge.">
          <link rel="canonical" href="/local/bridge.html">`,
        title: `${STORY_TITLE} | Example Gazette`,
      }),
    );
    expect(article).toMatchObject({
      title: STORY_TITLE,
      date: '2019-04-09T23:30:00-05:00',
      authors: ['Jane Doe'],
      source: 'Example Gazette',
      section: 'Local',
      tags: ['bridges'],
      summary: 'The council voted to restore the bridge.',
      url: URL,
      lang: 'en',
    });
    expect(article.text.split('\n')).toEqual(STORY_PARAGRAPHS);
    expect(article.textLength).toBe(article.text.length);
    expect(article.markdown).toBe(STORY_PARAGRAPHS.join('\n\n'));
    expect(article.html).toContain(`<p>${STORY_PARAGRAPHS[0]}</p>`);
  });

  it('takes the canonical URL when no URL is given', () => {
    const article = extractArticle(
      articlePage({ head: '<link rel="canonical" href="https://news.example/canonical">' }),
    );
    expect(article?.url).toBe('https://news.example/canonical');
  });

  it.each([
    ['an empty page', ''],
    ['a page with only a menu', '<nav><ul><li><a href="/a">Home</a></li><li><a href="/b">About</a></li></ul></nav>'],
    [
      'a login form',
      '<html><body><form><label>Name <input name="user"></label><button>Sign in</button></form></body></html>',
    ],
    ['a short error page', '<html><body><h1>Not found</h1><p>Sorry, that page does not exist.</p></body></html>'],
  ])('finds no article in %s', (_name, html) => {
    expect(extractArticle(html)).toBeUndefined();
  });

  it('reads a story under thousands of nested wrappers, quickly', () => {
    const depth = 5000;
    const html = `<html><body>${'<div>'.repeat(depth)}${STORY_PARAGRAPHS.map((text) => `<p>${text}</p>`).join('')}${'</div>'.repeat(depth)}</body></html>`;
    const start = performance.now();
    expect(extractArticle(html)?.text).toBe(STORY_PARAGRAPHS.join('\n'));
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('refuses, without throwing, a page nested deeper than any real page', () => {
    const html = `<html><body>${'<div>text '.repeat(5000)}${'</div>'.repeat(5000)}</body></html>`;
    expect(extractArticle(html)).toBeUndefined();
  });

  it('keeps only structural tags and the attributes that matter', () => {
    const article = extract(
      articlePage({
        middle:
          '<p class="x" style="color:red" onclick="go()">A <span class="y">plain</span> <a href="/z" class="k" target="_blank">link</a>.</p>',
      }),
    );
    expect(article.html).toContain('<p>A plain <a href="https://news.example/z">link</a>.</p>');
    expect(article.html).not.toMatch(/class=|style=|onclick=|target=/);
  });
});

describe('extractArticle: what never reaches the output', () => {
  it('drops scripts, styles, noscript, templates, iframes, embeds and svg', () => {
    const page = articlePage({
      middle: `<script>window.secret = "SCRIPT-TEXT"</script><style>.x { content: "STYLE-TEXT" }</style>
        <noscript>NOSCRIPT-TEXT</noscript><template>TEMPLATE-TEXT</template><iframe srcdoc="IFRAME-TEXT"></iframe>
        <object data="x">OBJECT-TEXT</object><svg><text>SVG-TEXT</text></svg><video>VIDEO-TEXT</video>`,
    });
    expect(everything(page)).not.toMatch(
      /SCRIPT-TEXT|STYLE-TEXT|NOSCRIPT-TEXT|TEMPLATE-TEXT|IFRAME|OBJECT-TEXT|SVG-TEXT|VIDEO-TEXT/,
    );
  });

  it('drops hidden elements: hidden, aria-hidden="true", display:none, visibility:hidden', () => {
    const page = articlePage({
      middle: `<p hidden>HIDDEN-ATTRIBUTE</p><p aria-hidden="true">ARIA-HIDDEN</p>
        <p style="color: red; DISPLAY : none">DISPLAY-NONE</p><p style="visibility:hidden">VISIBILITY-HIDDEN</p>
        <p aria-hidden="false">Visible words stay in the story.</p>`,
    });
    const output = everything(page);
    expect(output).not.toMatch(/HIDDEN-ATTRIBUTE|ARIA-HIDDEN|DISPLAY-NONE|VISIBILITY-HIDDEN/);
    expect(output).toContain('Visible words stay in the story.');
  });

  it('drops tracking pixels and keeps real images', () => {
    const page = articlePage({
      middle:
        '<p>Photo: <img src="https://track.example/p.gif" width="1" height="1" alt="PIXEL"><img src="/bridge.jpg" alt="The bridge at dawn"></p>',
    });
    const article = extract(page);
    expect(article.html).not.toContain('track.example');
    expect(article.html).toContain('<img src="https://news.example/bridge.jpg" alt="The bridge at dawn">');
    expect(article.markdown).not.toContain('PIXEL');
  });

  it('unwraps javascript: and data: links, keeping their text', () => {
    const page = articlePage({
      middle:
        '<p>Read the <a href="javascript:openReport()">full report</a> or the <a href="data:text/html,x">summary</a> today.</p>',
    });
    const article = extract(page);
    expect(article.text).toContain('Read the full report or the summary today.');
    expect(everything(page)).not.toMatch(/javascript:|data:text/);
  });

  it('drops forms but unwraps a form that wraps the whole page', () => {
    const newsletter = articlePage({ after: '<form><p>NEWSLETTER-FORM</p><input type="email"></form>' });
    expect(everything(newsletter)).not.toContain('NEWSLETTER-FORM');
    const wrapped = `<html><body><form action="/page.aspx">${articlePage()}</form></body></html>`;
    expect(extract(wrapped).text).toContain(STORY_PARAGRAPHS[0]);
  });
});

describe('extractArticle: clean HTML', () => {
  it('keeps the space an empty inline element held between two words', () => {
    const article = extractArticle(
      articlePage({
        middle: '<p>The <b>old</b><span> </span>bridge and <em></em>the weir were both rebuilt last year.</p>',
      }),
    );
    expect(article?.text).toContain('The old bridge and the weir were both rebuilt last year.');
    expect(article?.html).not.toMatch(/<span|<em><\/em>/);
  });
});
