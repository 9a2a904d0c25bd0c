import type { ZListUsersQuery } from '@hamkke/core';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { TActor } from '../auth/actor.js';
import { assert, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import { users } from '../db/schema.js';
import type { TUserRow } from './present.js';

/** Staff list the users (for assignee pickers and the admin pages); customer users may not. */
export async function listUsers(actor: TActor, query: z.infer<typeof ZListUsersQuery>): Promise<TUserRow[]> {
  assert(isStaff(actor));
  const conditions: SQL[] = [];
  if (query.role) conditions.push(eq(users.role, query.role));
  if (query.organizationId) conditions.push(eq(users.organizationId, query.organizationId));
  if (query.isActive !== undefined) conditions.push(eq(users.isActive, query.isActive));
  return db
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.name))
    .limit(1000);
}
