// What HTML elements are to a reader: which start a block of their own, which hold no text a reader sees.

/**
 * Elements that start a new block (a line of their own) in what a reader sees; every other
 * element flows inline. Table parts are blocks too: each cell starts on a line when a table is
 * read as text.
 */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'search',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/**
 * Elements whose content is never text to read: code, styling, embedded documents and media,
 * drawing, and controls. What uses this list may add its own (a body drops forms, a page keeps
 * them: some sites wrap the whole page in one).
 */
export const NOT_TEXT_ELEMENTS: readonly string[] = [
  'script',
  'style',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'canvas',
  'video',
  'audio',
  'source',
  'track',
  'map',
  'button',
  'input',
  'select',
  'textarea',
];
