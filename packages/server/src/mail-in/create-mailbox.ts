import type { TCreateMailbox } from '@hamkke/core';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, isAdmin } from '../auth/policy.js';
import { db } from '../db/current.js';
import { mailMailboxes } from '../db/schema.js';
import { MAIL_ADMIN_ONLY } from './get-inbound-message.js';
import { auditedMailbox, checkMailboxOrganization, type TMailboxRow } from './get-mailbox.js';

/** Adds an IMAP mailbox to poll (admins). */
export async function createMailbox(actor: TActor, input: TCreateMailbox): Promise<TMailboxRow> {
  assert(isAdmin(actor), MAIL_ADMIN_ONLY);
  return db.transaction(async (tx) => {
    await checkMailboxOrganization(tx, input.defaultOrganizationId);
    const [row] = await tx.insert(mailMailboxes).values(input).returning();
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'mail_mailbox',
      entityId: row!.id,
      after: auditedMailbox(row!),
    });
    return row!;
  });
}
