import type { TRejectTriaged } from '@hamkke/core';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { db } from '../db/current.js';
import { inboundMessages } from '../db/schema.js';
import { Conflict } from '../http/errors.js';
import { getInboundMessage } from './get-inbound-message.js';
import type { TInboundListRow } from './present.js';

export const NOT_IN_TRIAGE = new Conflict(
  { en: 'The message is not waiting in triage', ko: '분류 대기(triage) 중인 메일이 아닙니다' },
  [{ path: 'status', message: 'Expected status triage', in: 'path' }],
);

/** Rejects a message waiting in triage (admins): kept, but never filed. */
export async function rejectTriagedMessage(
  actor: TActor,
  id: string,
  input: TRejectTriaged,
): Promise<TInboundListRow> {
  await getInboundMessage(actor, id);
  return db.transaction(async (tx) => {
    const reason = input.reason ? `rejected_by_admin: ${input.reason}` : 'rejected_by_admin';
    const [row] = await tx
      .update(inboundMessages)
      .set({ status: 'rejected', reason, processedAt: new Date() })
      .where(and(eq(inboundMessages.id, id), eq(inboundMessages.status, 'triage')))
      .returning({ id: inboundMessages.id });
    if (!row) throw NOT_IN_TRIAGE;
    await recordAudit(tx, actor, {
      action: 'reject',
      entityType: 'inbound_message',
      entityId: id,
      before: { status: 'triage' },
      after: { status: 'rejected', reason },
    });
    return getInboundMessage(actor, id, tx);
  });
}
