import type { TOrganization } from '@hamkke/core';
import type { TActor } from '../auth/actor.js';
import { isStaff } from '../auth/policy.js';
import type { organizations } from '../db/schema.js';

export type TOrganizationRow = typeof organizations.$inferSelect;

/** Special notes are the team's internal notes: a customer user never receives them. */
export function presentOrganization(org: TOrganizationRow, actor: TActor): TOrganization {
  return {
    id: org.id,
    name: org.name,
    code: org.code,
    ...(isStaff(actor) ? { specialNotes: org.specialNotes } : {}),
    isActive: org.isActive,
    createdAt: org.createdAt.toISOString(),
    updatedAt: org.updatedAt.toISOString(),
  };
}
