import { type SQL, sql } from 'drizzle-orm';
import type { TDbOrTx } from '../db/database.js';
import type { TImprovementMetricDef as TImprovementMetric } from '../db/schema.js';
import { addDays } from '../teams/iso-week.js';

export type TMetricValue = { from: string; to: string; value: number | null; sample: number };

/** The first instant of a Seoul calendar day. */
const seoulStart = (date: string) => `${date}T00:00:00+09:00`;

function ticketFilter(metric: TImprovementMetric): SQL {
  const parts: SQL[] = [];
  if (metric.organizationId) parts.push(sql`AND t.organization_id = ${metric.organizationId}`);
  if (metric.module) parts.push(sql`AND t.module = ${metric.module}`);
  return sql.join(parts, sql` `);
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The metric over a window of Seoul days, `from`–`to` inclusive (definitions in the core contract,
 * IMPROVEMENT_METRICS). Times are wall-clock: the metric compares the same customer and module before
 * and after, where business calendars would only rescale both sides.
 */
export async function computeMetric(
  tx: TDbOrTx,
  metric: TImprovementMetric,
  window: { from: string; to: string },
): Promise<TMetricValue> {
  const start = seoulStart(window.from);
  const end = seoulStart(addDays(window.to, 1));
  const filter = ticketFilter(metric);
  const inWindow = (column: SQL) =>
    sql`${column} >= ${start}::timestamptz AND ${column} < ${end}::timestamptz`;
  let value: number | null = null;
  let sample = 0;
  if (metric.kind === 'mean_resolution_hours') {
    const { rows } = await tx.execute<{ hours: number | null; sample: number }>(sql`
      SELECT avg(extract(epoch FROM t.resolved_at - t.created_at) / 3600)::float8 AS hours, count(*)::int AS sample
        FROM tickets t WHERE ${inWindow(sql`t.resolved_at`)} ${filter}`);
    sample = rows[0]!.sample;
    value = rows[0]!.hours === null ? null : round(Number(rows[0]!.hours));
  } else if (metric.kind === 'reopen_rate') {
    const { rows } = await tx.execute<{ sample: number; reopened: number }>(sql`
      WITH resolved AS (
        SELECT e.ticket_id, min(e.id) AS first_id
          FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
         WHERE e.kind = 'changed' AND e.data -> 'changes' @> '[{"field":"status","to":"resolved"}]'::jsonb
           AND ${inWindow(sql`e.created_at`)} ${filter}
         GROUP BY e.ticket_id)
      SELECT count(*)::int AS sample,
             count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM ticket_events r
                WHERE r.ticket_id = resolved.ticket_id AND r.id > resolved.first_id AND r.kind = 'changed'
                  AND r.data -> 'changes' @> '[{"field":"status","from":"resolved"}]'::jsonb
                  AND NOT r.data -> 'changes' @> '[{"field":"status","to":"closed"}]'::jsonb))::int AS reopened
        FROM resolved`);
    sample = rows[0]!.sample;
    value = sample === 0 ? null : round(rows[0]!.reopened / sample);
  } else if (metric.kind === 'hours_per_inquiry') {
    const { rows } = await tx.execute<{ sample: number; minutes: number }>(sql`
      SELECT count(*)::int AS sample,
             coalesce(sum((SELECT coalesce(sum(te.minutes), 0) FROM time_entries te WHERE te.ticket_id = t.id)), 0)::int AS minutes
        FROM tickets t WHERE t.type = 'inquiry' AND ${inWindow(sql`t.resolved_at`)} ${filter}`);
    sample = rows[0]!.sample;
    value = sample === 0 ? null : round(rows[0]!.minutes / 60 / sample);
  } else {
    const { rows } = await tx.execute<{ sample: number }>(sql`
      SELECT count(*)::int AS sample FROM tickets t WHERE ${inWindow(sql`t.created_at`)} ${filter}`);
    sample = rows[0]!.sample;
    const days = (Date.parse(window.to) - Date.parse(window.from)) / 86_400_000 + 1;
    value = round((sample * 7) / days);
  }
  return { from: window.from, to: window.to, value, sample };
}
