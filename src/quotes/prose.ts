// The prose of an article body: its paragraphs as a reader sees them, with code and markup shielded.

import { type Block, type Span, spansText } from '../article/model.js';
import { SHIELD } from './vocabulary.js';

export interface ProseParagraph {
  /** The text as the reader sees it (spansText): link addresses left out, inline code kept. */
  text: string;
  /**
   * The same text, offset for offset, with inline code and markup overwritten by SHIELD: what the
   * quotation rules read, so a quote mark in `--name "x"` or in `<img alt="…">` starts nothing.
   */
  prose: string;
  /** 1-based, counted as blocksToParagraphs counts body paragraphs: headings left out, code blocks and table rows in. */
  paragraph: number;
  /** In a block quote that ends with a dash citation ("— Jun Okafor, accessibility lead"): the citation, dash left out. */
  citation?: string;
}

/**
 * Markup that reached the text: HTML tags and comments, template tags ({{< … >}}, {% … %}), the
 * address and title of a Markdown link the parser could not read ((/page "Title")), and what is
 * left of a tag cut short: its end after a template tag (}}" target="x">), an attribute
 * (alt="…") or the quote mark that closed one (">). The body parser should leave none, but quote
 * marks in markup must never count. Every part is bounded, so markup left open costs a few
 * thousand characters of looking at most, never a search to the paragraph's end per mark.
 */
const MARKUP =
  /<!--[\s\S]{0,1000}?-->|<\/?[A-Za-z][^<>]{0,2000}>|\(\s*(?:\{\{[^}]{0,500}\}\}|[^\s()"]{1,500})\s+"[^"\n]{0,500}"\s*\)|\{\{[\s\S]{0,1000}?\}\}|\{%[\s\S]{0,1000}?%\}|\}\}[^<>{}\n]{0,500}>|[\w:-]+=\s*"[^"\n]{0,500}"|"(?=\s*\/?>)/g;

/** A citation line: a dash, then a short attribution ("— Jun Okafor", "-- the editors"). */
const CITATION = /^\s*(?:[—–―]|--?)\s*(\S[^\n]{0,119})$/;

/** Markup overwritten by SHIELD, offsets unchanged; markup may run over several spans. */
function shield(text: string): string {
  // Every kind of markup has one of these characters; most paragraphs have none.
  if (!/[<>{}"]/.test(text)) return text;
  return text.replace(MARKUP, (markup) => SHIELD.repeat(markup.length));
}

function readProse(spans: readonly Span[], paragraph: number, citation: string | undefined): ProseParagraph {
  const shown = spans.filter((span) => span.style !== 'url');
  const prose = shown.map((span) => (span.style === 'code' ? SHIELD.repeat(span.text.length) : span.text));
  const read: ProseParagraph = { text: spansText(shown), prose: shield(prose.join('')), paragraph };
  if (citation !== undefined) read.citation = citation;
  return read;
}

/** The citation a block quote ends with, if its last block is a dash line after something to cite. */
function readCitation(blocks: readonly Block[]): string | undefined {
  const last = blocks.at(-1);
  if (blocks.length < 2 || last?.kind !== 'paragraph') return undefined;
  return CITATION.exec(spansText(last.spans))?.[1]?.trim();
}

/**
 * The body's prose paragraphs in reading order. Code blocks hold no prose but keep their number,
 * so `paragraph` means the same as everywhere else; each table cell is read on its own (a quote
 * never runs from one cell into the next) under its row's number.
 */
export function collectProse(blocks: readonly Block[]): ProseParagraph[] {
  const out: ProseParagraph[] = [];
  let count = 0;
  const walk = (items: readonly Block[], citation: string | undefined): void => {
    for (const block of items) {
      switch (block.kind) {
        case 'paragraph':
          count += 1;
          out.push(readProse(block.spans, count, citation));
          break;
        case 'quote': {
          const cited = readCitation(block.blocks);
          if (cited === undefined) {
            walk(block.blocks, citation);
          } else {
            walk(block.blocks.slice(0, -1), cited);
            count += 1;
          }
          break;
        }
        case 'list':
          for (const item of block.items) walk(item, citation);
          break;
        case 'code':
          count += 1;
          break;
        case 'table':
          for (const row of block.rows) {
            count += 1;
            for (const cell of row) out.push(readProse(cell, count, citation));
          }
          break;
        default:
          break;
      }
    }
  };
  walk(blocks, undefined);
  return out;
}
