import type { TListOutboxQuery, TOutboxMail } from '@hamkke/core';
import { and, desc, inArray, type SQL, sql } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { assert, isAdmin } from '../auth/policy.js';
import { db } from '../db/current.js';
import { mailOutbox } from '../db/schema.js';
import { ADMINS_ONLY, decodeCursor, presentOutboxMail } from './present-outbox-mail.js';

/** The outbox, newest first, a page at a time: what was sent, what waits, what failed and why. */
export async function listOutbox(
  actor: TActor,
  query: TListOutboxQuery,
): Promise<{ items: TOutboxMail[]; nextCursor: string | null }> {
  assert(isAdmin(actor), ADMINS_ONLY);
  const conditions: (SQL | undefined)[] = [];
  if (query.status) conditions.push(inArray(mailOutbox.status, query.status));
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    conditions.push(sql`(${mailOutbox.createdAt}, ${mailOutbox.id}) < (${c.at}, ${c.id})`);
  }
  const rows = await db
    .select()
    .from(mailOutbox)
    .where(and(...conditions))
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map(presentOutboxMail),
    nextCursor:
      rows.length > query.limit && last
        ? Buffer.from(JSON.stringify({ at: last.createdAt.toISOString(), id: last.id })).toString('base64url')
        : null,
  };
}
