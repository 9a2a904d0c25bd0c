import { z } from 'zod';
import { ZUuid } from './common.js';
import { ZVisibility } from './timeline.js';

/**
 * One message of `GET /api/v1/events` (server-sent events, event name `ticket`): something happened
 * on a ticket. It names the ticket only; the client reads what changed through the scoped API, so
 * the stream itself never carries a field a caller may not see.
 */
export const ZLiveTicketEvent = z.object({
  ticketId: ZUuid,
  organizationId: ZUuid,
  /** The kind of the timeline event: created, changed, comment, attachment, time_entry, sla. */
  kind: z.string(),
  visibility: ZVisibility,
});
export type TLiveTicketEvent = z.infer<typeof ZLiveTicketEvent>;

/** The PostgreSQL NOTIFY channel that carries ticket events between server processes. */
export const LIVE_TICKET_CHANNEL = 'hamkke_ticket';
