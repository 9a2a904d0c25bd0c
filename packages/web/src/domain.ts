// The domain's lists as the app needs them at run time, from the zod-free part of the core (so the
// bundle carries no schemas).
export {
  LEVELS,
  OPEN_STATUSES,
  PRIORITIES,
  SAP_MODULES,
  STATUS_FLOW,
  TICKET_STATUSES,
  TICKET_TYPES,
} from '@hamkke/core/domain';

import type { TRole } from '@hamkke/core';

export const TICKET_SORTS = [
  '-updatedAt',
  'updatedAt',
  '-createdAt',
  'createdAt',
  'priority',
  '-priority',
  'number',
  '-number',
  'resolutionDueAt',
  '-resolutionDueAt',
] as const;
export type TTicketSort = (typeof TICKET_SORTS)[number];

/** Who does the work: agents, managers and admins. Viewers read only (auth/policy.ts of the server). */
export const canWork = (role: TRole): boolean => role === 'agent' || role === 'manager' || role === 'admin';
export const isStaff = (role: TRole): boolean => role !== 'customer';
