import { readFileSync } from 'node:fs';
import type { TLocale } from '@hamkke/core';
import PDFDocument from 'pdfkit';

/** Font names registered on every document: NanumGothic (OFL) covers Hangul, Latin and digits. */
export const FONT = { regular: 'NanumGothic', bold: 'NanumGothicBold' } as const;

// Two levels up from both src/reports (tsx, vitest) and dist/reports (compiled): packages/server/assets.
const FONTS_DIR = new URL('../../assets/fonts/', import.meta.url);

let fontFiles: { regular: Buffer; bold: Buffer } | undefined;

/** The font files, read once per process (about 9 MB; pdfkit embeds only the glyphs used). */
function fonts(): { regular: Buffer; bold: Buffer } {
  fontFiles ??= {
    regular: readFileSync(new URL('NanumGothic.ttf', FONTS_DIR)),
    bold: readFileSync(new URL('NanumGothicBold.ttf', FONTS_DIR)),
  };
  return fontFiles;
}

export type TPdfMeta = { title: string; lang: TLocale; subject?: string };

/** What `finishPdf` draws on every page once the page count is known. */
export type TPageDecoration = {
  /** Small text at the bottom left of every page but the cover, e.g. the customer and period. */
  footer?: string;
  /** Large light diagonal text across every page, e.g. 초안 for a report not signed off. */
  watermark?: string;
  /** Page-number label; the default is `n / N`. */
  pageLabel?: (page: number, count: number) => string;
};

const output = new WeakMap<PDFKit.PDFDocument, Promise<Buffer>>();

/** An A4 document with the Korean fonts registered and its pages buffered for numbering. */
export function createPdfDocument(meta: TPdfMeta): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 60, left: 50, right: 50 },
    bufferPages: true,
    lang: meta.lang === 'ko' ? 'ko-KR' : 'en',
    info: { Title: meta.title, Author: 'Hamkke', Creator: 'Hamkke', Subject: meta.subject ?? meta.title },
  });
  const { regular, bold } = fonts();
  doc.registerFont(FONT.regular, regular);
  doc.registerFont(FONT.bold, bold);
  doc.font(FONT.regular).fontSize(10).fillColor('#1a1b1e');
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  output.set(
    doc,
    new Promise<Buffer>((resolve, reject) => {
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    }),
  );
  return doc;
}

/** Draws page numbers, footer and watermark on every page, ends the document and returns its bytes. */
export async function finishPdf(doc: PDFKit.PDFDocument, decoration: TPageDecoration = {}): Promise<Buffer> {
  const bytes = output.get(doc);
  if (!bytes) throw new Error('finishPdf: the document was not made by createPdfDocument');
  const range = doc.bufferedPageRange();
  const label = decoration.pageLabel ?? ((page: number, count: number) => `${page} / ${count}`);
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing in the bottom margin would otherwise make pdfkit start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const { width, height } = doc.page;
    if (decoration.watermark) drawWatermark(doc, decoration.watermark);
    doc.font(FONT.regular).fontSize(8).fillColor('#6b7280');
    doc.text(label(i + 1, range.count), 0, height - 36, { width, align: 'center', lineBreak: false });
    if (decoration.footer && i > range.start) {
      doc.text(decoration.footer, doc.page.margins.left, height - 36, { lineBreak: false });
    }
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return bytes;
}

function drawWatermark(doc: PDFKit.PDFDocument, text: string): void {
  const { width, height } = doc.page;
  doc.save();
  doc.rotate(-35, { origin: [width / 2, height / 2] });
  doc.font(FONT.bold).fontSize(110).fillColor('#9ca3af').fillOpacity(0.18);
  doc.text(text, 0, height / 2 - 60, { width, align: 'center', lineBreak: false });
  doc.restore();
  doc.fillOpacity(1);
}
