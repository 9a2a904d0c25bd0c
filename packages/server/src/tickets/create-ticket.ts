import { priorityOf, type TCreateTicket } from '@hamkke/core';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canWork, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import type { TTx } from '../db/database.js';
import { organizations, tickets } from '../db/schema.js';
import { Forbidden, Invalid, NotFound } from '../http/errors.js';
import { ORGANIZATION } from '../organizations/get-organization.js';
import { indexNewTicket } from '../search/refresh-ticket-search.js';
import { contractSlaForNewTicket } from '../sla/resolve-sla.js';
import { slaForNewTicket } from '../sla/ticket-sla.js';
import { appendEvent } from './append-event.js';
import { checkReferences } from './check-references.js';
import type { TTicketView } from './ticket-view.js';

/** Fields that staff set on a ticket; a customer's new ticket leaves them to the team. */
const STAFF_ONLY_FIELDS = [
  'priority',
  'assigneeId',
  'team',
  'tags',
  'plannedStart',
  'plannedEnd',
  'channel',
  'requesterId',
] as const;

/** Hands out the next number of the organization, e.g. `HNX-000124`; the row lock orders concurrent creates. */
async function nextNumber(
  tx: TTx,
  organizationId: string,
): Promise<{ number: string; organization: TTicketView['organization'] }> {
  const [org] = await tx
    .update(organizations)
    .set({ ticketSeq: sql`${organizations.ticketSeq} + 1` })
    .where(eq(organizations.id, organizationId))
    .returning({
      id: organizations.id,
      name: organizations.name,
      code: organizations.code,
      seq: organizations.ticketSeq,
    });
  if (!org) throw new NotFound(ORGANIZATION);
  return {
    number: `${org.code}-${String(org.seq).padStart(6, '0')}`,
    organization: { id: org.id, name: org.name, code: org.code },
  };
}

/**
 * Opens a ticket. A customer user opens one for their own organization as its requester; staff
 * open one on behalf of a customer with `organizationId` (and optionally `requesterId`).
 */
export async function createTicket(actor: TActor, input: TCreateTicket): Promise<TTicketView> {
  let organizationId: string;
  if (isStaff(actor)) {
    assert(canWork(actor));
    if (!input.organizationId) {
      throw new Invalid('organizationId', {
        en: 'Staff must name the organization',
        ko: '내부 직원은 고객사(organizationId)를 지정해야 합니다',
      });
    }
    organizationId = input.organizationId;
  } else {
    if (input.organizationId && input.organizationId !== actor.organizationId)
      throw new NotFound(ORGANIZATION);
    const staffField = STAFF_ONLY_FIELDS.find(
      (f) => input[f] !== undefined && !(f === 'requesterId' && input[f] === actor.userId),
    );
    if (staffField) {
      throw new Forbidden({
        en: `Only staff set ${staffField}`,
        ko: `${staffField}은(는) 내부 직원만 지정할 수 있습니다`,
      });
    }
    organizationId = actor.organizationId!;
  }

  // The view is assembled from what the transaction already read: no query after the commit.
  return db.transaction(async (tx) => {
    const requesterId = input.requesterId ?? (isStaff(actor) ? null : actor.userId);
    const names = await checkReferences(tx, { ...input, organizationId, requesterId });
    const { number, organization } = await nextNumber(tx, organizationId);
    const priority = input.priority ?? priorityOf(input.impact, input.urgency);
    const { contractId, settings } = await contractSlaForNewTicket(
      tx,
      organizationId,
      input.contractId,
      priority,
    );
    const createdAt = new Date();
    const sla = await slaForNewTicket(tx, settings, { status: 'new', createdAt });
    const [ticket] = await tx
      .insert(tickets)
      .values({
        number,
        organizationId,
        contractId,
        systemId: input.systemId ?? null,
        module: input.module ?? null,
        type: input.type,
        title: input.title,
        description: input.description,
        impact: input.impact,
        urgency: input.urgency,
        priority,
        isPriorityManual: input.priority !== undefined,
        requesterId,
        assigneeId: input.assigneeId ?? null,
        team: input.team ?? null,
        channel: input.channel ?? (isStaff(actor) ? 'internal' : 'portal'),
        tags: input.tags ?? [],
        sapNotes: input.sapNotes ?? [],
        transports: input.transports ?? [],
        plannedStart: input.plannedStart ? new Date(input.plannedStart) : null,
        plannedEnd: input.plannedEnd ? new Date(input.plannedEnd) : null,
        createdAt,
        updatedAt: createdAt,
        ...sla,
      })
      .returning();
    await indexNewTicket(tx, ticket!);
    await appendEvent(tx, actor, ticket!.id, { kind: 'created', visibility: 'public' });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'ticket',
      entityId: ticket!.id,
      after: ticket,
    });
    return {
      ticket: ticket!,
      organization,
      requesterName: requesterId ? (names.get(requesterId) ?? null) : null,
      assigneeName: ticket!.assigneeId ? (names.get(ticket!.assigneeId) ?? null) : null,
    };
  });
}
