import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/import/dom.js';
import { extractArticle } from '../../src/import/extract.js';
import { hasBoilerplateName } from '../../src/import/names.js';
import { isDateLine, isMetaLine } from '../../src/import/patterns.js';
import { articlePage, type PageParts, STORY_PARAGRAPHS, STORY_TITLE } from './pages.js';

function textOf(parts: PageParts, disabledRules: string[] = []): string {
  const article = extractArticle(articlePage(parts), { url: 'https://news.example/local/bridge.html', disabledRules });
  if (!article) throw new Error('no article found');
  return article.text;
}

/**
 * Each case: where the boilerplate goes in the page, the rule that removes it, and a marker in its
 * text. The marker must be gone with every rule on, and back with that rule alone off (so the test
 * shows the rule does the work); the story must be whole either way.
 */
const CASES: { rule: string; parts: PageParts; marker: string }[] = [
  {
    rule: 'boilerplateNames',
    parts: {
      middle:
        '<div class="newsletterSignup"><p>Get the morning briefing from the valley, every weekday at seven.</p></div>',
    },
    marker: 'morning briefing',
  },
  {
    rule: 'boilerplateNames',
    parts: {
      after: '<div class="trending-rail"><p>Ferry timetable changes for the summer season announced today.</p></div>',
    },
    marker: 'Ferry timetable',
  },
  {
    rule: 'figures',
    parts: {
      middle:
        '<figure><img src="/bridge.jpg" alt="The bridge"><figcaption>The bridge in winter, seen from the weir on the east bank.</figcaption></figure>',
    },
    marker: 'seen from the weir',
  },
  {
    rule: 'captionCredits',
    parts: { middle: '<p>The bridge in winter, seen from the weir. (Example Photo/Jane Doe)</p>' },
    marker: 'seen from the weir',
  },
  {
    rule: 'captionCredits',
    parts: { middle: '<p>In this March 3, 2020, file photo, walkers cross the bridge at dusk.</p>' },
    marker: 'walkers cross',
  },
  { rule: 'adLabels', parts: { middle: '<p>Story continues below advertisement</p>' }, marker: 'continues below' },
  { rule: 'interfaceLabels', parts: { after: '<p>Share this article</p>' }, marker: 'Share this' },
  {
    rule: 'readMoreLinks',
    parts: { middle: '<p>Read more: <a href="/harbour">Council approves the new harbour wall</a></p>' },
    marker: 'harbour wall',
  },
  {
    rule: 'linkBlocks',
    parts: { middle: '<p><a href="/market">Farmers market moves to the old station yard</a></p>' },
    marker: 'Farmers market',
  },
  { rule: 'datelines', parts: { middle: '<p>Wednesday 10:41 AM, March 3, 2021</p>' }, marker: '10:41' },
  {
    rule: 'metaLines',
    parts: { before: '<p>03/03/2021 - Posted by: Jane Doe - Category: Local</p>' },
    marker: 'Category',
  },
  {
    rule: 'linkBlocks',
    parts: {
      middle:
        '<p><a href="/a">Harbour wall approved after long debate</a> | <a href="/b">Ferry timetable changes for the summer season</a> | <a href="/c">Valley school opens a new library wing for pupils</a> | <a href="/d">Weather: storms expected along the coast this weekend</a></p>',
    },
    marker: 'Harbour wall',
  },
  {
    rule: 'callsToAction',
    parts: { after: '<p>Subscribe to the Example Gazette video channel for more.</p>' },
    marker: 'video channel',
  },
  { rule: 'bylines', parts: { before: '<p>By Jane Doe, Valley Correspondent</p>' }, marker: 'Jane Doe' },
  {
    rule: 'callsToAction',
    parts: { after: '<p>Follow us on Example Social for more news from the valley.</p>' },
    marker: 'Follow us',
  },
  {
    rule: 'reportingCredits',
    parts: { after: '<p>(Reporting by Jane Doe; Editing by John Roe)</p>' },
    marker: 'Editing by',
  },
  { rule: 'titleRepeat', parts: { before: `<p><strong>${STORY_TITLE}</strong></p>` }, marker: 'votes to restore' },
  { rule: 'urlBlocks', parts: { after: '<p>https://news.example/local/bridge.html</p>' }, marker: 'https' },
  { rule: 'tagLists', parts: { after: '<p>Tags: bridges, Riverton, council</p>' }, marker: 'Tags' },
  {
    rule: 'tagLists',
    parts: {
      head: '<meta name="keywords" content="bridges, stone arches, rivers">',
      after: '<p>bridges, stone arches, rivers</p>',
    },
    marker: 'stone arches',
  },
  {
    rule: 'emptySections',
    parts: { after: '<h3>More from the valley</h3>' },
    marker: 'More from the valley',
  },
];

describe('boilerplate rules', () => {
  it.each(CASES)('$rule removes "$marker"', ({ rule, parts, marker }) => {
    const text = textOf(parts);
    expect(text).not.toContain(marker);
    for (const paragraph of STORY_PARAGRAPHS) expect(text).toContain(paragraph);
    expect(textOf(parts, [rule])).toContain(marker);
  });

  it('keeps a short paragraph whose sentence merely links', () => {
    const parts = { middle: '<p>The council published <a href="/report">the full engineering report</a>.</p>' };
    expect(textOf(parts)).toContain('The council published the full engineering report.');
  });

  it('keeps a date inside a sentence', () => {
    const parts = { middle: '<p>Work on the bridge should end by March 3, 2022, weather permitting.</p>' };
    expect(textOf(parts)).toContain('March 3, 2022');
  });

  it('keeps a link inside a sentence even when its pop-up card goes', () => {
    const parts = {
      middle:
        '<p>The mayor, <a href="/people/mayor">Ann Example<span class="people-tooltip">Ann Example: 12 stories</span></a>, spoke last.</p>',
    };
    const text = textOf(parts);
    expect(text).toContain('The mayor, Ann Example, spoke last.');
    expect(text).not.toContain('12 stories');
  });

  it('never removes the container that holds the story, whatever its name', () => {
    const html = articlePage().replace('<div class="story-body">', '<div class="story-body share-enabled ad-free">');
    const text = extractArticle(html)?.text ?? '';
    for (const paragraph of STORY_PARAGRAPHS) expect(text).toContain(paragraph);
  });

  it('keeps the cells of a data table, numbers included', () => {
    const table =
      '<table><tr><th>Year</th><th>Crossings</th></tr><tr><td>2019</td><td>1204</td></tr><tr><td>2020</td><td>987</td></tr></table>';
    const text = textOf({ middle: table });
    expect(text).toContain('1204');
    expect(text).toContain('987');
  });
});

describe('hasBoilerplateName', () => {
  const element = (attributes: string) => parseDocument(`<div ${attributes}></div>`).querySelector('div') as Element;

  it.each([
    'class="social-share"',
    'class="related-stories"',
    'class="newsletterSignup"',
    'class="article__media-caption"',
    'id="ad-slot-3"',
    'class="entry-meta"',
    'class="read-more-links"',
    'class="cookie_banner"',
  ])('%s is boilerplate', (attributes) => {
    expect(hasBoilerplateName(element(attributes))).toBe(true);
  });

  it.each([
    'class="shareholder-letter"',
    'class="adapter"',
    'class="story-body"',
    'class="headline"',
    'class="tag-news category-local"',
  ])('%s is not', (attributes) => {
    expect(hasBoilerplateName(element(attributes))).toBe(false);
  });
});

describe('isDateLine', () => {
  it.each([
    'Updated 10:41 AM, March 3, 2021',
    'Posted: Fri 6:45 PM, Feb 16, 2018 |',
    '3 March 2021',
    '2021-03-03 10:41',
    'segunda-feira, 22 de janeiro de 2018 às 0:13',
  ])('%s is a dateline', (text) => {
    expect(isDateLine(text)).toBe(true);
  });

  it.each([
    'Meal 1',
    'Rockside 14 11 6 15 — 44',
    'The bridge reopened on March 3, 2021, after repairs.',
    'VIP : 60,000',
  ])('%s is not', (text) => {
    expect(isDateLine(text)).toBe(false);
  });
});

describe('the JSON-LD articleBody', () => {
  it('stands in for a page whose text is rendered by scripts', () => {
    const body = STORY_PARAGRAPHS.join('\n');
    const html = `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: STORY_TITLE, articleBody: body })}</script></head><body><div id="app">Loading…</div></body></html>`;
    const article = extractArticle(html);
    expect(article?.text).toBe(body);
    expect(extractArticle(html, { disabledRules: ['jsonLdBody'] })).toBeUndefined();
  });
});

describe('isMetaLine', () => {
  it.each([
    '05/10/2021 - Posted by: Jane Doe - Category: Local',
    'Category: Local | Tags: bridges, rivers',
    'March 3, 2021 · Tags: bridges',
  ])('%s is a meta line', (text) => {
    expect(isMetaLine(text)).toBe(true);
  });

  it.each(['Category: Local', 'The council removed the old tags on March 3, 2021.'])('%s is not', (text) => {
    expect(isMetaLine(text)).toBe(false);
  });
});
