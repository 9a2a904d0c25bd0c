import type { TDashboardQuery, TDashboardRate } from '@hamkke/core';
import { sql } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { db } from '../db/current.js';
import { addDays } from '../teams/iso-week.js';
import {
  instantRange,
  periodsOf,
  presentScope,
  rateOf,
  resolveScope,
  SEOUL,
  seoulStart,
  ticketFilter,
  ticketsLink,
} from './scope.js';

type TRow = { day: string; total: number; reopened: number; firstContact: number };

/**
 * Reopen rate or first-contact resolution over the tickets resolved in each period (by their last
 * resolution; still resolved or closed now):
 * - reopen: reopened at least once after a resolution (a status change out of `resolved` other
 *   than to `closed`);
 * - first-contact: never reopened and at most one public reply by staff (admin, manager, agent).
 * Both read ticket_dashboard_facts, kept by a trigger on the timeline.
 */
export async function dashboardRate(
  actor: TActor,
  query: TDashboardQuery,
  kind: 'reopen' | 'first-contact',
): Promise<TDashboardRate> {
  const s = await resolveScope(actor, query);
  const periods = periodsOf(s.from, s.to, s.granularity);
  const { rows } = await db.execute<TRow>(sql`
    SELECT (t.resolved_at AT TIME ZONE ${SEOUL})::date::text AS day, count(*)::int AS total,
           count(*) FILTER (WHERE f.reopen_count > 0)::int AS reopened,
           count(*) FILTER (WHERE f.ticket_id IS NULL)::int AS "firstContact"
      FROM tickets t
      -- Only the tickets that count against first contact (ticket_dashboard_facts_counted_idx).
      LEFT JOIN (SELECT ticket_id, reopen_count FROM ticket_dashboard_facts
                  WHERE reopen_count > 0 OR public_staff_replies > 1) f ON f.ticket_id = t.id
     WHERE t.resolved_at >= ${seoulStart(s.from)}::timestamptz
       AND t.resolved_at < ${seoulStart(addDays(s.to, 1))}::timestamptz
       AND t.status <> 'cancelled' AND ${ticketFilter(s)}
     GROUP BY 1`);
  const flag = kind === 'reopen' ? { isReopened: 'true' } : { isFirstContact: 'true' };
  const row = (p: { start: string; end: string }) => {
    const inside = rows.filter((r) => r.day >= p.start && r.day <= p.end);
    const total = inside.reduce((n, r) => n + r.total, 0);
    const count = inside.reduce((n, r) => n + (kind === 'reopen' ? r.reopened : r.firstContact), 0);
    const range = instantRange('resolved', p);
    return {
      count,
      total,
      rate: rateOf(count, total),
      tickets: { count: ticketsLink(s, { ...range, ...flag }), total: ticketsLink(s, range) },
    };
  };
  return {
    scope: presentScope(s),
    points: periods.map((p) => ({ ...p, ...row(p) })),
    total: row({ start: s.from, end: s.to }),
  };
}
