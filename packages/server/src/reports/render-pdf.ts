import type { TLocale, TMonthlyReport, TSlaAttainment } from '@hamkke/core';
import { barChart, columnChart } from './pdf-chart.js';
import { createPdfDocument, finishPdf } from './pdf-document.js';
import {
  formatDateTime,
  formatMinutes,
  formatMonth,
  formatMonthShort,
  formatNumber,
  formatPercent,
  monthDays,
} from './pdf-format.js';
import { COLOR, cover, heading, paragraph, subheading, tiles } from './pdf-layout.js';
import { markdown } from './pdf-markdown.js';
import { DOMAIN_LABELS, label, REPORT_TEXT, type TReportText } from './pdf-messages.js';
import { carriedOver, incidents, inspections, satisfaction, type TReportCtx } from './pdf-report-lists.js';
import { table } from './pdf-table.js';

type TCtx = TReportCtx;

/** `2026년 11월 운영 보고` / `Operations report, November 2026`: the title of the files and the mail. */
export function monthlyReportTitle(report: TMonthlyReport, lang: TLocale): string {
  return REPORT_TEXT[lang].title(formatMonth(report.month, lang));
}

/**
 * The monthly operations report as an A4 PDF: cover, the sections of the report in order, charts in
 * vector graphics, page numbers; a draft carries the 초안 watermark on every page.
 */
export async function renderMonthlyReportPdf(report: TMonthlyReport, lang: TLocale): Promise<Buffer> {
  const t = REPORT_TEXT[lang];
  const title = monthlyReportTitle(report, lang);
  const doc = createPdfDocument({ title: `${report.organization.name} — ${title}`, lang });
  const ctx: TCtx = { doc, r: report, lang, t };
  drawCover(ctx, title);
  summary(ctx);
  tickets(ctx);
  sla(ctx);
  times(ctx);
  hours(ctx);
  inspections(ctx);
  incidents(ctx);
  satisfaction(ctx);
  carriedOver(ctx);
  heading(doc, t.sections.remarks, 70);
  if (report.remarks.trim() === '') paragraph(doc, t.noRemarks, { color: COLOR.muted });
  else markdown(doc, report.remarks);
  return finishPdf(doc, {
    footer: `${report.organization.name} · ${title}`,
    ...(report.status === 'signed' ? {} : { watermark: t.watermark }),
  });
}

function drawCover({ doc, r, t }: TCtx, title: string): void {
  const { first, last } = monthDays(r.month);
  const isSigned = r.status === 'signed';
  const facts: Array<[string, string]> = [
    [t.customer, `${r.organization.name} (${r.organization.code})`],
    [t.period, `${first} ~ ${last} (${r.timeZone})`],
  ];
  if (r.contracts.length > 0) facts.push([t.contracts, r.contracts.map((c) => c.name).join(', ')]);
  facts.push([t.status, isSigned ? t.signed : t.draft]);
  if (isSigned) {
    facts.push([t.signedBy, r.signedBy?.name ?? '—']);
    facts.push([t.signedAt, formatDateTime(r.signedAt, r.timeZone)]);
  }
  facts.push([t.generatedAt, formatDateTime(r.generatedAt, r.timeZone)]);
  cover(doc, {
    kicker: t.kicker,
    title: r.organization.name,
    subtitle: title,
    facts,
    badge: isSigned ? { text: t.signed, color: COLOR.ok } : { text: t.draft, color: COLOR.warning },
  });
}

function summary({ doc, r, lang, t }: TCtx): void {
  heading(doc, t.sections.summary);
  const hoursNote = `${formatNumber(r.hours.used, lang)} / ${formatNumber(r.hours.entitlement, lang)} ${t.hoursUnit}`;
  tiles(doc, [
    { label: t.tiles.created, value: formatNumber(r.tickets.total.created, lang) },
    { label: t.tiles.resolved, value: formatNumber(r.tickets.total.resolved, lang) },
    { label: t.tiles.responseSla, value: formatPercent(r.sla.response.attainmentPercent, lang) },
    { label: t.tiles.resolutionSla, value: formatPercent(r.sla.resolution.attainmentPercent, lang) },
    { label: t.tiles.hours, value: formatPercent(r.hours.percentUsed, lang), note: hoursNote },
    {
      label: t.tiles.incidents,
      value: formatNumber(r.notableIncidents.length, lang),
      color: r.notableIncidents.length > 0 ? COLOR.danger : COLOR.text,
    },
    { label: t.tiles.satisfaction, value: formatNumber(r.satisfaction.average, lang, 2), note: '/ 5' },
    { label: t.tiles.carriedOver, value: formatNumber(r.carriedOver.count, lang) },
  ]);
}

const countColumns = (t: TReportText, first: string) => [
  { header: first, width: 3 },
  { header: t.created, width: 1, align: 'right' as const },
  { header: t.resolved, width: 1, align: 'right' as const },
  { header: t.closed, width: 1, align: 'right' as const },
];

function tickets({ doc, r, lang, t }: TCtx): void {
  heading(doc, t.sections.tickets);
  const n = (v: number) => formatNumber(v, lang);
  const total = [t.total, n(r.tickets.total.created), n(r.tickets.total.resolved), n(r.tickets.total.closed)];
  const groups = [
    { title: t.byType, rows: r.tickets.byType.map((g) => ({ ...g, name: label(lang, 'type', g.key) })) },
    {
      title: t.byModule,
      rows: r.tickets.byModule.map((g) => ({ ...g, name: g.key ?? DOMAIN_LABELS[lang].noModule })),
    },
    { title: t.byPriority, rows: r.tickets.byPriority.map((g) => ({ ...g, name: g.key })) },
    {
      title: t.byChannel,
      rows: r.tickets.byChannel.map((g) => ({ ...g, name: label(lang, 'channel', g.key) })),
    },
  ];
  groups.forEach((group, i) => {
    subheading(doc, group.title, 90);
    if (i < 2) {
      barChart(doc, {
        bars: group.rows.map((g, k) => ({
          label: g.name,
          value: g.created,
          valueLabel: n(g.created),
          color: COLOR.series[k % COLOR.series.length],
        })),
      });
    }
    table(doc, {
      columns: countColumns(t, group.title),
      rows: [...group.rows.map((g) => [g.name, n(g.created), n(g.resolved), n(g.closed)]), total],
      hasTotal: true,
    });
  });
}

const attainmentCells = (a: TSlaAttainment, lang: TLocale) => [
  formatNumber(a.met, lang),
  formatNumber(a.breached, lang),
  formatPercent(a.attainmentPercent, lang),
];

function sla({ doc, r, lang, t }: TCtx): void {
  heading(doc, t.sections.sla, 120);
  barChart(doc, {
    title: t.attainmentChart,
    max: 100,
    bars: [
      { label: t.response, value: r.sla.response.attainmentPercent ?? 0, color: COLOR.series[0] },
      { label: t.resolution, value: r.sla.resolution.attainmentPercent ?? 0, color: COLOR.series[1] },
    ].map((b, i) => ({
      ...b,
      valueLabel: formatPercent(
        i === 0 ? r.sla.response.attainmentPercent : r.sla.resolution.attainmentPercent,
        lang,
      ),
    })),
  });
  const right = 'right' as const;
  table(doc, {
    columns: [
      { header: t.priority, width: 1.4 },
      ...[t.response, t.resolution].flatMap((clock) => [
        { header: `${clock} ${t.met}`, width: 1, align: right },
        { header: `${clock} ${t.breached}`, width: 1, align: right },
        { header: `${clock} ${t.attainment}`, width: 1.1, align: right },
      ]),
    ],
    rows: [
      ...r.sla.byPriority.map((p) => [
        p.priority,
        ...attainmentCells(p.response, lang),
        ...attainmentCells(p.resolution, lang),
      ]),
      [t.total, ...attainmentCells(r.sla.response, lang), ...attainmentCells(r.sla.resolution, lang)],
    ],
    hasTotal: true,
  });
}

function times({ doc, r, lang, t }: TCtx): void {
  heading(doc, t.sections.times);
  paragraph(doc, r.times.unit === 'business_minutes' ? t.businessTime : t.wallTime, { color: COLOR.muted });
  const m = (v: number | null) => formatMinutes(v, lang);
  const right = 'right' as const;
  table(doc, {
    columns: [
      { header: t.priority, width: 1.2 },
      ...[t.response, t.resolution].flatMap((clock) => [
        { header: `${clock} ${t.count}`, width: 0.9, align: right },
        { header: `${clock} ${t.mean}`, width: 1.2, align: right },
        { header: `${clock} ${t.p90}`, width: 1.2, align: right },
      ]),
    ],
    rows: [
      ...r.times.byPriority,
      { priority: t.total, response: r.times.response, resolution: r.times.resolution },
    ].map((p) => [
      p.priority,
      formatNumber(p.response.count, lang),
      m(p.response.mean),
      m(p.response.p90),
      formatNumber(p.resolution.count, lang),
      m(p.resolution.mean),
      m(p.resolution.p90),
    ]),
    hasTotal: true,
  });
}

function hours({ doc, r, lang, t }: TCtx): void {
  heading(doc, t.sections.hours, 200);
  const h = (v: number) => formatNumber(v, lang);
  tiles(doc, [
    { label: t.entitlement, value: h(r.hours.entitlement) },
    { label: t.used, value: h(r.hours.used), note: formatPercent(r.hours.percentUsed, lang) },
    {
      label: t.remaining,
      value: h(r.hours.remaining),
      color: r.hours.remaining < 0 ? COLOR.danger : COLOR.text,
    },
    { label: t.nonBillable, value: h(r.hours.nonBillable) },
  ]);
  const trend = r.hours.trend;
  columnChart(doc, {
    title: t.hoursTrend,
    categories: trend.map((m) => formatMonthShort(m.month, lang)),
    stacks: (['A', 'B', 'C'] as const).map((k, i) => ({
      name: k,
      values: trend.map((m) => m.byWorkClass[k]),
      color: COLOR.series[i]!,
    })),
    line: { name: t.entitlement, values: trend.map((m) => m.entitlement), color: COLOR.danger },
    format: (v) => formatNumber(v, lang),
  });
  const right = 'right' as const;
  table(doc, {
    columns: [
      { header: t.month, width: 1.3 },
      { header: t.used, width: 1.3, align: right },
      { header: t.entitlement, width: 1.2, align: right },
      { header: 'A', width: 0.8, align: right },
      { header: 'B', width: 0.8, align: right },
      { header: 'C', width: 0.8, align: right },
    ],
    rows: trend.map((m) => [
      m.month,
      h(m.hours),
      h(m.entitlement),
      h(m.byWorkClass.A),
      h(m.byWorkClass.B),
      h(m.byWorkClass.C),
    ]),
  });
}
