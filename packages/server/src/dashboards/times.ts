import type { TDashboardQuery, TDashboardTimes } from '@hamkke/core';
import { type SQL, sql } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import { addDays, mondayOf } from '../teams/iso-week.js';
import {
  instantRange,
  periodsOf,
  presentScope,
  resolveScope,
  SEOUL,
  seoulStart,
  type TPeriod,
  type TScope,
  ticketFilter,
  ticketsLink,
} from './scope.js';

type TRow = { first: string | null; count: number; q: string | null };

/**
 * Count, median and 90th percentile (nearest rank) of `minutes`, per period (keyed by the first day of
 * its unclipped week or month) and over the whole range (key null). One sort per group: both
 * percentiles in one call.
 */
async function durations(tx: TDbOrTx, s: TScope, at: SQL, minutes: SQL, where: SQL) {
  const unit = sql.raw(s.granularity === 'week' ? "'week'" : "'month'");
  const { rows } = await tx.execute<TRow>(sql`
    SELECT l.first::text AS first, count(*)::int AS count,
           percentile_disc(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY ${minutes})::text AS q
      FROM tickets t CROSS JOIN LATERAL (SELECT date_trunc(${unit}, ${at} AT TIME ZONE ${SEOUL})::date AS first) l
     WHERE ${at} >= ${seoulStart(s.from)}::timestamptz AND ${at} < ${seoulStart(addDays(s.to, 1))}::timestamptz
       AND ${where} AND ${ticketFilter(s)}
     GROUP BY GROUPING SETS ((l.first), ())`);
  const round = (x: number | undefined) => (x === undefined ? null : Math.round(Number(x) * 10) / 10);
  const byFirst = new Map(rows.map((r) => [r.first, r]));
  return (first: string | null) => {
    const r = byFirst.get(first);
    // `{median,p90}` as PostgreSQL writes an array.
    const [median, p90] = r?.q ? r.q.slice(1, -1).split(',').map(Number) : [];
    return { count: r?.count ?? 0, medianMinutes: round(median), p90Minutes: round(p90) };
  };
}

/**
 * Response and resolution times in wall-clock minutes: creation → first public staff reply of the
 * tickets created in each period, and creation → (last) resolution of those resolved in it.
 */
export async function dashboardTimes(actor: TActor, query: TDashboardQuery): Promise<TDashboardTimes> {
  const s = await resolveScope(actor, query);
  const periods = periodsOf(s.from, s.to, s.granularity);
  // Both sorts in memory: a quarter's tickets take more than the default work_mem.
  const [response, resolution] = await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
    const created = sql`t.created_at`;
    const resolved = sql`t.resolved_at`;
    return [
      await durations(
        tx,
        s,
        created,
        sql`extract(epoch FROM t.first_response_at - ${created}) / 60`,
        sql`t.first_response_at IS NOT NULL`,
      ),
      await durations(
        tx,
        s,
        resolved,
        sql`extract(epoch FROM ${resolved} - ${created}) / 60`,
        sql`t.status <> 'cancelled'`,
      ),
    ];
  });
  const firstDay = (p: TPeriod) =>
    s.granularity === 'week' ? mondayOf(p.start) : `${p.start.slice(0, 7)}-01`;
  const row = (key: string | null, p: { start: string; end: string }) => ({
    response: response(key),
    resolution: resolution(key),
    tickets: {
      response: ticketsLink(s, instantRange('created', p)),
      resolution: ticketsLink(s, instantRange('resolved', p)),
    },
  });
  return {
    scope: presentScope(s),
    points: periods.map((p) => ({ ...p, ...row(firstDay(p), p) })),
    total: row(null, { start: s.from, end: s.to }),
  };
}
