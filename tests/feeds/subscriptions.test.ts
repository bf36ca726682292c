// The subscription list: feeds.yaml read (with the line at fault when it cannot be), edited in place, names matched.

import { describe, expect, it } from 'vitest';
import {
  findSubscriptions,
  normalizeFeedUrl,
  SubscriptionList,
  SubscriptionsError,
} from '../../src/feeds/subscriptions.js';

describe('SubscriptionList.parse', () => {
  it('reads entries as mappings or bare addresses, normalising each address', () => {
    const list = SubscriptionList.parse(
      '# mine\n- url: HTTPS://Courier.Example:443/rss\n  title: Courier\n  full: true\n- https://times.example\n',
      'feeds.yaml',
    );
    expect(list.feeds).toEqual([
      { url: 'https://courier.example/rss', title: 'Courier', full: true },
      { url: 'https://times.example/' },
    ]);
  });

  it.each(['', '\n\n', '# only a comment\n', '~\n', '[]\n'])('reads %j as no feeds', (text) => {
    expect(SubscriptionList.parse(text, 'feeds.yaml').feeds).toEqual([]);
  });

  it.each([
    ['- url: https://a.example/\n  title: [unclosed\n', 'feeds.yaml:2: Flow sequence'],
    ['- url: a\n  title: x: y\n', 'feeds.yaml:2: Nested mappings are not allowed in compact mappings; fix that line'],
    ['feeds:\n  - https://a.example/\n', 'feeds.yaml:1: the file must be a list of feeds'],
    ['- 42\n', "feeds.yaml:1: an entry must be a feed's address"],
    ['- [https://a.example/]\n', "feeds.yaml:1: an entry must be a feed's address"],
    ['- url: https://a.example/\n  title: [a, b]\n', 'feeds.yaml:2: title must be text'],
    ['- url: [x]\n', 'feeds.yaml:1: url must be an address'],
    ['- url: https://a.example/\n  url: https://b.example/\n', 'feeds.yaml:2: Map keys must be unique'],
    ['- url: javascript:alert(1)\n', "feeds.yaml:1: 'javascript:alert(1)' is not an http or https address"],
    ['- url: https://a.example/\n  Title: x\n', "feeds.yaml:2: unknown field 'Title' (news reads url, title, full)"],
  ])('refuses %j with one line naming the file and line', (text, message) => {
    let error: unknown;
    try {
      SubscriptionList.parse(text, 'feeds.yaml');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SubscriptionsError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('reads a numeric title as text, and leaves out an empty one', () => {
    expect(
      SubscriptionList.parse('- url: https://a.example/\n  title: 1984\n- url: https://b.example/\n  title:\n', 'f')
        .feeds,
    ).toEqual([{ url: 'https://a.example/', title: '1984' }, { url: 'https://b.example/' }]);
  });
});

describe('editing a SubscriptionList', () => {
  it('adds, retitles, moves and removes entries in place, comments and order kept', () => {
    const list = SubscriptionList.parse(
      '# My feeds\n- https://times.example/feed # no title\n- url: https://sport.example/rss # sport\n  title: Sport\n',
      'feeds.yaml',
    );
    list.add({ url: 'https://courier.example/rss', title: 'Courier: Northvale', full: true });
    list.update('https://times.example/feed', { title: 'The Times' });
    list.update('https://sport.example/rss', { url: 'https://sport.example/feed' });
    expect(list.remove('https://nowhere.example/')).toBe(false);
    expect(list.toString()).toBe(
      '# My feeds\n- url: https://times.example/feed # no title\n  title: The Times\n- url: https://sport.example/feed # sport\n  title: Sport\n- url: https://courier.example/rss\n  title: "Courier: Northvale"\n  full: true\n',
    );
    expect(list.remove('https://sport.example/feed')).toBe(true);
    expect(list.feeds.map((feed) => feed.url)).toEqual(['https://times.example/feed', 'https://courier.example/rss']);
    expect(SubscriptionList.parse(list.toString(), 'f').feeds).toEqual(list.feeds);
  });

  it('writes titles that look like YAML syntax so that they read back as written', () => {
    const list = SubscriptionList.empty();
    const titles = ['- dash', '#hash', 'yes', 'null', '"quoted"', "it's", 'a: b', '  spaced  ', '@at', '123', '[x]'];
    for (const [index, title] of titles.entries()) list.add({ url: `https://a.example/${index}`, title });
    const read = SubscriptionList.parse(list.toString(), 'f');
    expect(read.feeds.map((feed) => feed.title)).toEqual(titles.map((title) => title.trim()));
  });

  it('starts a new file with a comment that says what it is', () => {
    const list = SubscriptionList.empty();
    list.add({ url: 'https://a.example/' });
    expect(list.toString()).toMatch(/^# Feeds news fetches: .*\n# .*\n# .*\n\n- url: https:\/\/a\.example\/\n$/);
  });
});

describe('findSubscriptions and normalizeFeedUrl', () => {
  const feeds = [
    { url: 'https://a.example/rss', title: 'Courier' },
    { url: 'https://b.example/rss', title: 'courier' },
    { url: 'https://c.example/rss' },
  ];

  it.each([
    ['https://A.example/rss', ['https://a.example/rss']],
    ['https://c.example/rss', ['https://c.example/rss']],
    ['  COURIER ', ['https://a.example/rss', 'https://b.example/rss']],
    ['Times', []],
  ])('%j names %j', (name, urls) => {
    expect(findSubscriptions(feeds, name).map((feed) => feed.url)).toEqual(urls);
  });

  it.each([
    ['https://Example.com', 'https://example.com/'],
    [' http://example.com:80/a b ', 'http://example.com/a%20b'],
    ['ftp://example.com/', undefined],
    ['example.com/feed', undefined],
  ])('%j is %j', (text, url) => {
    expect(normalizeFeedUrl(text)).toBe(url);
  });
});
