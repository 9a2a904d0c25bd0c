import { priorityOf, type TLevel } from '@hamkke/core';
import { eq, sql } from 'drizzle-orm';
import { auditInsert } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import type { TTx } from '../db/database.js';
import { contracts, organizations, slaPolicies, tickets } from '../db/schema.js';
import { writeTogether } from '../db/write-together.js';
import { NotFound } from '../http/errors.js';
import { notify } from '../notifications/notify.js';
import { ORGANIZATION } from '../organizations/get-organization.js';
import { newTicketSearchInsert } from '../search/refresh-ticket-search.js';
import { CONTRACT_SLA_FIELDS, contractSlaJoin, contractSlaOf } from '../sla/resolve-sla.js';
import { slaForNewTicket } from '../sla/ticket-sla.js';
import { eventInsert } from '../tickets/append-event.js';

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
 * Numbering, contract SLA (none for inspections), search documents, timeline and audit are those of
 * createTicket.
 */
export async function insertStaffTicket(tx: TTx, actor: TActor, input: TNewStaffTicket): Promise<TTicketRow> {
  const org = tx.$with('org').as(
    tx
      .update(organizations)
      .set({ ticketSeq: sql`${organizations.ticketSeq} + 1` })
      .where(eq(organizations.id, input.organizationId))
      .returning({ id: organizations.id, code: organizations.code, seq: organizations.ticketSeq }),
  );
  const join = contractSlaJoin(tx, sql`${org.id}`, input.contractId);
  const [row] = await tx
    .with(org)
    .select({ code: org.code, seq: org.seq, ...CONTRACT_SLA_FIELDS })
    .from(org)
    .leftJoin(contracts, join.contract)
    .leftJoin(slaPolicies, join.policy)
    .orderBy(join.order)
    .limit(1);
  if (!row) throw new NotFound(ORGANIZATION);
  const priority = priorityOf(input.impact, input.urgency);
  const { contractId, settings } = contractSlaOf(row, priority);
  const createdAt = new Date();
  // An inspection is planned work, held to its planned window rather than to response and resolution
  // clocks: created days ahead (lead time), it would otherwise breach before it is due.
  const sla =
    input.type === 'inspection' ? {} : await slaForNewTicket(tx, settings, { status: 'new', createdAt });
  const [ticket] = await tx
    .insert(tickets)
    .values({
      ...input,
      number: `${row.code}-${String(row.seq).padStart(6, '0')}`,
      contractId,
      priority,
      channel: 'internal',
      createdAt,
      updatedAt: createdAt,
      ...sla,
    })
    .returning();
  await writeTogether(
    tx,
    newTicketSearchInsert(tx, ticket!),
    eventInsert(tx, actor, ticket!.id, { kind: 'created', visibility: 'public' }),
    auditInsert(tx, actor, { action: 'create', entityType: 'ticket', entityId: ticket!.id, after: ticket }),
  );
  if (input.type === 'inspection' && ticket!.assigneeId) {
    // In-app only (no mail template for the kind): the assignee's inspection is on the list.
    await notify(tx, [ticket!.assigneeId], {
      kind: 'inspection_due',
      ticketId: ticket!.id,
      data: {
        number: ticket!.number,
        title: ticket!.title,
        plannedStart: input.plannedStart?.toISOString() ?? null,
      },
      actorId: null,
    });
  }
  return ticket!;
}
