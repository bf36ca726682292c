import { describe, expect, it } from 'vitest';
import { draftOfMarkdown, draftOfPage, draftOfScrape } from '../../src/import/convert.js';
import { formatArticleFile } from '../../src/import/draft.js';
import { articlePage, STORY_TITLE } from './pages.js';

describe('draftOfMarkdown', () => {
  it('normalises TOML front matter to the fields news writes, and keeps the others', async () => {
    const { draft, slug } = await draftOfMarkdown(
      `+++
title = "Northvale &amp; the sea"
date = 2019-04-09T23:30:00-05:00
slug = "northvale-sea"
weight = 3
[taxonomies]
tags = ["Northvale", "sea"]
[extra]
author = "Ada Quill"
+++

Body with **Markdown** kept as it is.
`,
      'post.md',
    );
    expect(slug).toBe('northvale-sea');
    expect(draft).toMatchObject({
      title: 'Northvale & the sea',
      date: '2019-04-09',
      author: 'Ada Quill',
      tags: ['Northvale', 'sea'],
      body: '\nBody with **Markdown** kept as it is.\n',
    });
    const file = formatArticleFile(draft, { imported: '2025-03-04T10:00:00.000Z', fileName: 'post.md' });
    expect(file).toContain('title: Northvale & the sea\ndate: 2019-04-09\nauthor: Ada Quill\ntags: [Northvale, sea]\n');
    expect(file).toContain('weight: 3\ntaxonomies:\n  tags:');
    expect(file).toContain('file: post.md');
  });

  it('takes a Markdown file without front matter as it is, its first heading as title', async () => {
    const { draft } = await draftOfMarkdown('# Northvale notes\n\nSome text.\n', 'notes.md');
    expect(draft).toMatchObject({ title: 'Northvale notes', tags: [], body: '# Northvale notes\n\nSome text.\n' });
  });

  it('leaves the title out when the file has none, so its name stands in', async () => {
    const { draft } = await draftOfMarkdown('Just a few words of text.\n', 'jottings.md');
    expect(draft.title).toBe('');
  });

  it('turns Jekyll’s published: false into a draft, and notes fields it could not read', async () => {
    const { draft } = await draftOfMarkdown('---\ntitle: T\npublished: false\ndate: next Tuesday\n---\nx\n', 'p.md');
    expect(draft.draft).toBe(true);
    expect(draft.notes.join()).toMatch(/'date' is not a date/);
  });
});

describe('draftOfPage', () => {
  it('gives the article, its metadata and the date as written where it was published', () => {
    const draft = draftOfPage(
      articlePage({
        head: '<meta property="article:published_time" content="2019-04-09T23:30:00-05:00"><meta property="og:site_name" content="Example Gazette"><meta name="author" content="Ada Quill">',
      }),
      'https://gazette.example/bridge.html',
    );
    expect(draft).toMatchObject({
      title: STORY_TITLE,
      date: '2019-04-09',
      author: 'Ada Quill',
      source: 'Example Gazette',
      url: 'https://gazette.example/bridge.html',
    });
    expect(draft?.body).toMatch(/^The Riverton town council voted/);
  });

  it('gives nothing for a page without an article', () => {
    expect(draftOfPage('<html><body><a href="/a">A</a> <a href="/b">B</a></body></html>', undefined)).toBeUndefined();
  });
});

describe('draftOfScrape', () => {
  it('notes a numeric date read day-first for want of a weekday, not one a weekday settled', () => {
    const guessed = draftOfScrape(
      'Northvale library extends hours\n\nPublished on 06/05/2016\n\nThe library will open later.\n',
    );
    expect(guessed.date).toBe('2016-05-06');
    expect(guessed.notes.join()).toMatch(/assumed day-first/);
    const settled = draftOfScrape(
      'Northvale library extends hours\n\nPublished on 06/05/2016\n\nOn Friday the library said it will open later.\n',
    );
    expect(settled.notes).toEqual([]);
  });
});
