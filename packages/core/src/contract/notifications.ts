import { z } from 'zod';
import { ZPageQuery, ZUuid } from './common.js';

/**
 * Something a user should hear of: `contract_hours` (a contract's month reached 80 % or 100 % of its
 * hours; data `{month, thresholdPercent, usedHours, entitledHours}`), SLA warnings and escalations.
 */
export const ZNotification = z.object({
  id: ZUuid,
  kind: z.string(),
  ticketId: ZUuid.nullable(),
  contractId: ZUuid.nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

/** `?unread=true` keeps the unread ones; newest first, a page at a time. */
export const ZListNotificationsQuery = ZPageQuery.extend({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export type TListNotificationsQuery = z.infer<typeof ZListNotificationsQuery>;
