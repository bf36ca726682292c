// `news feed add|list|remove|import|export`: the subscription list, kept in feeds.yaml.

import { Argument, Option } from 'commander';
import { defineCommand } from '../cli/command.js';
import { completeArgumentWith } from '../cli/completion/values.js';
import { DEFAULT_TIMEOUT_SECONDS, parseTimeout } from '../cli/options.js';
import { UsageError } from '../errors.js';

export type FeedInvocation =
  | { action: 'add'; sources: string[]; timeout: number }
  | { action: 'list'; json: boolean }
  | { action: 'remove'; feed: string }
  | { action: 'import'; file: string }
  | { action: 'export' };

export const feedCommand = defineCommand<FeedInvocation>({
  name: 'feed',
  configure(command) {
    command.description('manage the feeds news fetch fetches: add, list, remove, and OPML to import and export');
  },
  subcommands: [
    {
      name: 'add',
      configure: (command) =>
        command
          .description(
            'subscribe to feeds, each fetched once for its title (a web page leads to the feed it names; a file may be OPML or a saved feed) (piped: url<TAB>status<TAB>title)',
          )
          .addArgument(
            completeArgumentWith(
              new Argument('<source...>', "a feed's http(s) address, a page that names one, or a file"),
              'files',
            ),
          )
          .addOption(
            new Option('--timeout <seconds>', 'give up on an address after this many seconds')
              .argParser(parseTimeout)
              .default(DEFAULT_TIMEOUT_SECONDS),
          ),
    },
    {
      name: 'list',
      configure: (command) =>
        command
          .description('list the subscribed feeds (piped: url<TAB>title<TAB>last fetched<TAB>articles)')
          .option('--json', 'print a JSON array of {url, title, fetched, articles, gone, error, full, site}'),
    },
    {
      name: 'remove',
      configure: (command) =>
        command
          .description('unsubscribe from a feed (its articles stay in the library)')
          .addArgument(completeArgumentWith(new Argument('<feed>', "the feed's address or title"), 'feeds')),
    },
    {
      name: 'import',
      configure: (command) =>
        command
          .description('subscribe to every feed of an OPML file, as other feed readers export them')
          .addArgument(completeArgumentWith(new Argument('<opml>', 'an OPML file'), 'files')),
    },
    {
      name: 'export',
      configure: (command) => command.description('print the subscriptions as OPML 2.0, for other feed readers'),
    },
  ],
  invocation([action, ...args], options): FeedInvocation {
    switch (action) {
      case 'add':
        return { action, sources: args[0] as string[], timeout: options.timeout as number };
      case 'list':
        return { action, json: options.json === true };
      case 'remove':
        return { action, feed: args[0] as string };
      case 'import':
        return { action, file: args[0] as string };
      case 'export':
        return { action };
      default:
        throw new UsageError(`unknown feed command '${String(action)}'`);
    }
  },
  pageable: (invocation) => invocation.action === 'list' && !invocation.json,
  async run(context, invocation) {
    // Everything the run needs is a file of its own in the build (dist/feed.cjs), read only by `news feed`.
    const { runFeed } = await import('./feed-run.js');
    return runFeed(context, invocation);
  },
  warmUp: [],
});
