import type { TCreateContract } from '@hamkke/core';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canManage } from '../auth/policy.js';
import { db } from '../db/current.js';
import { contracts } from '../db/schema.js';
import { syncContractSchedules } from '../inspections/schedules-from-contract.js';
import { getOrganization } from '../organizations/get-organization.js';
import { checkContractReferences } from './check-contract-references.js';
import { presentContract, type TContractRow } from './present.js';

/** Contracts are commercial commitments: managers and admins record them. */
export async function createContract(
  actor: TActor,
  organizationId: string,
  input: TCreateContract,
): Promise<TContractRow> {
  return db.transaction(async (tx) => {
    await getOrganization(actor, organizationId, tx);
    assert(canManage(actor));
    await checkContractReferences(tx, input);
    const [contract] = await tx
      .insert(contracts)
      .values({ ...input, organizationId })
      .returning();
    await syncContractSchedules(tx, actor, contract!);
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'contract',
      entityId: contract!.id,
      after: presentContract(contract!, actor),
    });
    return contract!;
  });
}
