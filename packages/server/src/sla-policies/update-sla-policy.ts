import type { TUpdateSlaPolicy } from '@hamkke/core';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canManage } from '../auth/policy.js';
import { db } from '../db/current.js';
import { slaPolicies } from '../db/schema.js';
import { Invalid, uniqueOr } from '../http/errors.js';
import { getSlaPolicy } from './get-sla-policy.js';
import { clearOtherDefaults, lockDefaultPolicy } from './make-default-policy.js';
import { presentSlaPolicy, type TSlaPolicyRow } from './present.js';
import { assertPolicyNameFree, policyNameTaken } from './unique-policy-name.js';

const DEFAULT_STAYS = {
  en: 'There is always one default policy: make another policy the default instead',
  ko: '기본 정책은 항상 하나 있어야 합니다. 다른 정책을 기본으로 지정하세요',
};

/**
 * Managers and admins change a policy's targets, pause statuses and escalations, or make it the
 * default (the previous default stops being one). Tickets pick the new targets up as they are
 * recomputed.
 */
export async function updateSlaPolicy(
  actor: TActor,
  id: string,
  input: TUpdateSlaPolicy,
): Promise<TSlaPolicyRow> {
  assert(canManage(actor));
  return db.transaction(async (tx) => {
    if (input.isDefault !== undefined) await lockDefaultPolicy(tx);
    const before = await getSlaPolicy(actor, id, tx, true);
    if (input.isDefault === false && before.isDefault) throw new Invalid('isDefault', DEFAULT_STAYS);
    if (input.name !== undefined) await assertPolicyNameFree(tx, input.name, id);
    const [policy] = await uniqueOr(
      () =>
        tx
          .update(slaPolicies)
          .set({ ...input, updatedAt: new Date() })
          .where(eq(slaPolicies.id, id))
          .returning(),
      policyNameTaken,
    );
    if (input.isDefault) await clearOtherDefaults(tx, id);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'sla_policy',
      entityId: id,
      before: presentSlaPolicy(before),
      after: presentSlaPolicy(policy!),
    });
    return policy!;
  });
}
