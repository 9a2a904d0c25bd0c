import type { TUpdateMailbox } from '@hamkke/core';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, isAdmin } from '../auth/policy.js';
import { db } from '../db/current.js';
import { mailMailboxes } from '../db/schema.js';
import { MAIL_ADMIN_ONLY } from './get-inbound-message.js';
import { auditedMailbox, checkMailboxOrganization, getMailbox, type TMailboxRow } from './get-mailbox.js';

/** Changes a mailbox (admins); a password left out stays as it was. */
export async function updateMailbox(actor: TActor, id: string, input: TUpdateMailbox): Promise<TMailboxRow> {
  assert(isAdmin(actor), MAIL_ADMIN_ONLY);
  return db.transaction(async (tx) => {
    const before = await getMailbox(actor, id, tx);
    await checkMailboxOrganization(tx, input.defaultOrganizationId);
    const [row] = await tx
      .update(mailMailboxes)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(mailMailboxes.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'mail_mailbox',
      entityId: id,
      before: auditedMailbox(before),
      after: { ...auditedMailbox(row!), ...(input.password ? { passwordChanged: true } : {}) },
    });
    return row!;
  });
}
