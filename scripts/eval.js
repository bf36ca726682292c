// Owns `npm run eval`: measures news on the real-world material in ../shared/eval (when it exists)
// and prints the figures. Not a test: nothing here runs in `npm test`, nothing is copied into the
// repository, and it always exits 0 (2 only for a bad flag). Each part measures a general property
// (articles skipped, link addresses kept, raw markup left) over whatever files the folder holds;
// no rule in news names anything from it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/news.cjs');
const DEFAULT_EVAL = join(ROOT, '..', 'shared', 'eval');

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

function main() {
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
  const parts = { markdown: markdownSites };
  for (const [name, part] of Object.entries(parts)) if (!values.only || values.only === name) part(root);
  return 0;
}

process.exitCode = main();
