// news feed add, list, remove, import and export in-process, against a server this test starts on 127.0.0.1.

import { lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, runCli, stripAnsi, temporaryFolder } from '../helpers.js';
import {
  atom,
  COURIER,
  feedAnswer,
  opmlFile,
  rss2,
  statusAnswer,
  stories,
  useFeedServer,
} from '../import/feed-server.js';

const server = useFeedServer();

function freshEnv(): Record<string, string> {
  const root = temporaryFolder('news-feed-');
  return {
    NEWS_CONFIG_DIR: join(root, 'config'),
    NEWS_STATE_DIR: join(root, 'state'),
    NEWS_LIBRARY: join(root, 'library'),
  };
}

function news(env: Record<string, string>, ...argv: string[]) {
  return runCli(argv, { env });
}

function subscriptionsFile(env: Record<string, string>): string {
  return join(env.NEWS_CONFIG_DIR as string, 'feeds.yaml');
}

describe('news feed add', () => {
  it('fetches each feed once for its title and subscribes to it; piped: url<TAB>status<TAB>title', async () => {
    const env = freshEnv();
    server.routes.set('/rss', feedAnswer(rss2(stories(2))));
    server.routes.set('/atom', feedAnswer(atom(stories(1, 'Atom'), 'Courier in Atom'), 'application/atom+xml'));
    const added = await news(env, 'feed', 'add', server.url('/rss'), server.url('/atom'));
    expect([added.code, added.stderr]).toEqual([0, '']);
    expect(lines(added.stdout)).toEqual([
      `${server.url('/rss')}\tadded\t${COURIER}`,
      `${server.url('/atom')}\tadded\tCourier in Atom`,
    ]);
    const text = readFileSync(subscriptionsFile(env), 'utf8');
    expect(text).toMatch(/^# Feeds news fetches/);
    expect(text).toContain(
      `- url: ${server.url('/rss')}\n  title: ${COURIER}\n- url: ${server.url('/atom')}\n  title: Courier in Atom\n`,
    );
    // Nothing is imported yet, and nothing that would make the first fetch a 304 is kept.
    const fetched = await news(env, 'fetch');
    expect(lines(fetched.stdout)).toHaveLength(3);
  });

  it('leaves a feed already subscribed as it is', async () => {
    const env = freshEnv();
    server.routes.set('/rss', feedAnswer(rss2(stories(1))));
    await news(env, 'feed', 'add', server.url('/rss'));
    const again = await runCli(['--color', 'never', 'feed', 'add', server.url('/rss')], { env, tty: true });
    expect([again.code, again.stdout]).toEqual([0, `already  ${COURIER}  ${server.url('/rss')}\n`]);
  });

  it('subscribes to a feed it cannot reach now, with a warning; refuses what is no feed', async () => {
    const env = freshEnv();
    server.routes.set('/busy', statusAnswer(503));
    server.routes.set(
      '/page',
      feedAnswer('<!doctype html><html><body><p>No feed here.</p></body></html>', 'text/html'),
    );
    server.routes.set('/text', feedAnswer('just words', 'text/plain'));
    const run = await news(
      env,
      'feed',
      'add',
      server.url('/busy'),
      server.url('/missing'),
      server.url('/page'),
      server.url('/text'),
      'ftp://courier.example/feed',
    );
    expect(run.code).toBe(2);
    expect(lines(run.stdout)).toEqual([`${server.url('/busy')}\tadded\t`]);
    expect(lines(run.stderr)).toEqual([
      `news: warning: ${server.url('/busy')}: the server answered 503 Service Unavailable; subscribed all the same, news fetch will try again`,
      `news: ${server.url('/missing')}: the server answered 404 Not Found`,
      `news: ${server.url('/page')}: is a web page that names no feed (no <link rel="alternate">); give the feed's address`,
      `news: ${server.url('/text')}: not a feed: the document is neither XML nor JSON`,
      'news: ftp://courier.example/feed: is not an http or https address',
    ]);
    // Its title is learned when a fetch first reaches it.
    server.routes.set('/busy', feedAnswer(rss2(stories(1), 'Courier, back')));
    await news(env, 'fetch');
    expect(readFileSync(subscriptionsFile(env), 'utf8')).toContain(
      `- url: ${server.url('/busy')}\n  title: Courier, back\n`,
    );
  });

  it('finds the feed a web page names in its <link rel="alternate">', async () => {
    const env = freshEnv();
    server.routes.set(
      '/home',
      feedAnswer(
        '<!doctype html><html><head><title>Courier</title><link rel="alternate" type="application/rss+xml" title="News" href="/feeds/news.xml"></head><body><p>Welcome.</p></body></html>',
        'text/html; charset=utf-8',
      ),
    );
    server.routes.set('/feeds/news.xml', feedAnswer(rss2(stories(1))));
    const run = await news(env, 'feed', 'add', server.url('/home'));
    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toEqual([`${server.url('/feeds/news.xml')}\tadded\t${COURIER}`]);
    expect(run.stderr).toBe(
      `news: note: ${server.url('/home')}: is a web page; its feed is ${server.url('/feeds/news.xml')}\n`,
    );
  });

  it('subscribes where a permanent redirect leads', async () => {
    const env = freshEnv();
    server.routes.set('/old', (_request, response) => {
      response.writeHead(308, { location: '/new' });
      response.end();
    });
    server.routes.set('/new', feedAnswer(rss2(stories(1))));
    const run = await news(env, 'feed', 'add', server.url('/old'));
    expect(lines(run.stdout)).toEqual([`${server.url('/new')}\tadded\t${COURIER}`]);
    expect(run.stderr).toBe(
      `news: note: ${server.url('/old')}: moved permanently to ${server.url('/new')}; subscribed there\n`,
    );
  });

  it('takes a saved feed (subscribing to the address it names for itself) and an OPML file', async () => {
    const env = freshEnv();
    const folder = temporaryFolder('news-feed-files-');
    writeFileSync(join(folder, 'saved.xml'), rss2(stories(1), COURIER, 'https://courier.example/feed.xml'));
    writeFileSync(join(folder, 'selfless.xml'), rss2(stories(1)));
    writeFileSync(
      join(folder, 'list.opml'),
      '<opml version="1.0"><body><outline text="Courier Sport" xmlUrl="https://courier.example/sport.xml"/></body></opml>',
    );
    const run = await news(
      env,
      'feed',
      'add',
      join(folder, 'saved.xml'),
      join(folder, 'list.opml'),
      join(folder, 'selfless.xml'),
    );
    expect(run.code).toBe(2);
    expect(lines(run.stdout)).toEqual([
      `https://courier.example/feed.xml\tadded\t${COURIER}`,
      'https://courier.example/sport.xml\tadded\tCourier Sport',
    ]);
    expect(run.stderr).toBe(
      `news: ${join(folder, 'selfless.xml')}: is a feed that names no address of its own (no rel="self" link); give its address instead\n`,
    );
    expect(server.seen).toEqual([]);
  });
});

describe('news feed list', () => {
  it('lists each feed: url<TAB>title<TAB>last fetched<TAB>articles when piped, a table on a terminal, JSON', async () => {
    const env = freshEnv();
    server.routes.set('/rss', feedAnswer(rss2(stories(3))));
    await news(env, 'feed', 'add', server.url('/rss'));
    const before = await news(env, 'feed', 'list');
    expect(before.stdout).toBe(`${server.url('/rss')}\t${COURIER}\t\t0\n`);
    await news(env, 'fetch');
    const [line] = lines((await news(env, 'feed', 'list')).stdout);
    const [url, title, fetched, articles] = line?.split('\t') ?? [];
    expect([url, title, articles]).toEqual([server.url('/rss'), COURIER, '3']);
    expect(Date.now() - Date.parse(fetched as string)).toBeLessThan(60_000);
    const table = await runCli(['feed', 'list'], { env, tty: true, columns: 100 });
    expect(stripAnsi(table.stdout)).toMatch(
      new RegExp(
        `^${COURIER} {2}3 articles {2}\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d {2}${server.url('/rss').replace(/[.]/g, '\\.')}\\n$`,
      ),
    );
    const json = JSON.parse((await news(env, 'feed', 'list', '--json')).stdout);
    expect(json).toEqual([
      {
        url: server.url('/rss'),
        title: COURIER,
        fetched,
        articles: 3,
        gone: null,
        error: null,
        full: false,
        site: 'https://courier.example/',
      },
    ]);
  });

  it('says there are none yet, on stderr, and gives [] as JSON', async () => {
    const env = freshEnv();
    expect(await news(env, 'feed', 'list')).toMatchObject({
      code: 0,
      stdout: '',
      stderr: "news: note: no feeds yet; subscribe with 'news feed add <address>'\n",
    });
    expect((await news(env, 'feed', 'list', '--json')).stdout).toBe('[]\n');
  });

  it('shows control characters a feed put in its title as caret notation, never raw', async () => {
    const env = freshEnv();
    server.routes.set('/rss', feedAnswer(rss2(stories(1), 'Courier &#x1b;[31mred&#x1b;[0m')));
    await news(env, 'feed', 'add', server.url('/rss'));
    const table = await runCli(['--color', 'never', 'feed', 'list'], { env, tty: true });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for escape bytes is the point.
    expect(table.stdout).not.toMatch(/\u001b/);
    expect(table.stdout).toContain('Courier ^[[31mred^[[0m');
  });
});

describe('news feed remove', () => {
  it('unsubscribes a feed named by title (case ignored) or address; its articles stay', async () => {
    const env = freshEnv();
    server.routes.set('/a', feedAnswer(rss2(stories(1, 'Alpha'), 'Alpha Courier')));
    server.routes.set('/b', feedAnswer(rss2(stories(1, 'Beta'), 'Beta Courier')));
    await news(env, 'feed', 'add', server.url('/a'), server.url('/b'));
    await news(env, 'fetch');
    const removed = await runCli(['feed', 'remove', 'alpha courier'], { env, tty: true });
    expect([removed.code, removed.stdout]).toEqual([
      0,
      `unsubscribed from Alpha Courier (${server.url('/a')}); its articles stay in the library\n`,
    ]);
    const quiet = await news(env, 'feed', 'remove', server.url('/b'));
    expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([0, '', '']);
    expect((await news(env, 'feed', 'list', '--json')).stdout).toBe('[]\n');
    expect(lines((await news(env, 'list', '--source', 'Alpha Courier')).stdout)).toHaveLength(1);
  });

  it('says which feeds come close to a name that is none (exit 1), and asks for the address of a title two feeds share', async () => {
    const env = freshEnv();
    server.routes.set('/a', feedAnswer(rss2(stories(1), COURIER)));
    server.routes.set('/b', feedAnswer(rss2(stories(1), COURIER)));
    await news(env, 'feed', 'add', server.url('/a'), server.url('/b'));
    expect(await news(env, 'feed', 'remove', 'Northvale Couirer')).toMatchObject({
      code: 1,
      stderr: `news: no subscribed feed is titled or addressed 'Northvale Couirer'; did you mean '${COURIER}', '${COURIER}'? (news feed list shows them)\n`,
    });
    expect(await news(env, 'feed', 'remove', COURIER)).toMatchObject({
      code: 2,
      stderr: `news: 2 feeds are titled '${COURIER}' (${server.url('/a')}, ${server.url('/b')}); give the address\n`,
    });
  });
});

describe('news feed import and export', () => {
  it('round-trips: export, then import in a fresh config, gives the same list', async () => {
    const env = freshEnv();
    const folder = temporaryFolder('news-opml-');
    writeFileSync(
      join(folder, 'reader.opml'),
      `<?xml version="1.0"?><opml version="2.0"><head><title>Another reader</title></head><body>
<outline text="News"><outline type="rss" text="Courier &amp; Friends" xmlUrl="https://courier.example/rss?a=1&amp;b=2" htmlUrl="https://courier.example/"/></outline>
<outline type="rss" text="https://times.example/feed" xmlUrl="https://times.example/feed"/>
<outline type="rss" text="Tabs	and &quot;quotes&quot;" xmlUrl="https://quotes.example/feed"/>
</body></opml>`,
    );
    const imported = await news(env, 'feed', 'import', join(folder, 'reader.opml'));
    expect(imported.code).toBe(0);
    expect(lines(imported.stdout)).toEqual([
      'https://courier.example/rss?a=1&b=2\tadded\tCourier & Friends',
      'https://times.example/feed\tadded\t',
      'https://quotes.example/feed\tadded\tTabs and "quotes"',
    ]);
    expect(server.seen).toEqual([]);
    const exported = await news(env, 'feed', 'export');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<opml version="2.0">/);
    writeFileSync(join(folder, 'subs.opml'), exported.stdout);
    const fresh = freshEnv();
    await news(fresh, 'feed', 'import', join(folder, 'subs.opml'));
    expect((await news(fresh, 'feed', 'list')).stdout).toBe((await news(env, 'feed', 'list')).stdout);
    expect(readFileSync(subscriptionsFile(fresh), 'utf8')).toBe(readFileSync(subscriptionsFile(env), 'utf8'));
    const again = await runCli(['--color', 'never', 'feed', 'import', join(folder, 'subs.opml')], { env, tty: true });
    expect(lines(again.stdout).at(-1)).toBe('0 added, 3 already subscribed');
  });

  it('refuses a file that is no OPML, or one that declares entities', async () => {
    const env = freshEnv();
    const folder = temporaryFolder('news-opml-');
    writeFileSync(join(folder, 'feed.xml'), rss2(stories(1)));
    writeFileSync(
      join(folder, 'bomb.opml'),
      '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa">]><opml version="2.0"><body><outline xmlUrl="https://a.example/&a;"/></body></opml>',
    );
    expect(await news(env, 'feed', 'import', join(folder, 'feed.xml'))).toMatchObject({
      code: 2,
      stderr: `news: ${join(folder, 'feed.xml')}: not OPML: the document's root is <rss>\n`,
    });
    expect(await news(env, 'feed', 'import', join(folder, 'bomb.opml'))).toMatchObject({
      code: 2,
      stderr: `news: ${join(folder, 'bomb.opml')}: declares a DTD/entity: refused\n`,
    });
    expect(await news(env, 'feed', 'import', join(folder, 'missing.opml'))).toMatchObject({
      code: 2,
      stderr: `news: ${join(folder, 'missing.opml')}: no such file\n`,
    });
  });
});

describe('feeds.yaml', () => {
  it('keeps comments and the order a person gave it when news edits it', async () => {
    const env = freshEnv();
    const path = subscriptionsFile(env);
    await news(env, 'feed', 'import', opmlFile(['https://times.example/feed']));
    writeFileSync(
      path,
      '# My feeds\n- https://times.example/feed   # the Times, no title\n- url: https://sport.example/rss\n  title: Sport\n',
    );
    server.routes.set('/rss', feedAnswer(rss2(stories(1))));
    await news(env, 'feed', 'add', server.url('/rss'));
    await news(env, 'feed', 'remove', 'sport');
    expect(readFileSync(path, 'utf8')).toBe(
      `# My feeds\n- https://times.example/feed # the Times, no title\n- url: ${server.url('/rss')}\n  title: ${COURIER}\n`,
    );
  });

  it('writes through a feeds.yaml that is a symbolic link (to a dotfiles repository), which stays one', async () => {
    const env = freshEnv();
    const dotfiles = join(temporaryFolder('news-dotfiles-'), 'feeds.yaml');
    writeFileSync(dotfiles, '# kept in my dotfiles\n- https://times.example/feed\n');
    mkdirSync(env.NEWS_CONFIG_DIR as string, { recursive: true });
    symlinkSync(dotfiles, subscriptionsFile(env));
    server.routes.set('/rss', feedAnswer(rss2(stories(1))));
    expect((await news(env, 'feed', 'add', server.url('/rss'))).code).toBe(0);
    expect(lstatSync(subscriptionsFile(env)).isSymbolicLink()).toBe(true);
    expect(readFileSync(dotfiles, 'utf8')).toBe(
      `# kept in my dotfiles\n- https://times.example/feed\n- url: ${server.url('/rss')}\n  title: ${COURIER}\n`,
    );
  });

  it.each([
    ['- url: https://a.example/\n  title: [unclosed\n', /:2: /],
    ['url: https://a.example/\n', /:1: the file must be a list of feeds/],
    ['- title: No address\n', /:1: the entry has no url; give each feed a "url: https:\/\/…"/],
    ['- url: https://a.example/\n- url: https://b.example/\n  full: yes please\n', /:3: full must be true or false/],
    [
      '- https://a.example/\n- url: https://a.example/\n',
      /:2: https:\/\/a\.example\/ is listed twice \(first on line 1\); keep one/,
    ],
    ['- url: file:///etc/passwd\n', /:1: 'file:\/\/\/etc\/passwd' is not an http or https address/],
  ])('a hand-edit news cannot read is one line naming the file and line: %j', async (text, message) => {
    const env = freshEnv();
    await news(env, 'feed', 'import', opmlFile(['https://times.example/feed']));
    writeFileSync(subscriptionsFile(env), text);
    for (const argv of [['feed', 'list'], ['feed', 'add', 'https://b.example/'], ['fetch']]) {
      const run = await news(env, ...argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(lines(run.stderr), argv.join(' ')).toEqual([expect.stringMatching(message)]);
      expect(run.stderr.startsWith(`news: ${subscriptionsFile(env)}:`)).toBe(true);
    }
  });
});
