// The run of `news import`, once its arguments are checked: sources imported one by one, each result
// printed as it comes (a line for people, tab-separated for pipes), JSON or the dry run's files at the end.
//
// The build makes this module and everything it imports a file of their own, dist/import.cjs,
// loaded only by `news import`; nothing here may throw an error meant for main's catch (a second
// copy of src/errors.ts lives in that file): every failure is a result, reported here.

import { type CommandContext, userAgentOf } from '../cli/command.js';
import { EXIT_ERROR, EXIT_NOT_FOUND, EXIT_OK } from '../errors.js';
import { importSources } from '../import/importer.js';
import {
  createImportLinePrinter,
  formatImportSummary,
  formatImportTsv,
  isArticleLine,
  renderDryRun,
  renderImportJson,
} from '../render/imports.js';
import { formatMessage } from '../terminal/messages.js';
import { progressLine } from '../terminal/progress.js';
import type { ImportInvocation } from './import.js';

/** Sources above this many show a progress line on a terminal, once importing takes a second. */
const PROGRESS_SOURCES = 5;

/** Imports into `dir` and reports; the exit code is 2 if a source failed, 1 if no article at all came of them. */
export async function runImport(context: CommandContext, invocation: ImportInvocation, dir: string): Promise<number> {
  const { io, settings } = context;
  const { output } = settings;
  const progress =
    invocation.sources.length > PROGRESS_SOURCES ? progressLine(io.stderr, Date.now, 'importing') : undefined;
  const printLine = output.styled ? await createImportLinePrinter(output) : formatImportTsv;
  const results = await importSources({
    inputs: invocation.sources,
    readStandardInput: (maxBytes) => io.readInput(maxBytes),
    dir,
    force: invocation.force,
    dryRun: invocation.dryRun,
    slug: invocation.slug,
    fields: { source: invocation.source, tags: invocation.tags },
    maxBytes: settings.import.maxBytes,
    maxArticleBytes: settings.library.maxArticleBytes,
    fetch: {
      userAgent: userAgentOf(context),
      timeoutMs: invocation.timeout * 1000,
    },
    owner: settings.library.owner,
    onProgress: progress && ((done, total) => progress.update(done, total)),
    onResult: (result) => {
      progress?.done();
      const { input } = result;
      if (result.status === 'failed') io.stderr.write(formatMessage('error', `${input}: ${result.message}`));
      if (result.status === 'no-article') io.stderr.write(formatMessage('note', `${input}: ${result.message}`));
      for (const note of result.notes) io.stderr.write(formatMessage('note', `${input}: ${note}`));
      if (!invocation.json && !invocation.dryRun) io.stdout.write(printLine(result));
    },
  });
  progress?.done();
  if (invocation.json) io.stdout.write(renderImportJson(results));
  else if (invocation.dryRun) io.stdout.write(renderDryRun(results));
  else if (output.styled) io.stdout.write(formatImportSummary(results, dir, invocation.dryRun));
  if (results.some((result) => result.status === 'failed')) return EXIT_ERROR;
  if (!results.some(isArticleLine)) return EXIT_NOT_FOUND;
  return EXIT_OK;
}
