import type { TOutboxMail } from '@hamkke/core';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, isAdmin } from '../auth/policy.js';
import { db } from '../db/current.js';
import { mailOutbox } from '../db/schema.js';
import { Conflict, NotFound } from '../http/errors.js';
import { ADMINS_ONLY, MAIL, presentOutboxMail } from './present-outbox-mail.js';

/**
 * Puts a failed or in-doubt mail back in the queue, due now (the admin's call: an in-doubt mail may
 * then arrive twice, with the same Message-ID). A mail still on its way is refused with 409.
 */
export async function retryOutboxMail(actor: TActor, id: string): Promise<TOutboxMail> {
  assert(isAdmin(actor), ADMINS_ONLY);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(mailOutbox).where(eq(mailOutbox.id, id)).for('update');
    if (!row) throw new NotFound(MAIL);
    if (row.status !== 'failed' && row.status !== 'in_doubt') {
      throw new Conflict({
        en: `The mail is ${row.status}; only a failed or in-doubt mail is sent again`,
        ko: `메일 상태가 ${row.status}입니다. 실패했거나 발송 여부가 불확실한 메일만 다시 보낼 수 있습니다`,
      });
    }
    const now = new Date();
    const [updated] = await tx
      .update(mailOutbox)
      .set({ status: 'pending', nextAttemptAt: now, requeuedAt: now, claimToken: null, leaseUntil: null })
      .where(eq(mailOutbox.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'retry',
      entityType: 'mail_outbox',
      entityId: id,
      before: { status: row.status, attempts: row.attempts, lastError: row.lastError },
      after: { status: 'pending' },
    });
    return presentOutboxMail(updated!);
  });
}
