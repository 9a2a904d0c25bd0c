import {
  businessMinutesBetween,
  NEAR_MISS_SHARE,
  type TWeeklyCustomerFlow,
  type TWeeklySlaEntry,
} from '@hamkke/core';
import { type AnyColumn, and, gte, inArray, lt, ne, or, sql } from 'drizzle-orm';
import { loadCalendars } from '../calendars/load-calendars.js';
import { db } from '../db/current.js';
import { organizations, tickets } from '../db/schema.js';
import { clockInputs } from '../sla/derive-sla.js';
import { inWeek, type TWeekRange } from './week-range.js';

type TTicketRow = typeof tickets.$inferSelect;
export const between = (column: AnyColumn, r: TWeekRange) => and(gte(column, r.start), lt(column, r.end));

export async function organizationNames(ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A ticket counts as closed in the week when it was resolved then, or closed then without a resolution. */
/** New and closed tickets per customer (customers with either), by name. */
export async function customerFlows(r: TWeekRange): Promise<TWeeklyCustomerFlow[]> {
  const created = await db
    .select({ organizationId: tickets.organizationId, type: tickets.type, count: sql<number>`count(*)::int` })
    .from(tickets)
    .where(between(tickets.createdAt, r))
    .groupBy(tickets.organizationId, tickets.type);
  const closed = await db
    .select({ organizationId: tickets.organizationId, count: sql<number>`count(*)::int` })
    .from(tickets)
    .where(
      or(
        between(tickets.resolvedAt, r),
        and(sql`${tickets.resolvedAt} IS NULL`, between(tickets.closedAt, r)),
      ),
    )
    .groupBy(tickets.organizationId);
  const ids = [...new Set([...created.map((c) => c.organizationId), ...closed.map((c) => c.organizationId)])];
  if (ids.length === 0) return [];
  // Open at the week's end: created by then and neither resolved nor closed by then (reopens aside).
  const open = await db
    .select({ organizationId: tickets.organizationId, count: sql<number>`count(*)::int` })
    .from(tickets)
    .where(
      and(
        inArray(tickets.organizationId, ids),
        lt(tickets.createdAt, r.end),
        ne(tickets.status, 'cancelled'),
        sql`(${tickets.resolvedAt} IS NULL OR ${tickets.resolvedAt} >= ${r.end.toISOString()})`,
        sql`(${tickets.closedAt} IS NULL OR ${tickets.closedAt} >= ${r.end.toISOString()})`,
      ),
    )
    .groupBy(tickets.organizationId);
  const names = await organizationNames(ids);
  return ids
    .map((id) => {
      const mine = created.filter((c) => c.organizationId === id);
      return {
        organization: { id, name: names.get(id) ?? '' },
        created: mine.reduce((sum, c) => sum + c.count, 0),
        closed: closed.find((c) => c.organizationId === id)?.count ?? 0,
        createdByType: Object.fromEntries(mine.map((c) => [c.type, c.count])),
        openAtEnd: open.find((c) => c.organizationId === id)?.count ?? 0,
      };
    })
    .sort((a, b) => a.organization.name.localeCompare(b.organization.name, 'ko'));
}

export const ticketRef = (t: TTicketRow, names: ReadonlyMap<string, string>) => ({
  id: t.id,
  number: t.number,
  title: t.title,
  status: t.status,
  priority: t.priority,
  organization: { id: t.organizationId, name: names.get(t.organizationId) ?? '' },
});

/**
 * SLA targets of the week: a breach belongs to the week its due time passed (met late, or not met
 * by the week's end); a near miss to the week it was met, with less than NEAR_MISS_SHARE of the
 * target's business time left. Cancelled tickets are not measured.
 */
export async function slaEntries(
  r: TWeekRange,
  now = new Date(),
): Promise<{ breaches: TWeeklySlaEntry[]; nearMisses: TWeeklySlaEntry[] }> {
  const rows = await db
    .select()
    .from(tickets)
    .where(
      and(
        ne(tickets.status, 'cancelled'),
        or(
          between(tickets.responseDueAt, r),
          between(tickets.resolutionDueAt, r),
          between(tickets.firstResponseAt, r),
          between(tickets.resolvedAt, r),
        ),
      ),
    )
    .limit(20_000);
  const calendars = await loadCalendars();
  const names = await organizationNames(rows.map((t) => t.organizationId));
  const breaches: TWeeklySlaEntry[] = [];
  const nearMisses: TWeeklySlaEntry[] = [];
  const horizon = now < r.end ? now : r.end;
  for (const t of rows) {
    const clocks = clockInputs(t);
    const calendar = t.slaCalendarKey ? calendars.get(t.slaCalendarKey)?.calendar : undefined;
    for (const target of ['response', 'resolution'] as const) {
      const clock = clocks[target];
      const dueAt = target === 'response' ? t.responseDueAt : t.resolutionDueAt;
      if (!dueAt || clock.targetMinutes === null) continue;
      const metAt = clock.stoppedAt;
      let leftShare: number | null = null;
      if (metAt) {
        leftShare = calendar
          ? (clock.targetMinutes -
              (businessMinutesBetween(t.createdAt, metAt, calendar) - clock.pausedMinutes)) /
            clock.targetMinutes
          : (dueAt.getTime() - metAt.getTime()) / Math.max(1, dueAt.getTime() - t.createdAt.getTime());
        leftShare = Math.round(leftShare * 10_000) / 10_000;
      }
      const entry: TWeeklySlaEntry = {
        ticket: ticketRef(t, names),
        target,
        dueAt: dueAt.toISOString(),
        metAt: metAt?.toISOString() ?? null,
        targetMinutes: clock.targetMinutes,
        leftShare,
      };
      const isLate = metAt ? metAt > dueAt : dueAt < horizon;
      if (isLate && inWeek(dueAt, r)) breaches.push(entry);
      else if (metAt && !isLate && inWeek(metAt, r) && leftShare !== null && leftShare < NEAR_MISS_SHARE)
        nearMisses.push(entry);
    }
  }
  const byDue = (a: TWeeklySlaEntry, b: TWeeklySlaEntry) => a.dueAt.localeCompare(b.dueAt);
  return { breaches: breaches.sort(byDue), nearMisses: nearMisses.sort(byDue) };
}
