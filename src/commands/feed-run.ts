// The run of `news feed <action>`, once its arguments are checked: the subscription list read or
// edited, and what was done printed (a line for people, tab-separated for pipes, JSON or OPML).
//
// The build makes this module and everything it imports a file of its own, dist/feed.cjs, loaded
// only by `news feed`; a NewsError thrown here reaches main's catch, which recognises it across
// bundles (isNewsError).

import { sanitizeLine } from '../article/sanitize.js';
import { type CommandContext, userAgentOf } from '../cli/command.js';
import { EXIT_ERROR, EXIT_OK } from '../errors.js';
import { openFeedFiles } from '../import/feed-files.js';
import { exportFeeds, listFeeds, removeFeed } from '../import/feed-list.js';
import type { SubscribeResult } from '../import/subscribe.js';
import {
  createSubscribeLinePrinter,
  formatSubscribeSummary,
  formatSubscribeTsv,
  renderFeedList,
} from '../render/feeds.js';
import { formatMessage } from '../terminal/messages.js';
import type { FeedInvocation } from './feed.js';

/** Prints what became of each feed added or imported; the exit code is 2 if one failed. */
async function report(context: CommandContext, results: readonly SubscribeResult[]): Promise<number> {
  const { io, settings } = context;
  const printLine = settings.output.styled ? await createSubscribeLinePrinter(settings.output) : formatSubscribeTsv;
  for (const result of results) {
    const { input } = result;
    if (result.status === 'failed') io.stderr.write(formatMessage('error', `${input}: ${result.message}`));
    if (result.warning !== undefined) io.stderr.write(formatMessage('warning', `${input}: ${result.warning}`));
    for (const note of result.notes) io.stderr.write(formatMessage('note', `${input}: ${note}`));
    io.stdout.write(printLine(result));
  }
  if (settings.output.styled && results.length > 1) io.stdout.write(formatSubscribeSummary(results));
  return results.some((result) => result.status === 'failed') ? EXIT_ERROR : EXIT_OK;
}

export async function runFeed(context: CommandContext, invocation: FeedInvocation): Promise<number> {
  const { io, settings } = context;
  const files = openFeedFiles({ ...settings.feeds, owner: settings.library.owner });
  const http = {
    userAgent: userAgentOf(context),
    timeoutMs: (invocation.action === 'add' ? invocation.timeout : 30) * 1000,
    maxBytes: settings.import.maxBytes,
  };
  switch (invocation.action) {
    case 'add': {
      // Fetching and parsing feeds, and pages that name them: loaded only to add.
      const { addFeeds } = await import('../import/subscribe.js');
      return report(context, await addFeeds(invocation.sources, { files, http }));
    }
    case 'import': {
      const { importOpmlFile } = await import('../import/subscribe.js');
      return report(context, await importOpmlFile(invocation.file, { files, http }));
    }
    case 'list': {
      const rows = await listFeeds(files);
      if (rows.length === 0 && !invocation.json) {
        io.stderr.write(formatMessage('note', `no feeds yet; subscribe with 'news feed add <address>'`));
      }
      io.stdout.write(await renderFeedList(rows, settings.output, invocation.json));
      return EXIT_OK;
    }
    case 'remove': {
      const removed = await removeFeed(invocation.feed, files);
      // Like `news remove` (and rm): a line for people, silence for scripts.
      if (io.stdout.isTTY) {
        const name = removed.title === undefined ? removed.url : `${removed.title} (${removed.url})`;
        io.stdout.write(`${sanitizeLine(`unsubscribed from ${name}; its articles stay in the library`)}\n`);
      }
      return EXIT_OK;
    }
    case 'export':
      io.stdout.write(await exportFeeds(files, new Date()));
      return EXIT_OK;
  }
}
