import { and, eq } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import { attachments } from '../db/schema.js';
import { NotFound } from '../http/errors.js';
import type { TAttachmentRow } from './add-attachment.js';
import { getTicketView } from './get-ticket.js';

const ATTACHMENT = { en: 'attachment', ko: '첨부 파일' };

/** An attachment of a ticket the actor may see; internal attachments do not exist for customers. */
export async function getAttachment(
  actor: TActor,
  ticketRef: string,
  attachmentId: string,
): Promise<TAttachmentRow> {
  const { ticket } = await getTicketView(actor, ticketRef);
  const [row] = await db
    .select()
    .from(attachments)
    .where(
      and(
        eq(attachments.id, attachmentId),
        eq(attachments.ticketId, ticket.id),
        isStaff(actor) ? undefined : eq(attachments.visibility, 'public'),
      ),
    );
  if (!row) throw new NotFound(ATTACHMENT);
  return row;
}
