import {
  entitledHoursIn,
  hoursOf,
  monthRange,
  PRIORITIES,
  SAP_MODULES,
  TICKET_TYPES,
  type TMonthlyReport,
  type TReportTicketRef,
} from '@hamkke/core';
import type { TActor } from '../auth/actor.js';
import { isStaff } from '../auth/policy.js';
import { loadCalendars } from '../calendars/load-calendars.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import { NotFound } from '../http/errors.js';
import { causeAndAction } from './incident-notes.js';
import { monthPeriod, trendMonths } from './month-period.js';
import * as q from './report-queries.js';
import { slaFigures } from './sla-figures.js';

/** The computed part of a report: everything but remarks and sign-off. */
export type TReportFigures = Omit<TMonthlyReport, 'remarks' | 'status' | 'signedBy' | 'signedAt'>;

export const REPORT = { en: 'monthly report', ko: '월간 운영 보고' };
export const DEFAULT_REPORT_TIME_ZONE = 'Asia/Seoul';
const CARRIED_OVER_LIMIT = 200;

const ref = (r: q.TTicketRefRow) =>
  ({
    id: r.id,
    number: r.number,
    title: r.title,
    type: r.type,
    priority: r.priority,
    status: r.status,
    module: r.module,
    createdAt: new Date(r.created_at).toISOString(),
    assignee: r.assignee,
  }) as TReportTicketRef;

type TBreakdownKey = 'type' | 'module' | 'priority' | 'channel';
const GROUPING_BIT: Record<TBreakdownKey, number> = { type: 7, module: 11, priority: 13, channel: 14 };

/** One breakdown, in the domain's order of keys (then any others), keys without tickets left out. */
function breakdown<K extends string | null>(
  rows: q.TBreakdownRow[],
  key: TBreakdownKey,
  order: readonly K[],
) {
  const mine = rows.filter((r) => r.g === GROUPING_BIT[key]);
  const rank = (k: string | null) => {
    const i = order.indexOf(k as K);
    return i < 0 ? order.length : i;
  };
  return mine
    .map((r) => ({ key: r[key] as K, created: r.created, resolved: r.resolved, closed: r.closed }))
    .sort((a, b) => rank(a.key) - rank(b.key) || String(a.key).localeCompare(String(b.key)));
}

/**
 * The figures of `organizationId`'s report for `month` (`YYYY-MM`), as of `now`. The month is cut in
 * the time zone of the organization's contract calendar (Asia/Seoul when it has none). Staff only.
 */
export async function computeMonthlyReport(
  actor: TActor,
  organizationId: string,
  month: string,
  opts: { now?: Date; tx?: TDbOrTx } = {},
): Promise<TMonthlyReport> {
  if (!isStaff(actor)) throw new NotFound(REPORT);
  return { ...(await computeReportFigures(organizationId, month, opts)), ...DRAFT };
}

type TThunks = readonly (() => Promise<unknown>)[];
type TResults<T extends TThunks> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

/** Runs the queries one after the other (`inOrder`) or side by side. */
async function runQueries<T extends TThunks>(inOrder: boolean, thunks: T): Promise<TResults<T>> {
  if (!inOrder) return (await Promise.all(thunks.map((f) => f()))) as TResults<T>;
  const results: unknown[] = [];
  for (const f of thunks) results.push(await f());
  return results as TResults<T>;
}

const DRAFT = { remarks: '', status: 'draft' as const, signedBy: null, signedAt: null };

/** The figures without an authorization check (for the worker and sign-off). */
export async function computeReportFigures(
  organizationId: string,
  month: string,
  opts: { now?: Date; tx?: TDbOrTx } = {},
): Promise<TReportFigures> {
  const tx = opts.tx ?? db;
  const now = opts.now ?? new Date();
  const months = trendMonths(month);
  const trendFirst = monthRange(months[0]!).first;
  const { first, last } = monthRange(month);
  const org = await q.organizationAndContracts(tx, organizationId, trendFirst, last);
  if (!org) throw new NotFound({ en: 'organization', ko: '고객사' });
  const allContracts = org.contracts ?? [];
  const inForce = allContracts.filter((c) => c.starts_on <= last && c.ends_on >= first);
  const zoned =
    inForce.find((c) => c.services.includes('monthly_report') && c.time_zone) ??
    inForce.find((c) => c.time_zone);
  const timeZone = zoned?.time_zone ?? DEFAULT_REPORT_TIME_ZONE;
  const { start, end } = monthPeriod(month, timeZone);
  const p = { organizationId, start, end };

  // Outside a transaction the queries run side by side on the pool; a transaction's one connection
  // takes them one after the other.
  const calendarsLoaded = loadCalendars();
  const [breakdownRows, slaRows, hoursRows, inspections, incidents, csat, open] = await runQueries(
    opts.tx !== undefined,
    [
      () => q.ticketBreakdown(tx, p),
      () => q.slaClocks(tx, p),
      () => q.hoursByMonth(tx, organizationId, trendFirst, last),
      () => q.inspectionFigures(tx, p),
      () => q.notableIncidents(tx, p),
      () => q.csatFigures(tx, p),
      () => q.carriedOver(tx, p, CARRIED_OVER_LIMIT),
    ] as const,
  );
  const calendars = await calendarsLoaded;

  const total = breakdownRows.find((r) => r.g === 15);
  const { sla, times } = slaFigures(slaRows, calendars, start, end, now);

  const trend = months.map((m) => {
    const rows = hoursRows.filter((r) => r.month === m);
    const minutes = (f: (r: q.THoursRow) => boolean) => rows.filter(f).reduce((s, r) => s + r.minutes, 0);
    return {
      month: m,
      hours: hoursOf(minutes((r) => r.billable)),
      entitlement: allContracts.reduce(
        (s, c) =>
          s +
          entitledHoursIn(
            { ...c, startsOn: c.starts_on, endsOn: c.ends_on, monthlyHours: Number(c.monthly_hours) },
            m,
          ),
        0,
      ),
      byWorkClass: {
        A: hoursOf(minutes((r) => r.work_class === 'A')),
        B: hoursOf(minutes((r) => r.work_class === 'B')),
        C: hoursOf(minutes((r) => r.work_class === 'C')),
      },
      nonBillable: hoursOf(minutes((r) => !r.billable)),
    };
  });
  const current = trend[trend.length - 1]!;
  const rated = csat.ratings.reduce((s, n) => s + n, 0);

  return {
    organization: { id: org.id, name: org.name, code: org.code },
    month,
    timeZone,
    period: { start: start.toISOString(), end: end.toISOString() },
    contracts: inForce.map((c) => ({
      id: c.id,
      name: c.name,
      startsOn: c.starts_on,
      endsOn: c.ends_on,
      monthlyHours: Number(c.monthly_hours),
      calendarKey: c.calendar_key,
      services: c.services,
    })),
    tickets: {
      total: { created: total?.created ?? 0, resolved: total?.resolved ?? 0, closed: total?.closed ?? 0 },
      byType: breakdown(breakdownRows, 'type', TICKET_TYPES),
      byModule: breakdown(breakdownRows, 'module', [...SAP_MODULES, null]),
      byPriority: breakdown(breakdownRows, 'priority', PRIORITIES),
      byChannel: breakdown(breakdownRows, 'channel', ['portal', 'email', 'phone', 'internal']),
    },
    sla,
    times,
    hours: {
      entitlement: current.entitlement,
      used: current.hours,
      nonBillable: current.nonBillable,
      remaining: Math.round((current.entitlement - current.hours) * 10) / 10,
      percentUsed: current.entitlement ? Math.round((current.hours / current.entitlement) * 1000) / 10 : null,
      byWorkClass: current.byWorkClass,
      trend: trend.map(({ nonBillable: _, ...m }) => m),
    },
    inspections: {
      done: inspections.done,
      items: { ok: inspections.ok, warning: inspections.warning, failed: inspections.failed },
      openFindings: inspections.findings?.length ?? 0,
      findings: (inspections.findings ?? []).map(ref),
    },
    notableIncidents: incidents.map((r) => ({
      ...ref(r),
      resolvedAt: r.resolved_at ? new Date(r.resolved_at).toISOString() : null,
      ...causeAndAction(r.comment),
    })),
    satisfaction: {
      sent: csat.sent,
      responses: csat.responses,
      average: rated ? Math.round((csat.sum / rated) * 100) / 100 : null,
      distribution: csat.ratings,
    },
    carriedOver: { count: open.total, items: open.items.map(ref) },
    generatedAt: now.toISOString(),
  };
}
