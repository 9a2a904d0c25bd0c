import type { TCreateSlaPolicy } from '@hamkke/core';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canManage } from '../auth/policy.js';
import { db } from '../db/current.js';
import { slaPolicies } from '../db/schema.js';
import { uniqueOr } from '../http/errors.js';
import { clearOtherDefaults, lockDefaultPolicy } from './make-default-policy.js';
import { presentSlaPolicy, type TSlaPolicyRow } from './present.js';
import { assertPolicyNameFree, policyNameTaken } from './unique-policy-name.js';

/** Managers and admins write SLA policies; one created as the default takes over from the old one. */
export async function createSlaPolicy(actor: TActor, input: TCreateSlaPolicy): Promise<TSlaPolicyRow> {
  assert(canManage(actor));
  return db.transaction(async (tx) => {
    if (input.isDefault) await lockDefaultPolicy(tx);
    await assertPolicyNameFree(tx, input.name);
    const [policy] = await uniqueOr(() => tx.insert(slaPolicies).values(input).returning(), policyNameTaken);
    if (policy!.isDefault) await clearOtherDefaults(tx, policy!.id);
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'sla_policy',
      entityId: policy!.id,
      after: presentSlaPolicy(policy!),
    });
    return policy!;
  });
}
