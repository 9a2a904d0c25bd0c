import type { TDashboardQuery, TDashboardSatisfaction } from '@hamkke/core';
import { type SQL, sql } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { db } from '../db/current.js';
import { addDays } from '../teams/iso-week.js';
import {
  periodsOf,
  presentScope,
  resolveScope,
  SEOUL,
  seoulStart,
  type TScope,
  ticketsLink,
} from './scope.js';

type TCounts = { sent: number; responses: number; sum: number; r: number[] };
type TRow = {
  g: number;
  day: string | null;
  organization_id: string | null;
  agent_id: string | null;
  module: string | null;
  label: string | null;
  sent: number;
  responses: number;
  sum: number;
  r1: number;
  r2: number;
  r3: number;
  r4: number;
  r5: number;
};

const ZERO: TCounts = { sent: 0, responses: 0, sum: 0, r: [0, 0, 0, 0, 0] };
const add = (a: TCounts, b: TCounts): TCounts => ({
  sent: a.sent + b.sent,
  responses: a.responses + b.responses,
  sum: a.sum + b.sum,
  r: a.r.map((n, i) => n + b.r[i]!),
});
const countsOf = (r: TRow): TCounts => ({
  sent: r.sent,
  responses: r.responses,
  sum: r.sum,
  r: [r.r1, r.r2, r.r3, r.r4, r.r5],
});

function row(c: TCounts, key: string | null, label: string, tickets: string) {
  return {
    key,
    label,
    sent: c.sent,
    responses: c.responses,
    responseRate: c.sent === 0 ? 0 : Math.round((c.responses / c.sent) * 10_000) / 10_000,
    average: c.responses === 0 ? null : Math.round((c.sum / c.responses) * 100) / 100,
    distribution: c.r,
    tickets,
  };
}

function surveyFilter(s: TScope): SQL {
  const parts: SQL[] = [
    sql`c.superseded_at IS NULL`,
    sql`c.sent_at >= ${seoulStart(s.from)}::timestamptz`,
    sql`c.sent_at < ${seoulStart(addDays(s.to, 1))}::timestamptz`,
  ];
  if (s.organizationId) parts.push(sql`c.organization_id = ${s.organizationId}::uuid`);
  if (s.module) parts.push(sql`c.module = ${s.module}`);
  if (s.team)
    parts.push(sql`EXISTS (SELECT 1 FROM tickets t WHERE t.id = c.ticket_id AND t.team = ${s.team})`);
  return sql.join(parts, sql` AND `);
}

/**
 * Satisfaction (CSAT, issue 7) over the surveys sent in the range (at resolution; superseded ones
 * left out), per period, customer, agent of the resolution and module, with the total: surveys
 * sent, responses, response rate, mean rating and the count of each rating.
 */
export async function dashboardSatisfaction(
  actor: TActor,
  query: TDashboardQuery,
): Promise<TDashboardSatisfaction> {
  const s = await resolveScope(actor, query);
  const periods = periodsOf(s.from, s.to, s.granularity);
  const ratings = [1, 2, 3, 4, 5].map((n) =>
    sql.raw(`count(*) FILTER (WHERE c.rating = ${n})::int AS r${n}`),
  );
  const { rows } = await db.execute<TRow>(sql`
    SELECT GROUPING(day, c.organization_id, c.agent_id, c.module)::int AS g,
           day::text, c.organization_id, c.agent_id, c.module,
           CASE WHEN GROUPING(c.organization_id) = 0 THEN max(o.name) WHEN GROUPING(c.agent_id) = 0 THEN max(u.name) END AS label,
           count(*)::int AS sent, count(c.answered_at)::int AS responses, coalesce(sum(c.rating), 0)::int AS sum,
           ${sql.join(ratings, sql`, `)}
      FROM csat_surveys c
      CROSS JOIN LATERAL (SELECT (c.sent_at AT TIME ZONE ${SEOUL})::date AS day) d
      LEFT JOIN organizations o ON o.id = c.organization_id
      LEFT JOIN users u ON u.id = c.agent_id
     WHERE ${surveyFilter(s)}
     GROUP BY GROUPING SETS ((day), (c.organization_id), (c.agent_id), (c.module))`);
  const none = actor.locale === 'en' ? '(none)' : '(없음)';
  const range = { csatFrom: s.from, csatTo: s.to };
  // GROUPING bits: day 8, organization 4, agent 2, module 1 — 0 marks the column grouped by.
  const grouped = (bits: number) => rows.filter((r) => r.g === 15 - bits);
  const days = grouped(8);
  const total = days.reduce<TCounts>((t, r) => add(t, countsOf(r)), ZERO);
  return {
    scope: presentScope(s),
    points: periods.map((p) => {
      const c = days
        .filter((r) => r.day! >= p.start && r.day! <= p.end)
        .reduce<TCounts>((t, r) => add(t, countsOf(r)), ZERO);
      return { ...p, ...row(c, p.period, p.period, ticketsLink(s, { csatFrom: p.start, csatTo: p.end })) };
    }),
    byOrganization: grouped(4).map((r) =>
      row(
        countsOf(r),
        r.organization_id,
        r.label ?? none,
        ticketsLink(s, { ...range, organizationId: r.organization_id! }),
      ),
    ),
    byAgent: grouped(2).map((r) =>
      row(
        countsOf(r),
        r.agent_id,
        r.label ?? none,
        ticketsLink(s, { ...range, csatAgentId: r.agent_id ?? undefined }),
      ),
    ),
    byModule: grouped(1).map((r) =>
      row(
        countsOf(r),
        r.module,
        r.module ?? none,
        ticketsLink(s, { ...range, module: r.module ?? undefined }),
      ),
    ),
    total: row(total, null, actor.locale === 'en' ? 'Total' : '전체', ticketsLink(s, range)),
  };
}
