import type { TCreateSystem } from '@hamkke/core';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canWork } from '../auth/policy.js';
import { db } from '../db/current.js';
import { systems } from '../db/schema.js';
import { getOrganization } from '../organizations/get-organization.js';
import { presentSystem, type TSystemRow } from './present.js';
import { uniqueSystem } from './unique-system.js';

/** Agents, managers and admins keep the CMDB: a customer's SAP systems. */
export async function createSystem(
  actor: TActor,
  organizationId: string,
  input: TCreateSystem,
): Promise<TSystemRow> {
  return db.transaction(async (tx) => {
    await getOrganization(actor, organizationId, tx);
    assert(canWork(actor));
    const [system] = await uniqueSystem(() =>
      tx
        .insert(systems)
        .values({ ...input, organizationId })
        .returning(),
    );
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'system',
      entityId: system!.id,
      after: presentSystem(system!),
    });
    return system!;
  });
}
