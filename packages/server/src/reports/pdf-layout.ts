import { FONT } from './pdf-document.js';

/** The palette shared by tables and charts: calm blue, with green/amber/red for states. */
export const COLOR = {
  text: '#1a1b1e',
  muted: '#6b7280',
  rule: '#d1d5db',
  band: '#f3f4f6',
  accent: '#1d4ed8',
  series: ['#1d4ed8', '#0891b2', '#7c3aed', '#db2777', '#ea580c', '#65a30d', '#475569', '#ca8a04'],
  ok: '#15803d',
  warning: '#b45309',
  danger: '#b91c1c',
} as const;

/** Left edge and width of the text column of the current page. */
export function contentBox(doc: PDFKit.PDFDocument): { left: number; width: number; bottom: number } {
  const { margins, width, height } = doc.page;
  return { left: margins.left, width: width - margins.left - margins.right, bottom: height - margins.bottom };
}

/** Starts a new page unless `height` points still fit below the cursor. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > contentBox(doc).bottom) doc.addPage();
}

/** A numbered section heading, kept with at least `keep` points of what follows it. */
export function heading(doc: PDFKit.PDFDocument, text: string, keep = 80): void {
  ensureSpace(doc, 40 + keep);
  const { left, width } = contentBox(doc);
  if (doc.y > doc.page.margins.top + 1) doc.y += 10;
  doc.font(FONT.bold).fontSize(14).fillColor(COLOR.text).text(text, left, doc.y, { width });
  const y = doc.y + 3;
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .lineWidth(1)
    .strokeColor(COLOR.accent)
    .stroke();
  doc.y = y + 8;
  doc.font(FONT.regular).fontSize(10);
}

/** A smaller heading inside a section. */
export function subheading(doc: PDFKit.PDFDocument, text: string, keep = 60): void {
  ensureSpace(doc, 22 + keep);
  const { left, width } = contentBox(doc);
  doc.y += 4;
  doc.font(FONT.bold).fontSize(11).fillColor(COLOR.text).text(text, left, doc.y, { width });
  doc.y += 4;
  doc.font(FONT.regular).fontSize(10);
}

/** A plain paragraph across the text column. */
export function paragraph(doc: PDFKit.PDFDocument, text: string, options: { color?: string } = {}): void {
  const { left, width } = contentBox(doc);
  doc
    .font(FONT.regular)
    .fontSize(10)
    .fillColor(options.color ?? COLOR.text);
  ensureSpace(doc, Math.min(doc.heightOfString(text, { width }), 60));
  doc.text(text, left, doc.y, { width, lineGap: 2 });
  doc.y += 4;
}

/** A list item; `marker` is the bullet or the item's number (`1.`). */
export function bullet(doc: PDFKit.PDFDocument, text: string, marker = '•'): void {
  const { left, width } = contentBox(doc);
  doc.font(FONT.regular).fontSize(10).fillColor(COLOR.text);
  const indent = 16;
  ensureSpace(doc, Math.min(doc.heightOfString(text, { width: width - indent }), 40));
  const y = doc.y;
  doc.text(marker, left + 2, y, { width: indent, lineBreak: false });
  doc.text(text, left + indent, y, { width: width - indent, lineGap: 2 });
  doc.y += 2;
}

export type TTile = { label: string; value: string; note?: string; color?: string };

/** A row of figure tiles (label over a large value), wrapping to further rows. */
export function tiles(doc: PDFKit.PDFDocument, items: readonly TTile[], perRow = 4): void {
  const { left, width } = contentBox(doc);
  const gap = 8;
  const w = (width - gap * (perRow - 1)) / perRow;
  const h = 58;
  for (let start = 0; start < items.length; start += perRow) {
    ensureSpace(doc, h + gap);
    const y = doc.y;
    items.slice(start, start + perRow).forEach((tile, i) => {
      const x = left + i * (w + gap);
      doc.roundedRect(x, y, w, h, 4).fillColor(COLOR.band).fill();
      doc.font(FONT.regular).fontSize(8.5).fillColor(COLOR.muted);
      doc.text(tile.label, x + 8, y + 7, { width: w - 16, height: 11, ellipsis: true });
      doc
        .font(FONT.bold)
        .fontSize(17)
        .fillColor(tile.color ?? COLOR.text);
      doc.text(tile.value, x + 8, y + 20, { width: w - 16, height: 22, ellipsis: true });
      if (tile.note) {
        doc.font(FONT.regular).fontSize(7.5).fillColor(COLOR.muted);
        doc.text(tile.note, x + 8, y + 43, { width: w - 16, height: 10, ellipsis: true });
      }
    });
    doc.y = y + h + gap;
  }
  doc.font(FONT.regular).fontSize(10).fillColor(COLOR.text);
}

export type TCover = {
  /** Small line above the title, e.g. the document kind. */
  kicker: string;
  title: string;
  subtitle: string;
  /** Label and value pairs listed under the title (period, status, signed by…). */
  facts: ReadonlyArray<readonly [string, string]>;
  /** A colored badge, e.g. 초안 or 승인됨. */
  badge?: { text: string; color: string };
};

/** The first page: a band in the accent color, the title, the facts; the next content starts on page 2. */
export function cover(doc: PDFKit.PDFDocument, c: TCover): void {
  const { left, width } = contentBox(doc);
  doc.rect(0, 0, doc.page.width, 14).fillColor(COLOR.accent).fill();
  let y = 190;
  doc.font(FONT.regular).fontSize(12).fillColor(COLOR.muted).text(c.kicker, left, y, { width });
  y = doc.y + 10;
  doc.font(FONT.bold).fontSize(28).fillColor(COLOR.text).text(c.title, left, y, { width });
  y = doc.y + 8;
  doc.font(FONT.regular).fontSize(16).fillColor(COLOR.text).text(c.subtitle, left, y, { width });
  y = doc.y + 18;
  if (c.badge) {
    doc.font(FONT.bold).fontSize(11);
    const w = doc.widthOfString(c.badge.text) + 20;
    doc.roundedRect(left, y, w, 22, 11).fillColor(c.badge.color).fill();
    doc.fillColor('#ffffff').text(c.badge.text, left + 10, y + 5, { lineBreak: false });
    y += 40;
  }
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .lineWidth(0.5)
    .strokeColor(COLOR.rule)
    .stroke();
  y += 14;
  for (const [label, value] of c.facts) {
    doc.font(FONT.regular).fontSize(10).fillColor(COLOR.muted).text(label, left, y, { width: 110 });
    doc.fillColor(COLOR.text).text(value, left + 120, y, { width: width - 120 });
    y = Math.max(doc.y, y + 14) + 6;
  }
  doc.addPage();
  doc.font(FONT.regular).fontSize(10).fillColor(COLOR.text);
}
