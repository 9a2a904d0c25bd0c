import type { TNotificationPreference } from '@hamkke/core';
import { eq } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import type { TDbOrTx } from '../db/database.js';
import { notificationPreferences } from '../db/schema.js';
import { kindsFor, preferenceOf } from './preferences.js';

/** The actor's choice for every kind their role receives: the stored row, else the default. */
export async function preferencesOf(tx: TDbOrTx, actor: TActor): Promise<TNotificationPreference[]> {
  const rows = await tx
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, actor.userId));
  return kindsFor(actor.role).map((kind) =>
    preferenceOf(
      kind,
      rows.find((r) => r.kind === kind),
    ),
  );
}
