import { eq } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { assert, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import { slaPolicies } from '../db/schema.js';
import { NotFound } from '../http/errors.js';
import type { TSlaPolicyRow } from './present.js';

export const SLA_POLICY = { en: 'SLA policy', ko: 'SLA 정책' };

/** SLA policies are the team's commitments: staff read them, customer users see them through tickets. */
export async function getSlaPolicy(
  actor: TActor,
  id: string,
  tx: TDbOrTx = db,
  forUpdate = false,
): Promise<TSlaPolicyRow> {
  assert(isStaff(actor));
  const query = tx.select().from(slaPolicies).where(eq(slaPolicies.id, id));
  const [policy] = forUpdate ? await query.for('update') : await query;
  if (!policy) throw new NotFound(SLA_POLICY);
  return policy;
}
