// `news quotes [slug]`: every direct quotation in one article (or all), with its speaker where the text says.

import type { Article } from '../article/article.js';
import { sanitizeLine, toSafeJson } from '../article/sanitize.js';
import { EXIT_ERROR, EXIT_NOT_FOUND, EXIT_OK } from '../errors.js';
import { scanFolders } from '../library/files.js';
import { loadArticle, loadArticles, loadBlocks } from '../library/loader.js';
import { findArticleFile } from '../library/slugs.js';
import { extractQuotations } from '../quotes/extract.js';
import { createStyledTheme } from '../render/styled.js';
import { loadMetrics } from '../render/width.js';
import { wrapPieces } from '../render/wrap.js';
import { formatMessage, reportProblems, reportShadowed } from '../terminal/messages.js';
import type { CommandContext } from './context.js';

export interface QuotesOptions {
  json: boolean;
  /** Keep only quotations whose speaker contains this, ignoring case. */
  speaker?: string;
}

interface Row {
  slug: string;
  speaker: string | null;
  quote: string;
  paragraph: number;
}

async function articlesFor(
  context: CommandContext,
  slug: string | undefined,
): Promise<{ articles: Article[]; problems: boolean }> {
  const catalog = scanFolders(context.folders);
  if (slug !== undefined) {
    const file = findArticleFile(catalog, slug);
    reportShadowed(context.io, catalog.shadowed, slug);
    return { articles: [await loadArticle(file, context.maxArticleBytes)], problems: false };
  }
  const { articles, problems } = await loadArticles(catalog, context.maxArticleBytes);
  reportShadowed(context.io, catalog.shadowed);
  return { articles, problems: reportProblems(context.io, problems) };
}

/** Each quotation as "Speaker: “quote”", wrapped with a hanging indent, under its article's slug. */
async function renderStyled(rows: readonly Row[], context: CommandContext): Promise<string> {
  const { createChalk } = await import('../render/colors.js');
  const chalk = createChalk(context.settings.color);
  const theme = createStyledTheme(chalk);
  const width = context.settings.width;
  const metrics = await loadMetrics(rows.map((row) => `${row.speaker ?? ''} ${row.quote}`));
  const out: string[] = [];
  let slug: string | undefined;
  for (const row of rows) {
    if (row.slug !== slug) {
      if (slug !== undefined) out.push('');
      out.push(chalk.bold.cyan(row.slug));
      slug = row.slug;
    }
    const speaker = row.speaker ?? '(unattributed)';
    const pieces = [
      { text: `${speaker}:`, key: 'speaker', style: row.speaker ? chalk.bold : chalk.dim },
      { text: ` “${row.quote}”`, key: 'quote', style: (text: string) => theme.span(text, 'plain', true) },
    ];
    const lines = wrapPieces(pieces, width - 2, metrics).map(
      (line, index) => (index === 0 ? '  ' : '    ') + line.text,
    );
    out.push(...lines);
  }
  return `${out.join('\n')}\n`;
}

function renderTabSeparated(rows: readonly Row[]): string {
  return rows.map((row) => `${row.slug}\t${row.speaker ?? ''}\t${sanitizeLine(row.quote)}\n`).join('');
}

export async function runQuotes(
  context: CommandContext,
  slug: string | undefined,
  options: QuotesOptions,
): Promise<number> {
  const { articles, problems } = await articlesFor(context, slug);
  // The quotation rules are only needed here; loading them lazily keeps them out of every start-up.
  const wanted = options.speaker?.toLowerCase();
  const rows: Row[] = [];
  for (const article of articles) {
    for (const quotation of extractQuotations(await loadBlocks(article))) {
      if (wanted !== undefined && !quotation.speaker?.toLowerCase().includes(wanted)) continue;
      rows.push({ slug: article.slug, ...quotation });
    }
  }
  if (options.json) context.io.stdout.write(`${toSafeJson(rows)}\n`);
  else if (rows.length > 0) {
    context.io.stdout.write(context.settings.styled ? await renderStyled(rows, context) : renderTabSeparated(rows));
  }
  if (problems) return EXIT_ERROR;
  if (rows.length === 0) {
    const who = options.speaker === undefined ? '' : ` by '${options.speaker}'`;
    context.io.stderr.write(formatMessage('note', `no quotations${who} found`));
    return EXIT_NOT_FOUND;
  }
  return EXIT_OK;
}
