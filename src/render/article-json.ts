// The printer of `news read --json`: an article as data for scripts, its body as blocks of plain text.

import type { Article } from '../article/article.js';
import { type Block, dropRepeatedHeadline, numberLinks, type Span, spansText } from '../article/model.js';
import { toSafeJson } from '../article/sanitize.js';
import { articleFields } from './list.js';

/** One block of the body as `read --json` gives it; the README documents the shapes. */
export type JsonBlock =
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'quote'; text: string; blocks: JsonBlock[] }
  | { type: 'list'; ordered: boolean; items: string[] }
  | { type: 'code'; text: string }
  | { type: 'table'; rows: string[][] }
  | { type: 'rule' };

/**
 * All the text of a block of any kind, found by walking it: for block kinds this printer does not
 * know (added to the model later), which are then given as a paragraph rather than lost.
 */
function anyText(value: unknown, depth = 0): string[] {
  if (depth > 50 || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) {
    // A run of spans is one text; anything else is a list of parts.
    if (value.every((item) => typeof item === 'object' && item !== null && 'style' in item && 'text' in item)) {
      return [spansText(value as Span[])];
    }
    return value.flatMap((item) => anyText(item, depth + 1));
  }
  const record = value as Record<string, unknown>;
  const own = typeof record.text === 'string' && !('style' in record) ? [record.text] : [];
  return [
    ...own,
    ...Object.entries(record)
      .filter(([key]) => key !== 'text' && key !== 'kind')
      .flatMap(([, item]) => anyText(item, depth + 1)),
  ];
}

/** Blocks joined as paragraphs of plain text: a list item's, a quotation's. */
function blocksText(blocks: readonly JsonBlock[]): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case 'list':
          return block.items.join('\n');
        case 'table':
          return block.rows.map((row) => row.join(' | ')).join('\n');
        case 'rule':
          return '';
        default:
          return block.text;
      }
    })
    .filter((text) => text !== '')
    .join('\n\n');
}

function toJsonBlock(block: Block): JsonBlock {
  switch (block.kind) {
    case 'heading':
      return { type: 'heading', level: block.depth, text: spansText(block.spans) };
    case 'paragraph':
      return { type: 'paragraph', text: spansText(block.spans) };
    case 'quote': {
      const blocks = block.blocks.map(toJsonBlock);
      return { type: 'quote', text: blocksText(blocks), blocks };
    }
    case 'list':
      return {
        type: 'list',
        ordered: block.ordered,
        items: block.items.map((item) => blocksText(item.map(toJsonBlock))),
      };
    case 'code':
      return { type: 'code', text: block.text };
    case 'table':
      return { type: 'table', rows: block.rows.map((row) => row.map((cell) => spansText(cell))) };
    case 'rule':
      return { type: 'rule' };
    default:
      return { type: 'paragraph', text: anyText(block).join(' ') };
  }
}

/** The article as `read --json` prints it: metadata, blocks of plain text with `label[1]` link markers, links. */
export function articleData(article: Article, blocks: readonly Block[]) {
  const { blocks: numbered, links } = numberLinks(dropRepeatedHeadline(blocks, article.title));
  return {
    ...articleFields(article),
    summary: article.summary ?? null,
    url: article.url ?? null,
    path: article.path,
    banner: article.banner ?? null,
    breadcrumb: article.breadcrumb,
    blocks: numbered.map(toJsonBlock),
    links,
  };
}

export function renderArticleJson(article: Article, blocks: readonly Block[]): string {
  return `${toSafeJson(articleData(article, blocks))}\n`;
}
