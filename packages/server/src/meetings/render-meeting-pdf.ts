import type { TLocale, TWeeklyIncident, TWeeklyPack, TWeeklySlaEntry } from '@hamkke/core';
import { barChart } from '../reports/pdf-chart.js';
import { createPdfDocument, finishPdf } from '../reports/pdf-document.js';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../reports/pdf-format.js';
import { bullet, COLOR, cover, heading, paragraph, subheading, tiles } from '../reports/pdf-layout.js';
import { DOMAIN_LABELS, label } from '../reports/pdf-messages.js';
import { WEEKLY_TEXT } from '../reports/pdf-messages-weekly.js';
import { table } from '../reports/pdf-table.js';
import {
  deployments,
  improvements,
  inspections,
  meetings,
  notesChanges,
  type TWeeklyCtx,
} from '../reports/pdf-weekly-sections.js';

const TZ = 'Asia/Seoul';

/** `2026년 48주차 주간 공유회의` / `Weekly sharing meeting, week 48 of 2026` for `2026-W48`. */
export function weeklyPackTitle(week: string, lang: TLocale): string {
  const [year = '', w = ''] = week.split('-W');
  return WEEKLY_TEXT[lang].title(year, Number(w));
}

/**
 * The weekly sharing-meeting pack as a printable A4 PDF: cover, the pack's sections in order, page
 * numbers; built from the same blocks as the monthly report.
 */
export async function renderWeeklyPackPdf(pack: TWeeklyPack, lang: TLocale): Promise<Buffer> {
  const t = WEEKLY_TEXT[lang];
  const title = weeklyPackTitle(pack.week, lang);
  const doc = createPdfDocument({ title, lang });
  const ctx: TWeeklyCtx = { doc, p: pack, lang, t };
  cover(doc, {
    kicker: t.kicker,
    title,
    subtitle: `${pack.weekStart} ~ ${pack.weekEnd}`,
    facts: [
      [t.period, `${pack.weekStart} ~ ${pack.weekEnd} (${pack.timeZone})`],
      [t.generatedAt, formatDateTime(pack.generatedAt, TZ)],
      ...pack.meetings.map((m): [string, string] => [t.meetingsHeld, formatDateTime(m.heldAt, TZ)]),
    ],
  });
  summary(ctx);
  customers(ctx);
  incidents(ctx);
  sla(ctx);
  recurring(ctx);
  inspections(ctx);
  notesChanges(ctx);
  deployments(ctx);
  improvements(ctx);
  meetings(ctx);
  return finishPdf(doc, { footer: `${title} (${pack.week})` });
}

function summary({ doc, p, lang, t }: TWeeklyCtx): void {
  heading(doc, t.sections.summary);
  const n = (v: number) => formatNumber(v, lang);
  const alert = (v: number) => (v > 0 ? COLOR.danger : COLOR.text);
  tiles(doc, [
    { label: t.tiles.created, value: n(p.totals.created) },
    { label: t.tiles.closed, value: n(p.totals.closed) },
    {
      label: t.tiles.majorIncidents,
      value: n(p.totals.majorIncidents),
      color: alert(p.totals.majorIncidents),
    },
    { label: t.tiles.breaches, value: n(p.totals.slaBreaches), color: alert(p.totals.slaBreaches) },
    { label: t.tiles.nearMisses, value: n(p.totals.slaNearMisses), color: COLOR.warning },
    { label: t.tiles.inspections, value: n(p.totals.inspections) },
    { label: t.tiles.findings, value: n(p.totals.findings), color: alert(p.totals.findings) },
  ]);
}

function customers({ doc, p, lang, t }: TWeeklyCtx): void {
  heading(doc, t.sections.customers);
  const n = (v: number) => formatNumber(v, lang);
  const top = [...p.customers].sort((a, b) => b.created - a.created).slice(0, 10);
  if (top.some((c) => c.created > 0)) {
    barChart(doc, {
      title: t.createdChart,
      bars: top.map((c) => ({ label: c.organization.name, value: c.created, valueLabel: n(c.created) })),
    });
  }
  const byType = (counts: Record<string, number>) =>
    Object.entries(counts)
      .filter(([, count]) => count > 0)
      .map(([type, count]) => `${label(lang, 'type', type)} ${count}`)
      .join(', ') || '—';
  const sum = (pick: (c: TWeeklyPack['customers'][number]) => number) =>
    n(p.customers.reduce((s, c) => s + pick(c), 0));
  table(doc, {
    columns: [
      { header: t.customer, width: 2 },
      { header: t.created, width: 0.7, align: 'right' },
      { header: t.closed, width: 0.7, align: 'right' },
      { header: t.openAtEnd, width: 0.8, align: 'right' },
      { header: t.createdByType, width: 2.6 },
    ],
    rows: [
      ...p.customers.map((c) => [
        c.organization.name,
        n(c.created),
        n(c.closed),
        n(c.openAtEnd),
        byType(c.createdByType),
      ]),
      ...(p.customers.length > 0
        ? [[t.total, sum((c) => c.created), sum((c) => c.closed), sum((c) => c.openAtEnd), '']]
        : []),
    ],
    hasTotal: p.customers.length > 0,
    empty: t.none,
  });
}

function incidents({ doc, p, lang, t }: TWeeklyCtx): void {
  heading(doc, t.sections.incidents);
  if (p.majorIncidents.length === 0) paragraph(doc, t.none, { color: COLOR.muted });
  for (const incident of p.majorIncidents) incidentStory({ doc, p, lang, t }, incident);
}

function incidentStory({ doc, lang, t }: TWeeklyCtx, i: TWeeklyIncident): void {
  subheading(doc, `[${i.priority}] ${i.number} ${i.title} — ${i.organization.name}`, 50);
  const facts = [
    `${t.status}: ${label(lang, 'status', i.status)}`,
    `${t.system}: ${i.system?.sid ?? '—'}`,
    `${t.module}: ${i.module ?? DOMAIN_LABELS[lang].noModule}`,
    `${t.assignee}: ${i.assignee?.name ?? '—'}`,
    `${t.createdAt}: ${formatDateTime(i.createdAt, TZ)}`,
    `${t.resolvedAt}: ${i.resolvedAt ? formatDateTime(i.resolvedAt, TZ) : t.unresolved}`,
  ];
  paragraph(doc, facts.join(' · '), { color: COLOR.muted });
  for (const step of i.steps) {
    const who = step.actor ? ` ${step.actor}` : '';
    const what =
      step.kind === 'created'
        ? t.stepCreated
        : step.kind === 'reply'
          ? `${t.stepReply}: ${step.text ?? ''}`
          : `${step.from ? label(lang, 'status', step.from) : '—'} → ${step.to ? label(lang, 'status', step.to) : '—'}`;
    bullet(doc, `${formatDateTime(step.at, TZ)}${who} — ${what}`);
  }
  paragraph(doc, `${t.cause}: ${i.cause ?? '—'}`);
  paragraph(doc, `${t.action}: ${i.action ?? '—'}`);
}

function sla({ doc, p, lang, t }: TWeeklyCtx): void {
  heading(doc, t.sections.sla);
  const rows = (entries: readonly TWeeklySlaEntry[]) =>
    entries.map((e) => [
      e.ticket.number,
      e.ticket.organization.name,
      e.ticket.title,
      `${t.targetName[e.target] ?? e.target} (${e.ticket.priority})`,
      formatDateTime(e.dueAt, TZ),
      formatDateTime(e.metAt, TZ),
      formatPercent(e.leftShare === null ? null : e.leftShare * 100, lang),
    ]);
  const columns = [
    { header: t.number, width: 1.1 },
    { header: t.customer, width: 1.2 },
    { header: t.ticketTitle, width: 2.2 },
    { header: t.target, width: 1 },
    { header: t.dueAt, width: 1.2 },
    { header: t.metAt, width: 1.2 },
    { header: t.leftShare, width: 0.8, align: 'right' as const },
  ];
  subheading(doc, t.breaches);
  table(doc, { columns, rows: rows(p.sla.breaches), empty: t.none });
  subheading(doc, t.nearMisses(formatPercent(p.nearMissShare * 100, lang)));
  table(doc, { columns, rows: rows(p.sla.nearMisses), empty: t.none });
}

function recurring({ doc, p, t }: TWeeklyCtx): void {
  heading(doc, t.sections.recurring);
  table(doc, {
    columns: [
      { header: t.customer, width: 1.3 },
      { header: t.sharedBy, width: 0.9 },
      { header: t.sharedWords, width: 1.5 },
      { header: t.tickets, width: 3 },
      { header: t.span, width: 1.3 },
    ],
    rows: p.recurring.map((g) => [
      g.organizationName,
      `${t.sharedByName[g.sharedBy] ?? g.sharedBy}${g.module ? ` (${g.module})` : ''}`,
      g.sharedWords.join(', ') || '—',
      g.tickets.map((x) => `${x.number} ${x.title}`).join('\n'),
      `${formatDate(g.firstAt, TZ)} ~ ${formatDate(g.lastAt, TZ)}`,
    ]),
    empty: t.none,
  });
}
