import type { TNotificationPreference, TUpdateNotificationPreferences } from '@hamkke/core';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { db } from '../db/current.js';
import { notificationPreferences } from '../db/schema.js';
import { Invalid } from '../http/errors.js';
import { kindsFor } from './preferences.js';
import { preferencesOf } from './preferences-of.js';

/**
 * Changes the caller's choices for the kinds named; a kind that does not concern the caller (an SLA
 * warning for a customer user) is refused, naming the item.
 */
export async function updateNotificationPreferences(
  actor: TActor,
  input: TUpdateNotificationPreferences,
): Promise<TNotificationPreference[]> {
  const allowed = kindsFor(actor.role);
  input.items.forEach((item, i) => {
    if (!allowed.includes(item.kind))
      throw new Invalid(`items.${i}.kind`, {
        en: `${item.kind} notifications are not sent to your role`,
        ko: `${item.kind} 알림은 이 역할의 사용자에게 보내지 않습니다`,
      });
  });
  return db.transaction(async (tx) => {
    const before = await preferencesOf(tx, actor);
    const values = input.items.map((item) => {
      const current = before.find((p) => p.kind === item.kind)!;
      return {
        userId: actor.userId,
        kind: item.kind,
        inApp: item.inApp ?? current.inApp,
        email: item.email ?? current.email,
        updatedAt: new Date(),
      };
    });
    for (const value of values) {
      await tx
        .insert(notificationPreferences)
        .values(value)
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.kind],
          set: { inApp: value.inApp, email: value.email, updatedAt: value.updatedAt },
        });
    }
    const after = await preferencesOf(tx, actor);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'notification_preferences',
      entityId: actor.userId,
      before: before.filter((p) => values.some((v) => v.kind === p.kind)),
      after: values.map(({ kind, inApp, email }) => ({ kind, inApp, email })),
    });
    return after;
  });
}
