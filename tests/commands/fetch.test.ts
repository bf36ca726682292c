// news fetch in-process, against feeds a server this test starts on 127.0.0.1 serves (never any other host).

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { lines, runCli, temporaryFolder } from '../helpers.js';
import {
  atom,
  COURIER,
  feedAnswer,
  jsonFeed,
  opmlFile,
  rdf,
  redirectAnswer,
  rss2,
  rss09x,
  type Story,
  statusAnswer,
  stories,
  storyBody,
  useFeedServer,
} from '../import/feed-server.js';

const server = useFeedServer();

/** A fresh config, state, library and cache folder, as the environment names them. */
function freshEnv(): Record<string, string> {
  const root = temporaryFolder('news-fetch-');
  return {
    NEWS_CONFIG_DIR: join(root, 'config'),
    NEWS_STATE_DIR: join(root, 'state'),
    NEWS_LIBRARY: join(root, 'library'),
    NEWS_CACHE_DIR: join(root, 'cache'),
  };
}

async function news(env: Record<string, string>, ...argv: string[]) {
  return runCli(argv, { env });
}

/** `news fetch --json`, parsed. */
async function fetchJson(env: Record<string, string>, ...argv: string[]) {
  const run = await news(env, 'fetch', '--json', ...argv);
  return { ...run, data: JSON.parse(run.stdout) as { feeds: FeedRow[]; articles: ArticleRow[] } };
}

interface FeedRow {
  url: string;
  title: string;
  status: string;
  new: number;
  updated: number;
  movedTo: string | null;
  message: string | null;
}

interface ArticleRow {
  status: string;
  slug: string;
  title: string;
  feed: string;
  feedUrl: string;
  date: string | null;
  url: string | null;
  path: string;
}

function articleFiles(env: Record<string, string>): string[] {
  const dir = env.NEWS_LIBRARY as string;
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.md')) : [];
}

async function subscribe(env: Record<string, string>, ...paths: string[]) {
  const added = await news(env, 'feed', 'add', ...paths.map((path) => server.url(path)));
  expect(added.code, added.stderr).toBe(0);
}

describe('news fetch', () => {
  it('imports every item of feeds in every format, each article of its feed', async () => {
    const env = freshEnv();
    const formats: [string, string, string, string][] = [
      ['/rss2', rss2(stories(2, 'Rss'), `${COURIER} (RSS 2.0)`), 'application/rss+xml', 'RSS 2.0'],
      ['/rss091', rss09x(stories(2, 'Old'), '0.91', `${COURIER} (RSS 0.91)`), 'text/xml', 'RSS 0.91'],
      ['/rss092', rss09x(stories(2, 'Older'), '0.92', `${COURIER} (RSS 0.92)`), 'application/xml', 'RSS 0.92'],
      ['/rdf', rdf(stories(2, 'Rdf'), `${COURIER} (RSS 1.0)`), 'application/rdf+xml', 'RSS 1.0'],
      ['/atom', atom(stories(2, 'Atom'), `${COURIER} (Atom)`), 'application/atom+xml', 'Atom'],
      ['/json', jsonFeed(stories(2, 'Json'), `${COURIER} (JSON Feed)`), 'application/feed+json', 'JSON Feed'],
    ];
    for (const [path, body, type] of formats) server.routes.set(path, feedAnswer(body, type));
    await subscribe(env, ...formats.map(([path]) => path));
    const { code, stderr, data } = await fetchJson(env);
    expect([code, stderr]).toEqual([0, '']);
    expect(data.feeds.map((feed) => [feed.title, feed.status, feed.new])).toEqual(
      formats.map(([, , , name]) => [`${COURIER} (${name})`, 'fetched', 2]),
    );
    expect(data.articles).toHaveLength(12);
    expect(articleFiles(env)).toHaveLength(12);
    for (const [, , , name] of formats) {
      const listed = await news(env, 'list', '--source', `${COURIER} (${name})`);
      expect(lines(listed.stdout), name).toHaveLength(2);
    }
    const rss = data.articles.find((article) => article.title === 'Rss 1: the ferry of Northvale') as ArticleRow;
    expect(rss).toMatchObject({ status: 'new', date: '2024-04-01', url: 'https://courier.example/rss/1' });
    const file = readFileSync(rss.path, 'utf8');
    expect(file).toContain(`source: ${COURIER} (RSS 2.0)`);
    expect(file).toContain('author: Ada Quill');
    expect(file).toContain('tags: [Northvale]');
    expect(file).toContain('The rss number 1 was discussed at length');
    const read = await news(env, 'read', rss.slug);
    expect(read.stdout).toContain('Rss 1: the ferry of Northvale');
  });

  it('prints slug<TAB>feed<TAB>title for each new article when piped, and a summary on a terminal', async () => {
    const env = freshEnv();
    server.routes.set('/rss', feedAnswer(rss2(stories(2))));
    await subscribe(env, '/rss');
    const piped = await news(env, 'fetch');
    expect(piped.code).toBe(0);
    expect(lines(piped.stdout)).toEqual([
      `story-1-the-ferry-of-northvale\t${COURIER}\tStory 1: the ferry of Northvale`,
      `story-2-the-market-of-northvale\t${COURIER}\tStory 2: the market of Northvale`,
    ]);
    server.routes.set('/rss', feedAnswer(rss2(stories(3))));
    const terminal = await runCli(['fetch'], { env, tty: true });
    expect(terminal.stdout).toBe('1 feed, 1 new article\n');
  });

  it('sends the validators back: a 304 costs nothing and imports nothing (ETag)', async () => {
    const env = freshEnv();
    server.routes.set('/rss', feedAnswer(rss2(stories(2)), 'application/rss+xml', '"v1"'));
    await subscribe(env, '/rss');
    expect((await fetchJson(env)).data.articles).toHaveLength(2);
    const again = await fetchJson(env);
    expect(again.code).toBe(0);
    expect(again.data.feeds[0]).toMatchObject({ status: 'not-modified', new: 0 });
    const [, , last] = server.requests('/rss');
    expect(last?.headers['if-none-match']).toBe('"v1"');
    expect(last?.headers['user-agent']).toMatch(/^news\/\S+ \(command-line news reader\)$/);
    expect(last?.headers['accept-encoding']).toBe('gzip, deflate, br');
    const piped = await news(env, 'fetch');
    expect([piped.code, piped.stdout, piped.stderr]).toEqual([0, '', '']);
  });

  it('sends the validators back: a 304 costs nothing and imports nothing (Last-Modified)', async () => {
    const env = freshEnv();
    const modified = 'Tue, 02 Apr 2024 10:00:00 GMT';
    server.routes.set('/rss', (request, response) => {
      if (request.headers['if-modified-since'] === modified) {
        response.writeHead(304);
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/rss+xml', 'last-modified': modified });
      response.end(rss2(stories(2)));
    });
    await subscribe(env, '/rss');
    await news(env, 'fetch');
    expect((await fetchJson(env)).data.feeds[0]?.status).toBe('not-modified');
    expect(articleFiles(env)).toHaveLength(2);
  });

  it('reports a feed that fails in one line naming it and the cause, and fetches the others (exit 2)', async () => {
    const env = freshEnv();
    server.routes.set('/good', feedAnswer(rss2(stories(1))));
    server.routes.set('/error', statusAnswer(500));
    server.routes.set(
      '/page',
      feedAnswer('<!doctype html><html><body><p>A page, not a feed.</p></body></html>', 'text/html'),
    );
    server.routes.set(
      '/broken',
      feedAnswer('<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item>'),
    );
    server.routes.set('/hangs', () => undefined);
    await subscribe(env, '/good');
    const titles = await news(
      env,
      'feed',
      'import',
      opmlFile(['/error', '/page', '/broken', '/hangs'].map((path) => server.url(path))),
    );
    expect(titles.code, titles.stderr).toBe(0);
    const started = Date.now();
    const run = await news(env, 'fetch', '--timeout', '0.5', '--jobs', '8');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(run.code).toBe(2);
    expect(lines(run.stdout)).toEqual([`story-1-the-ferry-of-northvale\t${COURIER}\tStory 1: the ferry of Northvale`]);
    expect(lines(run.stderr).sort()).toEqual(
      [
        `news: ${server.url('/error')}: the server answered 500 Internal Server Error`,
        `news: ${server.url('/page')}: not a feed: the document's root is <html> (a web page)`,
        expect.stringMatching(new RegExp(`^news: ${escapeRegExp(server.url('/broken'))}: malformed XML at line \\d+`)),
        `news: ${server.url('/hangs')}: no complete answer within 0.5 s; try again or raise --timeout`,
      ].sort(),
    );
    const listed = JSON.parse((await news(env, 'feed', 'list', '--json')).stdout) as {
      url: string;
      error: string | null;
    }[];
    expect(listed.find((feed) => feed.url === server.url('/error'))?.error).toBe(
      'the server answered 500 Internal Server Error',
    );
    // A feed that works again is fetched as if nothing happened.
    server.routes.set('/error', feedAnswer(rss2(stories(1, 'Late'))));
    const later = await news(env, 'fetch', server.url('/error'));
    expect([later.code, lines(later.stdout).length]).toEqual([0, 1]);
  });

  it('follows a redirect chain; the permanent part of it updates the subscription, said once', async () => {
    const env = freshEnv();
    server.routes.set('/old', redirectAnswer(301, '/newer'));
    server.routes.set('/newer', redirectAnswer(302, '/today'));
    server.routes.set('/today', feedAnswer(rss2(stories(2))));
    await news(env, 'feed', 'import', opmlFile([server.url('/old')]));
    const first = await news(env, 'fetch');
    expect(first.code).toBe(0);
    expect(lines(first.stdout)).toHaveLength(2);
    expect(first.stderr).toBe(
      `news: note: ${COURIER} (${server.url('/old')}): moved permanently to ${server.url('/newer')}; the subscription now says so\n`,
    );
    const subscriptions = readFileSync(join(env.NEWS_CONFIG_DIR as string, 'feeds.yaml'), 'utf8');
    expect(subscriptions).toContain(`- url: ${server.url('/newer')}\n  title: ${COURIER}`);
    expect(subscriptions).not.toContain('/old');
    server.routes.set('/today', feedAnswer(rss2(stories(3))));
    const second = await news(env, 'fetch');
    expect([second.code, second.stderr, lines(second.stdout).length]).toEqual([0, '', 1]);
    expect(server.requests('/old')).toHaveLength(1);
  });

  it('refuses more than five redirects, and a redirect to a file: address', async () => {
    const env = freshEnv();
    for (let hop = 0; hop < 7; hop++) server.routes.set(`/hop${hop}`, redirectAnswer(302, `/hop${hop + 1}`));
    server.routes.set('/to-file', redirectAnswer(302, 'file:///etc/passwd'));
    await news(env, 'feed', 'import', opmlFile([server.url('/hop0'), server.url('/to-file')]));
    const run = await news(env, 'fetch');
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      `news: ${server.url('/hop0')}: redirects more than 5 times; open it in a browser to see where it goes`,
      `news: ${server.url('/to-file')}: redirects to a file: address; only http and https are followed`,
    ]);
  });

  it('reads a gzip body, and feeds in Latin-1 declared by the server or by the document', async () => {
    const env = freshEnv();
    server.routes.set('/gzip', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
      response.end(gzipSync(rss2(stories(2), 'Courier compressed')));
    });
    const latin = (title: string) =>
      `<rss version="2.0"><channel><title>${title}</title><link>https://courier.example/</link><item><title>Caf\u00e9 cr\u00e8me \u00e0 Northvale</title><guid>latin-1</guid><description>Le caf\u00e9 du port a rouvert ses portes.</description></item></channel></rss>`;
    server.routes.set(
      '/latin-header',
      feedAnswer(Buffer.from(latin('Courrier (header)'), 'latin1'), 'application/rss+xml; charset=ISO-8859-1'),
    );
    server.routes.set(
      '/latin-declared',
      feedAnswer(
        Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>\n${latin('Courrier (declared)')}`, 'latin1'),
        'text/xml',
      ),
    );
    await subscribe(env, '/gzip', '/latin-header', '/latin-declared');
    const { code, data } = await fetchJson(env);
    expect(code).toBe(0);
    expect(data.articles.map((article) => article.title)).toEqual([
      'Story 1: the ferry of Northvale',
      'Story 2: the market of Northvale',
      'Café crème à Northvale',
      'Café crème à Northvale',
    ]);
    expect(readFileSync(data.articles[2]?.path as string, 'utf8')).toContain('Le café du port a rouvert ses portes.');
  });

  it('refuses an XXE feed and a billion-laughs feed, fetching nothing their DTD names', async () => {
    const env = freshEnv();
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "${server.url('/secret')}">]><rss version="2.0"><channel><title>Trap</title><item><title>&secret;</title></item></channel></rss>`;
    const laughs = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><rss version="2.0"><channel><title>Laughs</title><item><title>&d;</title></item></channel></rss>`;
    const external = `<?xml version="1.0"?><!DOCTYPE rss SYSTEM "${server.url('/secret.dtd')}"><rss version="2.0"><channel><title>Dtd</title><item><title>Fine</title><guid>x</guid></item></channel></rss>`;
    server.routes.set('/xxe', feedAnswer(xxe));
    server.routes.set('/laughs', feedAnswer(laughs));
    server.routes.set('/external', feedAnswer(external));
    await news(env, 'feed', 'import', opmlFile(['/xxe', '/laughs', '/external'].map((path) => server.url(path))));
    const run = await news(env, 'fetch');
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      `news: ${server.url('/xxe')}: declares a DTD/entity: refused`,
      `news: ${server.url('/laughs')}: declares a DTD/entity: refused`,
    ]);
    // An external DTD without entity declarations is read past, never fetched.
    expect(lines(run.stdout)).toHaveLength(1);
    expect(server.requests('/secret')).toEqual([]);
    expect(server.requests('/secret.dtd')).toEqual([]);
  });

  it('marks a feed that answers 410 gone: not fetched again until it is added again, and feed list says so', async () => {
    const env = freshEnv();
    server.routes.set('/rss', feedAnswer(rss2(stories(1))));
    await subscribe(env, '/rss');
    expect(lines((await news(env, 'fetch')).stdout)).toHaveLength(1);
    server.routes.set('/rss', statusAnswer(410));
    const gone = await news(env, 'fetch');
    expect(gone.code).toBe(0);
    expect(gone.stderr).toContain('answered 410 Gone: the feed is no more');
    const requests = server.requests('/rss').length;
    const next = await news(env, 'fetch');
    expect([next.code, next.stdout, next.stderr]).toEqual([0, '', '']);
    expect(server.requests('/rss')).toHaveLength(requests);
    const listed = await runCli(['--color', 'never', 'feed', 'list'], { env, tty: true, columns: 120 });
    expect(listed.stdout).toMatch(/^gone {2}/m);
    const named = await news(env, 'fetch', COURIER);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain(`answered 410 Gone on `);
    server.routes.set('/rss', feedAnswer(rss2(stories(2))));
    const readded = await news(env, 'feed', 'add', server.url('/rss'));
    expect(readded.stderr).toContain('had answered 410 Gone; news fetch tries it again from now on');
    const back = await news(env, 'fetch');
    expect(lines(back.stdout)).toEqual([
      `story-2-the-market-of-northvale\t${COURIER}\tStory 2: the market of Northvale`,
    ]);
  });

  it('updates the article of an item whose text changed, under the same slug', async () => {
    const env = freshEnv();
    const items = stories(2);
    server.routes.set('/rss', feedAnswer(rss2(items)));
    await subscribe(env, '/rss');
    const first = await fetchJson(env);
    const slug = first.data.articles[0]?.slug as string;
    const changed: Story[] = [
      { ...(items[0] as Story), content: storyBody('corrected ferry timetable') },
      items[1] as Story,
    ];
    server.routes.set('/rss', feedAnswer(rss2(changed)));
    const second = await fetchJson(env);
    expect(second.data.articles).toEqual([expect.objectContaining({ status: 'updated', slug })]);
    expect(second.data.feeds[0]).toMatchObject({ new: 0, updated: 1 });
    expect(articleFiles(env)).toHaveLength(2);
    expect(readFileSync(join(env.NEWS_LIBRARY as string, `${slug}.md`), 'utf8')).toContain('corrected ferry timetable');
    // Not printed as new in a pipe; counted on a terminal.
    server.routes.set(
      '/rss',
      feedAnswer(rss2([{ ...(changed[0] as Story), title: 'Story 1: the ferry runs again' }, items[1] as Story])),
    );
    const terminal = await runCli(['fetch'], { env, tty: true });
    expect(terminal.stdout).toBe('1 feed, 0 new articles, 1 updated\n');
    expect(readFileSync(join(env.NEWS_LIBRARY as string, `${slug}.md`), 'utf8')).toContain(
      'title: "Story 1: the ferry runs again"',
    );
  });

  it('never imports an item twice: not when the feed drops and re-adds it, nor after its article was removed', async () => {
    const env = freshEnv();
    const items = stories(3);
    server.routes.set('/rss', feedAnswer(rss2(items)));
    await subscribe(env, '/rss');
    const first = await fetchJson(env);
    expect(first.data.articles).toHaveLength(3);
    server.routes.set('/rss', feedAnswer(rss2(items.slice(1))));
    expect((await fetchJson(env)).data.articles).toEqual([]);
    server.routes.set('/rss', feedAnswer(rss2(items)));
    expect((await fetchJson(env)).data.articles).toEqual([]);
    const removed = await news(env, 'remove', first.data.articles[0]?.slug as string);
    expect(removed.code).toBe(0);
    expect((await fetchJson(env)).data.articles).toEqual([]);
    // Even a change to the removed article's item does not bring it back.
    server.routes.set(
      '/rss',
      feedAnswer(rss2([{ ...(items[0] as Story), content: storyBody('news of a correction') }, ...items.slice(1)])),
    );
    expect((await fetchJson(env)).data.articles).toEqual([]);
    expect(articleFiles(env)).toHaveLength(2);
  });

  it("dates an item that has none with the day it was fetched, so list shows it among today's", async () => {
    const env = freshEnv();
    const { date: _date, ...undated } = stories(1)[0] as Story;
    server.routes.set('/rss', feedAnswer(rss2([undated])));
    await subscribe(env, '/rss');
    const { data } = await fetchJson(env);
    const today = new Date();
    const pad = (value: number) => String(value).padStart(2, '0');
    const day = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
    expect(data.articles[0]?.date).toBe(day);
    const [top] = lines((await news(env, 'list')).stdout);
    expect(top?.split('\t').slice(0, 2)).toEqual([data.articles[0]?.slug, day]);
  });

  it('fetches only the feeds named, by title or address; a name that is no feed is exit 2', async () => {
    const env = freshEnv();
    server.routes.set('/a', feedAnswer(rss2(stories(1, 'Alpha'), 'Alpha Courier')));
    server.routes.set('/b', feedAnswer(rss2(stories(1, 'Beta'), 'Beta Courier')));
    await subscribe(env, '/a', '/b');
    const one = await fetchJson(env, 'alpha courier');
    expect(one.data.feeds.map((feed) => feed.title)).toEqual(['Alpha Courier']);
    const other = await fetchJson(env, server.url('/b'));
    expect(other.data.feeds.map((feed) => feed.title)).toEqual(['Beta Courier']);
    const unknown = await news(env, 'fetch', 'Gamma Courier');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      "news: no subscribed feed is titled or addressed 'Gamma Courier'; did you mean 'Alpha Courier', 'Beta Courier'? (news feed list shows them)\n",
    );
  });

  it('with --full, fetches the page of an item that carries only a summary, and keeps the summary when it cannot', async () => {
    const env = freshEnv();
    const page = `<!doctype html><html><head><title>Harbour wall</title></head><body><nav><a href="/">Home</a></nav><article><h1>Harbour wall</h1>${storyBody('harbour wall repair', 150)}</article></body></html>`;
    server.routes.set('/story/wall', feedAnswer(page, 'text/html; charset=utf-8'));
    const summaryOnly: Story[] = [
      {
        id: 'wall',
        title: 'Harbour wall to be repaired',
        link: server.url('/story/wall'),
        summary: '<p>Work starts in May.</p>',
        date: 'Wed, 03 Apr 2024 08:00:00 +0000',
      },
      {
        id: 'lost',
        title: 'Lighthouse keeper retires',
        link: server.url('/story/lost'),
        summary: '<p>After forty years.</p>',
        date: 'Wed, 03 Apr 2024 09:00:00 +0000',
      },
      {
        id: 'long',
        title: 'Market day',
        link: server.url('/story/long'),
        content: storyBody('market day', 150),
        date: 'Wed, 03 Apr 2024 10:00:00 +0000',
      },
    ];
    server.routes.set('/rss', feedAnswer(rss2(summaryOnly)));
    await subscribe(env, '/rss');
    const run = await fetchJson(env, '--full');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      `news: note: ${COURIER} (${server.url('/rss')}): ${server.url('/story/lost')}: the server answered 404 Not Found; kept the feed's text\n`,
    );
    const [wall, lost] = run.data.articles;
    const wallText = readFileSync(wall?.path as string, 'utf8');
    expect(wallText).toContain('The harbour wall repair was discussed at length');
    expect(wallText).toContain('summary: Work starts in May.');
    expect(wallText).toContain('title: Harbour wall to be repaired');
    expect(readFileSync(lost?.path as string, 'utf8')).toContain('After forty years.');
    // An item with words enough of its own is not fetched again from its page.
    expect(server.requests('/story/long')).toEqual([]);
  });

  it('fetches with full: true from feeds.yaml as with --full', async () => {
    const env = freshEnv();
    const page = `<!doctype html><html><body><article><h1>Ferry</h1>${storyBody('ferry page', 150)}</article></body></html>`;
    server.routes.set('/story/ferry', feedAnswer(page, 'text/html'));
    server.routes.set(
      '/rss',
      feedAnswer(rss2([{ id: 'f', title: 'Ferry', link: server.url('/story/ferry'), summary: '<p>Short.</p>' }])),
    );
    const config = env.NEWS_CONFIG_DIR as string;
    await news(env, 'feed', 'import', opmlFile([server.url('/rss')]));
    const yaml = readFileSync(join(config, 'feeds.yaml'), 'utf8').replace(
      `url: ${server.url('/rss')}`,
      `url: ${server.url('/rss')}\n  full: true`,
    );
    writeFileSync(join(config, 'feeds.yaml'), yaml);
    const { data } = await fetchJson(env);
    expect(readFileSync(data.articles[0]?.path as string, 'utf8')).toContain('The ferry page was discussed');
  });

  it('says which line of a hand-edited feeds.yaml it cannot read, and fetches nothing', async () => {
    const env = freshEnv();
    const config = env.NEWS_CONFIG_DIR as string;
    await news(env, 'feed', 'import', opmlFile([server.url('/rss')]));
    const path = join(config, 'feeds.yaml');
    writeFileSync(path, `${readFileSync(path, 'utf8')}- url: https://courier.example/other\n  tittle: Other\n`);
    const run = await news(env, 'fetch');
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toMatch(
      new RegExp(`^news: ${escapeRegExp(path)}:\\d+: unknown field 'tittle' \\(news reads url, title, full\\)\\n$`),
    );
    expect(server.seen).toEqual([]);
  });

  it.each([
    [
      ['--jobs', '0'],
      "news: --jobs 0: give a whole number of feeds from 1 to 64 (run 'news fetch --help' for usage)\n",
    ],
    [
      ['--timeout', '-1'],
      "news: --timeout -1: give a number of seconds above 0, up to 3600 (run 'news fetch --help' for usage)\n",
    ],
    [
      ['--timeout', 'soon'],
      "news: --timeout soon: give a number of seconds above 0, up to 3600 (run 'news fetch --help' for usage)\n",
    ],
  ])('refuses %j as a usage error', async (options, message) => {
    const run = await news(freshEnv(), 'fetch', ...options);
    expect([run.code, run.stdout, run.stderr]).toEqual([2, '', message]);
  });

  it('needs a library folder and a place for its files', async () => {
    const noHome = await runCli(['fetch'], { env: {} });
    expect(noHome).toMatchObject({
      code: 2,
      stderr: 'news: there is no library folder to fetch into; set NEWS_LIBRARY, XDG_DATA_HOME or HOME\n',
    });
    const noState = await runCli(['fetch'], { env: { NEWS_LIBRARY: '/tmp/x', NEWS_CONFIG_DIR: '/tmp/y' } });
    expect(noState.stderr).toBe(
      'news: there is no folder for the fetch state; set NEWS_STATE_DIR, XDG_STATE_HOME or HOME\n',
    );
  });

  it('keeps its files private: the state folder 0700, the state file 0600', async () => {
    const env = freshEnv();
    server.routes.set('/rss', feedAnswer(rss2(stories(1))));
    await subscribe(env, '/rss');
    await news(env, 'fetch');
    const state = env.NEWS_STATE_DIR as string;
    expect(statSync(state).mode & 0o777).toBe(0o700);
    expect(statSync(join(state, 'fetch-state.json')).mode & 0o777).toBe(0o600);
    expect(readdirSync(state).sort()).toEqual(['fetch-state.json']);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
