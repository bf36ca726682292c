// The run of `news fetch`, once its arguments are checked: the feeds fetched, each new article
// printed as its feed is done (tab-separated, for pipes), failures on stderr, then a summary or JSON.
//
// The build makes this module and everything it imports a file of its own, dist/fetch.cjs, loaded
// only by `news fetch`; a NewsError thrown here reaches main's catch, which recognises it across
// bundles (isNewsError).

import { type CommandContext, userAgentOf } from '../cli/command.js';
import { EXIT_ERROR, EXIT_OK, UsageError } from '../errors.js';
import { openFeedFiles } from '../import/feed-files.js';
import { type FeedResult, fetchFeeds } from '../import/refresh.js';
import { formatFetchSummary, formatFetchTsv, renderFetchJson } from '../render/feeds.js';
import { formatMessage } from '../terminal/messages.js';
import { progressLine } from '../terminal/progress.js';
import type { FetchInvocation } from './fetch.js';

/** How a feed is named in a message: its title and address, or its address alone. */
function nameOf(feed: FeedResult): string {
  return feed.title === feed.url ? feed.url : `${feed.title} (${feed.url})`;
}

/** Fetches and reports; the exit code is 2 if a feed failed, else 0 (nothing new is no error). */
export async function runFetch(context: CommandContext, invocation: FetchInvocation): Promise<number> {
  const { io, settings } = context;
  const libraryDir = settings.import.libraryDir;
  if (libraryDir === undefined) {
    throw new UsageError('there is no library folder to fetch into; set NEWS_LIBRARY, XDG_DATA_HOME or HOME');
  }
  const files = openFeedFiles({ ...settings.feeds, owner: settings.library.owner });
  const progress = progressLine(io.stderr, Date.now, (done, total) => `fetching ${done}/${total} feeds…`);
  const piped = !invocation.json && !settings.output.styled;
  const outcome = await fetchFeeds({
    names: invocation.feeds,
    files,
    libraryDir,
    full: invocation.full,
    jobs: invocation.jobs,
    http: {
      userAgent: userAgentOf(context),
      timeoutMs: invocation.timeout * 1000,
      maxBytes: settings.import.maxBytes,
    },
    maxArticleBytes: settings.library.maxArticleBytes,
    owner: settings.library.owner,
    onWait: (pid) => {
      const who = pid === undefined ? 'another news fetch' : `another news fetch (pid ${pid})`;
      if (io.stderr.isTTY) io.stderr.write(formatMessage('note', `waiting for ${who} to finish`));
    },
    onProgress: (done, total) => progress.update(done, total),
    onFeed: (feed) => {
      progress.done();
      if (feed.status === 'failed') io.stderr.write(formatMessage('error', `${nameOf(feed)}: ${feed.message}`));
      for (const note of feed.notes) io.stderr.write(formatMessage('note', `${nameOf(feed)}: ${note}`));
      if (piped) io.stdout.write(formatFetchTsv(feed));
    },
  });
  progress.done();
  for (const note of outcome.notes) io.stderr.write(formatMessage('note', note));
  if (invocation.json) io.stdout.write(renderFetchJson(outcome.feeds));
  else if (settings.output.styled) io.stdout.write(formatFetchSummary(outcome.feeds));
  return outcome.feeds.some((feed) => feed.status === 'failed') ? EXIT_ERROR : EXIT_OK;
}
