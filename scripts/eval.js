// Owns `npm run eval`: measures news on the real-world material in ../shared/eval (when it exists)
// and prints the figures. Not a test: nothing here runs in `npm test`, nothing is copied into the
// repository (pages are unpacked into a temporary folder and removed after), and it always exits 0
// (2 only for a bad flag). Each part measures a general property (articles skipped, link addresses
// kept, raw markup left, text extracted) over whatever files the folder holds; no rule in news names
// anything from it. Everything goes through the built CLI: `news import`, then `news read --json`.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { decodeHTML } from 'entities';
import { parseHTML } from 'linkedom';
import { matchShingles, pageF1, precisionOf, recallOf, scorePages } from './metric.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/news.cjs');
// Beside the checkout (../shared/eval), or beside the folder of a git worktree (../../shared/eval).
const DEFAULT_EVAL =
  [join(ROOT, '..', 'shared', 'eval'), join(ROOT, '..', '..', 'shared', 'eval')].find(existsSync) ??
  join(ROOT, '..', 'shared', 'eval');

/** Runs the built CLI with a scrubbed environment and a private index cache. */
function news(args, cache, input) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: cache, NEWS_CACHE_DIR: cache, NEWS_LIBRARY: join(cache, 'library') },
    encoding: 'utf8',
    input,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

const percent = (part, whole) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);

/**
 * Markdown sites (Hugo, Zola content folders, as the sites keep them): how many posts `list`
 * shows, with a date and tags; HTML link addresses kept in `read`'s Links; raw entities and raw
 * shortcode markers left in what `read` prints; quotations found.
 */
function markdownSites(root) {
  const base = join(root, 'markdown-sites');
  if (!existsSync(base)) return;
  console.log('## Markdown sites (news list / read / quotes over each content folder)\n');
  console.log(
    '| folder | posts | listed | skipped | dated | tagged | warnings | <a href> kept | raw entities | raw shortcodes | quotations |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const name of readdirSync(base).sort()) {
    const folder = join(base, name);
    if (!statSync(folder).isDirectory() || !readdirSync(folder).some((file) => file.endsWith('.md'))) continue;
    const cache = mkdtempSync(join(tmpdir(), 'news-eval-'));
    try {
      const files = readdirSync(folder).filter((file) => file.endsWith('.md'));
      const listed = news(['--dir', folder, 'list', '--json'], cache);
      const rows =
        listed.stdout.trim() === '' ? [] : JSON.parse(listed.stdout).filter((row) => row.path.startsWith(folder));
      const skipped = (listed.stderr.match(/^news: warning: skipped /gm) ?? []).length;
      const warnings = (listed.stderr.match(/^news: warning: (?!skipped )/gm) ?? []).length;
      let hrefs = 0;
      let kept = 0;
      let entities = 0;
      let shortcodes = 0;
      for (const row of rows) {
        const source = readFileSync(row.path, 'utf8');
        const read = news(['--dir', folder, 'read', row.slug], cache);
        const shown = read.stdout;
        for (const [, href] of source.matchAll(/<a\s[^>]*?href\s*=\s*["']([^"']+)["']/gi)) {
          if (!/^(https?:|mailto:)/i.test(href)) continue;
          hrefs += 1;
          if (shown.includes(href.replace(/&amp;/g, '&'))) kept += 1;
          else if (process.env.NEWS_EVAL_VERBOSE) console.error(`lost ${href} in ${row.slug}`);
        }
        // Link addresses are printed as written (a URL may hold `&x;` that is no reference): only the text counts.
        const text = shown.split(/\n(?:Notes|Links)\n/)[0] ?? shown;
        entities += (text.match(/&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g) ?? []).length;
        shortcodes += (shown.match(/\{\{[<%]|\{%/g) ?? []).length;
      }
      const quotes = news(['--dir', folder, 'quotes', '--json'], cache);
      const quoted =
        quotes.stdout.trim() === ''
          ? []
          : JSON.parse(quotes.stdout).filter((row) => rows.some((r) => r.slug === row.slug));
      console.log(
        `| ${name} | ${files.length} | ${rows.length} | ${skipped} | ${rows.filter((row) => row.date).length} | ${rows.filter((row) => row.tags.length > 0).length} | ${warnings} | ${kept}/${hrefs} (${percent(kept, hrefs)}) | ${entities} | ${shortcodes} | ${quoted.length} (${quoted.filter((row) => row.speaker === null).length} unattributed) |`,
      );
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  }
  console.log();
}

/** The text of `news read --json` blocks, one line per block, the `label[1]` link markers taken out. */
function blocksText(blocks) {
  const lines = [];
  for (const block of blocks) {
    if (block.type === 'quote') lines.push(blocksText(block.blocks));
    else if (block.type === 'list') lines.push(...block.items);
    else if (block.type === 'table') lines.push(...block.rows.map((row) => row.join(' ')));
    else if (typeof block.text === 'string') lines.push(block.text);
  }
  return lines.join('\n').replace(/\[\d+\]/g, '');
}

/**
 * Imports `files` (name → contents) through the built CLI, one call for all, into a fresh library,
 * then reads each back with `read --json`. A file whose article came out a duplicate of another's is
 * imported again alone, so every file is measured on its own article. Returns name → {result, article}.
 */
function importAndRead(files) {
  const work = mkdtempSync(join(tmpdir(), 'news-eval-import-'));
  try {
    const sources = join(work, 'sources');
    mkdirSync(sources);
    const paths = new Map();
    for (const [name, contents] of files) {
      const path = join(sources, name);
      writeFileSync(path, contents);
      paths.set(path, name);
    }
    const run = (inputs, library) => {
      const imported = news(['import', '--to', library, '--json', ...inputs], work);
      return imported.stdout.trim() === '' ? [] : JSON.parse(imported.stdout);
    };
    const read = (library, slug) => {
      const shown = news(['--no-cache', '--dir', library, 'read', slug, '--json'], work);
      return shown.code === 0 ? JSON.parse(shown.stdout) : undefined;
    };
    const out = new Map();
    const library = join(work, 'library');
    let alone = 0;
    for (const result of run([...paths.keys()], library)) {
      const name = paths.get(result.input);
      if (result.status === 'duplicate') {
        const own = join(work, `alone-${alone++}`);
        const [again] = run([result.input], own);
        out.set(name, { result: again, article: again?.slug ? read(own, again.slug) : undefined });
      } else {
        out.set(name, { result, article: result.slug ? read(library, result.slug) : undefined });
      }
    }
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const fixed = (value) => value.toFixed(3);
const scoresText = ({ f1, precision, recall }) =>
  `F1 ${fixed(f1)}, precision ${fixed(precision)}, recall ${fixed(recall)}`;

/** Readability 0.6 alone on a linkedom document, its textContent as the benchmark's runner takes it. */
function readabilityAlone(html) {
  try {
    return new Readability(parseHTML(html).document).parse()?.textContent ?? '';
  } catch {
    return '';
  }
}

/**
 * The article-extraction benchmark (181 news pages with hand-made ground truth): F1, precision and
 * recall of 4-word shingles, averaged over pages as its evaluate.py does, beside the published scores.
 */
function extractionBenchmark(root) {
  const base = join(root, 'extract-benchmark');
  if (!existsSync(join(base, 'ground-truth.json'))) return;
  const truth = JSON.parse(readFileSync(join(base, 'ground-truth.json'), 'utf8'));
  const pages = Object.entries(truth).map(([key, page]) => ({
    key,
    truth: page.articleBody,
    html: gunzipSync(readFileSync(join(base, 'html', `${key}.html.gz`))).toString('utf8'),
  }));
  const started = Date.now();
  const found = importAndRead(pages.map((page) => [`${page.key}.html`, page.html]));
  const seconds = (Date.now() - started) / 1000;
  const ours = pages.map((page) => {
    const article = found.get(`${page.key}.html`)?.article;
    return matchShingles(page.truth, article ? blocksText(article.blocks) : '');
  });
  const alone = pages.map((page) => matchShingles(page.truth, readabilityAlone(page.html)));
  const missing = pages.filter((page) => !found.get(`${page.key}.html`)?.article).length;
  console.log(`## Extraction benchmark (${pages.length} pages; news import, then news read --json)\n`);
  console.log('| extractor | F1 | precision | recall |');
  console.log('|---|---|---|---|');
  const row = (name, scores) =>
    console.log(`| ${name} | ${fixed(scores.f1)} | ${fixed(scores.precision)} | ${fixed(scores.recall)} |`);
  row('news import', scorePages(ours));
  row('Readability.js 0.6 alone, here', scorePages(alone));
  console.log('| Readability.js 0.6, published | 0.947 | 0.914 | 0.982 |');
  console.log('| trafilatura 2.0, published | 0.958 | | |');
  console.log('| best open-source, published | 0.970 | | |');
  console.log(
    `\n${missing} pages gave no article; ${seconds.toFixed(1)} s for all (import and ${pages.length} reads).`,
  );
  const worst = pages
    .map((page, index) => ({ key: page.key, counts: ours[index] }))
    .sort((a, b) => pageF1(a.counts) - pageF1(b.counts))
    .slice(0, 5)
    .map(
      ({ key, counts }) =>
        `${key.slice(0, 12)} ${fixed(pageF1(counts))} (P ${fixed(precisionOf(counts))}, R ${fixed(recallOf(counts))})`,
    );
  console.log(`Lowest F1: ${worst.join('; ')}\n`);
}

/** Titles compared as a reader would: white space collapsed, curly quotes and dashes made plain. */
function normalizeTitle(title) {
  return (title ?? '')
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** ../shared/eval/import: saved pages in nine languages, scrapes in the seed's shape, Markdown. */
function importMaterial(root) {
  const base = join(root, 'import');
  if (!existsSync(base)) return;
  console.log('## Import material (news import, then news read --json)\n');
  const pagesFile = join(base, 'pages.json.gz');
  if (existsSync(pagesFile)) {
    const expected = JSON.parse(gunzipSync(readFileSync(pagesFile)).toString('utf8')).filter((page) =>
      existsSync(join(base, 'pages', `${page.name}.html.gz`)),
    );
    const found = importAndRead(
      expected.map((page) => [
        `${page.name}.html`,
        gunzipSync(readFileSync(join(base, 'pages', `${page.name}.html.gz`))),
      ]),
    );
    let titles = 0;
    let dated = 0;
    let datesRight = 0;
    const misses = [];
    const counts = expected.map((page) => {
      const article = found.get(`${page.name}.html`)?.article;
      if (normalizeTitle(article?.title) === normalizeTitle(page.title)) titles += 1;
      else misses.push(`title ${page.name}`);
      if (page.dates.length > 0) {
        dated += 1;
        if (page.dates.includes(article?.date)) datesRight += 1;
        else misses.push(`date ${page.name}`);
      }
      return matchShingles(page.text, article ? blocksText(article.blocks) : '');
    });
    console.log(
      `Pages: ${expected.length}; title right ${titles}/${expected.length}, date right ${datesRight}/${dated}; text ${scoresText(scorePages(counts))}.`,
    );
    if (misses.length > 0) console.log(`Misses: ${misses.join(', ')}.`);
  }
  const scrapesFile = join(base, 'scrapes.json');
  if (existsSync(scrapesFile)) {
    const expected = JSON.parse(readFileSync(scrapesFile, 'utf8'));
    const found = importAndRead(
      expected.map((scrape) => [scrape.file, readFileSync(join(base, 'scrapes', scrape.file))]),
    );
    const checks = { title: 0, date: 0, banner: 0, subheads: 0 };
    const misses = [];
    for (const scrape of expected) {
      const article = found.get(scrape.file)?.article;
      const subheads = (article?.blocks ?? []).filter((block) => block.type === 'heading').map((block) => block.text);
      const right = {
        title: article?.title === scrape.title,
        date: article?.date === scrape.date,
        banner: JSON.stringify(article?.banner ?? null) === JSON.stringify(scrape.banner ?? null),
        subheads: JSON.stringify(subheads) === JSON.stringify(scrape.subheads),
      };
      for (const [check, ok] of Object.entries(right)) {
        if (ok) checks[check] += 1;
        else misses.push(`${check} ${scrape.file}`);
      }
    }
    const n = expected.length;
    console.log(
      `Scrapes: ${n}; title ${checks.title}/${n}, date ${checks.date}/${n}, banner ${checks.banner}/${n}, subheadings ${checks.subheads}/${n}.`,
    );
    if (misses.length > 0) console.log(`Misses: ${misses.join(', ')}.`);
  }
  const markdownDir = join(base, 'markdown');
  if (existsSync(markdownDir)) {
    const names = readdirSync(markdownDir).filter((name) => name.endsWith('.md'));
    const found = importAndRead(names.map((name) => [name, readFileSync(join(markdownDir, name))]));
    const rows = names.map((name) => {
      const { result, article } = found.get(name) ?? {};
      const source = readFileSync(join(markdownDir, name), 'utf8');
      const words = (text) => text.match(/[\p{L}\p{N}]+/gu) ?? [];
      const kept = article ? words(blocksText(article.blocks)).length : 0;
      return `${name}: ${result?.status ?? 'missing'}, title '${article?.title ?? ''}', date ${article?.date ?? 'none'}, ${kept} words read back of ${words(source.replace(/^---\n[\s\S]*?\n---\n/, '')).length}`;
    });
    console.log(`Markdown: ${rows.join('; ')}.`);
  }
  console.log();
}

/**
 * The server the feeds part starts, in a worker thread (the CLI runs are synchronous, so a server in
 * this thread could not answer them): on 127.0.0.1 only, each feed byte for byte at `/<file>` as
 * feeds.json says — its Content-Type, gzip as Content-Encoding, or a 301 then a 302 before the feed.
 */
const FEED_SERVER = `
const { createServer } = require('node:http');
const { gzipSync } = require('node:zlib');
const { parentPort, workerData } = require('node:worker_threads');
const feeds = new Map(workerData.map((feed) => [feed.file, feed]));
const server = createServer((request, response) => {
  const path = decodeURIComponent((request.url ?? '/').split('?')[0]);
  const [, stage, file] = /^\\/(?:(moved|final)\\/)?(.+)$/.exec(path) ?? [];
  const feed = feeds.get(file);
  if (!feed) { response.writeHead(404); response.end(); return; }
  if (feed.mode === 'redirect' && stage === undefined) { response.writeHead(301, { location: '/moved/' + file }); response.end(); return; }
  if (feed.mode === 'redirect' && stage === 'moved') { response.writeHead(302, { location: '/final/' + file }); response.end(); return; }
  const bytes = Buffer.from(feed.bytes);
  if (feed.mode === 'gzip') {
    response.writeHead(200, { 'content-type': feed.type, 'content-encoding': 'gzip' });
    response.end(gzipSync(bytes));
    return;
  }
  response.writeHead(200, { 'content-type': feed.type });
  response.end(bytes);
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
parentPort.on('message', () => server.close(() => process.exit(0)));
`;

/** A title as the feeds' expected titles are compared: entities decoded, tags dropped, quotes and dashes unified, case and spacing ignored. */
function comparableTitle(title) {
  return normalizeTitle(decodeHTML(title ?? '').replace(/<[^>]*>/g, ''))
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, '');
}

/**
 * ../shared/eval/feeds: 15 real feeds served from 127.0.0.1 as feeds.json says, subscribed with
 * `news feed add` and fetched with `news fetch` into a temporary library; per feed, the items that
 * came through (new, or already in the library as a duplicate) and the expected titles found among
 * them, compared as the material's README says (an item without a title has an empty one).
 */
async function feedsPart(root) {
  const base = join(root, 'feeds');
  if (!existsSync(join(base, 'feeds.json'))) return;
  const { feeds } = JSON.parse(readFileSync(join(base, 'feeds.json'), 'utf8'));
  const served = feeds.map((feed) => ({
    file: feed.file,
    type: feed.type,
    mode: feed.mode,
    bytes: gunzipSync(readFileSync(join(base, 'feeds', `${feed.file}.gz`))),
  }));
  const worker = new Worker(FEED_SERVER, { eval: true, workerData: served });
  const port = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const work = mkdtempSync(join(tmpdir(), 'news-eval-feeds-'));
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: work,
    NEWS_CACHE_DIR: join(work, 'cache'),
    NEWS_LIBRARY: join(work, 'library'),
    NEWS_CONFIG_DIR: join(work, 'config'),
    NEWS_STATE_DIR: join(work, 'state'),
  };
  const run = (args) => {
    const result = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { code: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
  };
  try {
    const given = feeds.map((feed) => `http://127.0.0.1:${port}/${encodeURIComponent(feed.file)}`);
    const started = Date.now();
    const added = run(['feed', 'add', ...given]);
    // Where each feed was subscribed (a permanent redirect moves it): feed add prints url<TAB>status<TAB>title in order.
    const addedUrls = added.stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.split('\t')[0]);
    const urls = given.map((url, index) => addedUrls[index] ?? url);
    const fetched = run(['fetch', '--json']);
    const seconds = (Date.now() - started) / 1000;
    const data = fetched.stdout.trim() === '' ? { feeds: [], articles: [] } : JSON.parse(fetched.stdout);
    const listed = run(['list', '--json']);
    const inLibrary = new Set((listed.stdout.trim() === '' ? [] : JSON.parse(listed.stdout)).map((row) => row.slug));
    console.log(`## Feeds (news feed add, news fetch; ${feeds.length} feeds from 127.0.0.1)\n`);
    console.log('| feed | format | served | items expected | came through | new | titles matched | status |');
    console.log('|---|---|---|---|---|---|---|---|');
    const total = { expected: 0, through: 0, fresh: 0, titles: 0, titlesExpected: 0 };
    const misses = [];
    feeds.forEach((feed, index) => {
      const url = urls[index];
      const result = data.feeds.find((row) => row.url === url);
      const rows = data.articles.filter((row) => row.feedUrl === url && inLibrary.has(row.slug));
      const found = new Set(rows.map((row) => comparableTitle(row.title ?? '')));
      const expected = [...new Set(feed.items.map((item) => comparableTitle(item.title)))];
      const matched = expected.filter((title) => found.has(title));
      for (const title of expected) if (!found.has(title)) misses.push(`${feed.file}: '${title}'`);
      const fresh = rows.filter((row) => row.status === 'new').length;
      total.expected += feed.items.length;
      total.through += rows.length;
      total.fresh += fresh;
      total.titles += matched.length;
      total.titlesExpected += expected.length;
      const status = result ? result.status + (result.movedTo ? ' (moved)' : '') : 'missing';
      console.log(
        `| ${feed.file} | ${feed.format} | ${feed.mode} | ${feed.items.length} | ${rows.length} | ${fresh} | ${matched.length}/${expected.length} | ${status} |`,
      );
    });
    console.log(
      `| **total** | | | ${total.expected} | ${total.through} | ${total.fresh} | ${total.titles}/${total.titlesExpected} | |`,
    );
    const problems = [added.stderr, fetched.stderr].join('').trim();
    console.log(
      `\nfeed add exit ${added.code}, fetch exit ${fetched.code}; ${seconds.toFixed(1)} s for both. Came through: written now, or found in the library as a duplicate (the same story under two links counts once among the titles).`,
    );
    if (problems !== '') console.log(`stderr: ${problems.split('\n').join(' | ')}`);
    if (misses.length > 0) console.log(`Titles not found: ${misses.join('; ')}.`);
    const again = run(['fetch', '--json']);
    const second = again.stdout.trim() === '' ? { articles: [] } : JSON.parse(again.stdout);
    console.log(`A second fetch: exit ${again.code}, ${second.articles.length} articles.\n`);
  } finally {
    worker.postMessage('stop');
    await worker.terminate();
    rmSync(work, { recursive: true, force: true });
  }
}

async function main() {
  const { values } = parseArgs({ options: { eval: { type: 'string' }, only: { type: 'string' } } });
  const root = values.eval ?? DEFAULT_EVAL;
  if (!existsSync(root)) {
    console.log(`npm run eval: no evaluation material at ${root} (pass --eval DIR); nothing to measure`);
    return 0;
  }
  if (!existsSync(BIN) || !existsSync(join(ROOT, 'dist', 'main.cjs'))) {
    console.error('npm run eval: build first (npm run build)');
    return 2;
  }
  const parts = { markdown: markdownSites, extraction: extractionBenchmark, import: importMaterial, feeds: feedsPart };
  for (const [name, part] of Object.entries(parts)) if (!values.only || values.only === name) await part(root);
  return 0;
}

process.exitCode = await main();
