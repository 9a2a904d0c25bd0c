import type { TContract } from '@hamkke/core';
import type { TActor } from '../auth/actor.js';
import { isStaff } from '../auth/policy.js';
import type { contracts } from '../db/schema.js';

export type TContractRow = typeof contracts.$inferSelect;

/** The contract's notes are internal: a customer user gets them empty. */
export function presentContract(c: TContractRow, actor: TActor): TContract {
  return {
    id: c.id,
    organizationId: c.organizationId,
    name: c.name,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    services: c.services as TContract['services'],
    monthlyHours: Number(c.monthlyHours),
    slaPolicyId: c.slaPolicyId,
    calendarKey: c.calendarKey,
    p1AroundTheClock: c.p1AroundTheClock,
    inspectionCadence: c.inspectionCadence,
    notes: isStaff(actor) ? c.notes : '',
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
