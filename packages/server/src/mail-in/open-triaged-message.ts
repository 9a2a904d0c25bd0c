import type { TOpenTriaged } from '@hamkke/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { db } from '../db/current.js';
import { inboundMessages, organizations } from '../db/schema.js';
import { AppError, Invalid } from '../http/errors.js';
import { openTicketFromMessage } from './file-message.js';
import { getInboundMessage } from './get-inbound-message.js';
import { parseMessage } from './parse-message.js';
import type { TInboundListRow } from './present.js';
import { NOT_IN_TRIAGE } from './reject-triaged-message.js';
import type { TMailInSettings } from './settings.js';

/**
 * Opens a ticket from a message waiting in triage (admins), for the organization they choose; the
 * admin opens it and stands as uploader of its files. A failed attempt may be repeated: the ticket
 * already opened is kept, not opened twice.
 */
export async function openTriagedMessage(
  actor: TActor,
  id: string,
  input: TOpenTriaged,
  settings: TMailInSettings,
): Promise<TInboundListRow> {
  const before = await getInboundMessage(actor, id);
  const [org] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, input.organizationId));
  if (!org) throw new Invalid('organizationId', { en: 'No such organization', ko: '해당 고객사가 없습니다' });
  const [row] = await db
    .update(inboundMessages)
    .set({
      status: 'processing',
      attempts: sql`${inboundMessages.attempts} + 1`,
      claimedAt: new Date(),
      error: null,
    })
    .where(
      and(
        eq(inboundMessages.id, id),
        inArray(inboundMessages.status, ['triage', 'failed']),
        // A failed message that is not a triaged one goes through retry instead.
        before.status === 'failed'
          ? inArray(inboundMessages.reason, ['unknown_sender', 'no_organization'])
          : undefined,
      ),
    )
    .returning();
  if (!row) throw NOT_IN_TRIAGE;
  try {
    const mail = await parseMessage(row.raw);
    const ticketId = await openTicketFromMessage(row, mail, {
      creator: actor,
      uploader: actor,
      organizationId: input.organizationId,
      requesterId: input.requesterId ?? null,
      type: input.type,
      settings,
    });
    await db.transaction(async (tx) => {
      await tx
        .update(inboundMessages)
        .set({ status: 'processed', reason: 'opened_by_admin', processedAt: new Date(), claimedAt: null })
        .where(eq(inboundMessages.id, id));
      await recordAudit(tx, actor, {
        action: 'open_ticket',
        entityType: 'inbound_message',
        entityId: id,
        before: { status: before.status },
        after: { status: 'processed', ticketId, organizationId: input.organizationId },
      });
    });
  } catch (error) {
    // A refused choice (an AppError: bad requester…) leaves the message in triage; anything else
    // marks it failed with the error. Either way the admin may correct the choice and try again.
    await db
      .update(inboundMessages)
      .set({
        status: error instanceof AppError ? before.status : 'failed',
        error: (error instanceof Error ? error.message : String(error)).slice(0, 2000),
        claimedAt: null,
      })
      .where(eq(inboundMessages.id, id));
    throw error;
  }
  return getInboundMessage(actor, id);
}
