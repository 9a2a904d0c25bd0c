import type { TLocale, TWeeklyDeployment, TWeeklyPack } from '@hamkke/core';
import { formatDate, formatDateTime, formatNumber, formatPercent } from './pdf-format.js';
import { bullet, COLOR, heading, paragraph, subheading } from './pdf-layout.js';
import { markdown } from './pdf-markdown.js';
import { label } from './pdf-messages.js';
import type { TWeeklyText } from './pdf-messages-weekly.js';
import { table } from './pdf-table.js';

/** What every section of the weekly pack PDF draws from. */
export type TWeeklyCtx = { doc: PDFKit.PDFDocument; p: TWeeklyPack; lang: TLocale; t: TWeeklyText };

const TZ = 'Asia/Seoul';

// The later sections of the weekly pack: inspections, special notes, deployments, improvement
// items, and the meetings held with their decisions.

/** 6: inspections completed in the week and their findings. */
export function inspections({ doc, p, lang, t }: TWeeklyCtx): void {
  heading(doc, t.sections.inspections);
  table(doc, {
    columns: [
      { header: t.customer, width: 1.4 },
      { header: t.number, width: 1.1 },
      { header: t.system, width: 0.8 },
      { header: t.template, width: 2 },
      { header: t.completedAt, width: 1.2 },
      { header: t.counts, width: 1.2, align: 'right' },
    ],
    rows: p.inspections.map((i) => [
      i.organization.name,
      i.ticket.number,
      i.system?.sid ?? '—',
      i.templateName,
      formatDate(i.completedAt, TZ),
      `${i.counts.ok} / ${i.counts.warning} / ${i.counts.failed}`,
    ]),
    empty: t.none,
  });
  const findings = p.inspections.flatMap((i) => i.findings.map((f) => ({ ...f, inspection: i })));
  if (findings.length === 0) return;
  subheading(doc, t.findings);
  table(doc, {
    columns: [
      { header: t.number, width: 1.1 },
      { header: t.area, width: 1 },
      { header: t.item, width: 2 },
      { header: t.result, width: 0.7 },
      { header: t.note, width: 2.2 },
      { header: t.followUp, width: 1.2 },
    ],
    rows: findings.map((f) => [
      f.inspection.ticket.number,
      f.area,
      f.title,
      t.resultName[f.result] ?? f.result,
      f.note || '—',
      f.followUp ? `${f.followUp.number} (${label(lang, 'status', f.followUp.status)})` : '—',
    ]),
  });
}

/** 7: changes of customers' special notes, before and after. */
export function notesChanges({ doc, p, t }: TWeeklyCtx): void {
  heading(doc, t.sections.notes);
  if (p.notesChanges.length === 0) {
    paragraph(doc, t.none, { color: COLOR.muted });
    return;
  }
  table(doc, {
    columns: [
      { header: t.customer, width: 1.3 },
      { header: `${t.changedBy} / ${t.heldAt}`, width: 1.3 },
      { header: t.before, width: 2.5 },
      { header: t.after, width: 2.5 },
    ],
    rows: p.notesChanges.map((c) => [
      c.organization.name,
      `${c.by?.name ?? '—'}\n${formatDateTime(c.at, TZ)}`,
      c.before || '—',
      c.after || '—',
    ]),
  });
}

/** 8: deployments to projects starting or ending in the week. */
export function deployments({ doc, p, lang, t }: TWeeklyCtx): void {
  heading(doc, t.sections.deployments);
  const rows = (list: readonly TWeeklyDeployment[]) =>
    list.map((d) => [
      d.person.name,
      d.project,
      d.organization?.name ?? '—',
      `${d.startsOn} ~ ${d.endsOn}`,
      formatPercent(d.sharePercent, lang),
    ]);
  const columns = [
    { header: t.person, width: 1 },
    { header: t.project, width: 2 },
    { header: t.customer, width: 1.4 },
    { header: t.span, width: 1.8 },
    { header: t.share, width: 0.8, align: 'right' as const },
  ];
  subheading(doc, t.starting);
  table(doc, { columns, rows: rows(p.deployments.starting), empty: t.none });
  subheading(doc, t.ending);
  table(doc, { columns, rows: rows(p.deployments.ending), empty: t.none });
}

/** 9: improvement items, their metric and their status moves in the week. */
export function improvements({ doc, p, lang, t }: TWeeklyCtx): void {
  heading(doc, t.sections.improvements);
  const n = (v: number | null) => formatNumber(v, lang, 2);
  table(doc, {
    columns: [
      { header: t.improvement, width: 2.4 },
      { header: t.kind, width: 0.5 },
      { header: t.owner, width: 0.9 },
      { header: t.status, width: 0.9 },
      { header: `${t.metric}: ${t.baseline} → ${t.targetValue} / ${t.measured}`, width: 2 },
      { header: t.changes, width: 1.6 },
    ],
    rows: p.improvements.map((i) => [
      i.title,
      i.kind,
      i.owner?.name ?? '—',
      t.improvementStatus[i.status] ?? i.status,
      i.metric
        ? `${t.metricName[i.metric] ?? i.metric}: ${n(i.baselineValue)} → ${n(i.targetValue)} / ${n(i.measuredValue)}`
        : '—',
      i.statusChanges
        .map(
          (c) =>
            `${formatDate(c.at, TZ)} ${t.improvementStatus[c.from] ?? c.from} → ${t.improvementStatus[c.to] ?? c.to}`,
        )
        .join('\n') || '—',
    ]),
    empty: t.none,
  });
}

/** 10: the meetings held, their notes and the decisions with what they became. */
export function meetings({ doc, p, lang, t }: TWeeklyCtx): void {
  heading(doc, t.sections.meetings);
  if (p.meetings.length === 0) {
    paragraph(doc, t.none, { color: COLOR.muted });
    return;
  }
  for (const m of p.meetings) {
    subheading(doc, `${t.heldAt}: ${formatDateTime(m.heldAt, TZ)}`);
    const people = [...m.attendees.map((a) => a.name), ...m.guests];
    paragraph(doc, `${t.attendees}: ${people.length > 0 ? people.join(', ') : '—'}`, { color: COLOR.muted });
    if (m.notes.trim() !== '') markdown(doc, m.notes);
    if (m.decisions.length === 0) continue;
    subheading(doc, t.decisions, 30);
    for (const d of m.decisions) {
      const target = d.improvement
        ? `${t.becomes.improvement}: ${d.improvement.title} (${t.improvementStatus[d.improvement.status] ?? d.improvement.status})`
        : d.ticket
          ? `${t.becomes.ticket}: ${d.ticket.number} ${d.ticket.title} (${label(lang, 'status', d.ticket.status)})`
          : (t.becomes[d.becomes] ?? d.becomes);
      bullet(doc, `${d.text} → ${target}`);
    }
  }
}
