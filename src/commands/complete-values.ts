// `news __complete-values <kind> [slug]`: an option's values (tags, sections, speakers) and the feeds' titles, for the completion scripts; not for people.

import { defineCommand } from '../cli/command.js';
import { COMPLETE_VALUES_COMMAND } from '../cli/completion/shells.js';
import type { ValueKind } from '../cli/completion/values.js';
import type { FeedSettings } from '../cli/settings.js';
import { EXIT_OK } from '../errors.js';
import type { Library, LoadedArticle } from '../library/library.js';

export interface CompleteValuesInvocation {
  /** A ValueKind; anything else lists nothing, so a script newer than the program still works. */
  kind: string;
  /** Only this article's values; all articles' when left out. */
  slug?: string;
}

/** One value to offer, and what zsh and fish may show beside it. */
interface Candidate {
  value: string;
  description?: string;
}

/** The articles asked about: the one called `slug`, or every article. */
async function articlesOf(library: Library, slug: string | undefined): Promise<readonly LoadedArticle[]> {
  return slug === undefined ? library.articles() : [await library.article(slug)];
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** Each distinct value once, in order of first appearance, with how often it occurs. */
function tally(values: readonly string[], key: (value: string) => string = (value) => value): Map<string, number> {
  const counts = new Map<string, { value: string; n: number }>();
  for (const value of values) {
    const entry = counts.get(key(value));
    if (entry) entry.n += 1;
    else counts.set(key(value), { value, n: 1 });
  }
  return new Map([...counts.values()].map(({ value, n }) => [value, n]));
}

function byText(a: Candidate, b: Candidate): number {
  return a.value.toLowerCase() < b.value.toLowerCase() ? -1 : a.value.toLowerCase() > b.value.toLowerCase() ? 1 : 0;
}

/** Where each kind's values come from. Each loads only what it needs, when it runs. */
const SOURCES: Record<
  ValueKind,
  (library: Library, slug: string | undefined, feeds: FeedSettings) => Promise<Candidate[]>
> = {
  /** Tags as first written (`--tag` ignores case), with how many articles carry each. */
  async tags(library, slug) {
    const tags =
      slug === undefined
        ? (await library.infos()).flatMap((info) => info.tags)
        : (await library.article(slug)).article.tags;
    const counts = tally(tags, (tag) => tag.toLowerCase());
    return [...counts].map(([value, n]) => ({ value, description: count(n, 'article') })).sort(byText);
  },

  /**
   * Subheadings as `read --section` matches them: the words, lower-cased and joined by dashes
   * ("– Lingering tensions –" → lingering-tensions), which no shell needs quoted; the heading as
   * written beside it. In the article's order.
   */
  async sections(library, slug) {
    const { listHeadings, normalizeHeading } = await import('../article/model.js');
    const { sanitizeLine } = await import('../article/sanitize.js');
    const headings = (await articlesOf(library, slug)).flatMap(({ blocks }) => listHeadings(blocks));
    const seen = new Set<string>();
    return headings.flatMap(({ text }) => {
      const value = normalizeHeading(text).replace(/ /g, '-');
      if (value === '' || seen.has(value)) return [];
      seen.add(value);
      return [{ value, description: sanitizeLine(text).trim() }];
    });
  },

  /** Who is quoted, by the fullest name the article gives (`--speaker` matches part of it), with how often. */
  async speakers(library, slug) {
    const { extractQuotations } = await import('../quotes/extract.js');
    const speakers = (await articlesOf(library, slug)).flatMap(({ blocks }) =>
      extractQuotations(blocks).flatMap((quotation) => (quotation.speaker === null ? [] : [quotation.speaker])),
    );
    return [...tally(speakers)].map(([value, n]) => ({ value, description: count(n, 'quotation') })).sort(byText);
  },

  /** The subscribed feeds, by title (by address when they have none), with the address beside it: what `fetch` and `feed remove` take. */
  async feeds(_library, _slug, feeds) {
    if (feeds.configDir === undefined) return [];
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { SUBSCRIPTIONS_FILE, SubscriptionList } = await import('../feeds/subscriptions.js');
    const path = join(feeds.configDir, SUBSCRIPTIONS_FILE);
    const list = SubscriptionList.parse(readFileSync(path, 'utf8'), path);
    return list.feeds.map((feed) =>
      feed.title === undefined ? { value: feed.url } : { value: feed.title, description: feed.url },
    );
  },
};

export const completeValuesCommand = defineCommand<CompleteValuesInvocation>({
  name: COMPLETE_VALUES_COMMAND,
  hidden: true,
  configure(command) {
    command.argument('<kind>').argument('[slug]');
  },
  invocation([kind, slug]) {
    const invocation: CompleteValuesInvocation = { kind: String(kind) };
    if (typeof slug === 'string' && slug !== '') invocation.slug = slug;
    return invocation;
  },
  pageable: () => false,
  async run(context, { kind, slug }) {
    const source = Object.hasOwn(SOURCES, kind) ? SOURCES[kind as ValueKind] : undefined;
    if (source === undefined) return EXIT_OK;
    const { accessSync, constants, statSync } = await import('node:fs');
    const { Library } = await import('../library/library.js');
    const { sanitizeLine } = await import('../article/sanitize.js');
    // The scripts run this on every Tab, with the --dir folders typed so far: one still being
    // typed, missing or unreadable just gives fewer values, never a message.
    const readable = context.settings.library.folders.filter((folder) => {
      try {
        accessSync(folder.path, constants.R_OK | constants.X_OK);
        return statSync(folder.path).isDirectory();
      } catch {
        return false;
      }
    });
    let candidates: Candidate[] = [];
    try {
      candidates = await source(
        new Library({ ...context.settings.library, folders: readable }),
        slug,
        context.settings.feeds,
      );
    } catch {
      // An unknown slug, or an article that cannot be read: nothing to offer. A completion that
      // failed would print into the user's command line, so this is the one place news says nothing.
    }
    const lines = candidates
      // A value with a tab, a newline or a control character could not be typed back as it is.
      .filter(({ value }) => value.trim() !== '' && sanitizeLine(value) === value)
      .map(({ value, description }) => (description ? `${value}\t${sanitizeLine(description)}\n` : `${value}\n`));
    context.io.stdout.write(lines.join(''));
    return EXIT_OK;
  },
  warmUp: [[COMPLETE_VALUES_COMMAND, 'tags']],
});
