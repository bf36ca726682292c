// The help text beyond commander's own: examples, the query syntax, environment variables and exit codes, for --help and the man page.

import { EXIT_ERROR, EXIT_NOT_FOUND, EXIT_OK } from '../errors.js';
import { MAX_ARTICLE_BYTES } from '../library/files.js';

export interface HelpEntry {
  /** What the entry is about: a command line, a variable name or an exit code. */
  term: string;
  description: string;
}

export const EXAMPLES: readonly HelpEntry[] = [
  { term: 'news list', description: 'every article, newest first' },
  { term: 'news read abe-putin', description: 'read an article' },
  { term: 'news read abe-putin | less', description: 'plain text, no escape codes' },
  { term: 'news search "peace treaty"', description: 'articles with both words, best first' },
  { term: `news search '"peace treaty"'`, description: 'the exact phrase' },
  { term: 'news search treat* -sanctions', description: 'a prefix, and a word left out' },
  { term: 'news search title:Abe Putin OR Medvedev', description: 'a field, and either of two words' },
  { term: 'news search Putin --json | jq', description: 'machine-readable hits' },
  { term: 'news feed add https://example.org/feed.xml', description: 'subscribe to a feed' },
  { term: 'news fetch', description: 'import the new articles of every feed subscribed' },
];

/** Every environment variable news reads; main.ts hands each to the module it configures. */
export const ENVIRONMENT: readonly HelpEntry[] = [
  { term: 'NEWS_PATH', description: "more article folders, separated by ':' (after --dir, before the bundled ones)" },
  { term: 'NO_COLOR', description: 'when set and not empty, no colour (unless --color always)' },
  { term: 'FORCE_COLOR', description: 'colour even when piped (0 or false turns it off)' },
  { term: 'COLUMNS', description: 'width when output is not a terminal (default 80)' },
  { term: 'NEWS_PAGER', description: "pager for long output on a terminal, before PAGER (default 'less -R')" },
  { term: 'PAGER', description: 'pager when NEWS_PAGER is not set' },
  { term: 'LESS', description: 'options for less; news sets FRX when it is not set' },
  { term: 'NEWS_CACHE_DIR', description: 'where the search index of --dir and NEWS_PATH folders is kept' },
  { term: 'XDG_CACHE_HOME', description: 'the index goes in $XDG_CACHE_HOME/news, else ~/.cache/news' },
  {
    term: 'NEWS_INDEX_CHECK',
    description: "'files' (default): notice every edit; 'folders': only added, removed, renamed files (faster)",
  },
  { term: 'NEWS_MAX_ARTICLE_BYTES', description: `refuse articles larger than this (default ${MAX_ARTICLE_BYTES})` },
  {
    term: 'NEWS_LIBRARY',
    description:
      'the folder import and fetch write to (else $XDG_DATA_HOME/news/articles or ~/.local/share/news/articles)',
  },
  { term: 'NEWS_MAX_IMPORT_BYTES', description: 'refuse pages and feeds larger than this (default 10485760)' },
  { term: 'NEWS_CONFIG_DIR', description: 'where feeds.yaml is (else $XDG_CONFIG_HOME/news or ~/.config/news)' },
  {
    term: 'NEWS_STATE_DIR',
    description: 'where the fetch state is (else $XDG_STATE_HOME/news or ~/.local/state/news)',
  },
];

/**
 * The search query language, for `news search --help` and the man page's QUERY SYNTAX (the README's
 * "Search" table says the same at more length). Terms are what one types; descriptions fit 80
 * columns beside them.
 */
export const QUERY_SYNTAX: readonly HelpEntry[] = [
  { term: 'peace treaty', description: 'articles with both words, anywhere, case ignored' },
  { term: 'treaty', description: "the whole word and its plurals: treaties, treaty's" },
  { term: 'treat*', description: 'any word starting with treat' },
  { term: '"peace treaty"', description: 'the exact phrase (curly quotes work too)' },
  { term: '-sanctions', description: 'leaves out articles containing the word' },
  { term: 'Putin OR Medvedev', description: 'either word (OR in capitals)' },
  { term: 'title:Abe', description: 'the word in the title only' },
  { term: 'tag:Russia', description: 'the word in a tag only' },
  { term: 'source:EmbassyPages', description: 'the word in the source only' },
  { term: 'section:News', description: "the word in the front matter's section or a subheading" },
  { term: '5.5% (in a+b re:think', description: 'anything else is literal text, never a pattern' },
  { term: '--since, --until', description: 'only articles dated in that range (YYYY-MM-DD)' },
];

/** Said after the query syntax, in --help and the man page. */
export const QUERY_SYNTAX_NOTE = 'A query of only exclusions finds nothing.';

export const EXIT_STATUS: readonly HelpEntry[] = [
  { term: String(EXIT_OK), description: 'success (articles listed, article shown, search found something)' },
  { term: String(EXIT_NOT_FOUND), description: 'nothing found (unknown article, no hits, no match, no quotations)' },
  {
    term: String(EXIT_ERROR),
    description: 'error (bad usage, unreadable or invalid article, output failure; a source or feed that failed)',
  },
];

/** A heading and its entries as two aligned columns, the way commander lays out its own lists. */
export function formatHelpList(heading: string, entries: readonly HelpEntry[]): string {
  const width = Math.max(...entries.map((entry) => entry.term.length));
  const rows = entries.map((entry) => `  ${entry.term.padEnd(width)}  ${entry.description}`);
  return [`${heading}:`, ...rows].join('\n');
}

/** The text after `news search --help`'s own: the query language. */
export function formatQuerySyntax(): string {
  return `${formatHelpList('Query syntax', QUERY_SYNTAX)}\n\n${QUERY_SYNTAX_NOTE}`;
}

/** The text after commander's help: examples, environment and exit status, separated by blank lines. */
export function formatHelpEpilogue(): string {
  return [
    formatHelpList('Examples', EXAMPLES),
    formatHelpList('Environment', ENVIRONMENT),
    formatHelpList('Exit status', EXIT_STATUS),
  ].join('\n\n');
}
