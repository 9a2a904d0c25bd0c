import { and, eq, ne, sql } from 'drizzle-orm';
import type { TDbOrTx } from '../db/database.js';
import { slaPolicies } from '../db/schema.js';

/** Serializes changes of the default policy, so two at once still leave exactly one default. */
const DEFAULT_POLICY_LOCK = 72_690_011;

/** Takes the default lock; call before reading or moving the default in the transaction. */
export async function lockDefaultPolicy(tx: TDbOrTx): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${DEFAULT_POLICY_LOCK})`);
}

/** Takes the default away from every policy but `policyId`, in the caller's transaction (under the lock). */
export async function clearOtherDefaults(tx: TDbOrTx, policyId: string): Promise<void> {
  await tx
    .update(slaPolicies)
    .set({ isDefault: false, updatedAt: new Date() })
    .where(and(eq(slaPolicies.isDefault, true), ne(slaPolicies.id, policyId)));
}
