import type { TTeam } from '@hamkke/core';
import { asc, eq, inArray } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { assert, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import { teamMembers, teams, users } from '../db/schema.js';
import { NotFound } from '../http/errors.js';

export const TEAM = { en: 'team', ko: '팀' };

/** Teams with their lead and members, shaped for the API (the team's own presenter). */
export async function loadTeams(tx: TDbOrTx, ids?: string[]): Promise<TTeam[]> {
  const rows = await tx
    .select()
    .from(teams)
    .where(ids ? inArray(teams.id, ids) : undefined)
    .orderBy(asc(teams.name));
  if (rows.length === 0) return [];
  const members = await tx
    .select({ teamId: teamMembers.teamId, id: users.id, name: users.name })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(
      inArray(
        teamMembers.teamId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(users.name));
  const leadIds = rows.map((r) => r.leadId).filter((id): id is string => Boolean(id));
  const leads = leadIds.length
    ? new Map(
        (
          await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, leadIds))
        ).map((u) => [u.id, u.name]),
      )
    : new Map<string, string>();
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    lead: t.leadId ? { id: t.leadId, name: leads.get(t.leadId) ?? '' } : null,
    members: members.filter((m) => m.teamId === t.id).map((m) => ({ id: m.id, name: m.name })),
    organizationIds: t.organizationIds,
    modules: t.modules,
    isAutoAssign: t.isAutoAssign,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  }));
}

/** Every team: staff read them; customer users do not see the team's organization. */
export async function listTeams(actor: TActor): Promise<TTeam[]> {
  assert(isStaff(actor));
  return loadTeams(db);
}

export async function getTeam(actor: TActor, id: string, tx: TDbOrTx = db): Promise<TTeam> {
  assert(isStaff(actor));
  const [team] = await loadTeams(tx, [id]);
  if (!team) throw new NotFound(TEAM);
  return team;
}
