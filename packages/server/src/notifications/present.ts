import type { TNotification } from '@hamkke/core';
import type { notifications } from '../db/schema.js';
import { iso } from '../http/types.js';

export type TNotificationRow = typeof notifications.$inferSelect;

export function presentNotification(n: TNotificationRow): TNotification {
  return {
    id: n.id,
    kind: n.kind,
    ticketId: n.ticketId,
    contractId: n.contractId,
    data: n.data,
    createdAt: n.createdAt.toISOString(),
    readAt: iso(n.readAt),
  };
}
