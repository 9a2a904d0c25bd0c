import { FONT } from './pdf-document.js';
import { COLOR, contentBox, ensureSpace } from './pdf-layout.js';

export type TBar = { label: string; value: number; valueLabel?: string; color?: string };

export type TBarChart = {
  title?: string;
  bars: readonly TBar[];
  /** The value of a full-width bar; the largest bar when absent. */
  max?: number;
  /** A dashed vertical marker, e.g. the SLA target of 95 %. */
  target?: { value: number; label: string };
  color?: string;
};

const BAR_ROW = 16;

/** Horizontal bars with their labels on the left and values on the right, in vector graphics. */
export function barChart(doc: PDFKit.PDFDocument, c: TBarChart): void {
  const { left, width } = contentBox(doc);
  const titleHeight = c.title ? 18 : 0;
  const bars = c.bars.length > 0 ? c.bars : [{ label: '—', value: 0, valueLabel: '0' }];
  ensureSpace(doc, titleHeight + bars.length * BAR_ROW + 12);
  let y = doc.y;
  if (c.title) {
    doc.font(FONT.bold).fontSize(9.5).fillColor(COLOR.text).text(c.title, left, y, { width });
    y += titleHeight;
  }
  const labelWidth = Math.min(150, width * 0.3);
  const valueWidth = 60;
  const area = width - labelWidth - valueWidth - 8;
  const max = c.max ?? Math.max(1, ...bars.map((b) => b.value));
  const x0 = left + labelWidth + 4;
  bars.forEach((bar, i) => {
    const rowY = y + i * BAR_ROW;
    doc.font(FONT.regular).fontSize(8.5).fillColor(COLOR.text);
    doc.text(bar.label, left, rowY + 3, { width: labelWidth - 4, lineBreak: false, ellipsis: true });
    const w = Math.max(0, Math.min(1, bar.value / max)) * area;
    if (w > 0)
      doc
        .rect(x0, rowY + 3, w, BAR_ROW - 6)
        .fillColor(bar.color ?? c.color ?? COLOR.accent)
        .fill();
    doc.fillColor(COLOR.text).text(bar.valueLabel ?? String(bar.value), x0 + w + 4, rowY + 3, {
      width: valueWidth,
      lineBreak: false,
    });
  });
  const bottom = y + bars.length * BAR_ROW;
  doc.moveTo(x0, y).lineTo(x0, bottom).lineWidth(0.5).strokeColor(COLOR.muted).stroke();
  if (c.target) {
    const tx = x0 + Math.min(1, c.target.value / max) * area;
    doc.save();
    doc
      .moveTo(tx, y - 2)
      .lineTo(tx, bottom + 2)
      .lineWidth(1)
      .dash(3, { space: 2 })
      .strokeColor(COLOR.danger);
    doc.stroke();
    doc.restore();
    doc.font(FONT.regular).fontSize(7.5).fillColor(COLOR.danger);
    doc.text(c.target.label, tx - 40, bottom + 3, { width: 80, align: 'center', lineBreak: false });
  }
  doc.x = left;
  doc.y = bottom + (c.target ? 16 : 8);
  doc.font(FONT.regular).fontSize(10).fillColor(COLOR.text);
}

export type TSeries = { name: string; values: readonly number[]; color: string };

export type TColumnChart = {
  title?: string;
  categories: readonly string[];
  /** Stacked in the order given, bottom first. */
  stacks: readonly TSeries[];
  /** A line over the columns, e.g. the contract's entitlement; `null` leaves a gap. */
  line?: { name: string; values: ReadonlyArray<number | null>; color: string };
  height?: number;
  /** Formats axis ticks and column totals. */
  format?: (value: number) => string;
};

/** Rounds an axis maximum up to 1, 2, 2.5 or 5 times a power of ten. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}

/** Vertical stacked columns with a y axis, an optional line series and a legend. */
export function columnChart(doc: PDFKit.PDFDocument, c: TColumnChart): void {
  const { left, width } = contentBox(doc);
  const height = c.height ?? 170;
  const titleHeight = c.title ? 18 : 0;
  ensureSpace(doc, titleHeight + height + 40);
  const format = c.format ?? ((v: number) => String(Math.round(v * 10) / 10));
  let y = doc.y;
  if (c.title) {
    doc.font(FONT.bold).fontSize(9.5).fillColor(COLOR.text).text(c.title, left, y, { width });
    y += titleHeight;
  }
  const totals = c.categories.map((_, i) => c.stacks.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const lineMax = Math.max(0, ...(c.line?.values.filter((v): v is number => v !== null) ?? []));
  const max = niceMax(Math.max(...totals, lineMax));
  const axisWidth = 40;
  const plotLeft = left + axisWidth;
  const plotWidth = width - axisWidth;
  const plotTop = y + 6;
  const plotBottom = y + height - 18;
  const scale = (v: number) => plotBottom - (v / max) * (plotBottom - plotTop);

  doc.font(FONT.regular).fontSize(7.5);
  for (let t = 0; t <= 4; t++) {
    const value = (max / 4) * t;
    const ty = scale(value);
    doc
      .moveTo(plotLeft, ty)
      .lineTo(plotLeft + plotWidth, ty)
      .lineWidth(0.4)
      .strokeColor(COLOR.rule)
      .stroke();
    doc.fillColor(COLOR.muted).text(format(value), left, ty - 4, { width: axisWidth - 4, align: 'right' });
  }

  const slot = plotWidth / Math.max(1, c.categories.length);
  const barWidth = Math.min(46, slot * 0.55);
  c.categories.forEach((category, i) => {
    const cx = plotLeft + slot * i + slot / 2;
    let base = 0;
    for (const series of c.stacks) {
      const v = series.values[i] ?? 0;
      if (v > 0) {
        doc
          .rect(cx - barWidth / 2, scale(base + v), barWidth, scale(base) - scale(base + v))
          .fillColor(series.color);
        doc.fill();
      }
      base += v;
    }
    doc.font(FONT.regular).fontSize(7.5).fillColor(COLOR.text);
    doc.text(category, cx - slot / 2, plotBottom + 4, { width: slot, align: 'center', lineBreak: false });
  });

  if (c.line) {
    const points = c.line.values.map((v, i) =>
      v === null ? null : ([plotLeft + slot * i + slot / 2, scale(v)] as const),
    );
    doc.save().lineWidth(1.5).strokeColor(c.line.color).dash(4, { space: 2 });
    let drawing = false;
    for (const p of points) {
      if (p === null) drawing = false;
      else if (!drawing) {
        doc.moveTo(p[0] - slot / 2 + 4, p[1]).lineTo(p[0] + slot / 2 - 4, p[1]);
        drawing = true;
      } else doc.lineTo(p[0] - slot / 2 + 4, p[1]).lineTo(p[0] + slot / 2 - 4, p[1]);
    }
    doc.stroke().restore();
  }

  // Totals last, on a white backdrop, so the line never strikes through them.
  doc.font(FONT.regular).fontSize(7.5);
  totals.forEach((total, i) => {
    const cx = plotLeft + slot * i + slot / 2;
    const text = format(total);
    const w = doc.widthOfString(text) + 4;
    doc
      .rect(cx - w / 2, scale(total) - 12, w, 10)
      .fillColor('#ffffff')
      .fill();
    doc.fillColor(COLOR.text).text(text, cx - slot / 2, scale(total) - 11, { width: slot, align: 'center' });
  });

  let lx = plotLeft;
  const ly = y + height - 2;
  const legend = [...c.stacks.map((s) => ({ name: s.name, color: s.color, dashed: false }))];
  if (c.line) legend.push({ name: c.line.name, color: c.line.color, dashed: true });
  doc.font(FONT.regular).fontSize(7.5);
  for (const item of legend) {
    if (item.dashed) {
      doc
        .save()
        .moveTo(lx, ly + 4)
        .lineTo(lx + 12, ly + 4)
        .lineWidth(1.5)
        .dash(3, { space: 1.5 });
      doc.strokeColor(item.color).stroke().restore();
    } else doc.rect(lx, ly, 10, 8).fillColor(item.color).fill();
    doc.fillColor(COLOR.text).text(item.name, lx + 15, ly, { lineBreak: false });
    lx += 15 + doc.widthOfString(item.name) + 14;
  }
  doc.x = left;
  doc.y = ly + 18;
  doc.font(FONT.regular).fontSize(10).fillColor(COLOR.text);
}
