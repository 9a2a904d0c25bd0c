import type { TPrimaryAgent, TSetPrimaryAgent } from '@hamkke/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canManage, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import { primaryAgents, users } from '../db/schema.js';
import { Conflict, NotFound, uniqueOr } from '../http/errors.js';
import { checkOrganizations, checkWorkers } from './check-team-references.js';

const PRIMARY_AGENT = { en: 'primary agent', ko: '주 담당자' };

async function load(tx: TDbOrTx, where: { organizationId?: string; id?: string }): Promise<TPrimaryAgent[]> {
  const rows = await tx
    .select({ row: primaryAgents, name: users.name })
    .from(primaryAgents)
    .innerJoin(users, eq(users.id, primaryAgents.userId))
    .where(
      and(
        where.organizationId ? eq(primaryAgents.organizationId, where.organizationId) : undefined,
        where.id ? eq(primaryAgents.id, where.id) : undefined,
      ),
    )
    .orderBy(asc(primaryAgents.organizationId), sql`${primaryAgents.module} NULLS FIRST`);
  return rows.map(({ row, name }) => ({
    id: row.id,
    organizationId: row.organizationId,
    module: row.module,
    agent: { id: row.userId, name },
    createdAt: row.createdAt.toISOString(),
  }));
}

/** Customers' primary agents (담당자), all or of one organization: staff read them. */
export async function listPrimaryAgents(actor: TActor, organizationId?: string): Promise<TPrimaryAgent[]> {
  assert(isStaff(actor));
  return load(db, { organizationId });
}

/** A manager names the primary agent of a customer, or of one module at it; it replaces the previous one. */
export async function setPrimaryAgent(actor: TActor, input: TSetPrimaryAgent): Promise<TPrimaryAgent> {
  assert(canManage(actor));
  return db.transaction(async (tx) => {
    await checkOrganizations(tx, 'organizationId', [input.organizationId]);
    await checkWorkers(tx, 'userId', [input.userId]);
    const sameSlot = and(
      eq(primaryAgents.organizationId, input.organizationId),
      sql`coalesce(${primaryAgents.module}, '') = ${input.module ?? ''}`,
    );
    const [before] = await tx.select().from(primaryAgents).where(sameSlot).for('update');
    if (before) await tx.delete(primaryAgents).where(eq(primaryAgents.id, before.id));
    // Two managers naming one slot at once: the unique index lets one win, the other is told.
    const [row] = await uniqueOr(
      () => tx.insert(primaryAgents).values(input).returning(),
      () =>
        new Conflict({
          en: 'Someone set this primary agent at the same time; reload',
          ko: '다른 사람이 같은 주 담당자를 동시에 지정했습니다. 새로 고친 뒤 다시 시도하세요',
        }),
    );
    const [after] = await load(tx, { id: row!.id });
    await recordAudit(tx, actor, {
      action: before ? 'update' : 'create',
      entityType: 'primary_agent',
      entityId: row!.id,
      before: before ?? null,
      after,
    });
    return after!;
  });
}

export async function removePrimaryAgent(actor: TActor, id: string): Promise<void> {
  assert(canManage(actor));
  await db.transaction(async (tx) => {
    const [before] = await tx.delete(primaryAgents).where(eq(primaryAgents.id, id)).returning();
    if (!before) throw new NotFound(PRIMARY_AGENT);
    await recordAudit(tx, actor, { action: 'delete', entityType: 'primary_agent', entityId: id, before });
  });
}
