import type { TAssignmentExplanation } from '@hamkke/core';
import { type SQL, sql } from 'drizzle-orm';
import type { TTx } from '../db/database.js';
import { DEPLOYED_PERCENT, IS_AWAY, IS_OPEN, IS_WORKER, TICKET_WEIGHT } from './availability-sql.js';
import { explainPrimary, explainRoundRobin } from './explain-assignment.js';

type TPrimaryRow = {
  id: string;
  name: string;
  module: string | null;
  isWorker: boolean;
  isAway: boolean;
  deployedPercent: number;
};
type TWhy = 'away' | 'inactive' | 'deployed';
type TTeamRow = { id: string; name: string };
type TMemberRow = {
  teamId: string;
  id: string;
  name: string;
  moduleLevel: number;
  customerLevel: number;
  weightedLoad: number;
  lastAssignedAt: string | null;
  isWorker: boolean;
  isAway: boolean;
  deployedPercent: number;
};

/** Takes new work today: active staff, not away, not deployed full-time. */
const isAvailable = (p: { isWorker: boolean; isAway: boolean; deployedPercent: number }) =>
  p.isWorker && !p.isAway && p.deployedPercent < 100;
const whyNot = (p: { isWorker: boolean; isAway: boolean }): TWhy =>
  !p.isWorker ? 'inactive' : p.isAway ? 'away' : 'deployed';

export type TAssignment = {
  assigneeId: string;
  assigneeName: string;
  teamName: string | null;
  explanation: TAssignmentExplanation;
};

/**
 * How much of the weighted load a person carries before the next ticket passes them by: an expert in
 * the ticket's module (level 3) carries twice a beginner's, knowing the customer adds a quarter a level.
 */
export function capacityOf(moduleLevel: number, customerLevel: number, deployedPercent = 0): number {
  const skill = 1 + 0.5 * Math.max(moduleLevel - 1, 0) + 0.25 * customerLevel;
  // A person half on a project has half their time for tickets.
  return (skill * (100 - Math.min(deployedPercent, 99))) / 100;
}

/** Round-robin among the available members: lowest load per capacity, then who got a ticket least recently. */
export function pickMember(members: TMemberRow[], module: string | null) {
  const available = members.filter(isAvailable);
  const skilled = module ? available.filter((m) => m.moduleLevel > 0) : [];
  const pool = skilled.length > 0 ? skilled : available;
  const ranked = pool
    .map((m) => ({
      ...m,
      score:
        Math.round((m.weightedLoad / capacityOf(m.moduleLevel, m.customerLevel, m.deployedPercent)) * 100) /
        100,
    }))
    .sort(
      (a, b) =>
        a.score - b.score ||
        (a.lastAssignedAt ?? '').localeCompare(b.lastAssignedAt ?? '') ||
        a.name.localeCompare(b.name, 'ko') ||
        a.id.localeCompare(b.id),
    );
  return { ranked, isSkillFiltered: skilled.length > 0 };
}

export type TAssignmentCandidates = { primaries: TPrimaryRow[]; teams: TTeamRow[] };

/**
 * The primary agents and the covering teams of a new ticket, as one JSON value: a column the create
 * path adds to a query it runs anyway, so that finding nothing to decide costs no round trip.
 */
export function assignmentCandidatesSql(ticket: {
  organizationId: string;
  module: string | null;
}): SQL<TAssignmentCandidates> {
  const org = ticket.organizationId;
  const module = ticket.module;
  return sql<TAssignmentCandidates>`json_build_object(
    'primaries',
      (SELECT coalesce(json_agg(json_build_object('id', u.id, 'name', u.name, 'module', pa.module,
                 'isWorker', ${IS_WORKER}, 'isAway', ${IS_AWAY}, 'deployedPercent', ${DEPLOYED_PERCENT}) ORDER BY pa.module NULLS LAST), '[]'::json)
         FROM primary_agents pa JOIN users u ON u.id = pa.user_id
         LEFT JOIN agent_availability av ON av.user_id = u.id
        WHERE pa.organization_id = ${org} AND (pa.module IS NULL OR pa.module = ${module}::text)),
    'teams',
      (SELECT coalesce(json_agg(json_build_object('id', t.id, 'name', t.name)
                 ORDER BY cardinality(t.organization_ids) > 0 DESC, cardinality(t.modules) > 0 DESC, t.name), '[]'::json)
         FROM teams t
        WHERE t.is_auto_assign AND (cardinality(t.organization_ids) > 0 OR cardinality(t.modules) > 0)
          AND (cardinality(t.organization_ids) = 0 OR ${org}::uuid = ANY(t.organization_ids))
          AND (cardinality(t.modules) = 0 OR ${module}::text = ANY(t.modules))))`;
}

/**
 * Who a new unassigned ticket goes to, by the rules of docs/team.md, or null when no rule applies
 * (no primary agent, no team covering the customer or module). `found` is what
 * assignmentCandidatesSql read, when the caller had it read; a query for the members' load and
 * skills follows only when a team must choose.
 */
export async function chooseAssignee(
  tx: TTx,
  ticket: { organizationId: string; module: string | null },
  found?: TAssignmentCandidates,
): Promise<TAssignment | null> {
  const org = ticket.organizationId;
  const module = ticket.module;
  const { primaries, teams } =
    found ??
    (
      await tx.execute<{ found: TAssignmentCandidates }>(
        sql`SELECT ${assignmentCandidatesSql(ticket)} AS found`,
      )
    ).rows[0]!.found;
  const primary = primaries.find(isAvailable);
  const skipped = primaries
    .filter((p) => p !== primary && !isAvailable(p))
    .map((p) => ({ id: p.id, name: p.name, why: whyNot(p) }));
  if (primary) {
    return {
      assigneeId: primary.id,
      assigneeName: primary.name,
      teamName: null,
      explanation: explainPrimary(primary, skipped),
    };
  }
  if (teams.length === 0) return null;

  const members = await tx.execute<TMemberRow>(sql`
    SELECT m.team_id AS "teamId", u.id, u.name,
           coalesce(ms.level, 0) AS "moduleLevel", coalesce(cs.level, 0) AS "customerLevel",
           (SELECT coalesce(sum(${TICKET_WEIGHT}), 0)::int FROM tickets t WHERE t.assignee_id = u.id AND ${IS_OPEN}) AS "weightedLoad",
           (SELECT to_char(max(t.created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS')
              FROM tickets t WHERE t.assignee_id = u.id) AS "lastAssignedAt",
           ${IS_WORKER} AS "isWorker", ${IS_AWAY} AS "isAway", ${DEPLOYED_PERCENT} AS "deployedPercent"
      FROM team_members m JOIN users u ON u.id = m.user_id
      LEFT JOIN agent_availability av ON av.user_id = u.id
      LEFT JOIN agent_module_skills ms ON ms.user_id = u.id AND ms.module = ${module}::text
      LEFT JOIN agent_customer_skills cs ON cs.user_id = u.id AND cs.organization_id = ${org}
     WHERE m.team_id IN (${sql.join(
       teams.map((t) => sql`${t.id}::uuid`),
       sql`, `,
     )})`);
  for (const team of teams) {
    const teamMembers = members.rows.filter((m) => m.teamId === team.id);
    const { ranked, isSkillFiltered } = pickMember(teamMembers, module);
    const chosen = ranked[0];
    if (!chosen) continue;
    const away = teamMembers
      .filter((m) => !isAvailable(m))
      .map((m) => ({ id: m.id, name: m.name, why: whyNot(m) }));
    return {
      assigneeId: chosen.id,
      assigneeName: chosen.name,
      teamName: team.name,
      explanation: explainRoundRobin({
        team,
        chosen,
        ranked,
        module,
        isSkillFiltered,
        skipped: [...skipped, ...away],
      }),
    };
  }
  return null;
}
