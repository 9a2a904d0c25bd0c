import { asc } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { organizationScope } from '../auth/scope.js';
import { db } from '../db/current.js';
import { organizations } from '../db/schema.js';
import type { TOrganizationRow } from './present.js';

/** Staff see every customer company; a customer user sees their own. */
export function listOrganizations(actor: TActor): Promise<TOrganizationRow[]> {
  return db
    .select()
    .from(organizations)
    .where(organizationScope(actor, organizations.id))
    .orderBy(asc(organizations.name));
}
