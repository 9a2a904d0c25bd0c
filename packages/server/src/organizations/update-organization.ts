import type { TUpdateOrganization } from '@hamkke/core';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canManage, canWork } from '../auth/policy.js';
import { db } from '../db/current.js';
import { organizations } from '../db/schema.js';
import { getOrganization } from './get-organization.js';
import { presentOrganization, type TOrganizationRow } from './present.js';

/** Managers and admins change anything; agents keep the special notes current, as they learn the customer. */
export async function updateOrganization(
  actor: TActor,
  id: string,
  input: TUpdateOrganization,
): Promise<TOrganizationRow> {
  return db.transaction(async (tx) => {
    const before = await getOrganization(actor, id, tx);
    const onlyNotes = Object.keys(input).every((k) => k === 'specialNotes');
    assert(canManage(actor) || (canWork(actor) && onlyNotes));
    const [org] = await tx
      .update(organizations)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(organizations.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'organization',
      entityId: id,
      before: presentOrganization(before, actor),
      after: presentOrganization(org!, actor),
    });
    return org!;
  });
}
