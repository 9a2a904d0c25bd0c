import { SYSTEM_ACTOR, type TActor } from '../auth/actor.js';
import type { TDbOrTx } from '../db/database.js';
import { auditLog } from '../db/schema.js';

export type TAuditEntry = {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};

/** Appends to the audit log in the caller's transaction, so an audit row exists exactly when the write does. */
export async function recordAudit(tx: TDbOrTx, actor: TActor | null, entry: TAuditEntry): Promise<void> {
  await auditInsert(tx, actor, entry);
}

/** The INSERT of an audit row, to run alone or together with other writes (db/write-together.ts). */
export function auditInsert(tx: TDbOrTx, actor: TActor | null, entry: TAuditEntry) {
  return tx.insert(auditLog).values({
    actorId: actor && actor.userId !== SYSTEM_ACTOR.userId ? actor.userId : null,
    sourceAddress: actor?.sourceAddress ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
