import type { TCreateOverride, TOverride } from '@hamkke/core';
import { and, asc, eq, gt } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canManage, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import { oncallOverrides, oncallRotations } from '../db/schema.js';
import { NotFound } from '../http/errors.js';
import { checkWorkers } from '../teams/check-team-references.js';
import { namesOf, ROTATION, type TOverrideRow } from './get-rotation.js';

export const OVERRIDE = { en: 'on-call override', ko: '당직 대체' };
/** Without `from`, overrides that ended in the last 31 days are listed too. */
const RECENT_MS = 31 * 86_400_000;

export function presentOverride(o: TOverrideRow, names: Map<string, string>): TOverride {
  const ref = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  return {
    id: o.id,
    rotationId: o.rotationId,
    person: ref(o.userId)!,
    forPerson: ref(o.forUserId),
    startsAt: o.startsAt.toISOString(),
    endsAt: o.endsAt.toISOString(),
    note: o.note,
    createdBy: ref(o.createdById),
    createdAt: o.createdAt.toISOString(),
  };
}

async function presentAll(tx: TDbOrTx, rows: TOverrideRow[]): Promise<TOverride[]> {
  const names = await namesOf(
    tx,
    rows.flatMap((o) => [o.userId, o.forUserId, o.createdById]),
  );
  return rows.map((o) => presentOverride(o, names));
}

async function rotationExists(tx: TDbOrTx, id: string, lock = false): Promise<void> {
  const query = tx.select({ id: oncallRotations.id }).from(oncallRotations).where(eq(oncallRotations.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new NotFound(ROTATION);
}

/** The overrides of a rotation ending after `from` (default: a month ago), in order of start. */
export async function listOverrides(actor: TActor, rotationId: string, from?: string): Promise<TOverride[]> {
  assert(isStaff(actor));
  await rotationExists(db, rotationId);
  const since = from ? new Date(from) : new Date(Date.now() - RECENT_MS);
  const rows = await db
    .select()
    .from(oncallOverrides)
    .where(and(eq(oncallOverrides.rotationId, rotationId), gt(oncallOverrides.endsAt, since)))
    .orderBy(asc(oncallOverrides.startsAt), asc(oncallOverrides.createdAt));
  return presentAll(db, rows);
}

/**
 * A manager lets someone cover a period (sick, holiday swap). The person need not be a member of the
 * rotation; where overrides overlap, the newest wins.
 */
export async function createOverride(
  actor: TActor,
  rotationId: string,
  input: TCreateOverride,
): Promise<TOverride> {
  assert(canManage(actor));
  return db.transaction(async (tx) => {
    // The lock orders concurrent overrides of one rotation, so "the newest wins" is well defined.
    await rotationExists(tx, rotationId, true);
    await checkWorkers(tx, 'userId', [input.userId]);
    if (input.forUserId) await checkWorkers(tx, 'forUserId', [input.forUserId]);
    const [row] = await tx
      .insert(oncallOverrides)
      .values({
        rotationId,
        userId: input.userId,
        forUserId: input.forUserId,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        note: input.note,
        createdById: actor.userId,
      })
      .returning();
    const [override] = await presentAll(tx, [row!]);
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'oncall_override',
      entityId: row!.id,
      after: override,
    });
    return override!;
  });
}

export async function deleteOverride(actor: TActor, id: string): Promise<void> {
  assert(canManage(actor));
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(oncallOverrides).where(eq(oncallOverrides.id, id)).returning();
    if (!row) throw new NotFound(OVERRIDE);
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'oncall_override',
      entityId: id,
      before: (await presentAll(tx, [row]))[0],
    });
  });
}
