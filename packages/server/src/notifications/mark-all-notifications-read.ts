import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { db } from '../db/current.js';
import { notifications } from '../db/schema.js';

/** Marks every unread notification of the caller read. */
export async function markAllNotificationsRead(actor: TActor): Promise<void> {
  await db.transaction(async (tx) => {
    const read = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    if (read.length === 0) return;
    await recordAudit(tx, actor, {
      action: 'read_all',
      entityType: 'notification',
      entityId: null,
      after: { count: read.length },
    });
  });
}
