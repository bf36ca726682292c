// The subscription list: feeds.yaml as a person reads and edits it (a YAML list of feeds), read with
// a one-line error naming the line at fault, and edited in place so comments and order survive.

import {
  Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  Scalar,
  YAMLMap,
  YAMLSeq,
} from 'yaml';
import { NewsError } from '../errors.js';
import { normalizeFeedUrl, type Subscription } from './subscription.js';

export { findSubscriptions, normalizeFeedUrl, SUBSCRIPTIONS_FILE, type Subscription } from './subscription.js';

/** Fields an entry may have; anything else is a typo worth pointing at. */
const FIELDS = ['url', 'title', 'full'];

const HEADER = ` Feeds news fetches: \`news feed add\`, \`remove\` and \`import\` edit this list, and so may you.
 One entry per feed: url (http or https), title (the source its articles get), and full: true to
 fetch the page of each item that carries only a summary. A bare address is an entry too.`;

/** A subscription file that cannot be read: its path and line, then what is wrong and what to do. */
export class SubscriptionsError extends NewsError {}

/**
 * The subscription file, parsed: its feeds, and the YAML document they came from, which edits
 * change in place so a person's comments, order and spelling stay as they were.
 */
export class SubscriptionList {
  private constructor(
    private readonly document: Document,
    private entries: Subscription[],
  ) {}

  /** A list with no feeds, and a comment saying what the file is. */
  static empty(): SubscriptionList {
    const document = new Document(new YAMLSeq());
    document.commentBefore = HEADER;
    return new SubscriptionList(document, []);
  }

  /**
   * Reads the file's text. An empty file is an empty list; anything news cannot use (YAML that does
   * not parse, an entry without a url, a url that is not http(s), a field news does not know, the
   * same feed twice) is a SubscriptionsError naming `path` and the line.
   */
  static parse(text: string, path: string): SubscriptionList {
    const lineCounter = new LineCounter();
    const document: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const fail = (node: { range?: [number, number, number] | null } | null | undefined, message: string): never => {
      const line = node?.range ? lineCounter.linePos(node.range[0]).line : 1;
      throw new SubscriptionsError(`${path}:${line}: ${message}`);
    };
    const [error] = document.errors;
    if (error !== undefined) {
      // An error found only at the end (a bracket never closed) is told at the last line written.
      const line = lineCounter.linePos(Math.min(error.pos[0], text.trimEnd().length)).line;
      const reason = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'not valid YAML';
      throw new SubscriptionsError(`${path}:${line}: ${reason}; fix that line`);
    }
    const contents = document.contents;
    if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
      document.contents = new YAMLSeq();
      return new SubscriptionList(document, []);
    }
    if (!isSeq(contents)) return fail(contents, 'the file must be a list of feeds (lines starting with "- url: ")');
    const entries: Subscription[] = [];
    const seen = new Map<string, number>();
    for (const node of contents.items as Node[]) {
      const entry = readEntry(node, fail);
      const first = seen.get(entry.url);
      if (first !== undefined) fail(node, `${entry.url} is listed twice (first on line ${first}); keep one`);
      seen.set(entry.url, node.range ? lineCounter.linePos(node.range[0]).line : 1);
      entries.push(entry);
    }
    return new SubscriptionList(document, entries);
  }

  get feeds(): readonly Subscription[] {
    return this.entries;
  }

  /** The subscription of this address, if any. */
  find(url: string): Subscription | undefined {
    return this.entries.find((entry) => entry.url === url);
  }

  /** Appends a feed; the caller has checked it is not listed yet. */
  add(subscription: Subscription): void {
    const fields: Record<string, unknown> = { url: subscription.url };
    if (subscription.title) fields.title = subscription.title;
    if (subscription.full) fields.full = true;
    this.sequence().items.push(this.document.createNode(fields));
    this.entries.push({ ...subscription });
  }

  /** Takes a feed off the list; false when it was not on it. */
  remove(url: string): boolean {
    const index = this.entries.findIndex((entry) => entry.url === url);
    if (index === -1) return false;
    this.sequence().items.splice(index, 1);
    this.entries.splice(index, 1);
    return true;
  }

  /** Changes a feed's address (a permanent redirect) or records its title, in place. */
  update(url: string, changes: { url?: string; title?: string }): void {
    const index = this.entries.findIndex((entry) => entry.url === url);
    const entry = this.entries[index];
    if (entry === undefined) return;
    const items = this.sequence().items;
    let node = items[index];
    if (!isMap(node)) {
      // A bare address becomes a mapping, so that it can carry a title; its comments go with it.
      const map = new YAMLMap();
      const url = new Scalar(entry.url);
      map.set('url', url);
      if (isScalar(node)) {
        if (node.commentBefore) map.commentBefore = node.commentBefore;
        if (node.spaceBefore) map.spaceBefore = true;
        if (node.comment) url.comment = node.comment;
      }
      items[index] = map;
      node = map;
    }
    const map = node as YAMLMap;
    if (changes.url !== undefined) {
      map.set('url', changes.url);
      entry.url = changes.url;
    }
    if (changes.title !== undefined) {
      map.set('title', changes.title);
      entry.title = changes.title;
    }
  }

  /** The file's text: the document as read, with the edits made. */
  toString(): string {
    return this.document.toString({ lineWidth: 0 });
  }

  private sequence(): YAMLSeq {
    if (!isSeq(this.document.contents)) this.document.contents = new YAMLSeq();
    return this.document.contents as YAMLSeq;
  }
}

type Fail = (node: Node | null | undefined, message: string) => never;

/** One entry of the list: a mapping with a url, or a bare address. */
function readEntry(node: Node, fail: Fail): Subscription {
  if (isScalar(node)) {
    if (typeof node.value !== 'string')
      return fail(node, 'an entry must be a feed\'s address or "url: …" and its fields');
    return { url: readUrl(node, fail) };
  }
  if (!isMap(node)) return fail(node, 'an entry must be a feed\'s address or "url: …" and its fields');
  const entry: Partial<Subscription> = {};
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const value = pair.value as Node | null;
    if (key === undefined || !FIELDS.includes(key)) {
      return fail(pair.key as Node, `unknown field '${key ?? '?'}' (news reads ${FIELDS.join(', ')})`);
    }
    if (key === 'url') {
      if (!isScalar(value) || typeof value.value !== 'string') return fail(value ?? node, 'url must be an address');
      entry.url = readUrl(value, fail);
    } else if (key === 'title') {
      if (isScalar(value) && (value.value === null || value.value === '')) continue;
      if (!isScalar(value) || (typeof value.value !== 'string' && typeof value.value !== 'number')) {
        return fail(value ?? node, 'title must be text');
      }
      const title = String(value.value).trim();
      if (title !== '') entry.title = title;
    } else if (key === 'full') {
      if (!isScalar(value) || typeof value.value !== 'boolean')
        return fail(value ?? node, 'full must be true or false');
      if (value.value) entry.full = true;
    }
  }
  if (entry.url === undefined) return fail(node, 'the entry has no url; give each feed a "url: https://…"');
  return entry as Subscription;
}

function readUrl(node: Scalar, fail: Fail): string {
  const url = normalizeFeedUrl(String(node.value));
  if (url === undefined) return fail(node, `'${String(node.value).slice(0, 80)}' is not an http or https address`);
  return url;
}
