import type { TLiveTicketEvent } from '@hamkke/core';
import type { TActor } from '../auth/actor.js';
import { isStaff } from '../auth/policy.js';

/**
 * Whether a live ticket event reaches this caller: staff see every organization; a customer user
 * only public events of tickets of their own organization (never an internal note or field change).
 */
export function mayReceive(actor: TActor, event: TLiveTicketEvent): boolean {
  if (isStaff(actor)) return true;
  return event.organizationId === actor.organizationId && event.visibility === 'public';
}
