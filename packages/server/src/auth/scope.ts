import { eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { TActor } from './actor.js';
import { isStaff } from './policy.js';

/**
 * The condition that keeps a query inside the actor's organization scope: none for staff, who
 * see every customer; `column = own organization` for a customer user.
 */
export function organizationScope(actor: TActor, column: PgColumn): SQL | undefined {
  return isStaff(actor) ? undefined : eq(column, actor.organizationId!);
}
