import { priorityOf, type TLevel } from '@hamkke/core';
import type { TActor } from '../auth/actor.js';
import type { TTx } from '../db/database.js';
import type { tickets } from '../db/schema.js';
import { notify } from '../notifications/notify.js';
import { contractSlaOf } from '../sla/resolve-sla.js';
import { slaForNewTicket } from '../sla/ticket-sla.js';
import { insertTicket, nextNumberAndContract } from '../tickets/create-ticket.js';

export type TTicketRow = typeof tickets.$inferSelect;

export type TNewStaffTicket = {
  organizationId: string;
  contractId: string | null;
  systemId: string | null;
  module: string | null;
  type: 'inspection' | 'incident' | 'request';
  title: string;
  description: string;
  impact: TLevel;
  urgency: TLevel;
  assigneeId: string | null;
  team: string | null;
  plannedStart: Date | null;
  plannedEnd: Date | null;
};

/**
 * Opens a staff ticket inside the caller's transaction (createTicket runs its own): the inspection
 * ticket must exist exactly when its occurrence key does, and a follow-up exactly when its link does.
 * Numbering, contract SLA (none for inspections), search documents, timeline and audit are
 * createTicket's own (nextNumberAndContract, insertTicket).
 */
export async function insertStaffTicket(tx: TTx, actor: TActor, input: TNewStaffTicket): Promise<TTicketRow> {
  // Staff name the assignee (or none) for planned work: no assignment rule is consulted.
  const { number, contract } = await nextNumberAndContract(tx, input.organizationId, input.contractId, null);
  const priority = priorityOf(input.impact, input.urgency);
  const { contractId, settings } = contractSlaOf(contract, priority);
  const createdAt = new Date();
  // An inspection is planned work, held to its planned window rather than to response and resolution
  // clocks: created days ahead (lead time), it would otherwise breach before it is due.
  const sla =
    input.type === 'inspection' ? {} : await slaForNewTicket(tx, settings, { status: 'new', createdAt });
  const ticket = await insertTicket(tx, actor, {
    ...input,
    number,
    contractId,
    priority,
    channel: 'internal',
    createdAt,
    updatedAt: createdAt,
    ...sla,
  });
  if (input.type === 'inspection' && ticket.assigneeId) {
    // In-app only (no mail template for the kind): the assignee's inspection is on the list.
    await notify(tx, [ticket.assigneeId], {
      kind: 'inspection_due',
      ticketId: ticket.id,
      data: {
        number: ticket.number,
        title: ticket.title,
        plannedStart: input.plannedStart?.toISOString() ?? null,
      },
      actorId: null,
    });
  }
  return ticket;
}
