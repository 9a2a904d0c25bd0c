import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, isAdmin } from '../auth/policy.js';
import { db } from '../db/current.js';
import { inboundMessages, mailMailboxes } from '../db/schema.js';
import { Conflict } from '../http/errors.js';
import { MAIL_ADMIN_ONLY } from './get-inbound-message.js';
import { auditedMailbox, getMailbox } from './get-mailbox.js';

/** Removes a mailbox that never took a message; one that did is deactivated instead (its mail stays). */
export async function deleteMailbox(actor: TActor, id: string): Promise<void> {
  assert(isAdmin(actor), MAIL_ADMIN_ONLY);
  await db.transaction(async (tx) => {
    const before = await getMailbox(actor, id, tx);
    const [used] = await tx
      .select({ id: inboundMessages.id })
      .from(inboundMessages)
      .where(eq(inboundMessages.mailboxId, id))
      .limit(1);
    if (used)
      throw new Conflict({
        en: 'The mailbox has taken messages; deactivate it (isActive: false) instead',
        ko: '이 메일함으로 받은 메일이 있어 삭제할 수 없습니다. 대신 비활성화(isActive: false)하세요',
      });
    await tx.delete(mailMailboxes).where(eq(mailMailboxes.id, id));
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'mail_mailbox',
      entityId: id,
      before: auditedMailbox(before),
    });
  });
}
