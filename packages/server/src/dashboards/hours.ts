import { hoursOf, type TDashboardHours, type TDashboardQuery } from '@hamkke/core';
import { type SQL, sql } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { db } from '../db/current.js';
import { periodsOf, presentScope, rateOf, resolveScope, ticketsLink } from './scope.js';

type TTimeRow = { organization_id: string; month: string; minutes: number; billable: number };
type TEntitledRow = { organization_id: string; month: string; hours: number };

/**
 * Hours per customer and month against the contract: minutes logged (time entries dated in the
 * month and the range) on the customer's tickets — by the team's members with `teamId`, on tickets
 * of the module with `module` — and the `monthlyHours` of its contracts running in that month
 * (summed when several do). Every customer with time or a contract in the range.
 */
export async function dashboardHours(actor: TActor, query: TDashboardQuery): Promise<TDashboardHours> {
  const s = await resolveScope(actor, query);
  const months = periodsOf(s.from, s.to, 'month');
  // Without a module, the per-day rollup (dashboard_time_days); the module is the ticket's, so join.
  const byMembers = (column: SQL) =>
    s.memberIds
      ? s.memberIds.length
        ? sql`${column} IN (${sql.join(
            s.memberIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`
        : sql`false`
      : sql`true`;
  const time = s.module
    ? await db.execute<TTimeRow>(sql`
        SELECT t.organization_id, to_char(te.work_date, 'YYYY-MM') AS month,
               sum(te.minutes)::int AS minutes, coalesce(sum(te.minutes) FILTER (WHERE te.billable), 0)::int AS billable
          FROM time_entries te JOIN tickets t ON t.id = te.ticket_id
         WHERE te.work_date BETWEEN ${s.from}::date AND ${s.to}::date AND t.module = ${s.module}
           AND ${s.organizationId ? sql`t.organization_id = ${s.organizationId}::uuid` : sql`true`}
           AND ${byMembers(sql`te.user_id`)}
         GROUP BY 1, 2`)
    : await db.execute<TTimeRow>(sql`
        SELECT d.organization_id, to_char(d.work_date, 'YYYY-MM') AS month,
               sum(d.minutes)::int AS minutes, coalesce(sum(d.minutes) FILTER (WHERE d.billable), 0)::int AS billable
          FROM dashboard_time_days d
         WHERE d.work_date BETWEEN ${s.from}::date AND ${s.to}::date
           AND ${s.organizationId ? sql`d.organization_id = ${s.organizationId}::uuid` : sql`true`}
           AND ${byMembers(sql`d.user_id`)}
         GROUP BY 1, 2`);
  const monthRows = months.map((m) => sql`(${m.period}::text, ${m.start}::date, ${m.end}::date)`);
  const entitled = await db.execute<TEntitledRow>(sql`
    SELECT c.organization_id, m.month, sum(c.monthly_hours)::float8 AS hours
      FROM contracts c JOIN (VALUES ${sql.join(monthRows, sql`, `)}) AS m(month, first, last)
        ON c.starts_on <= m.last AND c.ends_on >= m.first
     WHERE ${s.organizationId ? sql`c.organization_id = ${s.organizationId}::uuid` : sql`true`}
     GROUP BY 1, 2`);
  const key = (org: string, month: string) => `${org} ${month}`;
  const minutes = new Map(time.rows.map((r) => [key(r.organization_id, r.month), r]));
  const hours = new Map(entitled.rows.map((r) => [key(r.organization_id, r.month), Number(r.hours)]));
  const orgIds = [...new Set([...time.rows, ...entitled.rows].map((r) => r.organization_id))];
  const orgs =
    orgIds.length === 0
      ? []
      : (
          await db.execute<{ id: string; name: string; code: string }>(sql`
            SELECT id, name, code FROM organizations
             WHERE id IN (${sql.join(
               orgIds.map((id) => sql`${id}::uuid`),
               sql`, `,
             )}) ORDER BY name, id`)
        ).rows;
  const points = orgs.flatMap((o) =>
    months.map((m) => {
      const t = minutes.get(key(o.id, m.period));
      const entitledHours = hours.get(key(o.id, m.period)) ?? 0;
      const used = hoursOf(t?.minutes ?? 0);
      return {
        ...m,
        organization: o,
        minutes: t?.minutes ?? 0,
        billableMinutes: t?.billable ?? 0,
        hours: used,
        entitledHours,
        usedShare: entitledHours === 0 ? null : rateOf((t?.minutes ?? 0) / 60, entitledHours),
        // The team here is its members' time, not the tickets' team: the link leaves it out.
        tickets: ticketsLink(
          { ...s, team: null },
          { organizationId: o.id, workedFrom: m.start, workedTo: m.end },
        ),
      };
    }),
  );
  return { scope: presentScope(s), points };
}
