import { and, eq, inArray } from 'drizzle-orm';
import type { TDbOrTx } from '../db/database.js';
import { notifications, users } from '../db/schema.js';

export type TNotification = {
  kind: string;
  ticketId?: string | null;
  contractId?: string | null;
  data?: Record<string, unknown>;
};

/** Queues a notification for each of `userIds` (deduplicated) in the caller's transaction. */
export async function notify(
  tx: TDbOrTx,
  userIds: (string | null | undefined)[],
  n: TNotification,
): Promise<void> {
  const unique = [...new Set(userIds.filter((id): id is string => Boolean(id)))];
  if (unique.length === 0) return;
  await tx.insert(notifications).values(
    unique.map((userId) => ({
      userId,
      kind: n.kind,
      ticketId: n.ticketId ?? null,
      contractId: n.contractId ?? null,
      data: n.data ?? {},
    })),
  );
}

/** The active managers: who hears of escalations and contract-hour alerts (teams come with the team issue). */
export async function managerIds(tx: TDbOrTx): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, ['manager']), eq(users.isActive, true)));
  return rows.map((r) => r.id);
}
