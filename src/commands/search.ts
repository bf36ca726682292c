// `news search <query…>`: ranked hits with a snippet, as a list, tab-separated lines or JSON.

import { defineCommand } from '../cli/command.js';
import { formatQuerySyntax } from '../cli/helptext.js';
import { limitParser, parseDate, toFilter } from '../cli/options.js';
import { EXIT_ERROR, EXIT_NOT_FOUND, EXIT_OK, UsageError } from '../errors.js';
import type { ArticleFilter } from '../search/filters.js';
import { formatMessage } from '../terminal/messages.js';
import { openLibrary, reportLibrary } from './library.js';

export interface SearchInvocation {
  query: string;
  json: boolean;
  limit?: number;
  filter: ArticleFilter;
  /** Find articles marked as drafts too. */
  drafts: boolean;
}

export const searchCommand = defineCommand<SearchInvocation>({
  name: 'search',
  dashOperands: true,
  configure(command) {
    command
      .description(
        'find articles containing every word: "exact phrase", prefix*, -excluded, a OR b, title:/tag:/source:/section:word',
      )
      .argument('<query...>', 'words to find (case ignored; everything else is literal text, never a pattern)')
      .option('--json', 'print a JSON array of hits')
      .option('-n, --limit <count>', 'show at most this many hits', limitParser('hits'))
      .option('--since <date>', 'only articles dated on or after YYYY-MM-DD', parseDate)
      .option('--until <date>', 'only articles dated on or before YYYY-MM-DD', parseDate)
      .option('--drafts', 'find articles marked as drafts too')
      .addHelpText('after', () => `\n${formatQuerySyntax()}\n`);
  },
  invocation([words], options) {
    const query = (words as string[]).join(' ');
    if (query.trim() === '')
      throw new UsageError("the query is empty; give a word to search for, like 'news search treaty'");
    const invocation: SearchInvocation = {
      query,
      json: options.json === true,
      filter: toFilter(options),
      drafts: options.drafts === true,
    };
    if (typeof options.limit === 'number') invocation.limit = options.limit;
    return invocation;
  },
  pageable: (invocation) => !invocation.json,
  async run(context, { query, json, limit, filter, drafts }) {
    const { searchLibrary } = await import('../search/search.js');
    const { renderSearch, snippetCells } = await import('../render/search.js');
    const { output } = context.settings;
    // A passage is chosen where most terms come within two thirds of a snippet's width.
    const reach = Math.floor((snippetCells(output) * 2) / 3);
    const library = openLibrary(context);
    const hits = await library.query(
      (index) => searchLibrary(index, query, filter, limit ?? Number.POSITIVE_INFINITY, reach),
      { drafts },
    );
    const hadProblems = reportLibrary(context, library);
    context.io.stdout.write(await renderSearch(hits, output, json));
    if (hadProblems) return EXIT_ERROR;
    if (hits.length === 0) {
      context.io.stderr.write(formatMessage('note', `no article matches '${query}'; try fewer or shorter words`));
      return EXIT_NOT_FOUND;
    }
    return EXIT_OK;
  },
  warmUp: [
    ['search', 'Putin'],
    ['search', 'Putin', '--color', 'always'],
    ['--dir', 'dist/warm-up/library', 'search', 'treaty'],
  ],
});
