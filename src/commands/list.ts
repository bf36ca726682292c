// `news list`: every article, newest first, as a table, tab-separated lines or JSON.

import { Option } from 'commander';
import { defineCommand } from '../cli/command.js';
import { completeWith } from '../cli/completion/values.js';
import { describeFilter, limitParser, parseDate, toFilter } from '../cli/options.js';
import { EXIT_ERROR, EXIT_NOT_FOUND, EXIT_OK } from '../errors.js';
import type { ArticleFilter, SortOrder } from '../search/filters.js';
import { formatMessage } from '../terminal/messages.js';
import { openLibrary, reportLibrary } from './library.js';

export interface ListInvocation {
  json: boolean;
  filter: ArticleFilter;
  sort: SortOrder;
  limit?: number;
  /** Show articles marked as drafts too. */
  drafts: boolean;
}

export const listCommand = defineCommand<ListInvocation>({
  name: 'list',
  configure(command) {
    command
      .description('list every article, newest first (piped: slug<TAB>date<TAB>title)')
      .option('--json', 'print a JSON array of article summaries')
      .option('--since <date>', 'only articles dated on or after YYYY-MM-DD', parseDate)
      .option('--until <date>', 'only articles dated on or before YYYY-MM-DD', parseDate)
      .addOption(completeWith(new Option('--tag <tag>', 'only articles with this tag (case ignored)'), 'tags'))
      .option('--source <name>', 'only articles from this source (case ignored)')
      .addOption(new Option('--sort <order>', 'newest first, or by title').choices(['date', 'title']).default('date'))
      .option('-n, --limit <count>', 'show at most this many articles', limitParser('articles'))
      .option('--drafts', 'show articles marked as drafts too');
  },
  invocation(_args, options) {
    const invocation: ListInvocation = {
      json: options.json === true,
      filter: toFilter(options),
      sort: options.sort as SortOrder,
      drafts: options.drafts === true,
    };
    if (typeof options.limit === 'number') invocation.limit = options.limit;
    return invocation;
  },
  pageable: (invocation) => !invocation.json,
  async run(context, invocation) {
    const { listLibrary, listingOutput } = await import('../search/listing.js');
    const { renderList } = await import('../render/list.js');
    const library = openLibrary(context);
    const { filter, sort, drafts, json } = invocation;
    const limit = invocation.limit ?? Number.POSITIVE_INFINITY;
    // Whether anything matched: the rows shown, or the bytes of the piped listing.
    let found: number;
    let text: string | Uint8Array;
    if (!json && !context.settings.output.styled) {
      // Piped: the index's listing lines are the output, with no object made per row.
      text = await library.query((index) => listingOutput(index, filter, sort, limit), { drafts });
      found = text.length;
    } else {
      // With --json every field is shown: read it all inside the query, where damage is caught.
      const shown = await library.query((index) => listLibrary(index, filter, sort, limit, json), { drafts });
      found = shown.length;
      text = await renderList(shown, context.settings.output, json);
    }
    const hadProblems = reportLibrary(context, library);
    context.io.stdout.write(text);
    if (hadProblems) return EXIT_ERROR;
    if (found === 0) {
      // One rule for every command: nothing found is exit 1 with a note, as `search` and ripgrep do.
      const filters = describeFilter(invocation.filter);
      const note = filters === '' ? 'no articles' : `no article matches ${filters}`;
      context.io.stderr.write(formatMessage('note', `${note}; run 'news list' without filters to see them all`));
      return EXIT_NOT_FOUND;
    }
    return EXIT_OK;
  },
  warmUp: [['list'], ['list', '--color', 'always'], ['--dir', 'dist/warm-up/library', 'list']],
});
