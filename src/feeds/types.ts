// The feed model every reader produces: one Feed with its items, plain values only.

export type FeedFormat = 'rss0.9x' | 'rss1.0' | 'rss2.0' | 'atom1.0' | 'jsonfeed1.x';

export interface Enclosure {
  url: string;
  type?: string;
  /** Size in bytes as the feed states it; omitted when missing or not a number. */
  length?: number;
}

export interface FeedItem {
  /** The feed's own id (guid, Atom id, JSON id), else the link, else a sha1 of title, date and content. */
  id: string;
  /** Plain text, whitespace collapsed; empty when the item has none. */
  title: string;
  /** Absolute when a base was known, else as written. */
  link?: string;
  /** The date exactly as the feed wrote it (trimmed): the app's date parser decides what it means. */
  date?: string;
  author?: string;
  categories: string[];
  /** Full content as HTML: content:encoded, Atom content, content_html, or content_text made into paragraphs. */
  contentHtml?: string;
  /** Short content as HTML: RSS description, Atom summary, JSON Feed summary. */
  summaryHtml?: string;
  enclosures?: Enclosure[];
}

export interface Feed {
  format: FeedFormat;
  /** Plain text; empty when the feed has none. */
  title: string;
  /** The site the feed belongs to, absolute when a base was known. */
  link?: string;
  /**
   * The feed's own address as it states it (Atom and RSS `<atom:link rel="self">`, JSON Feed
   * `feed_url`): what a saved copy of the feed is subscribed to. Absolute, or left out.
   */
  self?: string;
  /** Plain text. */
  description?: string;
  items: FeedItem[];
}
