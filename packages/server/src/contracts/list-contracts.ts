import { desc, eq } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { db } from '../db/current.js';
import { contracts } from '../db/schema.js';
import { getOrganization } from '../organizations/get-organization.js';
import type { TContractRow } from './present.js';

export async function listContracts(actor: TActor, organizationId: string): Promise<TContractRow[]> {
  await getOrganization(actor, organizationId);
  return db
    .select()
    .from(contracts)
    .where(eq(contracts.organizationId, organizationId))
    .orderBy(desc(contracts.startsOn));
}
