// `news search <query…>`: ranked hits with a snippet, as a list, tab-separated lines or JSON.

import { toSafeJson } from '../article/sanitize.js';
import { EXIT_ERROR, EXIT_NOT_FOUND, EXIT_OK } from '../errors.js';
import { truncateCells } from '../render/table.js';
import { createMetrics, type TextMetrics } from '../render/width.js';
import type { ArticleFilter } from '../search/filters.js';
import { type SearchHit, searchLibrary } from '../search/search.js';
import { formatMessage } from '../terminal/messages.js';
import type { CommandContext } from './context.js';
import { withLibrary } from './open-library.js';

export interface SearchOptions {
  json: boolean;
  limit?: number;
  filter: ArticleFilter;
}

/** Snippet width when piped: long enough to judge a hit, short enough for one line in a log. */
const PIPE_SNIPPET_CELLS = 100;
const SNIPPET_INDENT = '    ';

function highlight(hit: SearchHit, mark: (text: string) => string): string {
  let out = '';
  let position = 0;
  for (const [start, end] of hit.highlights) {
    if (start < position) continue;
    out += hit.snippet.slice(position, start) + mark(hit.snippet.slice(start, end));
    position = end;
  }
  return out + hit.snippet.slice(position);
}

async function renderStyled(
  hits: readonly SearchHit[],
  context: CommandContext,
  metrics: TextMetrics,
): Promise<string> {
  const { createChalk } = await import('../render/colors.js');
  const chalk = createChalk(context.settings.color);
  const width = context.settings.width;
  return hits
    .map((hit) => {
      const { slug, date, title } = hit.article;
      const head = date ? `${slug}  ${date}  ` : `${slug}  `;
      const titleText = truncateCells(title, Math.max(1, width - head.length), metrics);
      const first = `${chalk.bold.cyan(slug)}  ${date ? `${chalk.dim(date)}  ` : ''}${chalk.bold(titleText)}`;
      return `${first}\n${SNIPPET_INDENT}${highlight(hit, (text) => chalk.bold.yellow(text))}\n`;
    })
    .join('\n');
}

function renderTabSeparated(hits: readonly SearchHit[]): string {
  return hits
    .map(({ article, snippet }) => `${article.slug}\t${article.date ?? ''}\t${article.title}\t${snippet}\n`)
    .join('');
}

/** A string offset as a count of code points, the unit jq, Python and most JSON readers index by. */
function codePointOffset(text: string, offset: number): number {
  let count = 0;
  for (let i = 0; i < offset; i++) {
    const code = text.charCodeAt(i);
    if (
      code < 0xdc00 ||
      code > 0xdfff ||
      i === 0 ||
      text.charCodeAt(i - 1) < 0xd800 ||
      text.charCodeAt(i - 1) > 0xdbff
    ) {
      count += 1;
    }
  }
  return count;
}

export async function runSearch(context: CommandContext, query: string, options: SearchOptions): Promise<number> {
  const { styled, width } = context.settings;
  const cells = styled ? Math.max(10, width - SNIPPET_INDENT.length) : PIPE_SNIPPET_CELLS;
  // Estimated widths can only over-count, so snippets never overflow and string-width stays unloaded.
  const metrics = createMetrics();
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const { result: hits, hadProblems } = await withLibrary(context, (library) =>
    searchLibrary(library, query, options.filter, limit, cells, metrics),
  );
  if (options.json) {
    const rows = hits.map(({ article, score, snippet, highlights }) => ({
      slug: article.slug,
      title: article.title,
      date: article.date ?? null,
      score,
      snippet,
      matches: highlights.map(([start, end]) => [codePointOffset(snippet, start), codePointOffset(snippet, end)]),
      path: article.path,
    }));
    context.io.stdout.write(`${toSafeJson(rows)}\n`);
  } else if (hits.length > 0) {
    context.io.stdout.write(styled ? await renderStyled(hits, context, metrics) : renderTabSeparated(hits));
  }
  if (hadProblems) return EXIT_ERROR;
  if (hits.length === 0) {
    context.io.stderr.write(formatMessage('note', `no article matches '${query}'; try fewer or shorter words`));
    return EXIT_NOT_FOUND;
  }
  return EXIT_OK;
}
