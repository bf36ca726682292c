// The fetch state file: what it keeps, read back exactly; anything else read as no state at all.

import { describe, expect, it } from 'vitest';
import { itemFingerprint } from '../../src/feeds/item.js';
import { emptyRecord, type FetchState, formatFetchState, parseFetchState } from '../../src/feeds/state.js';

describe('the fetch state file', () => {
  it('reads back what it wrote, ids from the network kept as ids, __proto__ too', () => {
    const state: FetchState = new Map();
    const record = emptyRecord();
    record.etag = '"v1"';
    record.lastModified = 'Tue, 02 Apr 2024 10:00:00 GMT';
    record.fetched = '2024-04-02T10:00:00.000Z';
    record.site = 'https://courier.example/';
    record.articles = 2;
    record.items.set('__proto__', { fingerprint: 'a', slug: 'first' });
    record.items.set('constructor', { fingerprint: 'b' });
    record.items.set('https://courier.example/2', { fingerprint: 'c', slug: 'second' });
    state.set('https://courier.example/rss', record);
    const gone = emptyRecord();
    gone.gone = '2024-04-03T00:00:00.000Z';
    gone.error = 'the server answered 500 Internal Server Error';
    state.set('https://gone.example/rss', gone);
    const text = formatFetchState(state);
    expect(text.split('\n')).toHaveLength(5);
    const read = parseFetchState(text) as FetchState;
    expect(read).toEqual(state);
    expect(read.get('https://courier.example/rss')?.items.get('__proto__')).toEqual({
      fingerprint: 'a',
      slug: 'first',
    });
    expect(Object.getPrototypeOf(Object.prototype)).toBeNull();
  });

  it.each(['', '{', 'null', '[]', '{"version":2,"feeds":{}}', '{"version":1}', '{"version":1,"feeds":3}'])(
    'reads %j as no state news wrote',
    (text) => {
      expect(parseFetchState(text)).toBeUndefined();
    },
  );

  it('skips entries and items it cannot use, keeping the rest', () => {
    const text = JSON.stringify({
      version: 1,
      feeds: {
        'https://a.example/': {
          articles: 'many',
          etag: 7,
          items: { one: { fingerprint: 'x' }, two: { slug: 'y' }, three: null },
        },
        'https://b.example/': 'nonsense',
      },
    });
    const state = parseFetchState(text) as FetchState;
    expect([...state.keys()]).toEqual(['https://a.example/']);
    expect(state.get('https://a.example/')).toEqual({ articles: 0, items: new Map([['one', { fingerprint: 'x' }]]) });
  });
});

describe('itemFingerprint', () => {
  const item = { id: '1', title: 'Ferry returns', categories: [], contentHtml: '<p>The ferry   is <b>back</b>.</p>' };

  it('changes with the title or the text, not with markup, spacing, link or date', () => {
    const base = itemFingerprint(item);
    expect(
      itemFingerprint({
        ...item,
        contentHtml: '<div>The ferry is back.</div>',
        link: 'https://x/?utm=1',
        date: 'today',
      }),
    ).toBe(base);
    expect(itemFingerprint({ ...item, title: 'Ferry returns early' })).not.toBe(base);
    expect(itemFingerprint({ ...item, contentHtml: '<p>The ferry is not back.</p>' })).not.toBe(base);
  });

  it('reads the summary when there is no content', () => {
    const summaryOnly = { id: '1', title: 'T', categories: [], summaryHtml: '<p>Short</p>' };
    expect(itemFingerprint(summaryOnly)).not.toBe(itemFingerprint({ ...summaryOnly, summaryHtml: '<p>Longer</p>' }));
  });
});
