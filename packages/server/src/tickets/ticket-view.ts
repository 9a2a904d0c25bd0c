import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TDbOrTx } from '../db/database.js';
import { organizations, tickets, users } from '../db/schema.js';

export type TTicketRow = typeof tickets.$inferSelect;

const requester = alias(users, 'requester');
const assignee = alias(users, 'assignee');

/** A ticket with the names its page shows: organization, requester, assignee. */
export function selectTicketView(tx: TDbOrTx) {
  return tx
    .select({
      ticket: tickets,
      organization: { id: organizations.id, name: organizations.name, code: organizations.code },
      requesterName: requester.name,
      assigneeName: assignee.name,
    })
    .from(tickets)
    .innerJoin(organizations, eq(organizations.id, tickets.organizationId))
    .leftJoin(requester, eq(requester.id, tickets.requesterId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .$dynamic();
}

export type TTicketView = Awaited<ReturnType<ReturnType<typeof selectTicketView>['execute']>>[number];
