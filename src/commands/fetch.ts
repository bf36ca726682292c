// `news fetch [feed…]`: the subscribed feeds fetched, their new articles imported into the library folder.

import { Argument, InvalidArgumentError, Option } from 'commander';
import { defineCommand } from '../cli/command.js';
import { completeArgumentWith } from '../cli/completion/values.js';
import { DEFAULT_TIMEOUT_SECONDS, parseTimeout } from '../cli/options.js';

export interface FetchInvocation {
  /** Feeds by address or title; every subscription when empty. */
  feeds: string[];
  full: boolean;
  jobs: number;
  /** Seconds one feed (or one page, with --full) may take. */
  timeout: number;
  json: boolean;
}

/** Feeds fetched at once by default: enough to hide slow servers, few enough to stay polite. */
const DEFAULT_JOBS = 4;
const MAX_JOBS = 64;

function parseJobs(value: string): number {
  const jobs = Number(value);
  if (!/^\d+$/.test(value) || jobs < 1 || jobs > MAX_JOBS) {
    throw new InvalidArgumentError(`Give a whole number of feeds from 1 to ${MAX_JOBS}.`);
  }
  return jobs;
}

export const fetchCommand = defineCommand<FetchInvocation>({
  name: 'fetch',
  configure(command) {
    command
      .description(
        'fetch the subscribed feeds (or those named) and import their new articles into the library folder (piped: slug<TAB>feed<TAB>title)',
      )
      .addArgument(completeArgumentWith(new Argument('[feed...]', "a subscribed feed's address or title"), 'feeds'))
      .option('--full', 'fetch the page of each item that carries only a summary, and keep the article found there')
      .addOption(
        new Option('-j, --jobs <n>', 'fetch at most this many feeds at once (and one at a time per host)')
          .argParser(parseJobs)
          .default(DEFAULT_JOBS),
      )
      .addOption(
        new Option('--timeout <seconds>', 'give up on a feed after this many seconds')
          .argParser(parseTimeout)
          .default(DEFAULT_TIMEOUT_SECONDS),
      )
      .option('--json', 'print {feeds, articles} as JSON: each feed fetched and each article written');
  },
  invocation: ([feeds], options) => ({
    feeds: (feeds as string[] | undefined) ?? [],
    full: options.full === true,
    jobs: options.jobs as number,
    timeout: options.timeout as number,
    json: options.json === true,
  }),
  pageable: () => false,
  async run(context, invocation) {
    // Everything the run needs is a file of its own in the build (dist/fetch.cjs), read only by `news fetch`.
    const { runFetch } = await import('./fetch-run.js');
    return runFetch(context, invocation);
  },
  warmUp: [],
});
