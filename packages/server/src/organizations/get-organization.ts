import { eq } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { inOrganizationScope } from '../auth/policy.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import { organizations } from '../db/schema.js';
import { NotFound } from '../http/errors.js';
import type { TOrganizationRow } from './present.js';

export const ORGANIZATION = { en: 'organization', ko: '고객사' };

/** The organization if it is in the actor's scope; otherwise it does not exist for them. */
export async function getOrganization(
  actor: TActor,
  id: string,
  tx: TDbOrTx = db,
): Promise<TOrganizationRow> {
  if (!inOrganizationScope(actor, id)) throw new NotFound(ORGANIZATION);
  const [org] = await tx.select().from(organizations).where(eq(organizations.id, id));
  if (!org) throw new NotFound(ORGANIZATION);
  return org;
}
