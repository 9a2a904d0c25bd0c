import { OPEN_STATUSES, type TQueues } from '@hamkke/core';
import { inArray, sql } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { assert, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import { organizations } from '../db/schema.js';

const MAX_ORGANIZATIONS = 1000;

type TCountRow = {
  by: 'all' | 'team' | 'organization';
  team: string | null;
  organization_id: string | null;
  count: number;
  mine: number;
  unassigned: number;
  at_risk: number;
  waiting_customer: number;
};

/**
 * The counts of the workspace's queues, for staff. One pass over the open tickets only, through the
 * partial index `tickets_open_queue_idx` (an index-only scan: closed work, the bulk of a large
 * database, is never read), grouped three ways at once.
 */
export async function countQueues(actor: TActor): Promise<TQueues> {
  assert(isStaff(actor));
  const open = sql.join(
    OPEN_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const result = await db.execute<TCountRow>(sql`
    select case when grouping(team) = 0 then 'team' when grouping(organization_id) = 0 then 'organization' else 'all' end as by,
           team, organization_id,
           count(*)::int as count,
           count(*) filter (where assignee_id = ${actor.userId})::int as mine,
           count(*) filter (where assignee_id is null)::int as unassigned,
           count(*) filter (where sla_state in ('at_risk', 'breached'))::int as at_risk,
           count(*) filter (where status = 'waiting_customer')::int as waiting_customer
      from tickets
     where status in (${open})
     group by grouping sets ((), (team), (organization_id))`);
  const rows = result.rows;
  const all = rows.find((r) => r.by === 'all');
  const byCount = (a: { count: number }, b: { count: number }) => b.count - a.count;
  const orgCounts = rows
    .filter((r) => r.by === 'organization')
    .sort(byCount)
    .slice(0, MAX_ORGANIZATIONS);
  const names =
    orgCounts.length === 0
      ? []
      : await db
          .select({ id: organizations.id, name: organizations.name, code: organizations.code })
          .from(organizations)
          .where(
            inArray(
              organizations.id,
              orgCounts.map((r) => r.organization_id!),
            ),
          );
  const nameOf = new Map(names.map((n) => [n.id, n]));
  return {
    open: all?.count ?? 0,
    mine: all?.mine ?? 0,
    unassigned: all?.unassigned ?? 0,
    atRisk: all?.at_risk ?? 0,
    waitingCustomer: all?.waiting_customer ?? 0,
    teams: rows
      .filter((r) => r.by === 'team')
      .sort(byCount)
      .map((r) => ({ team: r.team, count: r.count })),
    organizations: orgCounts.flatMap((r) => {
      const org = nameOf.get(r.organization_id!);
      return org ? [{ ...org, count: r.count }] : [];
    }),
  };
}
