import type { TCreateTeam, TTeam, TUpdateTeam } from '@hamkke/core';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canManage } from '../auth/policy.js';
import { db } from '../db/current.js';
import type { TTx } from '../db/database.js';
import { teamMembers, teams } from '../db/schema.js';
import { Conflict, NotFound, uniqueOr } from '../http/errors.js';
import { checkOrganizations, checkWorkers } from './check-team-references.js';
import { getTeam, TEAM } from './get-team.js';

const nameTaken = () =>
  new Conflict({ en: 'A team of this name exists', ko: '같은 이름의 팀이 이미 있습니다' }, [
    { path: 'name', message: 'A team of this name exists', in: 'body' },
  ]);

async function checkAll(tx: TTx, input: TUpdateTeam) {
  if (input.leadId) await checkWorkers(tx, 'leadId', [input.leadId]);
  if (input.memberIds) await checkWorkers(tx, 'memberIds', input.memberIds);
  if (input.organizationIds) await checkOrganizations(tx, 'organizationIds', input.organizationIds);
}

async function setMembers(tx: TTx, teamId: string, memberIds: string[]) {
  await tx.delete(teamMembers).where(eq(teamMembers.teamId, teamId));
  const unique = [...new Set(memberIds)];
  if (unique.length) await tx.insert(teamMembers).values(unique.map((userId) => ({ teamId, userId })));
}

/** A manager forms a team: members, lead, and the customers and modules it covers. */
export async function createTeam(actor: TActor, input: TCreateTeam): Promise<TTeam> {
  assert(canManage(actor));
  return db.transaction(async (tx) => {
    await checkAll(tx, input);
    const { memberIds, ...fields } = input;
    const [row] = await uniqueOr(
      () =>
        tx
          .insert(teams)
          .values({
            ...fields,
            organizationIds: [...new Set(fields.organizationIds)],
            modules: [...new Set(fields.modules)],
          })
          .returning(),
      nameTaken,
    );
    await setMembers(tx, row!.id, memberIds);
    const team = await getTeam(actor, row!.id, tx);
    await recordAudit(tx, actor, { action: 'create', entityType: 'team', entityId: team.id, after: team });
    return team;
  });
}

/** Changes a team; `memberIds` replaces the members. */
export async function updateTeam(actor: TActor, id: string, input: TUpdateTeam): Promise<TTeam> {
  assert(canManage(actor));
  return db.transaction(async (tx) => {
    const [locked] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, id)).for('update');
    if (!locked) throw new NotFound(TEAM);
    const before = await getTeam(actor, id, tx);
    await checkAll(tx, input);
    const { memberIds, ...fields } = input;
    const set = {
      ...fields,
      ...(fields.organizationIds ? { organizationIds: [...new Set(fields.organizationIds)] } : {}),
      ...(fields.modules ? { modules: [...new Set(fields.modules)] } : {}),
      updatedAt: new Date(),
    };
    await uniqueOr(() => tx.update(teams).set(set).where(eq(teams.id, id)), nameTaken);
    if (memberIds) await setMembers(tx, id, memberIds);
    const after = await getTeam(actor, id, tx);
    await recordAudit(tx, actor, { action: 'update', entityType: 'team', entityId: id, before, after });
    return after;
  });
}

/** Removes a team (its members stay people; tickets keep their team name). */
export async function deleteTeam(actor: TActor, id: string): Promise<void> {
  assert(canManage(actor));
  await db.transaction(async (tx) => {
    const before = await getTeam(actor, id, tx);
    await tx.delete(teamMembers).where(eq(teamMembers.teamId, id));
    await tx.delete(teams).where(eq(teams.id, id));
    await recordAudit(tx, actor, { action: 'delete', entityType: 'team', entityId: id, before });
  });
}
