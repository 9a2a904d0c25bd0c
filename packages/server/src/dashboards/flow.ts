import type { TDashboardFlow, TDashboardQuery } from '@hamkke/core';
import { sql } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { db } from '../db/current.js';
import { addDays } from '../teams/iso-week.js';
import {
  instantRange,
  periodsOf,
  presentScope,
  resolveScope,
  SEOUL,
  seoulStart,
  ticketFilter,
  ticketsLink,
} from './scope.js';

type TDayRow = { day: string; created: number; resolved: number };

/**
 * Backlog and flow: tickets created and resolved per period, and the backlog — tickets open at the
 * end of each period's last day (created before, not cancelled, not resolved by then; a ticket
 * resolved now counts by its last resolution). The backlog is the tickets open now, plus those
 * resolved after the instant, minus those (not cancelled) created after it, so nothing older than
 * the range is read.
 */
export async function dashboardFlow(actor: TActor, query: TDashboardQuery): Promise<TDashboardFlow> {
  const s = await resolveScope(actor, query);
  const periods = periodsOf(s.from, s.to, s.granularity);
  const filter = ticketFilter(s);
  const rangeStart = sql`${seoulStart(s.from)}::timestamptz`;
  // Per Seoul day from the range's start to now: created (all, and not cancelled) and resolved.
  const { rows } = await db.execute<TDayRow & { live: number }>(sql`
    SELECT day::text, sum(created)::int AS created, sum(live)::int AS live, sum(resolved)::int AS resolved FROM (
      SELECT (t.created_at AT TIME ZONE ${SEOUL})::date AS day, count(*) AS created,
             count(*) FILTER (WHERE t.status <> 'cancelled') AS live, 0 AS resolved
        FROM tickets t WHERE t.created_at >= ${rangeStart} AND ${filter} GROUP BY 1
      UNION ALL
      SELECT (t.resolved_at AT TIME ZONE ${SEOUL})::date, 0, 0, count(*)
        FROM tickets t WHERE t.resolved_at >= ${rangeStart} AND t.status <> 'cancelled' AND ${filter} GROUP BY 1
    ) d GROUP BY day`);
  const [open] = (
    await db.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM tickets t
       WHERE t.resolved_at IS NULL AND t.status <> 'cancelled' AND ${filter}`)
  ).rows;
  const sumDays = (from: string, to: string | null, key: 'created' | 'live' | 'resolved') =>
    rows.reduce((n, r) => (r.day >= from && (to === null || r.day <= to) ? n + r[key] : n), 0);
  const now = Date.now();
  const points = periods.map((p) => {
    const endInstant = seoulStart(addDays(p.end, 1));
    const isPast = Date.parse(endInstant) < now;
    const after = addDays(p.end, 1);
    return {
      ...p,
      created: sumDays(p.start, p.end, 'created'),
      resolved: sumDays(p.start, p.end, 'resolved'),
      backlog: isPast ? open!.n + sumDays(after, null, 'resolved') - sumDays(after, null, 'live') : open!.n,
      tickets: {
        created: ticketsLink(s, instantRange('created', p)),
        resolved: ticketsLink(s, instantRange('resolved', p)),
        backlog: ticketsLink(s, { openAt: isPast ? endInstant : new Date(now).toISOString() }),
      },
    };
  });
  return {
    scope: presentScope(s),
    points,
    total: {
      created: points.reduce((n, p) => n + p.created, 0),
      resolved: points.reduce((n, p) => n + p.resolved, 0),
    },
  };
}
