import type { TUpdateSystem } from '@hamkke/core';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canWork } from '../auth/policy.js';
import { db } from '../db/current.js';
import { systems } from '../db/schema.js';
import { getSystem } from './get-system.js';
import { presentSystem, type TSystemRow } from './present.js';
import { uniqueSystem } from './unique-system.js';

export async function updateSystem(actor: TActor, id: string, input: TUpdateSystem): Promise<TSystemRow> {
  return db.transaction(async (tx) => {
    const before = await getSystem(actor, id, tx);
    assert(canWork(actor));
    const [system] = await uniqueSystem(() =>
      tx
        .update(systems)
        .set({ ...input, updatedAt: new Date() })
        .where(eq(systems.id, id))
        .returning(),
    );
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'system',
      entityId: id,
      before: presentSystem(before),
      after: presentSystem(system!),
    });
    return system!;
  });
}
