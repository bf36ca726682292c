// The document model both printers and search share: blocks of styled spans, free of Markdown and controls.

import { sanitizeText } from './sanitize.js';
import { wordRuns } from './wordchars.js';

/**
 * `url` holds a link's address (never shown inline); `ref` is the numbered marker shown in its place.
 * `note` is a footnote reference: its text is the note's number, and the layout shows a marker.
 */
export type SpanStyle = 'plain' | 'strong' | 'em' | 'code' | 'del' | 'link' | 'url' | 'ref' | 'note';

export interface Span {
  text: string;
  style: SpanStyle;
}

export type Block =
  | { kind: 'heading'; depth: number; spans: Span[] }
  | { kind: 'paragraph'; spans: Span[] }
  | { kind: 'quote'; blocks: Block[] }
  | {
      kind: 'list';
      ordered: boolean;
      loose: boolean;
      start: number;
      items: Block[][];
      /** For a task list, each item's box: checked, unchecked, or null for an item without one. */
      tasks?: (boolean | null)[];
    }
  | { kind: 'code'; text: string }
  /** The first row is the header. */
  | { kind: 'table'; rows: Span[][][] }
  | { kind: 'rule' }
  /** The footnotes, note 1 first; one per body, after everything else. */
  | { kind: 'notes'; notes: Block[][] };

/**
 * The text a reader sees; link addresses and footnote markers are left out (the layout lists
 * addresses as references and draws markers), so search and quotations see only the prose.
 */
export function spansText(spans: readonly Span[]): string {
  let text = '';
  for (const span of spans) if (span.style !== 'url' && span.style !== 'note') text += span.text;
  return text;
}

/**
 * Replaces each link address with a numbered reference marker, `[1]`, and returns the addresses
 * in order, so they can be listed after the article: a URL is never dropped, and never breaks a
 * sentence in the middle. The same address keeps its number. Footnote references become their
 * markers too, `[^1]`, numbered as the notes are.
 */
export function numberLinks(blocks: readonly Block[]): { blocks: Block[]; links: string[] } {
  const links: string[] = [];
  const mark = (spans: readonly Span[]): Span[] =>
    spans.map((span) => {
      if (span.style === 'note') return { text: `[^${span.text}]`, style: 'ref' };
      if (span.style !== 'url') return span;
      let index = links.indexOf(span.text);
      if (index === -1) index = links.push(span.text) - 1;
      return { text: `[${index + 1}]`, style: 'ref' };
    });
  return { blocks: mapBlocks(blocks, mark), links };
}

/**
 * The blocks with every run of spans (in headings, paragraphs, table cells, at any depth) replaced
 * by `spans` of it, and the text of code blocks by `code` of it: the one walk over the model that
 * rewrites text, so a new kind of block needs teaching only here.
 */
export function mapBlocks(
  blocks: readonly Block[],
  spans: (list: readonly Span[]) => Span[],
  code: (text: string) => string = (text) => text,
): Block[] {
  const walk = (items: readonly Block[]): Block[] =>
    items.map((block): Block => {
      switch (block.kind) {
        case 'heading':
        case 'paragraph':
          return { ...block, spans: spans(block.spans) };
        case 'quote':
          return { ...block, blocks: walk(block.blocks) };
        case 'list':
          return { ...block, items: block.items.map(walk) };
        case 'code':
          return { ...block, text: code(block.text) };
        case 'table':
          return { ...block, rows: block.rows.map((row) => row.map(spans)) };
        case 'notes':
          return { ...block, notes: block.notes.map(walk) };
        default:
          return block;
      }
    });
  return walk(blocks);
}

/** A paragraph of the body's text; `code` marks the text of a code block, which is not prose. */
export interface TextParagraph {
  text: string;
  heading: boolean;
  code?: true;
}

/** The body as plain paragraphs of text, for search, snippets and quotations. */
export function blocksToParagraphs(blocks: readonly Block[]): TextParagraph[] {
  const out: TextParagraph[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        out.push({ text: spansText(block.spans), heading: true });
        break;
      case 'paragraph':
        out.push({ text: spansText(block.spans), heading: false });
        break;
      case 'quote':
        out.push(...blocksToParagraphs(block.blocks));
        break;
      case 'list':
        for (const item of block.items) out.push(...blocksToParagraphs(item));
        break;
      case 'code':
        out.push({ text: block.text, heading: false, code: true });
        break;
      case 'table':
        for (const row of block.rows) out.push({ text: row.map(spansText).join(' '), heading: false });
        break;
      case 'notes':
        for (const note of block.notes) out.push(...blocksToParagraphs(note));
        break;
      default:
        break;
    }
  }
  return out;
}

/** A heading's text reduced to letters and digits, for matching `--section` loosely: "– Lingering tensions –" → "lingering tensions". */
export function normalizeHeading(text: string): string {
  return wordRuns(text.toLowerCase()).join(' ');
}

/** A body that opens with the headline repeated as `# Title` gives it once: the printers show the title themselves. */
export function dropRepeatedHeadline(blocks: readonly Block[], title: string): readonly Block[] {
  const first = blocks[0];
  if (first?.kind === 'heading' && first.depth === 1 && spansText(first.spans).trim() === title) return blocks.slice(1);
  return blocks;
}

/** Every heading of the body, in order. */
export function listHeadings(blocks: readonly Block[]): { depth: number; text: string }[] {
  return blocks.flatMap((block) =>
    block.kind === 'heading' ? [{ depth: block.depth, text: spansText(block.spans) }] : [],
  );
}

/**
 * The section called `name`: its heading and everything up to the next heading of the same or a
 * higher level. An exact (normalised) match wins over a prefix; undefined when none matches.
 */
export function findSection(blocks: readonly Block[], name: string): Block[] | undefined {
  const wanted = normalizeHeading(name);
  if (wanted === '') return undefined;
  const headings = blocks.flatMap((block, index) => (block.kind === 'heading' ? [{ block, index }] : []));
  const match =
    headings.find(({ block }) => normalizeHeading(spansText(block.spans)) === wanted) ??
    headings.find(({ block }) => normalizeHeading(spansText(block.spans)).startsWith(wanted));
  if (!match) return undefined;
  const end = blocks.findIndex(
    (block, index) => index > match.index && block.kind === 'heading' && block.depth <= match.block.depth,
  );
  return blocks.slice(match.index, end === -1 ? blocks.length : end);
}

/** The blocks with every span's text (and code) sanitised again: for blocks read back from a cache. */
export function sanitizeBlocks(blocks: readonly Block[]): Block[] {
  return mapBlocks(
    blocks,
    (list) => list.map((span) => ({ text: sanitizeText(span.text), style: span.style })),
    sanitizeText,
  );
}
