// The document model both printers and search share: blocks of styled spans, free of Markdown and controls.

export type SpanStyle = 'plain' | 'strong' | 'em' | 'code' | 'del' | 'link' | 'url';

export interface Span {
  text: string;
  style: SpanStyle;
}

export type Block =
  | { kind: 'heading'; depth: number; spans: Span[] }
  | { kind: 'paragraph'; spans: Span[] }
  | { kind: 'quote'; blocks: Block[] }
  | { kind: 'list'; ordered: boolean; loose: boolean; start: number; items: Block[][] }
  | { kind: 'code'; text: string }
  | { kind: 'table'; rows: Span[][][] }
  | { kind: 'rule' };

export function spansText(spans: readonly Span[]): string {
  return spans.map((span) => span.text).join('');
}

/** The body as plain paragraphs of text, for search and snippets. */
export function blocksToParagraphs(blocks: readonly Block[]): { text: string; heading: boolean }[] {
  const out: { text: string; heading: boolean }[] = [];
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
        out.push({ text: block.text, heading: false });
        break;
      case 'table':
        for (const row of block.rows) out.push({ text: row.map(spansText).join(' '), heading: false });
        break;
      default:
        break;
    }
  }
  return out;
}
