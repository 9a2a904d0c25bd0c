import type { TCreateRotation, TRotation, TUpdateRotation } from '@hamkke/core';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canManage } from '../auth/policy.js';
import { db } from '../db/current.js';
import type { TTx } from '../db/database.js';
import { oncallRotations, teams } from '../db/schema.js';
import { Conflict, Invalid, NotFound, uniqueOr } from '../http/errors.js';
import { checkWorkers } from '../teams/check-team-references.js';
import { getRotation, ROTATION } from './get-rotation.js';

const teamTaken = () =>
  new Conflict(
    {
      en: 'This team (or the default) already has an on-call rotation',
      ko: '이 팀(또는 기본 당직)에는 이미 당직 순번이 있습니다',
    },
    [{ path: 'teamId', message: 'This team already has an on-call rotation', in: 'body' }],
  );

async function checkAll(tx: TTx, input: TUpdateRotation) {
  if (input.memberIds) await checkWorkers(tx, 'memberIds', input.memberIds);
  if (input.teamId) {
    const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, input.teamId));
    if (!team)
      throw new Invalid('teamId', { en: 'teamId names no team', ko: 'teamId에 해당하는 팀이 없습니다' });
  }
}

/** A manager sets up a team's rotation (or the default one, `teamId` null). */
export async function createRotation(actor: TActor, input: TCreateRotation): Promise<TRotation> {
  assert(canManage(actor));
  return db.transaction(async (tx) => {
    await checkAll(tx, input);
    const [row] = await uniqueOr(() => tx.insert(oncallRotations).values(input).returning(), teamTaken);
    const rotation = await getRotation(actor, row!.id, tx);
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'oncall_rotation',
      entityId: rotation.id,
      after: rotation,
    });
    return rotation;
  });
}

/** Changes a rotation; `memberIds` replaces the order. Shifts already past are recomputed too: the rotation is a rule, not a log. */
export async function updateRotation(actor: TActor, id: string, input: TUpdateRotation): Promise<TRotation> {
  assert(canManage(actor));
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ id: oncallRotations.id })
      .from(oncallRotations)
      .where(eq(oncallRotations.id, id))
      .for('update');
    if (!locked) throw new NotFound(ROTATION);
    const before = await getRotation(actor, id, tx);
    await checkAll(tx, input);
    await uniqueOr(
      () =>
        tx
          .update(oncallRotations)
          .set({ ...input, updatedAt: new Date() })
          .where(eq(oncallRotations.id, id)),
      teamTaken,
    );
    const after = await getRotation(actor, id, tx);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'oncall_rotation',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** Removes a rotation and its overrides. */
export async function deleteRotation(actor: TActor, id: string): Promise<void> {
  assert(canManage(actor));
  await db.transaction(async (tx) => {
    const before = await getRotation(actor, id, tx);
    await tx.delete(oncallRotations).where(eq(oncallRotations.id, id));
    await recordAudit(tx, actor, { action: 'delete', entityType: 'oncall_rotation', entityId: id, before });
  });
}
