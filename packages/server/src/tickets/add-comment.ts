import type { TCreateComment, TTicketStatus } from '@hamkke/core';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canWork, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import { comments, tickets } from '../db/schema.js';
import { notifyComment } from '../notifications/notify-comment.js';
import { refreshTicketSearch } from '../search/refresh-ticket-search.js';
import { slaAfterChange } from '../sla/ticket-sla.js';
import { appendEvent } from './append-event.js';
import { lockTicket } from './get-ticket.js';
import { assertTakesPublicPosts } from './policy.js';

export type TCommentRow = typeof comments.$inferSelect;

/** When the customer answers, the ticket goes back to the team: waiting → working, resolved → reopened. */
function statusAfterCustomerReply(status: TTicketStatus, hasAssignee: boolean): TTicketStatus | null {
  if (status === 'waiting_customer') return hasAssignee ? 'in_progress' : 'open';
  if (status === 'resolved') return 'open';
  return null;
}

/**
 * Adds a public reply or an internal note. Customers write public replies only; a closed or
 * cancelled ticket takes internal notes but no more replies.
 */
export async function addComment(
  actor: TActor,
  ticketRef: string,
  input: TCreateComment,
): Promise<TCommentRow> {
  return db.transaction(async (tx) => {
    const ticket = await lockTicket(actor, ticketRef, tx);
    assert(isStaff(actor) ? canWork(actor) : input.visibility === 'public', {
      en: 'Customers cannot write internal notes',
      ko: '고객은 내부 메모를 작성할 수 없습니다',
    });
    assertTakesPublicPosts(ticket, input.visibility);
    const [comment] = await tx
      .insert(comments)
      .values({ ticketId: ticket.id, authorId: actor.userId, body: input.body, visibility: input.visibility })
      .returning();
    await refreshTicketSearch(tx, ticket.id);
    await appendEvent(tx, actor, ticket.id, {
      kind: 'comment',
      visibility: input.visibility,
      subjectId: comment!.id,
    });

    const now = new Date();
    const next = isStaff(actor)
      ? null
      : statusAfterCustomerReply(ticket.status as TTicketStatus, Boolean(ticket.assigneeId));
    // The first public reply by staff stops the response clock.
    const isFirstResponse = canWork(actor) && input.visibility === 'public' && !ticket.firstResponseAt;
    if (next || isFirstResponse) {
      const change = next ? { status: next, resolvedAt: null } : { firstResponseAt: now };
      const sla = await slaAfterChange(tx, ticket, { ...ticket, ...change }, now);
      await tx
        .update(tickets)
        .set({ ...change, ...sla.patch, ...(next ? { version: sql`${tickets.version} + 1` } : {}) })
        .where(eq(tickets.id, ticket.id));
    }
    if (next) {
      await appendEvent(tx, actor, ticket.id, {
        kind: 'changed',
        visibility: 'public',
        data: { changes: [{ field: 'status', from: ticket.status, to: next }], reason: 'customer_reply' },
      });
    }
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'comment',
      entityId: comment!.id,
      after: { ticketId: ticket.id, visibility: input.visibility, length: input.body.length },
    });
    await notifyComment(tx, actor, ticket, comment!);
    return comment!;
  });
}
