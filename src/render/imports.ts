// The printer of `news import`: a line per article for people, tab-separated lines for pipes, JSON, or the files a dry run would write.

import { sanitizeLine, sanitizeText, toSafeJson } from '../article/sanitize.js';
import { truncateCells } from './table.js';
import { loadChalk, type OutputSettings } from './theme.js';
import { createMetrics } from './width.js';

/** What became of one article of a source, as `news import` reports it (src/import/importer.ts makes them). */
export interface ImportLine {
  input: string;
  status: string;
  slug?: string | undefined;
  title?: string | undefined;
  date?: string | undefined;
  url?: string | undefined;
  path?: string | undefined;
  message?: string | undefined;
  /** The article file, for a dry run. */
  text?: string | undefined;
}

/** Statuses that stand for an article in the library (or that would be): what pipes and the summary count. */
const ARTICLE_STATUSES = new Set(['imported', 'replaced', 'duplicate', 'would-import', 'would-replace']);

export function isArticleLine(line: ImportLine): boolean {
  return ARTICLE_STATUSES.has(line.status);
}

/** `slug<TAB>status<TAB>title<TAB>path` for an article; nothing for a source that gave none (stderr says why). */
export function formatImportTsv(line: ImportLine): string {
  if (!isArticleLine(line)) return '';
  const fields = [line.slug ?? '', line.status, line.title ?? '', line.path ?? ''];
  return `${fields.map(sanitizeLine).join('\t')}\n`;
}

const STATUS_WIDTH = 'would-replace'.length;

/**
 * A printer of one line for people per article: `imported   slug  Title`, the status coloured, the
 * title cut to the width (measured conservatively, so a line never overflows); a duplicate shows
 * the article it duplicates. Nothing for a source that gave no article (stderr says why).
 */
export async function createImportLinePrinter(output: OutputSettings): Promise<(line: ImportLine) => string> {
  const chalk = await loadChalk(output);
  const metrics = createMetrics();
  return (line) => {
    if (!isArticleLine(line)) return '';
    const title = sanitizeLine(line.title ?? '');
    const slug = sanitizeLine(line.slug ?? '');
    const colour = line.status === 'duplicate' ? chalk.yellow : chalk.green;
    const room = output.tableWidth - STATUS_WIDTH - slug.length - 3;
    const tail = truncateCells(title, Math.max(room, 10), metrics);
    return `${colour(line.status.padEnd(STATUS_WIDTH))} ${chalk.bold.cyan(slug)}  ${tail}\n`;
  };
}

/** Counts by status, for the summary line. */
export function countStatuses(lines: readonly ImportLine[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line.status, (counts.get(line.status) ?? 0) + 1);
  return counts;
}

const SUMMARY_ORDER = ['imported', 'would-import', 'replaced', 'would-replace', 'duplicate', 'no-article', 'failed'];
const SUMMARY_WORDS: Record<string, [one: string, many: string]> = {
  imported: ['imported', 'imported'],
  'would-import': ['would be imported', 'would be imported'],
  replaced: ['replaced', 'replaced'],
  'would-replace': ['would be replaced', 'would be replaced'],
  duplicate: ['duplicate', 'duplicates'],
  'no-article': ['page without an article', 'pages without an article'],
  failed: ['failed', 'failed'],
};

/** `3 imported, 1 duplicate, 1 failed into ~/…/articles`: the terminal's last line. */
export function formatImportSummary(lines: readonly ImportLine[], dir: string, dryRun: boolean): string {
  const counts = countStatuses(lines);
  const parts = SUMMARY_ORDER.flatMap((status) => {
    const count = counts.get(status) ?? 0;
    const [one, many] = SUMMARY_WORDS[status] ?? [status, status];
    return count === 0 ? [] : [`${count} ${count === 1 ? one : many}`];
  });
  const what = parts.length === 0 ? 'nothing imported' : parts.join(', ');
  const where = dryRun ? ` (dry run: nothing written to ${dir})` : ` (library folder: ${dir})`;
  return `${sanitizeLine(what + where)}\n`;
}

/** `--json`: `[{input, status, slug, title, date, url, path}]`, with `message` when there is one. */
export function renderImportJson(lines: readonly ImportLine[]): string {
  const rows = lines.map((line) => {
    const row: Record<string, unknown> = {
      input: line.input,
      status: line.status,
      slug: line.slug ?? null,
      title: line.title ?? null,
      date: line.date ?? null,
      url: line.url ?? null,
      path: line.path ?? null,
    };
    if (line.message !== undefined) row.message = line.message;
    if (line.text !== undefined) row.text = line.text;
    return row;
  });
  return `${toSafeJson(rows)}\n`;
}

/**
 * `--dry-run`: the file each article would be, as written, one after the other; with several, each
 * follows a `==> path <==` line as `head` separates files. The text is sanitised like any article
 * text on its way to the terminal.
 */
export function renderDryRun(lines: readonly ImportLine[]): string {
  const files = lines.filter((line) => line.text !== undefined && line.status !== 'duplicate');
  if (files.length === 1) return sanitizeText(files[0]?.text ?? '');
  return files.map((line) => `==> ${sanitizeLine(line.path ?? '')} <==\n${sanitizeText(line.text ?? '')}`).join('\n');
}
