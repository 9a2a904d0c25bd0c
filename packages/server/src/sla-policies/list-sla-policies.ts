import { asc, desc } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { assert, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import { slaPolicies } from '../db/schema.js';
import type { TSlaPolicyRow } from './present.js';

/** Every SLA policy, the default first. */
export async function listSlaPolicies(actor: TActor): Promise<TSlaPolicyRow[]> {
  assert(isStaff(actor));
  return db.select().from(slaPolicies).orderBy(desc(slaPolicies.isDefault), asc(slaPolicies.name));
}
