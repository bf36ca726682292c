// FeedError: why a document could not be read as a feed, in one line a user can act on.

import { NewsError } from '../errors.js';

/**
 * What went wrong, for callers that react differently: an HTML page may be worth searching for a
 * <link rel="alternate">, a malformed feed is worth reporting to its owner, a refused one is not
 * worth retrying.
 */
export type FeedErrorKind = 'too-large' | 'empty' | 'not-a-feed' | 'html' | 'malformed' | 'refused';

/** A document that cannot be read as a feed; like every NewsError it carries exit code 2. */
export class FeedError extends NewsError {
  readonly kind: FeedErrorKind;
  constructor(kind: FeedErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
}
