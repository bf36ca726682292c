// Which subscription a name on the command line means: its address, or its title.

import { NotFoundError, UsageError } from '../errors.js';
import { findSubscriptions, type Subscription } from '../feeds/subscription.js';
import { suggestSlugs } from '../library/slugs.js';

/**
 * The one subscription `name` means (its address, or its title with case ignored). None is a
 * NotFoundError with the closest titles; several with that title a UsageError listing them.
 */
export function pickSubscription(feeds: readonly Subscription[], name: string): Subscription {
  const found = findSubscriptions(feeds, name);
  if (found.length === 1) return found[0] as Subscription;
  if (found.length > 1) {
    const urls = found.map((feed) => feed.url).join(', ');
    throw new UsageError(`${found.length} feeds are titled '${name}' (${urls}); give the address`);
  }
  const names = feeds.map((feed) => feed.title ?? feed.url);
  const close = suggestSlugs(name, names);
  const hint = close.length > 0 ? `; did you mean ${close.map((title) => `'${title}'`).join(', ')}?` : '';
  throw new NotFoundError(`no subscribed feed is titled or addressed '${name}'${hint} (news feed list shows them)`);
}
