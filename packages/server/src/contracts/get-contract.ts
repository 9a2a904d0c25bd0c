import { and, eq } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { organizationScope } from '../auth/scope.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import { contracts } from '../db/schema.js';
import { NotFound } from '../http/errors.js';
import type { TContractRow } from './present.js';

export const CONTRACT = { en: 'contract', ko: '계약' };

export async function getContract(actor: TActor, id: string, tx: TDbOrTx = db): Promise<TContractRow> {
  const scope = organizationScope(actor, contracts.organizationId);
  const [contract] = await tx
    .select()
    .from(contracts)
    .where(and(eq(contracts.id, id), scope));
  if (!contract) throw new NotFound(CONTRACT);
  return contract;
}
