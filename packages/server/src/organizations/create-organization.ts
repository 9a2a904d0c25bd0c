import type { TCreateOrganization } from '@hamkke/core';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canManage } from '../auth/policy.js';
import { db } from '../db/current.js';
import { organizations } from '../db/schema.js';
import { Conflict } from '../http/errors.js';
import { presentOrganization, type TOrganizationRow } from './present.js';

const CODE_TAKEN = {
  en: 'Another organization already uses this code',
  ko: '이미 다른 고객사가 사용하는 코드입니다',
};

/** Managers and admins register customer companies. The code becomes the prefix of ticket numbers. */
export async function createOrganization(
  actor: TActor,
  input: TCreateOrganization,
): Promise<TOrganizationRow> {
  assert(canManage(actor));
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.code, input.code));
    if (taken) throw new Conflict(CODE_TAKEN, [{ path: 'code', message: CODE_TAKEN.en, in: 'body' }]);
    const [org] = await tx.insert(organizations).values(input).returning();
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'organization',
      entityId: org!.id,
      after: presentOrganization(org!, actor),
    });
    return org!;
  });
}
