import type { ZAuditQuery } from '@hamkke/core';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { TActor } from '../auth/actor.js';
import { assert, canManage } from '../auth/policy.js';
import { db } from '../db/current.js';
import { auditLog, users } from '../db/schema.js';

/** Managers and admins read the audit log, newest first, paged by id. */
export async function listAudit(actor: TActor, query: z.infer<typeof ZAuditQuery>) {
  assert(canManage(actor));
  const conditions: SQL[] = [];
  if (query.entityType) conditions.push(eq(auditLog.entityType, query.entityType));
  if (query.entityId) conditions.push(eq(auditLog.entityId, query.entityId));
  if (query.actorId) conditions.push(eq(auditLog.actorId, query.actorId));
  const cursor = Number(query.cursor);
  if (query.cursor && Number.isSafeInteger(cursor)) conditions.push(lt(auditLog.id, cursor));
  const rows = await db
    .select({ entry: auditLog, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(({ entry, actorName }) => ({
      id: String(entry.id),
      at: entry.createdAt.toISOString(),
      actor: entry.actorId ? { id: entry.actorId, name: actorName ?? '' } : null,
      sourceAddress: entry.sourceAddress,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before,
      after: entry.after,
    })),
    nextCursor: rows.length > query.limit ? String(page.at(-1)!.entry.id) : null,
  };
}
