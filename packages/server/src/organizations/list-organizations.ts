import { asc, eq } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import { organizations } from '../db/schema.js';
import type { TOrganizationRow } from './present.js';

/** Staff see every customer company; a customer user sees their own. */
export function listOrganizations(actor: TActor): Promise<TOrganizationRow[]> {
  return db
    .select()
    .from(organizations)
    .where(isStaff(actor) ? undefined : eq(organizations.id, actor.organizationId!))
    .orderBy(asc(organizations.name));
}
