// The printer of `news search`: each hit's slug, date and title with a highlighted snippet, tab-separated lines, or JSON.

import { toSafeJson } from '../article/sanitize.js';
import type { SearchHit } from '../search/search.js';
import { snippetOf } from './snippet.js';
import { truncateCells } from './table.js';
import { loadChalk, type OutputSettings } from './theme.js';
import { createMetrics, type TextMetrics } from './width.js';

/** Snippet width when piped: long enough to judge a hit, short enough for one line in a log. */
const PIPE_SNIPPET_CELLS = 100;
const SNIPPET_INDENT = '    ';

/** How many cells a snippet may take: the line under the hit on a terminal, a fixed width in pipes and JSON. */
export function snippetCells(output: OutputSettings): number {
  return output.styled ? Math.max(10, output.width - SNIPPET_INDENT.length) : PIPE_SNIPPET_CELLS;
}

function highlight(snippet: string, ranges: readonly [number, number][], mark: (text: string) => string): string {
  let out = '';
  let position = 0;
  for (const [start, end] of ranges) {
    if (start < position) continue;
    out += snippet.slice(position, start) + mark(snippet.slice(start, end));
    position = end;
  }
  return out + snippet.slice(position);
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

async function renderStyled(hits: readonly SearchHit[], output: OutputSettings, metrics: TextMetrics) {
  const chalk = await loadChalk(output);
  const cells = snippetCells(output);
  return hits
    .map((hit) => {
      const { slug, date, title } = hit.article;
      const head = date ? `${slug}  ${date}  ` : `${slug}  `;
      // The slug is never cut: it is what a reader types next. The title is, to the table's width.
      const titleText = truncateCells(title, Math.max(1, output.tableWidth - metrics.cells(head)), metrics);
      const first = `${chalk.bold.cyan(slug)}  ${date ? `${chalk.dim(date)}  ` : ''}${chalk.bold(titleText)}`;
      const { snippet, highlights } = snippetOf(hit, cells, metrics);
      return `${first}\n${SNIPPET_INDENT}${highlight(snippet, highlights, (text) => chalk.bold.yellow(text))}\n`;
    })
    .join('\n');
}

function renderTabSeparated(hits: readonly SearchHit[], metrics: TextMetrics): string {
  return hits
    .map((hit) => {
      const { slug, date, title } = hit.article;
      return `${slug}\t${date ?? ''}\t${title}\t${snippetOf(hit, PIPE_SNIPPET_CELLS, metrics).snippet}\n`;
    })
    .join('');
}

function renderJson(hits: readonly SearchHit[], cells: number, metrics: TextMetrics): string {
  const rows = hits.map((hit) => {
    const { snippet, highlights } = snippetOf(hit, cells, metrics);
    return {
      slug: hit.article.slug,
      title: hit.article.title,
      date: hit.article.date ?? null,
      score: hit.score,
      snippet,
      matches: highlights.map(([start, end]) => [codePointOffset(snippet, start), codePointOffset(snippet, end)]),
      path: hit.article.path,
    };
  });
  return `${toSafeJson(rows)}\n`;
}

/** The hits as `news search` prints them; nothing for no hits, but `[]` in JSON. */
export async function renderSearch(hits: readonly SearchHit[], output: OutputSettings, json: boolean): Promise<string> {
  // Estimated widths can only over-count, so snippets never overflow and string-width stays unloaded.
  const metrics = createMetrics();
  if (json) return renderJson(hits, snippetCells(output), metrics);
  if (hits.length === 0) return '';
  return output.styled ? renderStyled(hits, output, metrics) : renderTabSeparated(hits, metrics);
}
