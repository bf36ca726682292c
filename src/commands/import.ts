// `news import <source…>`: saved pages, text scrapes, Markdown, feeds and addresses into the library folder.

import { resolve } from 'node:path';
import { Argument, InvalidArgumentError, Option } from 'commander';
import { isValidSlug } from '../article/slug.js';
import { defineCommand } from '../cli/command.js';
import { completeArgumentWith } from '../cli/completion/values.js';
import { collect, DEFAULT_TIMEOUT_SECONDS, parseTimeout } from '../cli/options.js';
import { UsageError } from '../errors.js';

export interface ImportInvocation {
  sources: string[];
  /** The library folder to write to, instead of the usual one. */
  to?: string;
  force: boolean;
  dryRun: boolean;
  json: boolean;
  slug?: string;
  /** Seconds the whole fetch of one address may take. */
  timeout: number;
  source?: string;
  tags: string[];
}

function parseSlug(value: string): string {
  if (!isValidSlug(value)) throw new InvalidArgumentError("Give a slug of letters, digits, '.', '_' and '-'.");
  return value;
}

export const importCommand = defineCommand<ImportInvocation>({
  name: 'import',
  configure(command) {
    command
      .description(
        'import saved web pages, text scrapes, Markdown files, feeds or http(s) addresses into the library folder (piped: slug<TAB>status<TAB>title<TAB>path)',
      )
      .addArgument(
        completeArgumentWith(
          new Argument('<source...>', 'a file (.html, .txt, .md, a feed), an http(s) address, or - for standard input'),
          'files',
        ),
      )
      .option('--to <dir>', 'write to this folder instead of the library folder')
      .option('--slug <slug>', "save the (one) source's article under this slug", parseSlug)
      .option('-f, --force', 'replace an article already imported (same url or text) or of the same slug')
      .option('--dry-run', 'print the article files that would be written; write nothing')
      .option('--json', 'print a JSON array of {input, status, slug, title, date, url, path}')
      .addOption(
        new Option('--timeout <seconds>', 'give up on an address after this many seconds')
          .argParser(parseTimeout)
          .default(DEFAULT_TIMEOUT_SECONDS),
      )
      .option('--source <name>', "set every article's source (a feed's title, a site's name otherwise)")
      .option('--tag <tag>', 'add this tag to every article (repeatable)', collect);
  },
  invocation([sources], options) {
    const invocation: ImportInvocation = {
      sources: sources as string[],
      force: options.force === true,
      dryRun: options.dryRun === true,
      json: options.json === true,
      timeout: options.timeout as number,
      tags: (options.tag as string[] | undefined) ?? [],
    };
    if (typeof options.to === 'string') invocation.to = options.to;
    if (typeof options.slug === 'string') invocation.slug = options.slug;
    if (typeof options.source === 'string') invocation.source = options.source;
    return invocation;
  },
  pageable: (invocation) => invocation.dryRun && !invocation.json,
  async run(context, invocation) {
    const { settings } = context;
    const dir = invocation.to === undefined ? settings.import.libraryDir : resolve(invocation.to);
    if (dir === undefined) {
      throw new UsageError('there is no library folder to import into; set NEWS_LIBRARY or HOME, or give --to DIR');
    }
    if (invocation.slug !== undefined && invocation.sources.length > 1) {
      throw new UsageError(`--slug names one article, and ${invocation.sources.length} sources were given`);
    }
    if (invocation.sources.filter((source) => source === '-').length > 1) {
      throw new UsageError("'-' (standard input) can be imported once per run");
    }
    // Everything the run needs is a file of its own in the build (dist/import.cjs), read only by imports.
    const { runImport } = await import('./import-run.js');
    return runImport(context, invocation, dir);
  },
  // A synthetic page and feed (scripts/warm-up/), read for real but written nowhere.
  warmUp: [
    ['import', '--dry-run', '--to', 'dist/warm-up-library', 'scripts/warm-up/page.html', 'scripts/warm-up/feed.xml'],
  ],
});
