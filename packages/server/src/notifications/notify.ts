import { and, eq, inArray } from 'drizzle-orm';
import type { TDbOrTx } from '../db/database.js';
import { mailOutbox, notificationPreferences, notifications, users } from '../db/schema.js';
import { writeTogether } from '../db/write-together.js';
import { mailRowsFor } from '../mail-out/queue-mail.js';
import { isMailKind, kindsFor, preferenceOf } from './preferences.js';

export type TNotification = {
  kind: string;
  ticketId?: string | null;
  contractId?: string | null;
  data?: Record<string, unknown>;
  /** The person whose change this is: never told about their own change. */
  actorId?: string | null;
  /** Text for the mail only (`authorName`, `commentBody`), kept out of the in-app notification. */
  mail?: Record<string, string>;
};

/**
 * Notifies each of `userIds` (deduplicated, the actor left out) in the caller's transaction: an
 * in-app notification and, for the kinds that have a mail, a row in the mail outbox, each as the
 * person's preferences for the kind say (notifications/preferences.ts). Customer users get only the
 * kinds that concern them. A kind without a mail template is in-app only, for everyone.
 */
export async function notify(
  tx: TDbOrTx,
  userIds: (string | null | undefined)[],
  n: TNotification,
): Promise<void> {
  const unique = [...new Set(userIds.filter((id): id is string => Boolean(id) && id !== n.actorId))];
  if (unique.length === 0) return;
  const inApp = (ids: string[]) =>
    tx.insert(notifications).values(
      ids.map((userId) => ({
        userId,
        kind: n.kind,
        ticketId: n.ticketId ?? null,
        contractId: n.contractId ?? null,
        data: n.data ?? {},
      })),
    );
  const kind = n.kind;
  if (!isMailKind(kind)) {
    await inApp(unique);
    return;
  }
  const people = await tx
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      role: users.role,
      isActive: users.isActive,
      inApp: notificationPreferences.inApp,
      mail: notificationPreferences.email,
    })
    .from(users)
    .leftJoin(
      notificationPreferences,
      and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.kind, kind)),
    )
    .where(inArray(users.id, unique));
  const chosen = people
    .filter((p) => kindsFor(p.role).includes(kind))
    .map((p) => ({
      person: p,
      preference: preferenceOf(kind, p.inApp === null ? null : { inApp: p.inApp, email: p.mail ?? false }),
    }));
  const inAppTo = chosen.filter((c) => c.preference.inApp).map((c) => c.person.id);
  const mailTo = chosen.filter((c) => c.preference.email && c.person.isActive).map((c) => c.person);
  const mails = mailTo.length ? await mailRowsFor(tx, { ...n, kind }, mailTo) : [];
  // Both inserts in one statement: one round trip in the use case's transaction.
  const writes = [
    ...(inAppTo.length ? [inApp(inAppTo)] : []),
    ...(mails.length ? [tx.insert(mailOutbox).values(mails)] : []),
  ];
  await writeTogether(tx, ...writes);
}

/** The active managers: who hears of escalations and contract-hour alerts (teams come with the team issue). */
export async function managerIds(tx: TDbOrTx): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, ['manager']), eq(users.isActive, true)));
  return rows.map((r) => r.id);
}
