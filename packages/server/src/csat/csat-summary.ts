import type { TCsatSummary, TCsatSummaryQuery, TCsatSummaryRow } from '@hamkke/core';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { assert, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import { csatSurveys, organizations, users } from '../db/schema.js';

/** A literal, not a parameter: the month key must be the same expression in SELECT and GROUP BY. */
const SEOUL = sql.raw("'Asia/Seoul'");

type TCounts = {
  key: string | null;
  label: string | null;
  sent: number;
  responses: number;
  sum: number;
  r: number[];
};

function row(c: TCounts, fallbackLabel: string): TCsatSummaryRow {
  return {
    key: c.key,
    label: c.label ?? fallbackLabel,
    sent: c.sent,
    responses: c.responses,
    responseRate: c.sent === 0 ? 0 : Math.round((c.responses / c.sent) * 10_000) / 10_000,
    average: c.responses === 0 ? null : Math.round((c.sum / c.responses) * 100) / 100,
    distribution: c.r,
  };
}

/**
 * Satisfaction results for staff, grouped by customer, agent (of the resolution), module or month
 * (Seoul) of the survey, over surveys sent from `from` to `to` (Seoul days, inclusive): surveys sent
 * (superseded ones left out: their resolution was withdrawn), responses, response rate, mean rating
 * and the count of each rating.
 */
export async function csatSummary(actor: TActor, query: TCsatSummaryQuery): Promise<TCsatSummary> {
  assert(isStaff(actor), {
    en: 'Satisfaction results are for staff',
    ko: '만족도 결과는 직원만 볼 수 있습니다',
  });
  const s = csatSurveys;
  const keys: Record<TCsatSummaryQuery['groupBy'], { key: SQL<string | null>; label: SQL<string | null> }> = {
    organization: { key: sql`${s.organizationId}::text`, label: sql`max(${organizations.name})` },
    agent: { key: sql`${s.agentId}::text`, label: sql`max(${users.name})` },
    module: { key: sql`${s.module}`, label: sql`max(${s.module})` },
    month: {
      key: sql`to_char(${s.sentAt} AT TIME ZONE ${SEOUL}, 'YYYY-MM')`,
      label: sql`max(to_char(${s.sentAt} AT TIME ZONE ${SEOUL}, 'YYYY-MM'))`,
    },
  };
  const { key, label } = keys[query.groupBy];
  const conditions = [
    isNull(s.supersededAt),
    query.from ? sql`${s.sentAt} >= (${query.from}::date)::timestamp AT TIME ZONE ${SEOUL}` : undefined,
    query.to ? sql`${s.sentAt} < (${query.to}::date + 1)::timestamp AT TIME ZONE ${SEOUL}` : undefined,
    query.organizationId ? eq(s.organizationId, query.organizationId) : undefined,
  ];
  const ratings = [1, 2, 3, 4, 5].map((n) => sql<number>`count(*) FILTER (WHERE ${s.rating} = ${n})::int`);
  const rows = await db
    .select({
      key,
      label,
      sent: sql<number>`count(*)::int`,
      responses: sql<number>`count(${s.answeredAt})::int`,
      sum: sql<number>`coalesce(sum(${s.rating}), 0)::int`,
      r1: ratings[0]!,
      r2: ratings[1]!,
      r3: ratings[2]!,
      r4: ratings[3]!,
      r5: ratings[4]!,
    })
    .from(s)
    .leftJoin(organizations, eq(organizations.id, s.organizationId))
    .leftJoin(users, eq(users.id, s.agentId))
    .where(and(...conditions))
    .groupBy(key)
    .orderBy(key);
  const counts: TCounts[] = rows.map((r) => ({
    key: r.key,
    label: r.label,
    sent: r.sent,
    responses: r.responses,
    sum: r.sum,
    r: [r.r1, r.r2, r.r3, r.r4, r.r5],
  }));
  const none = actor.locale === 'en' ? '(none)' : '(없음)';
  const total = counts.reduce<TCounts>(
    (t, c) => ({
      key: null,
      label: actor.locale === 'en' ? 'Total' : '전체',
      sent: t.sent + c.sent,
      responses: t.responses + c.responses,
      sum: t.sum + c.sum,
      r: t.r.map((n, i) => n + c.r[i]!),
    }),
    { key: null, label: null, sent: 0, responses: 0, sum: 0, r: [0, 0, 0, 0, 0] },
  );
  return {
    groupBy: query.groupBy,
    from: query.from ?? null,
    to: query.to ?? null,
    rows: counts.map((c) => row(c, none)),
    total: row(total, actor.locale === 'en' ? 'Total' : '전체'),
  };
}
