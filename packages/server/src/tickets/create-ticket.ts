import { priorityOf, type TCreateTicket } from '@hamkke/core';
import { eq, sql } from 'drizzle-orm';
import { assignmentEventInsert } from '../assignment/assignment-event.js';
import { assignmentCandidatesSql, chooseAssignee } from '../assignment/choose-assignee.js';
import { auditInsert } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canWork, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import type { TTx } from '../db/database.js';
import { contracts, organizations, slaPolicies, tickets } from '../db/schema.js';
import { writeTogether } from '../db/write-together.js';
import { Forbidden, Invalid, NotFound } from '../http/errors.js';
import { notify } from '../notifications/notify.js';
import { onCallAssignee } from '../oncall/on-call-assignee.js';
import { ORGANIZATION } from '../organizations/get-organization.js';
import { newTicketSearchInsert } from '../search/refresh-ticket-search.js';
import { CONTRACT_SLA_FIELDS, contractSlaJoin, contractSlaOf } from '../sla/resolve-sla.js';
import { slaForNewTicket } from '../sla/ticket-sla.js';
import { eventInsert } from './append-event.js';
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

/**
 * Hands out the next number of the organization, e.g. `HNX-000124` (the row lock orders concurrent
 * creates), and finds in the same round trip the contract the ticket runs on, its SLA policy and,
 * for a ticket to be assigned by rule (`toAssign`; null when it has an assignee), the candidates.
 */
export async function nextNumberAndContract(
  tx: TTx,
  organizationId: string,
  contractId: string | null | undefined,
  toAssign: { module: string | null } | null,
) {
  const org = tx.$with('org').as(
    tx
      .update(organizations)
      .set({ ticketSeq: sql`${organizations.ticketSeq} + 1` })
      .where(eq(organizations.id, organizationId))
      .returning({
        id: organizations.id,
        name: organizations.name,
        code: organizations.code,
        seq: organizations.ticketSeq,
      }),
  );
  const join = contractSlaJoin(tx, sql`${org.id}`, contractId);
  const [row] = await tx
    .with(org)
    .select({
      id: org.id,
      name: org.name,
      code: org.code,
      seq: org.seq,
      ...CONTRACT_SLA_FIELDS,
      candidates: toAssign
        ? assignmentCandidatesSql({ organizationId, module: toAssign.module })
        : sql<null>`null`,
    })
    .from(org)
    .leftJoin(contracts, join.contract)
    .leftJoin(slaPolicies, join.policy)
    .orderBy(join.order)
    .limit(1);
  if (!row) throw new NotFound(ORGANIZATION);
  return {
    number: `${row.code}-${String(row.seq).padStart(6, '0')}`,
    organization: { id: row.id, name: row.name, code: row.code } satisfies TTicketView['organization'],
    contract: row,
    candidates: row.candidates,
  };
}

/**
 * Writes a new ticket with its first search documents, its `created` event and its audit row — the
 * ticket in one statement, the rest in a second (db/write-together.ts) — in the caller's transaction.
 * The number and contract come from nextNumberAndContract. createTicket and the inspections' staff
 * tickets both open tickets through it.
 */
export async function insertTicket(
  tx: TTx,
  actor: TActor,
  values: typeof tickets.$inferInsert,
): Promise<typeof tickets.$inferSelect> {
  const [ticket] = await tx.insert(tickets).values(values).returning();
  await writeTogether(
    tx,
    newTicketSearchInsert(tx, ticket!),
    eventInsert(tx, actor, ticket!.id, { kind: 'created', visibility: 'public' }),
    auditInsert(tx, actor, { action: 'create', entityType: 'ticket', entityId: ticket!.id, after: ticket }),
  );
  return ticket!;
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
  return db.transaction((tx) => openTicketIn(tx, actor, organizationId, input));
}

/**
 * createTicket's writes inside the caller's transaction, for a use case whose own record must exist
 * exactly when the ticket does (a meeting decision): numbering, contract SLA, assignment rules,
 * search, timeline, audit and the receipt. The caller has authorized the actor and the organization.
 */
export async function openTicketIn(
  tx: TTx,
  actor: TActor,
  organizationId: string,
  input: TCreateTicket,
): Promise<TTicketView> {
  const requesterId = input.requesterId ?? (isStaff(actor) ? null : actor.userId);
  const names = await checkReferences(tx, { ...input, organizationId, requesterId });
  const { number, organization, contract, candidates } = await nextNumberAndContract(
    tx,
    organizationId,
    input.contractId,
    input.assigneeId ? null : { module: input.module ?? null },
  );
  const priority = input.priority ?? priorityOf(input.impact, input.urgency);
  // Automatic assignment (docs/team.md; out-of-hours P1 incidents: docs/oncall.md): never consulted
  // when the creator named an assignee.
  const assignment = candidates
    ? ((await onCallAssignee(tx, {
        organizationId,
        module: input.module ?? null,
        type: input.type,
        priority,
        calendarKey: contract.calendarKey,
      })) ?? (await chooseAssignee(tx, { organizationId, module: input.module ?? null }, candidates)))
    : null;
  const { contractId, settings } = contractSlaOf(contract, priority);
  const createdAt = new Date();
  const sla = await slaForNewTicket(tx, settings, { status: 'new', createdAt });
  const ticket = await insertTicket(tx, actor, {
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
    assigneeId: input.assigneeId ?? assignment?.assigneeId ?? null,
    team: input.team ?? assignment?.teamName ?? null,
    channel: input.channel ?? (isStaff(actor) ? 'internal' : 'portal'),
    tags: input.tags ?? [],
    sapNotes: input.sapNotes ?? [],
    transports: input.transports ?? [],
    plannedStart: input.plannedStart ? new Date(input.plannedStart) : null,
    plannedEnd: input.plannedEnd ? new Date(input.plannedEnd) : null,
    createdAt,
    updatedAt: createdAt,
    ...sla,
  });
  // After the `created` event, so the timeline reads in order.
  if (assignment) await assignmentEventInsert(tx, ticket.id, assignment);
  // The receipt is the one notice about a person's own change: it gives them the number and the
  // mail thread to reply in. Staff who open a ticket for themselves need none.
  await notify(tx, [requesterId], {
    kind: 'ticket_received',
    ticketId: ticket.id,
    data: { number, title: ticket.title },
    actorId: isStaff(actor) ? actor.userId : null,
  });
  return {
    ticket: ticket,
    organization,
    requesterName: requesterId ? (names.get(requesterId) ?? null) : null,
    assigneeName: ticket.assigneeId
      ? (names.get(ticket.assigneeId) ?? assignment?.assigneeName ?? null)
      : null,
  };
}
