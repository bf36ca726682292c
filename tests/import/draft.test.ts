import { describe, expect, it } from 'vitest';
import { loadAndParseArticle } from '../../src/article/parse.js';
import { bodyFingerprint, comparableUrl, formatArticleFile } from '../../src/import/draft.js';

const provenance = { imported: '2025-03-04T10:00:00.000Z' };

describe('formatArticleFile', () => {
  it('writes the fields in order, short lists on one line, then the body', () => {
    const text = formatArticleFile(
      {
        title: 'Northvale votes: the result',
        date: '2025-03-04',
        author: 'Ada Quill',
        source: 'Example Gazette',
        section: 'Local',
        tags: ['Northvale', 'council'],
        summary: 'The council voted.',
        url: 'https://gazette.example/vote',
        breadcrumb: ['Home', 'Local'],
        banner: { title: 'Road closures', text: 'The harbour road is closed.' },
        body: 'The council voted on Tuesday.\n',
        notes: [],
      },
      provenance,
    );
    expect(text).toBe(`---
title: "Northvale votes: the result"
date: 2025-03-04
author: Ada Quill
source: Example Gazette
section: Local
tags: [Northvale, council]
summary: The council voted.
url: https://gazette.example/vote
breadcrumb: [Home, Local]
banner:
  title: Road closures
  text: The harbour road is closed.
imported: 2025-03-04T10:00:00.000Z
---

The council voted on Tuesday.
`);
  });

  it('records the file an article came from when it has no url, and leaves an empty title out', () => {
    const text = formatArticleFile(
      { title: '', tags: [], breadcrumb: [], body: 'Text.', notes: [] },
      {
        ...provenance,
        fileName: 'page.txt',
      },
    );
    expect(text).toBe('---\nimported: 2025-03-04T10:00:00.000Z\nfile: page.txt\n---\n\nText.\n');
  });

  it.each([
    'Title\n---\nbody: injected',
    'x: y\ntags: [evil]',
    '"quoted" and \'single\'',
    '# not a comment',
    '- a list?',
    'null',
    '2016-05-06',
    'yes',
    'Escape \u001b[31m red',
    '{ flow: mapping }',
    '*alias &anchor !!tag',
  ])('never lets a value out of its field: %j', async (title) => {
    const text = formatArticleFile(
      { title, author: title, tags: [title], breadcrumb: [title], body: 'Body.', notes: [] },
      provenance,
    );
    const article = await loadAndParseArticle(text, 'x', 'x.md');
    expect(article.warnings).toEqual([]);
    const clean = (value: string) => value.replaceAll('\u001b', '^[');
    expect(article.title).toBe(clean(title).replace(/\n/g, ' ').trim());
    expect(article.author).toBe(clean(title).replace(/\n/g, ' ').trim());
    expect(article.body.trim()).toBe('Body.');
  });

  it('writes an & that would read back as an entity as &amp;', async () => {
    const title = 'AT&amp;T and Q&A &copy 2025';
    const text = formatArticleFile({ title, tags: ['R&amp;D'], breadcrumb: [], body: 'B', notes: [] }, provenance);
    expect(text).toContain('title: AT&amp;amp;T and Q&amp;A &amp;copy 2025');
    const article = await loadAndParseArticle(text, 'x', 'x.md');
    expect([article.title, article.tags]).toEqual([title, ['R&amp;D']]);
    expect(formatArticleFile({ title: 'Q&A', tags: [], breadcrumb: [], body: 'B', notes: [] }, provenance)).toContain(
      'title: Q&A',
    );
  });

  it('keeps the extra fields of a Markdown file, after news’s own', () => {
    const text = formatArticleFile(
      { title: 'T', tags: [], breadcrumb: [], body: 'B', notes: [], extra: { weight: 3, aliases: ['/old/'] } },
      provenance,
    );
    expect(text).toContain('title: T\nweight: 3\naliases:\n  - /old/\nimported:');
  });
});

describe('bodyFingerprint', () => {
  const words =
    'The Northvale council voted on Tuesday to rebuild the pier before the autumn storms reach the harbour and the town';
  it('is the same for the same words, whatever the Markdown, case and white space', () => {
    expect(bodyFingerprint(words)).toBeDefined();
    expect(bodyFingerprint(`**${words.toUpperCase()}**\n\n`)).toBe(bodyFingerprint(words));
    expect(bodyFingerprint(`${words} again`)).not.toBe(bodyFingerprint(words));
  });

  it('tells short bodies apart by their title too, and never matches an empty one', () => {
    expect(bodyFingerprint('Read more on our website.', 'One')).not.toBe(
      bodyFingerprint('Read more on our website.', 'Two'),
    );
    expect(bodyFingerprint('Read more on our website.', 'One')).toBe(
      bodyFingerprint('Read *more* on our website', 'one'),
    );
    expect(bodyFingerprint('', 'One')).toBeUndefined();
  });
});

describe('comparableUrl', () => {
  it('drops the fragment and normalises', () => {
    expect(comparableUrl('HTTPS://Gazette.Example/a#top')).toBe('https://gazette.example/a');
    expect(comparableUrl(' ')).toBeUndefined();
  });
});
