import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { db } from '../db/current.js';
import { notifications } from '../db/schema.js';
import { NotFound } from '../http/errors.js';

export const NOTIFICATION = { en: 'notification', ko: '알림' };

/** Marks one of the caller's own notifications read; someone else's is not found. Reading twice keeps the first time. */
export async function markNotificationRead(actor: TActor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [own] = await tx
      .select({ id: notifications.id, readAt: notifications.readAt })
      .from(notifications)
      .where(and(eq(notifications.id, id), eq(notifications.userId, actor.userId)));
    if (!own) throw new NotFound(NOTIFICATION);
    const [read] = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.id, id), isNull(notifications.readAt)))
      .returning({ readAt: notifications.readAt });
    if (!read) return;
    await recordAudit(tx, actor, {
      action: 'read',
      entityType: 'notification',
      entityId: id,
      after: { readAt: read.readAt },
    });
  });
}
