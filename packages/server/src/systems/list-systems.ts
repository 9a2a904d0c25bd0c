import { asc, eq } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { db } from '../db/current.js';
import { systems } from '../db/schema.js';
import { getOrganization } from '../organizations/get-organization.js';
import type { TSystemRow } from './present.js';

export async function listSystems(actor: TActor, organizationId: string): Promise<TSystemRow[]> {
  await getOrganization(actor, organizationId);
  return db
    .select()
    .from(systems)
    .where(eq(systems.organizationId, organizationId))
    .orderBy(asc(systems.sid), asc(systems.tier));
}
