import type { TLocale, TMonthlyReport } from '@hamkke/core';
import { renderMonthlyReportPdf } from './render-pdf.js';
import { renderMonthlyReportXlsx } from './render-xlsx.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export type TReportFileFormat = 'json' | 'pdf' | 'xlsx';

/** `format=` when given, else what `Accept` asks for first among PDF and XLSX, else JSON. */
export function formatFor(
  format: TReportFileFormat | undefined,
  accept: string | undefined,
): TReportFileFormat {
  if (format) return format;
  const wanted = (accept ?? '').toLowerCase();
  const pdf = wanted.indexOf('application/pdf');
  const xlsx = wanted.indexOf(XLSX_TYPE);
  if (pdf >= 0 && (xlsx < 0 || pdf < xlsx)) return 'pdf';
  return xlsx >= 0 ? 'xlsx' : 'json';
}

/** `attachment; filename="…"; filename*=UTF-8''운영보고_<code>_<YYYY-MM>.pdf` (RFC 6266 / RFC 5987). */
export function dispositionFor(report: TMonthlyReport, ext: 'pdf' | 'xlsx'): string {
  const code = report.organization.code;
  const name = `운영보고_${code}_${report.month}.${ext}`;
  const ascii = `operations-report_${code.replace(/[^A-Za-z0-9._-]/g, '_')}_${report.month}.${ext}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The report as a file: the PDF and XLSX renderers of reports/render-pdf.ts and render-xlsx.ts. */
export async function renderReportFile(
  report: TMonthlyReport,
  ext: 'pdf' | 'xlsx',
  lang: TLocale,
): Promise<Buffer> {
  if (ext === 'pdf') return renderMonthlyReportPdf(report, lang);
  return renderMonthlyReportXlsx(report, lang);
}
