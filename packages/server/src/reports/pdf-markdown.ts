import { bullet, paragraph, subheading } from './pdf-layout.js';

export type TMarkdownBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullet'; text: string; marker: string };

/** Inline Markdown to plain text: emphasis and code marks dropped, `[text](url)` kept as `text (url)`. */
export function plainInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, url: string) =>
      label === url ? url : `${label} (${url})`,
    )
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1');
}

/**
 * The team's remarks split into headings, paragraphs and list items — deliberately simple: tables,
 * HTML and nesting come out as plain text.
 */
export function markdownBlocks(markdown: string): TMarkdownBlock[] {
  const blocks: TMarkdownBlock[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length > 0) blocks.push({ kind: 'paragraph', text: plainInline(lines.join(' ')) });
    lines = [];
  };
  let fenced = false;
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*(```|~~~)/.test(raw)) {
      flush();
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      if (raw.trim() !== '') blocks.push({ kind: 'paragraph', text: raw.trimEnd() });
      continue;
    }
    const line = raw.trim();
    const head = /^#{1,6}\s+(.*?)\s*#*$/.exec(line);
    const item = /^[-*+]\s+(?:\[[ xX]\]\s+)?(.*)$/.exec(line);
    const numbered = /^(\d{1,3})[.)]\s+(.*)$/.exec(line);
    if (line === '' || /^([-*_])(\s*\1){2,}$/.test(line)) flush();
    else if (head) {
      flush();
      blocks.push({ kind: 'heading', text: plainInline(head[1]!) });
    } else if (item) {
      flush();
      blocks.push({ kind: 'bullet', text: plainInline(item[1]!), marker: '•' });
    } else if (numbered) {
      flush();
      blocks.push({ kind: 'bullet', text: plainInline(numbered[2]!), marker: `${numbered[1]}.` });
    } else if (/^\s{2,}\S/.test(raw) && blocks.at(-1)?.kind === 'bullet' && lines.length === 0) {
      // A continuation line of the list item above.
      const last = blocks.at(-1) as Extract<TMarkdownBlock, { kind: 'bullet' }>;
      last.text = `${last.text} ${plainInline(line)}`;
    } else lines.push(line.replace(/^>\s?/, ''));
  }
  flush();
  return blocks;
}

/** Draws Markdown as plain paragraphs, small headings and bullets. */
export function markdown(doc: PDFKit.PDFDocument, text: string): void {
  for (const block of markdownBlocks(text)) {
    if (block.kind === 'heading') subheading(doc, block.text, 30);
    else if (block.kind === 'bullet') bullet(doc, block.text, block.marker);
    else paragraph(doc, block.text);
  }
}
