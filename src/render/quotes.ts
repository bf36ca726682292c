// The printer of `news quotes`: each quotation under its article's slug, tab-separated lines, or JSON.

import { sanitizeLine, toSafeJson } from '../article/sanitize.js';
import type { Quotation } from '../quotes/extract.js';
import { loadChalk, type OutputSettings } from './theme.js';
import { loadMetrics } from './width.js';
import { wrapPieces } from './wrap.js';

/** One row of `news quotes`: a quotation and the article it is from. */
export interface QuoteRow extends Quotation {
  slug: string;
}

/** Each quotation as "Speaker: “quote”", wrapped with a hanging indent, under its article's slug. */
async function renderStyled(rows: readonly QuoteRow[], output: OutputSettings): Promise<string> {
  const chalk = await loadChalk(output);
  const { createStyledTheme } = await import('./styled.js');
  const theme = createStyledTheme(chalk);
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
    const lines = wrapPieces(pieces, output.width - 2, metrics).map(
      (line, index) => (index === 0 ? '  ' : '    ') + line.text,
    );
    out.push(...lines);
  }
  return `${out.join('\n')}\n`;
}

function renderTabSeparated(rows: readonly QuoteRow[]): string {
  return rows.map((row) => `${row.slug}\t${row.speaker ?? ''}\t${sanitizeLine(row.quote)}\n`).join('');
}

/** The quotations as `news quotes` prints them; nothing for none, but `[]` in JSON. */
export async function renderQuotes(rows: readonly QuoteRow[], output: OutputSettings, json: boolean): Promise<string> {
  if (json) return `${toSafeJson(rows)}\n`;
  if (rows.length === 0) return '';
  return output.styled ? renderStyled(rows, output) : renderTabSeparated(rows);
}
