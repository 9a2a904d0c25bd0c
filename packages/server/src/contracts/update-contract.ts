import type { TUpdateContract } from '@hamkke/core';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canManage } from '../auth/policy.js';
import { db } from '../db/current.js';
import { contracts } from '../db/schema.js';
import { Invalid } from '../http/errors.js';
import { syncContractSchedules, touchesSchedules } from '../inspections/schedules-from-contract.js';
import { checkContractReferences } from './check-contract-references.js';
import { getContract } from './get-contract.js';
import { presentContract, type TContractRow } from './present.js';

export async function updateContract(
  actor: TActor,
  id: string,
  input: TUpdateContract,
): Promise<TContractRow> {
  return db.transaction(async (tx) => {
    const before = await getContract(actor, id, tx);
    assert(canManage(actor));
    if ((input.startsOn ?? before.startsOn) > (input.endsOn ?? before.endsOn)) {
      throw new Invalid('endsOn', {
        en: 'endsOn must not be before startsOn',
        ko: 'endsOn은 startsOn보다 앞설 수 없습니다',
      });
    }
    await checkContractReferences(tx, input);
    const [contract] = await tx
      .update(contracts)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(contracts.id, id))
      .returning();
    // A cadence (or the inspection service) keeps the schedules it stands for in step.
    if (touchesSchedules(before, contract!)) await syncContractSchedules(tx, actor, contract!);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'contract',
      entityId: id,
      before: presentContract(before, actor),
      after: presentContract(contract!, actor),
    });
    return contract!;
  });
}
