import type { TPriority } from '@hamkke/core';
import { eq } from 'drizzle-orm';
import type { TDbOrTx } from '../db/database.js';
import { contracts, slaPolicies } from '../db/schema.js';

export type TSlaPolicyRow = typeof slaPolicies.$inferSelect;

export type TSlaSettings = {
  policy: TSlaPolicyRow;
  calendarKey: string;
  responseTargetMin: number;
  resolutionTargetMin: number;
};

/** The policy a contract points at, or the default policy when it names none. */
export async function policyOf(tx: TDbOrTx, slaPolicyId: string | null): Promise<TSlaPolicyRow | null> {
  const [policy] = await tx
    .select()
    .from(slaPolicies)
    .where(slaPolicyId ? eq(slaPolicies.id, slaPolicyId) : eq(slaPolicies.isDefault, true))
    .limit(1);
  return policy ?? null;
}

/**
 * What a ticket's SLA runs on: its contract's policy and calendar, the targets of its priority.
 * A ticket without a contract (internal work) has no SLA. P1 runs around the clock where the
 * contract says so.
 */
export async function resolveSla(
  tx: TDbOrTx,
  contractId: string | null,
  priority: TPriority,
): Promise<TSlaSettings | null> {
  if (!contractId) return null;
  const [contract] = await tx.select().from(contracts).where(eq(contracts.id, contractId));
  if (!contract) return null;
  const policy = await policyOf(tx, contract.slaPolicyId);
  const target = policy?.targets[priority];
  if (!policy || !target) return null;
  return {
    policy,
    calendarKey: priority === 'P1' && contract.p1AroundTheClock ? '24x7' : contract.calendarKey,
    responseTargetMin: target.firstResponse,
    resolutionTargetMin: target.resolution,
  };
}
