import { Forbidden } from '../http/errors.js';
import type { TActor } from './actor.js';

/** Staff: everyone of the AMS company (admin, manager, agent, viewer), as opposed to customer users. */
export const isStaff = (actor: TActor): boolean => actor.role !== 'customer';
/** Who does the work: agents, managers and admins. Viewers read only. */
export const canWork = (actor: TActor): boolean =>
  actor.role === 'agent' || actor.role === 'manager' || actor.role === 'admin';
export const canManage = (actor: TActor): boolean => actor.role === 'manager' || actor.role === 'admin';
export const isAdmin = (actor: TActor): boolean => actor.role === 'admin';

export function assert(allowed: boolean, message?: { en: string; ko: string }): void {
  if (!allowed) throw new Forbidden(message);
}

/** Only the organization a customer user belongs to is in their scope; staff see every organization. */
export function inOrganizationScope(actor: TActor, organizationId: string): boolean {
  return isStaff(actor) || actor.organizationId === organizationId;
}
