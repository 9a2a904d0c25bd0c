import { localDateIn, type TPriority } from '@hamkke/core';
import { and, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
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
  return (await contractSlaForNewTicket(tx, null, contractId, priority)).settings;
}

/**
 * Which contract a ticket runs on and the policy it points at, as join conditions: the named
 * contract, or else (for a new ticket) the organization's contract in force today (in Seoul), with
 * its own policy or the default one. Pick the row with the latest `startsOn` (contractOrder).
 */
export function contractSlaJoin(
  tx: TDbOrTx,
  organizationId: SQL | string | null,
  contractId: string | null | undefined,
) {
  const today = localDateIn('Asia/Seoul', new Date());
  const defaultPolicy = tx
    .select({ id: slaPolicies.id })
    .from(slaPolicies)
    .where(eq(slaPolicies.isDefault, true))
    .limit(1);
  return {
    contract: contractId
      ? eq(contracts.id, contractId)
      : and(
          eq(contracts.organizationId, organizationId ?? sql`NULL`),
          lte(contracts.startsOn, today),
          gte(contracts.endsOn, today),
        )!,
    policy: eq(slaPolicies.id, sql`coalesce(${contracts.slaPolicyId}, (${defaultPolicy}))`),
    order: sql`${contracts.startsOn} DESC NULLS LAST`,
  };
}

export const CONTRACT_SLA_FIELDS = {
  contractId: contracts.id,
  calendarKey: contracts.calendarKey,
  p1AroundTheClock: contracts.p1AroundTheClock,
  policy: slaPolicies,
};

export type TContractSlaRow = {
  contractId: string | null;
  calendarKey: string | null;
  p1AroundTheClock: boolean | null;
  policy: TSlaPolicyRow | null;
};

/** The SLA settings of a ticket of `priority` from the row that contractSlaJoin found. */
export function contractSlaOf(
  row: TContractSlaRow | undefined,
  priority: TPriority,
): { contractId: string | null; settings: TSlaSettings | null } {
  if (!row?.contractId) return { contractId: null, settings: null };
  const target = row.policy?.targets[priority];
  if (!row.policy || !target) return { contractId: row.contractId, settings: null };
  return {
    contractId: row.contractId,
    settings: {
      policy: row.policy,
      calendarKey: priority === 'P1' && row.p1AroundTheClock ? '24x7' : row.calendarKey!,
      responseTargetMin: target.firstResponse,
      resolutionTargetMin: target.resolution,
    },
  };
}

/**
 * In one round trip: the named contract, or else (for a new ticket) the organization's contract in
 * force today (in Seoul), with the SLA it runs on: its own policy or the default one.
 */
export async function contractSlaForNewTicket(
  tx: TDbOrTx,
  organizationId: string | null,
  contractId: string | null | undefined,
  priority: TPriority,
): Promise<{ contractId: string | null; settings: TSlaSettings | null }> {
  const join = contractSlaJoin(tx, organizationId, contractId);
  const [row] = await tx
    .select(CONTRACT_SLA_FIELDS)
    .from(contracts)
    .leftJoin(slaPolicies, join.policy)
    .where(join.contract)
    .orderBy(join.order)
    .limit(1);
  return contractSlaOf(row, priority);
}
