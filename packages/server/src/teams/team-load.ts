import type { TTeamLoad } from '@hamkke/core';
import { sql } from 'drizzle-orm';
import { DEPLOYED_PERCENT, IS_OPEN, TICKET_WEIGHT } from '../assignment/availability-sql.js';
import type { TActor } from '../auth/actor.js';
import { assert, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import { getTeam } from './get-team.js';
import { addDays, mondayOf, seoulToday } from './iso-week.js';
import { loadPeople } from './people.js';

type TLoadRow = {
  id: string;
  weightedLoad: number;
  p1: number;
  p2: number;
  p3: number;
  p4: number;
  minutes: number;
  deployedPercent: number;
};

/**
 * Each person's load: open tickets weighted by priority and counted by priority, minutes logged this
 * ISO week (Seoul), availability. Of one team with `teamId`, else of everyone who works tickets.
 * What a manager looks at before rebalancing (a reassign through PATCH or POST /tickets/bulk).
 */
export async function teamLoad(actor: TActor, teamId?: string): Promise<TTeamLoad> {
  assert(isStaff(actor));
  const memberIds = teamId ? (await getTeam(actor, teamId)).members.map((m) => m.id) : undefined;
  const weekStart = mondayOf(seoulToday());
  const people = await loadPeople(db, memberIds);
  if (people.length === 0) return { weekStart, items: [] };
  const ids = sql.join(
    people.map((p) => sql`${p.user.id}::uuid`),
    sql`, `,
  );
  const loads = await db.execute<TLoadRow>(sql`
    SELECT u.id,
           coalesce(o.weighted, 0)::int AS "weightedLoad",
           coalesce(o.p1, 0)::int AS p1, coalesce(o.p2, 0)::int AS p2,
           coalesce(o.p3, 0)::int AS p3, coalesce(o.p4, 0)::int AS p4,
           coalesce(w.minutes, 0)::int AS minutes,
           ${DEPLOYED_PERCENT} AS "deployedPercent"
      FROM users u
      LEFT JOIN LATERAL (
        SELECT sum(${TICKET_WEIGHT}) AS weighted,
               count(*) FILTER (WHERE t.priority = 'P1') AS p1, count(*) FILTER (WHERE t.priority = 'P2') AS p2,
               count(*) FILTER (WHERE t.priority = 'P3') AS p3, count(*) FILTER (WHERE t.priority = 'P4') AS p4
          FROM tickets t WHERE t.assignee_id = u.id AND ${IS_OPEN}) o ON true
      LEFT JOIN LATERAL (
        SELECT sum(te.minutes) AS minutes FROM time_entries te
         WHERE te.user_id = u.id AND te.work_date BETWEEN ${weekStart}::date AND ${addDays(weekStart, 6)}::date) w ON true
     WHERE u.id IN (${ids})`);
  const byId = new Map(loads.rows.map((r) => [r.id, r]));
  return {
    weekStart,
    items: people.map((p) => {
      const r = byId.get(p.user.id);
      const openByPriority = { P1: r?.p1 ?? 0, P2: r?.p2 ?? 0, P3: r?.p3 ?? 0, P4: r?.p4 ?? 0 };
      return {
        user: p.user,
        teams: p.teams,
        weightedLoad: r?.weightedLoad ?? 0,
        openCount: openByPriority.P1 + openByPriority.P2 + openByPriority.P3 + openByPriority.P4,
        openByPriority,
        minutesThisWeek: r?.minutes ?? 0,
        deployedPercent: Math.min(r?.deployedPercent ?? 0, 100),
        availability: p.availability,
      };
    }),
  };
}
