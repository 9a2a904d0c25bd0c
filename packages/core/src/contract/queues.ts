import { z } from 'zod';
import { ZProblem, ZUuid } from './common.js';
import { ZTicketStatus } from './tickets.js';

/** The workspace's queues with the number of open tickets (OPEN_STATUSES) in each (`GET /api/v1/queues`). */
export const ZQueues = z.object({
  /** Open tickets in the caller's scope. */
  open: z.number().int(),
  /** Open tickets assigned to the caller. */
  mine: z.number().int(),
  unassigned: z.number().int(),
  /** Open tickets whose SLA is at risk or already breached. */
  atRisk: z.number().int(),
  waitingCustomer: z.number().int(),
  /** Open tickets per team; `team: null` are those of no team. Largest first. */
  teams: z.array(z.object({ team: z.string().nullable(), count: z.number().int() })),
  /** Open tickets per customer organization, largest first (at most 1,000). */
  organizations: z.array(
    z.object({ id: ZUuid, name: z.string(), code: z.string(), count: z.number().int() }),
  ),
});
export type TQueues = z.infer<typeof ZQueues>;

/**
 * Bulk assign or status change (`POST /api/v1/tickets/bulk`): the same change applied to each ticket
 * on its own, all or nothing per ticket, exactly as a PATCH of that ticket would.
 */
export const ZBulkUpdateTickets = z
  .object({
    ids: z.array(ZUuid).min(1).max(100),
    change: z
      .object({ status: ZTicketStatus, assigneeId: ZUuid.nullable() })
      .partial()
      .strict()
      .refine((c) => Object.keys(c).length > 0, { message: 'Nothing to change', path: [] }),
  })
  .strict()
  .refine((b) => new Set(b.ids).size === b.ids.length, { message: 'Each ticket once', path: ['ids'] });
export type TBulkUpdateTickets = z.infer<typeof ZBulkUpdateTickets>;

export const ZBulkUpdateResult = z.object({
  items: z.array(
    z.object({
      id: ZUuid,
      isOk: z.boolean(),
      /** The ticket's number when it could be read. */
      number: z.string().nullable(),
      /** Why this ticket was left as it was (the problem PATCH would have answered). */
      problem: ZProblem.nullable(),
    }),
  ),
});
export type TBulkUpdateResult = z.infer<typeof ZBulkUpdateResult>;
