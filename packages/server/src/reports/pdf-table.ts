import { FONT } from './pdf-document.js';
import { COLOR, contentBox, ensureSpace } from './pdf-layout.js';

export type TTableColumn = {
  header: string;
  /** Share of the table width; the shares are normalised, so `[3, 1, 1]` works. */
  width: number;
  align?: 'left' | 'right' | 'center';
};

export type TTable = {
  columns: readonly TTableColumn[];
  rows: ReadonlyArray<readonly string[]>;
  /** Shown in one row when there are no rows. */
  empty?: string;
  /** Bold last row, e.g. a total. */
  hasTotal?: boolean;
  fontSize?: number;
};

const PAD_X = 5;
const PAD_Y = 4;
// A cell longer than this is cut with an ellipsis, so one row always fits on a page.
const MAX_CELL_CHARS = 600;

const clip = (text: string) =>
  text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1)}…` : text;

/** A table across the text column; it breaks across pages and repeats its header row on each. */
export function table(doc: PDFKit.PDFDocument, t: TTable): void {
  const { left, width } = contentBox(doc);
  const size = t.fontSize ?? 8.5;
  const total = t.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = t.columns.map((c) => (c.width / total) * width);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));

  const rowHeight = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(size);
    const line = doc.currentLineHeight(true);
    const heights = cells.map((cell, i) => {
      const width = widths[i]! - PAD_X * 2;
      // Most cells are one short line: measuring its width is far cheaper than wrapping it.
      if (!cell.includes('\n') && doc.widthOfString(cell) <= width) return line;
      return doc.heightOfString(clip(cell) || ' ', { width });
    });
    return Math.max(...heights) + PAD_Y * 2;
  };

  const drawRow = (cells: readonly string[], y: number, h: number, font: string, fill?: string) => {
    if (fill) doc.rect(left, y, width, h).fillColor(fill).fill();
    doc.font(font).fontSize(size).fillColor(COLOR.text);
    cells.forEach((cell, i) => {
      doc.text(clip(cell), xs[i]! + PAD_X, y + PAD_Y, {
        width: widths[i]! - PAD_X * 2,
        height: h - PAD_Y,
        align: t.columns[i]?.align ?? 'left',
        lineBreak: true,
        ellipsis: true,
      });
    });
    doc
      .moveTo(left, y + h)
      .lineTo(left + width, y + h)
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .stroke();
  };

  const headers = t.columns.map((c) => c.header);
  const headerHeight = rowHeight(headers, FONT.bold);
  const drawHeader = () => {
    const y = doc.y;
    drawRow(headers, y, headerHeight, FONT.bold, '#e5e7eb');
    doc.y = y + headerHeight;
  };

  const rows = t.rows.length > 0 ? t.rows : [[t.empty ?? '—', ...t.columns.slice(1).map(() => '')]];
  const firstHeight = rowHeight(rows[0]!, FONT.regular);
  ensureSpace(doc, headerHeight + firstHeight);
  drawHeader();
  const bottom = contentBox(doc).bottom;
  const tallest = bottom - doc.page.margins.top - headerHeight;
  rows.forEach((cells, index) => {
    const isTotal = t.hasTotal === true && index === rows.length - 1 && t.rows.length > 0;
    const font = isTotal ? FONT.bold : FONT.regular;
    const h = Math.min(index === 0 ? firstHeight : rowHeight(cells, font), tallest);
    if (doc.y + h > bottom) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    drawRow(cells, y, h, font, index % 2 === 1 ? '#f9fafb' : undefined);
    doc.y = y + h;
  });
  doc.x = left;
  doc.y += 8;
  doc.font(FONT.regular).fontSize(10).fillColor(COLOR.text);
}
