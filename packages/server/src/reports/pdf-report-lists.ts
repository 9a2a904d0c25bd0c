import type { TLocale, TMonthlyReport } from '@hamkke/core';
import { barChart } from './pdf-chart.js';
import { formatDate, formatDateTime, formatNumber, formatPercent } from './pdf-format.js';
import { COLOR, heading, paragraph, subheading, tiles } from './pdf-layout.js';
import { label, type TReportText } from './pdf-messages.js';
import { table } from './pdf-table.js';

/** What every section of the monthly report PDF draws from. */
export type TReportCtx = { doc: PDFKit.PDFDocument; r: TMonthlyReport; lang: TLocale; t: TReportText };
type TCtx = TReportCtx;

// The sections of the monthly report that list tickets and ratings: inspections, incidents,
// satisfaction and the open items carried over.

const ticketRow = (lang: TLocale, tz: string) => (x: TMonthlyReport['carriedOver']['items'][number]) => [
  x.number,
  x.title,
  label(lang, 'type', x.type),
  x.priority,
  label(lang, 'status', x.status),
  formatDate(x.createdAt, tz),
  x.assignee ?? '—',
];

const ticketColumns = (t: TReportText) => [
  { header: t.number, width: 1.1 },
  { header: t.ticketTitle, width: 3.2 },
  { header: t.type, width: 1 },
  { header: t.priority, width: 0.9 },
  { header: t.ticketStatus, width: 1.1 },
  { header: t.createdAt, width: 1.1 },
  { header: t.assignee, width: 0.9 },
];

/** 6 정기 점검: inspections done, item results and the open findings. */
export function inspections({ doc, r, lang, t }: TCtx): void {
  heading(doc, t.sections.inspections);
  const i = r.inspections;
  tiles(doc, [
    { label: t.inspectionsDone, value: formatNumber(i.done, lang) },
    { label: t.itemsOk, value: formatNumber(i.items.ok, lang), color: COLOR.ok },
    {
      label: t.itemsWarningFailed,
      value: `${i.items.warning} / ${i.items.failed}`,
      color: COLOR.warning,
    },
    {
      label: t.openFindings,
      value: formatNumber(i.openFindings, lang),
      color: i.openFindings > 0 ? COLOR.danger : COLOR.text,
    },
  ]);
  subheading(doc, t.findingsTable);
  table(doc, { columns: ticketColumns(t), rows: i.findings.map(ticketRow(lang, r.timeZone)), empty: t.none });
}

/** 7 주요 장애: each notable incident with its cause and action. */
export function incidents({ doc, r, t }: TCtx): void {
  heading(doc, t.sections.incidents);
  const list = r.notableIncidents;
  paragraph(doc, list.length > 0 ? t.incidentCount(list.length) : t.noIncidents);
  if (list.length === 0) return;
  table(doc, {
    columns: [
      { header: t.number, width: 1.1 },
      { header: t.ticketTitle, width: 1.9 },
      { header: t.priority, width: 0.9 },
      { header: `${t.createdAt} / ${t.resolvedAt}`, width: 1.6 },
      { header: t.cause, width: 2.2 },
      { header: t.action, width: 2.2 },
    ],
    rows: list.map((x) => [
      x.number,
      `${x.title}${x.module ? ` (${x.module})` : ''}`,
      x.priority,
      `${formatDateTime(x.createdAt, r.timeZone)}\n${formatDateTime(x.resolvedAt, r.timeZone)}`,
      x.cause || '—',
      x.action || '—',
    ]),
  });
}

/** 8 고객 만족도: survey counts, the average and the distribution of ratings. */
export function satisfaction({ doc, r, lang, t }: TCtx): void {
  heading(doc, t.sections.satisfaction, 150);
  const s = r.satisfaction;
  tiles(doc, [
    { label: t.surveysSent, value: formatNumber(s.sent, lang) },
    { label: t.responses, value: formatNumber(s.responses, lang) },
    { label: t.responseRate, value: formatPercent(s.sent > 0 ? (s.responses / s.sent) * 100 : null, lang) },
    { label: t.average, value: formatNumber(s.average, lang, 2), note: '/ 5' },
  ]);
  barChart(doc, {
    title: t.distribution,
    bars: [5, 4, 3, 2, 1].map((rating) => ({
      label: t.rating(rating),
      value: s.distribution[rating - 1] ?? 0,
      color: rating >= 4 ? COLOR.ok : rating === 3 ? COLOR.muted : COLOR.danger,
    })),
  });
}

/** 9 이월 항목: the tickets still open at month end, oldest first. */
export function carriedOver({ doc, r, lang, t }: TCtx): void {
  heading(doc, t.sections.carriedOver);
  const c = r.carriedOver;
  paragraph(doc, t.carriedCount(c.count));
  if (c.items.length < c.count)
    paragraph(doc, t.carriedShown(c.items.length, c.count), { color: COLOR.muted });
  if (c.items.length > 0)
    table(doc, { columns: ticketColumns(t), rows: c.items.map(ticketRow(lang, r.timeZone)) });
}
