import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { db } from '../db/current.js';
import { Conflict } from '../http/errors.js';
import { getInboundMessage } from './get-inbound-message.js';
import type { TInboundListRow } from './present.js';
import { processInbound } from './process-inbound.js';
import type { TMailInSettings } from './settings.js';

/**
 * Processes a stored message again (admins): a failed one, or one held (rate limit), ignored,
 * rejected or triaged. Steps already done are not repeated; a processed message is not taken twice.
 */
export async function retryInboundMessage(
  actor: TActor,
  id: string,
  settings: TMailInSettings,
): Promise<TInboundListRow> {
  const before = await getInboundMessage(actor, id);
  if (before.status === 'processed' || before.status === 'processing') {
    throw new Conflict(
      {
        en: `The message is ${before.status} already`,
        ko: `이미 ${before.status === 'processed' ? '처리된' : '처리 중인'} 메일입니다`,
      },
      [{ path: 'status', message: `Message is ${before.status}`, in: 'path' }],
    );
  }
  await recordAudit(db, actor, {
    action: 'retry',
    entityType: 'inbound_message',
    entityId: id,
    before: { status: before.status, reason: before.reason, error: before.error },
  });
  await processInbound(id, settings, { isRetry: true, actor });
  return getInboundMessage(actor, id);
}
