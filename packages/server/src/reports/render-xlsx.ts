import type { TDurationStats, TLocale, TMonthlyReport, TReportTicketRef, TSlaAttainment } from '@hamkke/core';
import ExcelJS from 'exceljs';
import { wallClockDate } from './pdf-format.js';
import { DOMAIN_LABELS, label, REPORT_TEXT } from './pdf-messages.js';
import { monthlyReportTitle } from './render-pdf.js';

type TCell = string | number | Date | null;
type TKind = 'text' | 'count' | 'decimal' | 'percent' | 'datetime';
type TColumn = { header: string; width: number; kind: TKind };

const NUM_FMT: Record<TKind, string | undefined> = {
  text: undefined,
  count: '#,##0',
  decimal: '#,##0.0',
  // The cell holds the figure of the JSON (96.2), not a fraction, so programs read the same number.
  percent: '0.0"%"',
  datetime: 'yyyy-mm-dd hh:mm',
};

// Excel holds at most 32,767 characters in a cell, and XML cannot carry most control characters.
const CELL_MAX = 32_767;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to remove
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const cleanCell = (cell: TCell): TCell =>
  typeof cell === 'string' ? cell.replace(XML_INVALID, '').slice(0, CELL_MAX) : cell;

/** A sheet with a bold, frozen header row; numbers stay numbers and instants become dates. */
function addSheet(wb: ExcelJS.Workbook, name: string, columns: readonly TColumn[], rows: readonly TCell[][]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c, i) => ({
    header: c.header,
    key: `c${i}`,
    width: c.width,
    style: NUM_FMT[c.kind] ? { numFmt: NUM_FMT[c.kind] } : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E7EB' } };
  ws.addRows(rows.map((row) => row.map(cleanCell)));
  return ws;
}

/**
 * The monthly operations report's raw tables as an XLSX workbook, one sheet per table, for the
 * customer to sort and chart themselves.
 */
export async function renderMonthlyReportXlsx(report: TMonthlyReport, lang: TLocale): Promise<Buffer> {
  const t = REPORT_TEXT[lang];
  const r = report;
  const tz = r.timeZone;
  const when = (iso: string | null) => wallClockDate(iso, tz);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hamkke';
  wb.title = `${r.organization.name} — ${monthlyReportTitle(r, lang)}`;
  wb.created = new Date(r.generatedAt);

  const summaryRows: TCell[][] = [
    [t.customer, r.organization.name],
    [t.customerCode, r.organization.code],
    [t.month, r.month],
    [t.status, r.status === 'signed' ? t.signed : t.draft],
    [t.signedBy, r.signedBy?.name ?? null],
    [t.signedAt, when(r.signedAt)],
    [t.generatedAt, when(r.generatedAt)],
    [`${t.tiles.created}`, r.tickets.total.created],
    [`${t.tiles.resolved}`, r.tickets.total.resolved],
    [`${t.closed}`, r.tickets.total.closed],
    ...attainmentSummary(`${t.response} SLA`, r.sla.response, t),
    ...attainmentSummary(`${t.resolution} SLA`, r.sla.resolution, t),
    ...durationSummary(t.response, r.times.response, t),
    ...durationSummary(t.resolution, r.times.resolution, t),
    [`${t.entitlement} (${t.hoursUnit})`, r.hours.entitlement],
    [`${t.used} (${t.hoursUnit})`, r.hours.used],
    [`${t.nonBillable} (${t.hoursUnit})`, r.hours.nonBillable],
    [`${t.remaining} (${t.hoursUnit})`, r.hours.remaining],
    [`${t.percentUsed} (%)`, r.hours.percentUsed],
    ...(['A', 'B', 'C'] as const).map((k): TCell[] => [
      `${t.workClass} ${k} (${t.hoursUnit})`,
      r.hours.byWorkClass[k],
    ]),
    [t.inspectionsDone, r.inspections.done],
    [t.itemsOk, r.inspections.items.ok],
    [t.itemsWarning, r.inspections.items.warning],
    [t.itemsFailed, r.inspections.items.failed],
    [t.openFindings, r.inspections.openFindings],
    [t.tiles.incidents, r.notableIncidents.length],
    [t.surveysSent, r.satisfaction.sent],
    [t.responses, r.satisfaction.responses],
    [t.average, r.satisfaction.average],
    [t.tiles.carriedOver, r.carriedOver.count],
    [t.sections.remarks.replace(/^\d+\.\s*/, ''), r.remarks],
  ];
  const summary = addSheet(
    wb,
    t.sheets.summary,
    [
      { header: t.item, width: 30 },
      { header: t.value, width: 40 },
    ].map((c) => ({ ...c, kind: 'text' as const })),
    summaryRows,
  );
  summary.eachRow((row) => {
    const cell = row.getCell(2);
    if (cell.value instanceof Date) cell.numFmt = NUM_FMT.datetime!;
    else if (typeof cell.value === 'number')
      cell.numFmt = Number.isInteger(cell.value) ? '#,##0' : '#,##0.0#';
    cell.alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
  });

  const counts = (first: string) => [
    { header: first, width: 18, kind: 'text' as const },
    { header: 'key', width: 12, kind: 'text' as const },
    { header: t.created, width: 10, kind: 'count' as const },
    { header: t.resolved, width: 10, kind: 'count' as const },
    { header: t.closed, width: 10, kind: 'count' as const },
  ];
  const groupRows = (
    groups: ReadonlyArray<{ key: string | null; created: number; resolved: number; closed: number }>,
    name: (key: string | null) => string,
  ) => groups.map((g): TCell[] => [name(g.key), g.key, g.created, g.resolved, g.closed]);
  addSheet(
    wb,
    t.sheets.byType,
    counts(t.type),
    groupRows(r.tickets.byType, (k) => label(lang, 'type', k ?? '')),
  );
  addSheet(
    wb,
    t.sheets.byModule,
    counts(t.module),
    groupRows(r.tickets.byModule, (k) => k ?? DOMAIN_LABELS[lang].noModule),
  );
  addSheet(
    wb,
    t.sheets.byPriority,
    counts(t.priority),
    groupRows(r.tickets.byPriority, (k) => k ?? ''),
  );
  addSheet(
    wb,
    t.sheets.byChannel,
    counts(t.sheets.byChannel),
    groupRows(r.tickets.byChannel, (k) => label(lang, 'channel', k ?? '')),
  );

  const min = `(${t.minutes})`;
  const slaColumns: TColumn[] = [
    { header: t.priority, width: 10, kind: 'text' },
    ...[t.response, t.resolution].flatMap((clock): TColumn[] => [
      { header: `${clock} ${t.met}`, width: 11, kind: 'count' },
      { header: `${clock} ${t.breached}`, width: 11, kind: 'count' },
      { header: `${clock} ${t.attainment} (%)`, width: 14, kind: 'percent' },
    ]),
    ...[t.response, t.resolution].flatMap((clock): TColumn[] => [
      { header: `${clock} ${t.count}`, width: 11, kind: 'count' },
      { header: `${clock} ${t.mean} ${min}`, width: 14, kind: 'count' },
      { header: `${clock} ${t.p90} ${min}`, width: 16, kind: 'count' },
    ]),
  ];
  const priorities = [...new Set([...r.sla.byPriority, ...r.times.byPriority].map((p) => p.priority))].sort();
  const slaRow = (
    name: string,
    sla: { response: TSlaAttainment; resolution: TSlaAttainment } | undefined,
    times: { response: TDurationStats; resolution: TDurationStats } | undefined,
  ): TCell[] => [
    name,
    ...[sla?.response, sla?.resolution].flatMap((a) => [
      a?.met ?? null,
      a?.breached ?? null,
      a?.attainmentPercent ?? null,
    ]),
    ...[times?.response, times?.resolution].flatMap((d) => [
      d?.count ?? null,
      d?.mean ?? null,
      d?.p90 ?? null,
    ]),
  ];
  addSheet(wb, t.sheets.sla, slaColumns, [
    ...priorities.map((p) =>
      slaRow(
        p,
        r.sla.byPriority.find((x) => x.priority === p),
        r.times.byPriority.find((x) => x.priority === p),
      ),
    ),
    slaRow(t.total, r.sla, r.times),
  ]);

  addSheet(
    wb,
    t.sheets.hours,
    [
      { header: t.month, width: 10, kind: 'text' },
      { header: `${t.used} (${t.hoursUnit})`, width: 16, kind: 'decimal' },
      { header: `${t.entitlement} (${t.hoursUnit})`, width: 14, kind: 'decimal' },
      ...(['A', 'B', 'C'] as const).map(
        (k): TColumn => ({ header: `${k} (${t.hoursUnit})`, width: 10, kind: 'decimal' }),
      ),
    ],
    r.hours.trend.map((m) => [
      m.month,
      m.hours,
      m.entitlement,
      m.byWorkClass.A,
      m.byWorkClass.B,
      m.byWorkClass.C,
    ]),
  );

  const ticketColumns: TColumn[] = [
    { header: t.number, width: 14, kind: 'text' },
    { header: t.ticketTitle, width: 44, kind: 'text' },
    { header: t.type, width: 12, kind: 'text' },
    { header: t.priority, width: 9, kind: 'text' },
    { header: t.ticketStatus, width: 14, kind: 'text' },
    { header: t.module, width: 9, kind: 'text' },
    { header: t.createdAt, width: 17, kind: 'datetime' },
    { header: t.assignee, width: 14, kind: 'text' },
  ];
  const ticketRow = (x: TReportTicketRef): TCell[] => [
    x.number,
    x.title,
    label(lang, 'type', x.type),
    x.priority,
    label(lang, 'status', x.status),
    x.module,
    when(x.createdAt),
    x.assignee,
  ];
  addSheet(wb, t.sheets.inspections, ticketColumns, r.inspections.findings.map(ticketRow));
  addSheet(
    wb,
    t.sheets.incidents,
    [
      ...ticketColumns,
      { header: t.resolvedAt, width: 17, kind: 'datetime' },
      { header: t.cause, width: 50, kind: 'text' },
      { header: t.action, width: 50, kind: 'text' },
    ],
    r.notableIncidents.map((x) => [...ticketRow(x), when(x.resolvedAt), x.cause, x.action]),
  );
  addSheet(
    wb,
    t.sheets.satisfaction,
    [
      { header: t.distribution, width: 12, kind: 'count' },
      { header: t.responses, width: 12, kind: 'count' },
    ],
    [5, 4, 3, 2, 1].map((rating) => [rating, r.satisfaction.distribution[rating - 1] ?? 0]),
  );
  addSheet(wb, t.sheets.carriedOver, ticketColumns, r.carriedOver.items.map(ticketRow));

  return Buffer.from(await wb.xlsx.writeBuffer());
}

function attainmentSummary(name: string, a: TSlaAttainment, t: (typeof REPORT_TEXT)[TLocale]): TCell[][] {
  return [
    [`${name} ${t.met}`, a.met],
    [`${name} ${t.breached}`, a.breached],
    [`${name} ${t.attainment} (%)`, a.attainmentPercent],
  ];
}

function durationSummary(name: string, d: TDurationStats, t: (typeof REPORT_TEXT)[TLocale]): TCell[][] {
  return [
    [`${name} ${t.count}`, d.count],
    [`${name} ${t.mean} (${t.minutes})`, d.mean],
    [`${name} ${t.p90} (${t.minutes})`, d.p90],
  ];
}
